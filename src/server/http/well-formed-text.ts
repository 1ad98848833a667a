import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors.ts";

const loneSurrogate = /\p{Cs}/u;
const bodyMethods = new Set(["POST", "PUT", "PATCH"]);

/** The path of the first key or string value holding half of a UTF-16 pair, or null when all text is whole. */
export function findBrokenText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return loneSurrogate.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findBrokenText(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (loneSurrogate.test(key)) return [...path, key];
      const found = findBrokenText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

// JSON may carry "\ud800" alone, which no database stores as jsonb: refuse it here, naming the
// field, so no route reaches the database with it and answers a 500.
export function wellFormedJsonText(): MiddlewareHandler {
  return async (c, next) => {
    if (!bodyMethods.has(c.req.method) || !/json/i.test(c.req.header("content-type") ?? "")) return next();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return next();
    }
    const path = findBrokenText(body);
    if (path) {
      throw new AppError(
        "VALIDATION",
        "This text holds a broken character (half of an emoji or symbol). Retype it and try again.",
        path.join(".") || undefined,
      );
    }
    return next();
  };
}
