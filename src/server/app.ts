import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { isSignedOutPage } from "../shared/signed-out-pages.ts";
import { apiRoutes } from "./api-routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { isDatabaseUnavailable, isForeignKeyViolation } from "./db/unavailable.ts";
import { chosenEncoding, compressLongJson } from "./http/compress-json.ts";
import { AppError, databaseUnavailable, errorResponse } from "./http/errors.ts";
import { buildOpenApiDocument } from "./http/openapi.ts";
import { type AppEnv, createRouter, type Deps } from "./http/router.ts";
import { apiSecurityHeaders, crossSiteWriteCheck, securityHeaders } from "./http/security.ts";
import { resolveSession } from "./http/viewer.ts";
import { wellFormedJsonText } from "./http/well-formed-text.ts";
import { describeFailure } from "./logger.ts";

export const maxBodyBytes = 100 * 1024;

export type AppOptions = Deps & { webRoot?: string };

/**
 * The client's address. Behind N trusted proxies, each appends the address it received from, so the
 * N-th entry from the right is the one the nearest untrusted party cannot choose; anything to its left
 * was written by the client and is ignored.
 */
export function clientIpOf(trustedProxyHops: number) {
  return (c: Context<AppEnv>): string => {
    if (trustedProxyHops > 0) {
      const chain = (c.req.header("x-forwarded-for") ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      const forwarded = chain[chain.length - trustedProxyHops];
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? "unknown";
    } catch {
      return "unknown";
    }
  };
}

export function createApp(options: AppOptions) {
  const { webRoot, ...deps } = options;
  const { config, logger } = deps;
  const app = createRouter();

  const pageHeaders = securityHeaders(config.baseUrl.startsWith("https://"));
  const apiHeaders = apiSecurityHeaders(config.baseUrl.startsWith("https://"));
  const refuseCrossSiteWrite = crossSiteWriteCheck(new URL(config.baseUrl).origin);
  const answerWithinDeadline = requestDeadlines(
    config.databaseTimeouts.connectMs + config.databaseTimeouts.statementMs,
  );
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 100 KB.");
    },
  });
  const checkJsonText = wellFormedJsonText();
  const sessionDeps = { ...deps, sessionMaxSeconds: config.sessionMaxSeconds };

  const withViewer = async (c: Context<AppEnv>, next: Next) => {
    // Giving feedback never reads a session, so no giver's account is touched by answering.
    if (c.req.path.startsWith("/api/auth/") || c.req.path.startsWith("/api/give/")) return next();
    const session = await resolveSession(sessionDeps, c.req.raw.headers);
    c.set("viewer", session.viewer);
    await next();
    for (const cookie of session.setCookies) c.res.headers.append("set-cookie", cookie);
  };
  const checked = (c: Context<AppEnv>, next: Next): Promise<void> => {
    refuseCrossSiteWrite(c);
    // Only a request that may carry a body is read for one (reading it builds the whole Request).
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") {
      return withViewer(c, next);
    }
    return limitBody(c, async () => {
      // better-auth reads its own bodies; its text columns take any string.
      if (c.req.path.startsWith("/api/auth/")) await withViewer(c, next);
      else await checkJsonText(c, () => withViewer(c, next));
    }) as Promise<void>;
  };
  // What every API request passes before its route, in order: its headers, compression, the deadline,
  // the cross-site check, the body's checks, then who is asking. One middleware, not six: each layer
  // costs a handful of promises on every request, and the lightest read is mostly such overhead.
  const beforeApiRoute = (c: Context<AppEnv>, next: Next) =>
    apiHeaders(c, () => {
      // Long answers are compressed for a client that accepts it; most API clients do not ask.
      const encoding = chosenEncoding(c.req.header("accept-encoding"));
      if (encoding) compressLongJson(c, encoding);
      return answerWithinDeadline(checked(c, next));
    });
  app.use("*", (c, next) => {
    c.set("deps", deps);
    c.set("viewer", null);
    return c.req.path.startsWith("/api/") ? beforeApiRoute(c, next) : pageHeaders(c, next);
  });

  app.route("/", authRoutes(clientIpOf(config.trustedProxyHops)));
  app.route("/", apiRoutes());

  let openApiDocument: Promise<unknown> | undefined;
  app.get("/api/openapi.json", async (c) => {
    openApiDocument ??= buildOpenApiDocument(app, deps);
    return c.json(await openApiDocument);
  });

  app.all("/api/*", () => {
    throw new AppError("NOT_FOUND", "There is no such API route.");
  });

  if (webRoot && existsSync(join(webRoot, "index.html"))) {
    const indexHtml = readFileSync(join(webRoot, "index.html"), "utf8");
    // Built asset names carry a content hash, so a browser may keep them for good.
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    app.use("*", serveStatic({ root: webRoot, index: "__no_index__", precompressed: true }));
    const sessionCookie = deps.auth.$context.then((context) => context.authCookies.sessionToken.name);
    app.get("*", async (c) => {
      c.header("Cache-Control", "no-cache");
      // Each page gets the nonce its Content-Security-Policy names, for the <style> elements it adds.
      const nonce = c.get("secureHeadersNonce") ?? "";
      // A signed-in page sent to a browser holding a session asks who is signed in while its code
      // loads, instead of after it (the cookie is only looked at, not checked: /api/me checks it).
      const preloadMe =
        !isSignedOutPage(c.req.path) && getCookie(c, await sessionCookie) !== undefined
          ? '<link rel="preload" href="/api/me" as="fetch" crossorigin="anonymous" />\n  '
          : "";
      return c.html(
        indexHtml.replace("</head>", `<meta name="csp-nonce" content="${nonce}" />\n  ${preloadMe}</head>`),
      );
    });
  }

  app.notFound((c) =>
    errorResponse(
      c,
      new AppError("NOT_FOUND", webRoot ? "Not found." : "The web app is not built: run npm run build."),
    ),
  );
  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error);
    if (isDatabaseUnavailable(error)) {
      logger.warn("database unavailable", {
        method: c.req.method,
        path: c.req.routePath,
        ...describeFailure(error),
      });
      return errorResponse(c, databaseUnavailable());
    }
    if (isForeignKeyViolation(error)) {
      // A write that raced with a deletion (an account deleted while its other tab saved) finds what it
      // pointed at gone: nothing half-written stays, and the person is told, not shown a 500.
      return errorResponse(
        c,
        new AppError("CONFLICT", "What this change refers to was just removed. Reload the page."),
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      const message = /json/i.test(error.message)
        ? "The request body is not valid JSON."
        : "The request could not be read.";
      return errorResponse(c, new AppError("BAD_REQUEST", message));
    }
    logger.error("unhandled error", {
      method: c.req.method,
      path: c.req.routePath,
      ...describeFailure(error),
    });
    return errorResponse(c, new AppError("INTERNAL", "Something went wrong on our side. Please try again."));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * A request never waits longer than its database may: PostgreSQL has its own timeouts, but the
 * embedded database runs one statement at a time, so a stuck transaction would hold every request.
 * Past the deadline the person gets the 503 of an unavailable database; the work left behind ends
 * on its own. One sweep a second finds the late requests, instead of a timer set and cleared on each.
 */
function requestDeadlines(deadlineMs: number) {
  const running = new Map<(error: unknown) => void, number>();
  let sweep: NodeJS.Timeout | undefined;
  const sweepLate = () => {
    const now = Date.now();
    for (const [fail, due] of running) if (due <= now) fail(databaseUnavailable());
    if (running.size === 0) {
      clearInterval(sweep);
      sweep = undefined;
    }
  };
  return (work: Promise<void>): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const settle = (error?: unknown) => {
        if (!running.delete(settle)) return;
        if (error === undefined) resolve();
        else reject(error);
      };
      running.set(settle, Date.now() + deadlineMs);
      sweep ??= setInterval(sweepLate, Math.min(1_000, deadlineMs / 4)).unref();
      work.then(
        () => settle(),
        (error: unknown) => settle(error ?? new Error("request failed")),
      );
    });
}
