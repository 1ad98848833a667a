import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackRequests } from "../src/server/modules/feedback/feedback.table.ts";
import { notify } from "../src/server/modules/notifications/notifications.service.ts";
import { notifications } from "../src/server/modules/notifications/notifications.table.ts";
import { addDays, isoDay } from "../src/shared/calendar-date.ts";
import { buildUser, signIn, uniqueEmail } from "./factories.ts";
import { answersMarked, copyLinks, createFeedbackRequest, requestBody } from "./feedback.ts";
import { createTestContext, type RequestOptions, type TestContext } from "./harness.ts";
import { concretePath, enumerateRoutes, type Route } from "./routes.ts";
import { requestAtCurrentVersion } from "./versions.ts";

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
  "GET /api/home": signedIn,
  "GET /api/profile": signedIn,
  "PUT /api/profile": signedIn,
  "GET /api/lanes/assessments": signedIn,
  "POST /api/lanes/assessments": signedIn,
  "GET /api/lanes/assessments/:id": signedIn,
  "GET /api/feedback/requests": signedIn,
  "POST /api/feedback/requests": signedIn,
  "GET /api/feedback/requests/:id": signedIn,
  "PATCH /api/feedback/requests/:id": signedIn,
  "DELETE /api/feedback/requests/:id": signedIn,
  "POST /api/feedback/requests/:id/close": signedIn,
  "POST /api/feedback/requests/:id/invitations": signedIn,
  "POST /api/feedback/requests/:id/reminder": signedIn,
  "POST /api/feedback/requests/:id/thank-you": signedIn,
  "GET /api/feedback/requests/:id/results": signedIn,
  "PUT /api/feedback/requests/:id/reflections/:questionKey": signedIn,
  "GET /api/feedback/requests/:id/export": signedIn,
  "GET /api/feedback/superpowers": signedIn,
  "PUT /api/feedback/superpowers": signedIn,
  // Giving feedback needs no account; the link decides (see the giver block below).
  "GET /api/give/:token": publicRoute,
  "POST /api/give/:token": publicRoute,
  "GET /api/notifications": signedIn,
  "GET /api/notifications/unread-count": signedIn,
  "POST /api/notifications/read-all": signedIn,
  "POST /api/notifications/:id/read": signedIn,
  "GET /api/notifications/preferences": signedIn,
  "PUT /api/notifications/preferences": signedIn,
  // Unsubscribing needs no account: the link in the email decides (a mail provider posts it itself).
  "GET /api/unsubscribe/:token": publicRoute,
  "POST /api/unsubscribe/:token": publicRoute,
  "GET /api/tours": signedIn,
  "POST /api/tours": signedIn,
  "PUT /api/tours/order": signedIn,
  "GET /api/tours/:id": signedIn,
  "PUT /api/tours/:id": signedIn,
  "DELETE /api/tours/:id": signedIn,
  "POST /api/tours/:id/end-early": signedIn,
  "POST /api/tours/:id/milestones": signedIn,
  "PUT /api/tours/:id/milestones/:milestoneId": signedIn,
  "DELETE /api/tours/:id/milestones/:milestoneId": signedIn,
  "GET /api/portfolio/roles": signedIn,
  "POST /api/portfolio/roles": signedIn,
  "GET /api/portfolio/roles/:id": signedIn,
  "PUT /api/portfolio/roles/:id": signedIn,
  "DELETE /api/portfolio/roles/:id": signedIn,
  "GET /api/portfolio/coverage": signedIn,
  "GET /api/target-role": signedIn,
  "PUT /api/target-role/checks/:itemId": signedIn,
  "GET /api/plan": signedIn,
  "PUT /api/plan": signedIn,
  "POST /api/plan/north-star/reached": signedIn,
  "DELETE /api/plan/north-star/reached": signedIn,
  "PUT /api/plan/act-three": signedIn,
  "GET /api/decisions": signedIn,
  "POST /api/decisions": signedIn,
  "GET /api/decisions/:id": signedIn,
  "PUT /api/decisions/:id": signedIn,
  "DELETE /api/decisions/:id": signedIn,
  "POST /api/decisions/:id/revisit": signedIn,
  "GET /api/sharing/grants": signedIn,
  "POST /api/sharing/grants": signedIn,
  "DELETE /api/sharing/grants/:id": signedIn,
  "GET /api/shared": signedIn,
  "GET /api/shared/:ownerId/plan": signedIn,
  "GET /api/shared/:ownerId/lanes": signedIn,
  "GET /api/shared/:ownerId/portfolio": signedIn,
  "GET /api/admin/users": adminOnly,
  "POST /api/admin/users/:id/disable": adminOnly,
  "POST /api/admin/users/:id/enable": adminOnly,
  "GET /api/admin/outbox": adminOnly,
  "GET /api/admin/outbox/:id": adminOnly,
  "GET /api/admin/jobs": adminOnly,
  "POST /api/admin/jobs/:id/retry": adminOnly,
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

