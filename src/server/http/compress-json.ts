import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Context } from "hono";
import { parseAccept } from "hono/utils/accept";

/** Answers shorter than this go as they are: compressing them costs more than it saves. */
export const compressFromBytes = 1024;

type Encoding = "br" | "gzip";

const brotli = promisify(brotliCompress);
const compressors: Record<Encoding, (text: string) => Promise<Buffer>> = {
  // Quality 4: smaller than gzip's default for JSON, at about its speed (11, the default, is for files
  // compressed once at build time).
  br: (text) => brotli(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  gzip: promisify(gzip),
};

/** The encoding an `Accept-Encoding` header allows, brotli first, or null for none. */
export function chosenEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = parseAccept(acceptEncoding);
  const weightOf = (name: string) =>
    accepted.find((entry) => entry.type.toLowerCase() === name)?.q ??
    accepted.find((entry) => entry.type === "*")?.q ??
    0;
  const br = weightOf("br");
  const gz = weightOf("gzip");
  if (br > 0 && br >= gz) return "br";
  return gz > 0 ? "gzip" : null;
}

/**
 * Makes this request's JSON answers compressed when they are long. Hono's compress middleware cannot
 * see a JSON answer's length (it carries no Content-Length), so it piped every answer, a few bytes
 * included, through a web CompressionStream: a browser's read of its profile cost three times the
 * processor time of one that asked for no compression. Here the length is known from the text, and
 * the long ones are compressed on libuv's thread pool, off the thread that serves requests.
 */
export function compressLongJson(c: Context, encoding: Encoding): void {
  const answer = c.body as (data: string | Uint8Array | null, ...rest: unknown[]) => Response;
  c.json = ((object: unknown, ...rest: unknown[]) => {
    const text: string | undefined = JSON.stringify(object);
    c.header("Content-Type", "application/json");
    if (text === undefined || text.length < compressFromBytes) return answer(text ?? null, ...rest);
    return compressors[encoding](text).then((bytes) => {
      c.header("Content-Encoding", encoding);
      c.header("Vary", "Accept-Encoding");
      return answer(bytes, ...rest);
    });
  }) as typeof c.json;
}
