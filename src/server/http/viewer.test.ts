import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { sessions } from "../auth/auth.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const sessionOf = async (userId: string) => {
  const [row] = await ctx.db.select().from(sessions).where(eq(sessions.userId, userId));
  if (!row) throw new Error("no session");
  return row;
};

describe("finding who is asking", () => {
  it("takes one statement for the session, its account and the member's profile", async () => {
    const member = await buildUser(ctx);
    const statements = await ctx.statementsDuring(async () => {
      expect((await ctx.request("/api/me", { cookie: member.cookie })).status).toBe(200);
    });
    // /api/me shows the account and the profile: both came with the session.
    expect(statements).toBe(1);
  });

  it("refuses a cookie whose signature does not match, and a token that is not a session", async () => {
    const member = await buildUser(ctx);
    const [name, value = ""] = member.cookie.split("=");
    const token = decodeURIComponent(value).split(".")[0];
    const forged = `${name}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`;
    expect((await ctx.request("/api/me", { cookie: forged })).status).toBe(401);
    expect((await ctx.request("/api/me", { cookie: `${name}=${token}` })).status).toBe(401);
    expect((await ctx.request("/api/me", { cookie: `${name}=not-a-session.x` })).status).toBe(401);
  });

  it("ends an expired session and a disabled account's session on the next request", async () => {
    const expired = await buildUser(ctx);
    await ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, expired.id));
    expect((await ctx.request("/api/me", { cookie: expired.cookie })).status).toBe(401);

    const admin = await buildUser(ctx, { role: "admin" });
    const member = await buildUser(ctx);
    expect((await ctx.request("/api/me", { cookie: member.cookie })).status).toBe(200);
    await ctx.request(`/api/admin/users/${member.id}/disable`, { body: {}, cookie: admin.cookie });
    expect((await ctx.request("/api/me", { cookie: member.cookie })).status).toBe(401);
  });

  it("pushes the idle timeout on once it is due, and sends the renewed cookie back", async () => {
    const member = await buildUser(ctx);
    const fresh = await ctx.request("/api/me", { cookie: member.cookie });
    expect(fresh.headers.get("set-cookie")).toBeNull();

    // Signed in long enough ago that better-auth's update age has passed.
    const idleMs = ctx.config.sessionIdleSeconds * 1000;
    const due = new Date(Date.now() + idleMs - 2 * 24 * 3600 * 1000);
    await ctx.db.update(sessions).set({ expiresAt: due }).where(eq(sessions.userId, member.id));
    const renewed = await ctx.request("/api/me", { cookie: member.cookie });
    expect(renewed.status).toBe(200);
    const cookie = renewed.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(member.cookie.split("=")[0]);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect((await sessionOf(member.id)).expiresAt.getTime()).toBeGreaterThan(due.getTime() + 60_000);
  });
});