const portfolioRole = {
  company: "Matrix Co",
  title: "PM",
  startsOn: "2020-01-01",
  stage: "pre_pmf",
  market: "consumer",
  vantage: "inside",
  work: ["feature"],
  peopleManaged: 0,
};
const matrixDecision = {
  dilemma: "Stay or go?",
  options: [{ label: "Stay" }, { label: "Go" }],
  decision: "Stay",
  decidedOn: "2025-01-01",
};

const tourSample = {
  title: "Matrix tour",
  mission: "Check who may reach this route",
  startsOn: "2025-01-01",
  endsOn: "2025-12-31",
};

// Bodies that pass validation, so the access check is what decides the answer.
const sampleBodies: Record<string, unknown> = {
  "PUT /api/profile": { name: "Matrix Member", timeZone: "UTC" },
  "POST /api/lanes/assessments": {
    ratings: { crafting: 3, market: 2, organizational: 3, domain: 1, team: 2, growth: 4 },
  },
  "POST /api/feedback/requests": requestBody(),
  "PATCH /api/feedback/requests/:id": { minResponses: 4 },
  "POST /api/feedback/requests/:id/invitations": { links: 1 },
  "POST /api/feedback/requests/:id/thank-you": { message: "Thank you all." },
  "PUT /api/feedback/requests/:id/reflections/:questionKey": { heard: "I heard it." },
  "PUT /api/feedback/superpowers": { superpowers: ["storyteller"] },
  "POST /api/give/:token": answersMarked("matrix"),
  "PUT /api/notifications/preferences": { deliveries: { feedback_results_ready: "digest" } },
  "POST /api/tours": tourSample,
  "PUT /api/tours/order": { ids: [] },
  "PUT /api/tours/:id": tourSample,
  "POST /api/tours/:id/end-early": { endedOn: "2025-06-30", reason: "The team was merged" },
  "POST /api/tours/:id/milestones": { title: "First hire", dueOn: "2025-03-31" },
  "PUT /api/tours/:id/milestones/:milestoneId": { title: "First hire", dueOn: "2025-03-31" },
  "POST /api/portfolio/roles": portfolioRole,
  "PUT /api/portfolio/roles/:id": portfolioRole,
  "PUT /api/target-role/checks/:itemId": { checked: true },
  "PUT /api/plan": {
    northStar: { role: "CPO", horizonYear: new Date().getUTCFullYear() + 5 },
    skipJob: null,
    nextJob: null,
  },
  "POST /api/plan/north-star/reached": { reachedOn: "2025-01-01" },
  "PUT /api/plan/act-three": {
    economics: { description: "Invest" },
    giving: { description: "Coach", forms: ["coaching"] },
  },
  "POST /api/decisions": matrixDecision,
  "PUT /api/decisions/:id": matrixDecision,
  "POST /api/decisions/:id/revisit": { revisitedOn: "2025-02-01", outcome: "Fine" },
  "POST /api/sharing/grants": { email: "matrix-grantee@example.test", parts: ["plan"] },
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
// Changes go with the version the same person reads just before, as the pages send them.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
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
        const params = { id: role === "instance admin" ? people.member.id : "unknown-id", questionKey: "q1" };
        const body = route.method === "GET" ? undefined : (sampleBodies[key] ?? {});
        const response = await atVersion(concretePath(route.path, params), {
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
    // Every route times five roles, each a real sign-in and request: slow on a busy shared machine.
  }, 300_000);
});

