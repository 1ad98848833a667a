import type { MiddlewareHandler } from "hono";
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

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;
// RFC 8058 one-click unsubscribe: a mail provider POSTs List-Unsubscribe=One-Click as a form, with no
// Origin. The token in the path is the only credential and all it can do is stop one kind of email,
// so a forged request gains nothing a CSRF check would prevent.
const oneClickUnsubscribe = /^\/api\/unsubscribe\/[^/]+$/;

// Browsers send Origin or Sec-Fetch-Site with every cross-site write; a request with neither
// comes from a non-browser client, which must send JSON (a type no HTML form can produce).
export function csrfProtection(trustedOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method)) return next();
    if (c.req.method === "POST" && oneClickUnsubscribe.test(c.req.path)) return next();
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const contentType = c.req.header("content-type") ?? "";
    const rejected =
      (origin !== undefined && origin !== trustedOrigin) ||
      (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") ||
      (origin === undefined && fetchSite === undefined && formTypes.test(contentType));
    if (rejected) throw new AppError("CSRF", "This request came from another site and was refused.");
    return next();
  };
}
