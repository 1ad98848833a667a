import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors.ts";

const loneSurrogate = /\p{Cs}/u;
const bodyMethods = new Set(["POST", "PUT", "PATCH"]);

/** No form or API call of Sidecar nests deeper than this; anything deeper is an attack on the parser. */
export const maxJsonDepth = 32;

export type TextProblem = { problem: "too-deep" | "broken" | "nul"; path: string[] };

/**
 * The first thing in a parsed JSON body that no route should receive: nesting deeper than
 * `maxJsonDepth`, a key or string holding half of a UTF-16 pair (no database stores it), or, where
 * asked, a NUL character (PostgreSQL text cannot hold it). Walks without recursion, so no depth of
 * input can overflow the stack.
 */
export function findTextProblem(body: unknown, options: { refuseNul?: boolean } = {}): TextProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: body, path: [] }];
  const bad = (text: string) =>
    loneSurrogate.test(text) ? "broken" : options.refuseNul && text.includes("\u0000") ? "nul" : null;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] };
    if (path.length > maxJsonDepth) return { problem: "too-deep", path: [] };
    if (typeof value === "string") {
      const problem = bad(value);
      if (problem) return { problem, path };
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        stack.push({ value: value[index], path: [...path, String(index)] });
      }
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value).reverse()) {
        const problem = bad(key);
        if (problem) return { problem, path: [...path, key] };
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

const messages: Record<TextProblem["problem"], string> = {
  "too-deep": `The request body is nested more than ${maxJsonDepth} levels deep; no Sidecar request needs that.`,
  broken: "This text holds a broken character (half of an emoji or symbol). Retype it and try again.",
  nul: "Remove the invisible control characters from this text.",
};

export function textProblemError(found: TextProblem): AppError {
  return new AppError("VALIDATION", messages[found.problem], found.path.join(".") || undefined);
}

// JSON may carry "\ud800" alone or a NUL, which no database stores as text or jsonb, or be nested
// thousands deep: refuse all three here, naming the field, so no route reaches the database with one
// (an id or a key its schema takes as any string included) and answers a 500.
export function wellFormedJsonText(): MiddlewareHandler {
  return async (c, next) => {
    if (!bodyMethods.has(c.req.method) || !/json/i.test(c.req.header("content-type") ?? "")) return next();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return next();
    }
    const found = findTextProblem(body, { refuseNul: true });
    if (found) throw textProblemError(found);
    return next();
  };
}