// Every route that names one of a member's own things, with a way to make one. A new such route
// without an entry here fails the test below, so ownership is checked for each of them.
type Seeded = Record<string, string>;
const owned: Record<string, (cookie: string) => Promise<Seeded>> = {
  "/api/lanes/assessments/": async (cookie) => ({
    id: (await created("/api/lanes/assessments", sampleBodies["POST /api/lanes/assessments"], cookie)).id,
  }),
  "/api/portfolio/roles/": async (cookie) => ({
    id: (await created("/api/portfolio/roles", portfolioRole, cookie)).id,
  }),
  "/api/decisions/": async (cookie) => ({ id: (await created("/api/decisions", matrixDecision, cookie)).id }),
  "/api/tours/": async (cookie) => {
    const { id } = await created("/api/tours", tourSample, cookie);
    const tour = await created(
      `/api/tours/${id}/milestones`,
      { title: "First hire", dueOn: "2025-03-31" },
      cookie,
    );
    return { id, milestoneId: tour.milestones[0].id };
  },
  "/api/sharing/grants/": async (cookie) => ({
    id: (await created("/api/sharing/grants", { email: uniqueEmail("grantee"), parts: ["lanes"] }, cookie))
      .grants[0].id,
  }),
  // The owner may preview their own shared views; anyone they share nothing with finds nothing.
  "/api/shared/": async (cookie) => ({
    ownerId: (await (await ctx.request("/api/me", { cookie, ip: nextAddress() })).json()).user.id,
  }),
  "/api/notifications/": async (cookie) => {
    const me = await (await ctx.request("/api/me", { cookie, ip: nextAddress() })).json();
    const deliver = await ctx.db.transaction((tx) =>
      notify(ctx, tx, { userId: me.user.id, kind: "feedback_results_ready", title: "Matrix", body: "" }),
    );
    deliver();
    const [row] = await ctx.db.select().from(notifications).where(eq(notifications.userId, me.user.id));
    return { id: row?.id as string };
  },
  "/api/feedback/requests/": async (cookie) => ({
    id: (await createFeedbackRequest(ctx, cookie)).id,
    questionKey: "q1",
  }),
};

