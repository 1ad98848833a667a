import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { personName } from "../../shared/text.ts";
import { AppError, validationError } from "../http/errors.ts";
import type { AppEnv } from "../http/router.ts";
import { resolveViewer } from "../http/viewer.ts";
import { findTextProblem, textProblemError } from "../http/well-formed-text.ts";
import { clientIpHeader } from "./auth.ts";
import { reserveSignInAttempt, settleSignInAttempt } from "./sign-in-limiter.ts";

function parseJson(body: string | undefined): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function emailIn(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : undefined;
}

// better-auth stores a name as given; every path that sets one follows the profile's rules instead.
const nameRules: Record<string, z.ZodType> = {
  "/api/auth/sign-up/email": z.object({ name: personName() }),
  "/api/auth/update-user": z.object({ name: personName().optional(), image: z.null().optional() }).strict(),
};

// Routes that check the signed-in member's password: each is a way to guess it, so each counts
// against the same limits as signing in.
const passwordCheckedPaths = new Set([
  "/api/auth/verify-password",
  "/api/auth/change-password",
  "/api/auth/delete-user",
  "/api/auth/two-factor/enable",
  "/api/auth/two-factor/disable",
  "/api/auth/two-factor/generate-backup-codes",
]);

async function isWrongPassword(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: unknown } | null;
  return body?.code === "INVALID_PASSWORD";
}

function stripTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTokens);
  if (!value || typeof value !== "object") return value;
  const { token: _token, ...rest } = value as Record<string, unknown>;
  if ("session" in rest) rest.session = stripTokens(rest.session);
  return rest;
}

// The session lives in an HttpOnly cookie; echoing its token in a JSON body would hand it to page scripts.
async function withoutSessionTokens(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(stripTokens(body)), { status: response.status, headers });
}

// better-auth reads the client address from one header; we set it ourselves so no client can forge it.
async function forward(c: Context<AppEnv>, body: string | undefined, ip: string) {
  const headers = new Headers(c.req.raw.headers);
  headers.set(clientIpHeader, ip);
  const request = new Request(c.req.raw.url, {
    method: c.req.method,
    headers,
    body,
    signal: c.req.raw.signal,
  });
  const response = await withoutSessionTokens(await c.var.deps.auth.handler(request));
  const retryAfter = response.headers.get("x-retry-after");
  if (response.status === 429 && retryAfter && !response.headers.has("retry-after")) {
    const headers = new Headers(response.headers);
    headers.set("Retry-After", retryAfter);
    return new Response(response.body, { status: 429, headers });
  }
  return response;
}

export function authRoutes(clientIp: (c: Context<AppEnv>) => string) {
  return new Hono<AppEnv>().on(["GET", "POST"], "/api/auth/*", async (c) => {
    const ip = clientIp(c);
    const body = c.req.method === "POST" ? await c.req.text() : undefined;
    if (
      body !== undefined &&
      body.length > 0 &&
      !(c.req.header("content-type") ?? "").includes("application/json")
    ) {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the request body as JSON (Content-Type: application/json).",
      );
    }
    const json = parseJson(body);
    const problem = json === undefined ? null : findTextProblem(json, { refuseNul: true });
    if (problem) throw textProblemError(problem);
    const rules = c.req.method === "POST" ? nameRules[c.req.path] : undefined;
    const checked = rules?.safeParse(json ?? {});
    if (checked && !checked.success) throw validationError(checked.error);

    const { db, auth, config } = c.var.deps;
    // One session check for every route, better-auth's too: a session past its absolute age, or of a
    // disabled account, ends here before better-auth would honour it.
    const viewer = c.req.header("cookie")
      ? await resolveViewer({ auth, db, sessionMaxSeconds: config.sessionMaxSeconds }, c.req.raw.headers)
      : null;
    if (viewer && c.req.method === "POST" && passwordCheckedPaths.has(c.req.path)) {
      await reserveSignInAttempt(db, viewer.email, ip);
      const response = await forward(c, body, ip);
      const outcome = (await isWrongPassword(response)) ? "wrong-password" : "other";
      await settleSignInAttempt(db, viewer.email, ip, outcome);
      return response;
    }
    if (c.req.path !== "/api/auth/sign-in/email" || c.req.method !== "POST") return forward(c, body, ip);

    const email = emailIn(json);
    await reserveSignInAttempt(db, email, ip);
    const response = await forward(c, body, ip);
    await settleSignInAttempt(
      db,
      email,
      ip,
      response.status === 401 ? "wrong-password" : response.ok ? "signed-in" : "other",
    );
    return response;
  });
}
