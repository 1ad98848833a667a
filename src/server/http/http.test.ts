import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { describeFailure } from "../logger.ts";
import { compressFromBytes } from "./compress-json.ts";

let ctx: TestContext;
let webRoot: string;
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), "sidecar-web-"));
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><head><title>Sidecar</title></head>");
  writeFileSync(join(webRoot, "assets", "app-1234.js"), "console.log(1)");
  ctx = await createTestContext({}, { webRoot });
});
afterAll(async () => {
  await ctx.close();
  rmSync(webRoot, { recursive: true, force: true });
});

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
}

describe("HTTP layer", () => {
  it("puts security headers on API answers, errors, the app page and static files", async () => {
    const member = await buildUser(ctx);
    const responses = await Promise.all([
      ctx.request("/api/me", { cookie: member.cookie }),
      ctx.request("/api/me"),
      ctx.request("/api/nope"),
      ctx.request("/profile"),
      ctx.request("/assets/app-1234.js"),
      ctx.request("/api/profile", { method: "PUT", body: "{not json", cookie: member.cookie }),
    ]);
    responses.forEach((response, i) => {
      expect(response.headers.get("content-security-policy"), `response ${i}`).toBeTruthy();
      expectSecurityHeaders(response);
    });
    expect(responses[0]?.headers.get("cache-control")).toBe("private, no-store");
    expect(responses[1]?.headers.get("cache-control")).toBe("private, no-store");
    expect(responses[3]?.headers.get("cache-control")).toBe("no-cache");
    expect(await responses[3]?.text()).toContain("<title>Sidecar</title>");
    expect(responses[4]?.status).toBe(200);
    expect(await responses[4]?.text()).toBe("console.log(1)");
    expect(responses[4]?.headers.get("cache-control")).toContain("immutable");
    expect(responses[0]?.headers.get("strict-transport-security")).toBeNull();
  });

  it("lets in only the <style> elements that carry the page's own nonce, new on every page load", async () => {
    const [first, second] = await Promise.all([ctx.request("/portfolio"), ctx.request("/portfolio")]);
    const nonces = await Promise.all(
      [first, second].map(async (response) => {
        const csp = response?.headers.get("content-security-policy") ?? "";
        const styleSrc = csp.split(";").find((d) => d.trim().startsWith("style-src")) ?? "";
        expect(csp).not.toContain("unsafe-inline");
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        const nonce = /'nonce-([^']+)'/.exec(styleSrc)?.[1];
        expect(nonce).toBeTruthy();
        expect(await response?.text()).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
        return nonce;
      }),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("has a signed-in page ask who is signed in while its code loads, only when a session cookie came", async () => {
    const member = await buildUser(ctx);
    const preload = '<link rel="preload" href="/api/me" as="fetch" crossorigin="anonymous" />';
    const [withCookie, without, signIn, give] = await Promise.all([
      ctx.request("/tours", { cookie: member.cookie }),
      ctx.request("/tours"),
      ctx.request("/sign-in", { cookie: member.cookie }),
      ctx.request("/give/some-token", { cookie: member.cookie }),
    ]);
    expect(await withCookie.text()).toContain(preload);
    // Signed out, or on a page that never asks who is signed in, nothing is asked for that goes unused.
    for (const page of [without, signIn, give]) expect(await page.text()).not.toContain("/api/me");
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const response = await ctx.request("/api/does-not-exist");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "NOT_FOUND", message: "There is no such API route." },
    });
    expect((await ctx.request("/api/profile", { method: "DELETE" })).status).toBe(404);
  });

  it("refuses bodies over 100 KB with 413", async () => {
    const member = await buildUser(ctx);
    const body = JSON.stringify({ name: "x", timeZone: "UTC", headline: "y".repeat(101 * 1024) });
    const response = await ctx.request("/api/profile", { method: "PUT", body, cookie: member.cookie });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    const auth = await ctx.request("/api/auth/sign-in/email", {
      body: { email: "a@b.c", password: "z".repeat(110_000) },
    });
    expect(auth.status).toBe(413);
  });

  it("turns malformed JSON and wrong types into clear 400s", async () => {
    const member = await buildUser(ctx);
    const bad = await ctx.request("/api/profile", { method: "PUT", body: "{oops", cookie: member.cookie });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("The request body is not valid JSON.");
    const wrong = await ctx.request("/api/profile", {
      method: "PUT",
      body: { name: 42, timeZone: "UTC" },
      cookie: member.cookie,
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({ code: "VALIDATION", field: "name" });
  });

  it("refuses state changes from other sites", async () => {
    const member = await buildUser(ctx);
    const body = { name: "Changed", timeZone: "UTC" };
    const crossOrigin = await ctx.request("/api/profile", {
      method: "PUT",
      body,
      cookie: member.cookie,
      headers: { origin: "https://evil.example" },
    });
    expect(crossOrigin.status).toBe(403);
    expect((await crossOrigin.json()).error.code).toBe("CSRF");
    const crossSite = await ctx.request("/api/profile", {
      method: "PUT",
      body,
      cookie: member.cookie,
      headers: { origin: undefined as unknown as string, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const form = await ctx.app.request("/api/auth/sign-out", {
      method: "POST",
      headers: { cookie: member.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "a=b",
    });
    expect(form.status).toBe(403);
    expect((await ctx.request("/api/me", { cookie: member.cookie })).status).toBe(200);
    const profile = await (await ctx.request("/api/profile", { cookie: member.cookie })).json();
    expect(profile.name).not.toBe("Changed");
  });

  it("publishes an OpenAPI document of every route", async () => {
    const response = await ctx.request("/api/openapi.json");
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/me",
      "/api/profile",
      "/api/admin/users/{id}/disable",
      "/api/auth/sign-in/email",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths["/api/profile"].put.requestBody).toBeTruthy();
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    const served = ctx.app.routes
      .filter((r) => r.method !== "ALL" && !r.path.includes("*") && r.path !== "/api/openapi.json")
      .map((r) => `${r.method} ${r.path}`);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it("never puts a stack trace in an answer", async () => {
    const member = await buildUser(ctx);
    const response = await ctx.request("/api/profile", {
      method: "PUT",
      body: { name: "x", timeZone: "UTC", level: ["array"] },
      cookie: member.cookie,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses half of a character pair in any text, naming the field, where the database would fail", async () => {
    const member = await buildUser(ctx);
    const year = new Date().getUTCFullYear();
    const plan = (role: string) => ({
      version: 0,
      northStar: { role, horizonYear: year + 8 },
      skipJob: null,
      nextJob: null,
    });
    const broken = await ctx.request("/api/plan", {
      method: "PUT",
      body: plan("CPO \ud800"),
      cookie: member.cookie,
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatchObject({ code: "VALIDATION", field: "northStar.role" });
    const brokenKey = await ctx.request("/api/plan", {
      method: "PUT",
      body: { ...plan("CPO"), "\udc00": 1 },
      cookie: member.cookie,
    });
    expect((await brokenKey.json()).error.field).toBe("\udc00");
    const whole = await ctx.request("/api/plan", {
      method: "PUT",
      body: plan("CPO 🚀"),
      cookie: member.cookie,
    });
    expect(whole.status).toBe(200);
    expect((await whole.json()).northStar.role).toBe("CPO 🚀");
  });

  it("refuses a NUL in any text of a body, an id included, naming the field", async () => {
    const member = await buildUser(ctx);
    const response = await ctx.request("/api/engagements", {
      method: "POST",
      body: { requestId: "\u0000" },
      cookie: member.cookie,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: "VALIDATION",
      field: "requestId",
      message: expect.stringMatching(/control characters/),
    });
  });

  it("compresses a long answer in the encoding the client prefers, and sends a short one as it is", async () => {
    const member = await buildUser(ctx);
    const plain = await ctx.request("/api/openapi.json", { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const document = await plain.json();
    expect(JSON.stringify(document).length).toBeGreaterThan(compressFromBytes);
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const [accept, encoding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["br;q=0.5, gzip;q=0.8", "gzip"],
    ] as const) {
      const answer = await ctx.request("/api/openapi.json", { headers: { "accept-encoding": accept } });
      expect(answer.status, accept).toBe(200);
      expect(answer.headers.get("content-encoding"), accept).toBe(encoding);
      expect(answer.headers.get("content-type"), accept).toContain("application/json");
      expect(answer.headers.get("vary"), accept).toContain("Accept-Encoding");
      const bytes = Buffer.from(await answer.arrayBuffer());
      expect(JSON.parse(decoders[encoding](bytes).toString("utf8")), accept).toEqual(document);
    }
    const short = await ctx.request("/api/me", {
      cookie: member.cookie,
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(short.headers.get("content-encoding")).toBeNull();
    expect(JSON.stringify(await short.json())).toContain(member.email);
    const refused = await ctx.request("/api/nope", { headers: { "accept-encoding": "gzip, br" } });
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-encoding")).toBeNull();
    expect((await refused.json()).error.code).toBe("NOT_FOUND");
  });

  it("logs a database failure by its kind and code, never the values of the query", async () => {
    const secret = "canary-value-4711";
    const failure = await ctx.db.execute(sql`select ${secret}::uuid`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(
      String((failure as Error).message) + String(((failure as Error).cause as Error)?.message),
    ).toContain(secret);
    const logged = JSON.stringify(describeFailure(failure));
    expect(logged).not.toContain(secret);
    expect(logged).toContain("22P02");
  });
});