async function created(path: string, body: unknown, cookie: string) {
  const response = await ctx.request(path, { body, cookie, ip: nextAddress() });
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`seeding ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

describe("a member's own things: another member and an instance admin find nothing", () => {
  it("answers 404 to anyone but the owner on every route that names one, and lets the owner through", async () => {
    const ownedRoutes = routes.filter(
      (r) => r.path.includes("/:") && !r.path.startsWith("/api/admin/") && !r.path.startsWith("/api/auth/"),
    );
    const seedFor = (path: string) => Object.entries(owned).find(([prefix]) => path.startsWith(prefix))?.[1];
    const unseeded = ownedRoutes
      .filter(
        (r) =>
          !seedFor(r.path) &&
          !r.path.startsWith("/api/give/") &&
          !r.path.startsWith("/api/unsubscribe/") &&
          !r.path.includes("/checks/"),
      )
      .map((r) => `${r.method} ${r.path}`);
    expect(unseeded, "routes naming a member's thing with no way to make one here").toEqual([]);

    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    const admin = await signIn(ctx, people.admin.email, people.admin.password, nextAddress());
    const failures: string[] = [];
    for (const route of ownedRoutes) {
      const seed = seedFor(route.path);
      if (!seed) continue;
      const path = concretePath(route.path, await seed(owner.cookie));
      const key = `${route.method} ${route.path}`;
      const body = route.method === "GET" ? undefined : (sampleBodies[key] ?? {});
      // The owner goes last, so a DELETE cannot hide a leak to the others.
      for (const [who, cookie] of [
        ["another member", other.cookie],
        ["instance admin", admin.cookie],
        ["owner", owner.cookie],
      ] as const) {
        const got = (await atVersion(path, { method: route.method, body, cookie, ip: nextAddress() })).status;
        // The owner's valid request succeeds, or meets its thing's state (a 409: nothing to remind yet).
        const pass = who === "owner" ? got < 300 || got === 409 : got === 404;
        if (!pass) failures.push(`${key} as ${who}: got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe("feedback: the receiver, another member, anyone signed out, and a giver's link", () => {
  // With the receiver's answer on a fresh request: nothing to remind, thank or reflect on yet is a 409.
  const requestRoutes: [string, string, unknown, number][] = [
    ["GET", "", undefined, 200],
    ["GET", "/results", undefined, 200],
    ["GET", "/export", undefined, 200],
    ["PATCH", "", { closesOn: requestBody().closesOn }, 200],
    ["POST", "/invitations", { links: 1 }, 200],
    ["PUT", "/reflections/q1", { heard: "" }, 409],
    ["POST", "/reminder", {}, 409],
    ["POST", "/thank-you", { message: "Thank you all." }, 409],
    ["POST", "/close", {}, 200],
    ["DELETE", "", undefined, 200],
  ];

  it("lets only the receiver at a request: another member gets 404, anyone signed out 401", async () => {
    const receiver = await buildUser(ctx);
    const other = await buildUser(ctx);
    const admin = await signIn(ctx, people.admin.email, people.admin.password, nextAddress());
    const { id } = await createFeedbackRequest(ctx, receiver.cookie);
    const failures: string[] = [];
    for (const [method, suffix, body, receiverStatus] of requestRoutes) {
      const path = `/api/feedback/requests/${id}${suffix}`;
      const expected: [string, string | undefined, number][] = [
        ["anonymous", undefined, 401],
        ["another member", other.cookie, 404],
        ["instance admin", admin.cookie, 404],
        ["receiver", receiver.cookie, receiverStatus],
      ];
      for (const [role, cookie, want] of expected) {
        const got = (await atVersion(path, { method, body, cookie, ip: nextAddress() })).status;
        if (got !== want) failures.push(`${method} ${path} as ${role}: expected ${want}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers a giver by the state of their link: valid, used, expired or unknown", async () => {
    const receiver = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, receiver.cookie);
    const [valid, used] = await copyLinks(ctx, receiver.cookie, id, 2);
    const expiring = await createFeedbackRequest(ctx, receiver.cookie);
    const [expired] = await copyLinks(ctx, receiver.cookie, expiring.id, 1);
    await ctx.request(`/api/give/${used}`, { body: answersMarked("first"), ip: nextAddress() });
    // Its closing date has passed.
    await ctx.db
      .update(feedbackRequests)
      .set({ closesOn: addDays(isoDay(), -1) })
      .where(eq(feedbackRequests.id, expiring.id));
    const cases: [string, string, string, number][] = [
      ["valid", valid as string, "open", 200],
      ["used", used as string, "used", 409],
      ["expired", expired as string, "closed", 409],
      ["unknown", "Z".repeat(43), "unknown", 404],
    ];
    const failures: string[] = [];
    for (const [label, token, status, postStatus] of cases) {
      const view = await ctx.request(`/api/give/${token}`, { ip: nextAddress() });
      const state = view.status === 200 ? (await view.json()).status : view.status;
      if (state !== status) failures.push(`GET with a ${label} link: expected ${status}, got ${state}`);
      const post = await ctx.request(`/api/give/${token}`, { body: answersMarked(label), ip: nextAddress() });
      if (post.status !== postStatus)
        failures.push(`POST with a ${label} link: expected ${postStatus}, got ${post.status}`);
    }
    expect(failures).toEqual([]);
    // The receiver's own routes stay closed to a giver, who holds a link but no session.
    expect((await ctx.request(`/api/feedback/requests/${id}`, { ip: nextAddress() })).status).toBe(401);
  });
});
