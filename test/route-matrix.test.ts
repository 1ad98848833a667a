import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, signIn } from "./factories.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { concretePath, enumerateRoutes, type Route } from "./routes.ts";

type Role = "anonymous" | "member" | "another member" | "disabled member" | "instance admin";
const roles: Role[] = ["anonymous", "member", "another member", "disabled member", "instance admin"];

// What each role gets from each route. "ok" is any answer other than 401/403/5xx (a 400 for a
// deliberately empty body still shows the role was let through to validation).
type Outcome = "ok" | 401 | 403 | 404 | 405;
type Access = Record<Role, Outcome>;
const publicRoute: Access = {
  anonymous: "ok",
  member: "ok",
  "another member": "ok",
  "disabled member": "ok",
  "instance admin": "ok",
};
const signedIn: Access = {
  anonymous: 401,
  member: "ok",
  "another member": "ok",
  "disabled member": 401,
  "instance admin": "ok",
};
const adminOnly: Access = {
  anonymous: 401,
  member: 403,
  "another member": 403,
  "disabled member": 401,
  "instance admin": "ok",
};
const notAllowed: Access = {
  anonymous: 405,
  member: 405,
  "another member": 405,
  "disabled member": 405,
  "instance admin": 405,
};

const matrix: Record<string, Access> = {
  "GET /api/openapi.json": publicRoute,
  "GET /api/me": signedIn,
  "GET /api/profile": signedIn,
  "PUT /api/profile": signedIn,
  "GET /api/lanes/assessments": signedIn,
  "POST /api/lanes/assessments": signedIn,
  "GET /api/lanes/assessments/:id": signedIn,
  "GET /api/admin/users": adminOnly,
  "POST /api/admin/users/:id/disable": adminOnly,
  "POST /api/admin/users/:id/enable": adminOnly,
  "GET /api/admin/outbox": adminOnly,
  "GET /api/admin/outbox/:id": adminOnly,
  // Accounts (better-auth)
  "POST /api/auth/sign-up/email": publicRoute,
  "POST /api/auth/sign-in/email": publicRoute,
  "GET /api/auth/get-session": publicRoute,
  "POST /api/auth/get-session": notAllowed,
  "POST /api/auth/sign-out": publicRoute,
  "GET /api/auth/verify-email": publicRoute,
  "POST /api/auth/send-verification-email": publicRoute,
  "POST /api/auth/request-password-reset": publicRoute,
  "GET /api/auth/reset-password/:token": publicRoute,
  "POST /api/auth/reset-password": publicRoute,
  "GET /api/auth/ok": publicRoute,
  "GET /api/auth/error": publicRoute,
  "POST /api/auth/two-factor/verify-totp": publicRoute,
  "POST /api/auth/two-factor/verify-backup-code": publicRoute,
  "POST /api/auth/verify-password": signedIn,
  "POST /api/auth/change-password": signedIn,
  "POST /api/auth/update-user": signedIn,
  "POST /api/auth/delete-user": signedIn,
  "GET /api/auth/list-sessions": signedIn,
  "POST /api/auth/revoke-session": signedIn,
  "POST /api/auth/revoke-sessions": signedIn,
  "POST /api/auth/revoke-other-sessions": signedIn,
  "GET /api/auth/list-accounts": signedIn,
  "POST /api/auth/two-factor/get-totp-uri": signedIn,
  "POST /api/auth/two-factor/generate-backup-codes": signedIn,
  "POST /api/auth/two-factor/enable": signedIn,
  "POST /api/auth/two-factor/disable": signedIn,
};

// Bodies that pass validation, so the access check is what decides the answer.
const sampleBodies: Record<string, unknown> = {
  "PUT /api/profile": { name: "Matrix Member", timeZone: "UTC" },
  "POST /api/lanes/assessments": {
    ratings: { crafting: 3, market: 2, organizational: 3, domain: 1, team: 2, growth: 4 },
  },
  "POST /api/auth/verify-password": { password: "wrong but well-formed" },
  "POST /api/auth/change-password": {
    currentPassword: "wrong but well-formed",
    newPassword: "another long passphrase",
  },
  "POST /api/auth/revoke-session": { token: "not-a-session" },
  "POST /api/auth/two-factor/get-totp-uri": { password: "wrong but well-formed" },
  "POST /api/auth/two-factor/generate-backup-codes": { password: "wrong but well-formed" },
  "POST /api/auth/two-factor/enable": { password: "wrong but well-formed" },
  "POST /api/auth/two-factor/disable": { password: "wrong but well-formed" },
};

let ctx: TestContext;
let routes: Route[];
let people: {
  member: { id: string; email: string; password: string };
  admin: { email: string; password: string };
};
let disabledCookie: string;
let sequence = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  routes = await enumerateRoutes(ctx);
  const member = await buildUser(ctx, { name: "Matrix Member" });
  const admin = await buildUser(ctx, { role: "admin" });
  const disabled = await buildUser(ctx);
  await ctx.request(`/api/admin/users/${disabled.id}/disable`, { body: {}, cookie: admin.cookie });
  disabledCookie = disabled.cookie;
  people = { member, admin };
});
afterAll(() => ctx.close());

// Each request gets a fresh session, so a route that signs out or revokes cannot disturb the next one.
function nextAddress(): string {
  sequence += 1;
  return `100.96.${sequence >> 8}.${sequence & 255}`;
}

async function cookieFor(role: Role): Promise<string | undefined> {
  const ip = nextAddress();
  if (role === "anonymous") return undefined;
  if (role === "disabled member") return disabledCookie;
  if (role === "another member") return (await buildUser(ctx)).cookie;
  const who = role === "instance admin" ? people.admin : people.member;
  return (await signIn(ctx, who.email, who.password, ip)).cookie;
}

describe("route × role matrix", () => {
  it("has an expected outcome for every route the app serves, and no stale rows", () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(
      keys.filter((k) => !(k in matrix)),
      "routes without a row",
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((k) => !keys.includes(k)),
      "rows for routes that do not exist",
    ).toEqual([]);
  });

  it("answers every route for every role as the matrix says", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const expected = matrix[key];
      if (!expected) continue;
      for (const role of roles) {
        const cookie = await cookieFor(role);
        const params = { id: role === "instance admin" ? people.member.id : "unknown-id" };
        const body = route.method === "GET" ? undefined : (sampleBodies[key] ?? {});
        const response = await ctx.request(concretePath(route.path, params), {
          method: route.method,
          body,
          cookie,
          ip: nextAddress(),
        });
        const want = expected[role];
        const got = response.status;
        const pass = got < 500 && (want === "ok" ? got !== 401 && got !== 403 && got !== 405 : got === want);
        if (!pass) failures.push(`${key} as ${role}: expected ${want}, got ${got}`);
        if (route.path.startsWith("/api/admin/users/:id/") && role === "instance admin") {
          await ctx.request(`/api/admin/users/${people.member.id}/enable`, { body: {}, cookie });
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
