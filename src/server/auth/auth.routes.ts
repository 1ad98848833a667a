import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../http/errors.ts";
import type { AppEnv } from "../http/router.ts";
import { clientIpHeader } from "./auth.ts";
import { reserveSignInAttempt, settleSignInAttempt } from "./sign-in-limiter.ts";

function emailIn(body: string): string | undefined {
  try {
    const email = (JSON.parse(body) as { email?: unknown }).email;
    return typeof email === "string" ? email : undefined;
  } catch {
    return undefined;
  }
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
    if (c.req.path !== "/api/auth/sign-in/email" || c.req.method !== "POST") return forward(c, body, ip);

    const { db } = c.var.deps;
    const email = emailIn(body ?? "");
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
