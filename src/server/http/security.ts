import type { ServerResponse } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { AppError } from "./errors.ts";

export function securityHeaders(https: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Style files from this origin, and <style> elements carrying this response's nonce (the web app
      // hands it to the dialog library, which adds one while a dialog is open). No 'unsafe-inline' and
      // no style attributes in markup: see docs/security.md.
      styleSrc: ["'self'", NONCE],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: https ? "max-age=31536000; includeSubDomains" : false,
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The headers of every API answer, set before the route runs so no answer is rebuilt to add them. JSON
 * is never a page, so its policy allows nothing to load or frame it (and needs no nonce).
 */
export function apiSecurityHeaders(https: boolean): MiddlewareHandler {
  const headers: [string, string][] = [
    [
      "Content-Security-Policy",
      "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ],
    ["Cache-Control", "private, no-store"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Origin-Agent-Cluster", "?1"],
    ["X-DNS-Prefetch-Control", "off"],
    ["X-Download-Options", "noopen"],
    ["X-Permitted-Cross-Domain-Policies", "none"],
    ["X-XSS-Protection", "0"],
    ...(https
      ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]]
      : []),
  ];
  return async (c, next) => {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing?.setHeader && !c.req.path.startsWith("/api/auth/")) {
      // Served by Node: the headers go onto Node's own response, which keeps them under whatever the
      // route answers, so no web Headers object is built and copied for them on every request. The
      // account routes answer with better-auth's own headers, checked below.
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    for (const [name, value] of headers) c.header(name, value);
    await next();
    // A handler that answers with its own Response object (the account routes) drops headers set
    // before it: add them again, on that path only.
    if (c.res.headers.get("x-content-type-options") !== "nosniff") {
      for (const [name, value] of headers) c.header(name, value);
    } else if (c.res.headers.get("cache-control") !== "private, no-store") {
      c.header("Cache-Control", "private, no-store");
    }
  };
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;
// RFC 8058 one-click unsubscribe: a mail provider POSTs List-Unsubscribe=One-Click as a form, with no
// Origin. The token in the path is the only credential and all it can do is stop one kind of email,
// so a forged request gains nothing a CSRF check would prevent.
const oneClickUnsubscribe = /^\/api\/unsubscribe\/[^/]+$/;

// Browsers send Origin or Sec-Fetch-Site with every cross-site write; a request with neither
// comes from a non-browser client, which must send JSON (a type no HTML form can produce).
export function crossSiteWriteCheck(trustedOrigin: string): (c: Context) => void {
  return (c) => {
    if (!unsafeMethods.has(c.req.method)) return;
    if (c.req.method === "POST" && oneClickUnsubscribe.test(c.req.path)) return;
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const contentType = c.req.header("content-type") ?? "";
    const rejected =
      (origin !== undefined && origin !== trustedOrigin) ||
      (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") ||
      (origin === undefined && fetchSite === undefined && formTypes.test(contentType));
    if (rejected) throw new AppError("CSRF", "This request came from another site and was refused.");
  };
}
