import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, signIn } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { grantAdmin } from "./admin.service.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("admin area", () => {
  it("lists and searches users, without password or session data", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const member = await buildUser(ctx, { name: "Quinn Findable" });
    const all = await (await ctx.request("/api/admin/users", { cookie: admin.cookie })).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.pageSize).toBe(25);
    const found = await (await ctx.request("/api/admin/users?q=findable", { cookie: admin.cookie })).json();
    expect(found.users.map((u: { id: string }) => u.id)).toEqual([member.id]);
    expect(Object.keys(found.users[0]).sort()).toEqual(
      ["createdAt", "disabled", "email", "emailVerified", "id", "name", "role", "twoFactorEnabled"].sort(),
    );
    const wildcard = await (await ctx.request("/api/admin/users?q=%25", { cookie: admin.cookie })).json();
    expect(wildcard.users).toEqual([]);
    const badPage = await ctx.request("/api/admin/users?page=zero", { cookie: admin.cookie });
    expect(badPage.status).toBe(400);
    expect((await badPage.json()).error.field).toBe("page");
  });

  it("refuses members", async () => {
    const member = await buildUser(ctx);
    const response = await ctx.request("/api/admin/users", { cookie: member.cookie });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/administrator/);
  });

  it("disables a user, ending their sessions at once and refusing sign-in, and enables them again", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const member = await buildUser(ctx);
    const disabled = await ctx.request(`/api/admin/users/${member.id}/disable`, {
      body: {},
      cookie: admin.cookie,
    });
    expect(disabled.status).toBe(200);
    expect((await disabled.json()).user.disabled).toBe(true);
    expect((await ctx.request("/api/me", { cookie: member.cookie })).status).toBe(401);
    const refused = await signIn(ctx, member.email, member.password);
    expect(refused.response.status).toBe(403);
    expect((await refused.response.json()).message).toMatch(/disabled/);
    await ctx.request(`/api/admin/users/${member.id}/enable`, { body: {}, cookie: admin.cookie });
    expect((await signIn(ctx, member.email, member.password)).response.status).toBe(200);
  });

  it("does not let an admin disable themselves, and says so", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const response = await ctx.request(`/api/admin/users/${admin.id}/disable`, {
      body: {},
      cookie: admin.cookie,
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/own account/);
    const missing = await ctx.request("/api/admin/users/nobody/disable", { body: {}, cookie: admin.cookie });
    expect(missing.status).toBe(404);
  });

  it("reads the outbox", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const member = await buildUser(ctx);
    const list = await (await ctx.request("/api/admin/outbox", { cookie: admin.cookie })).json();
    const summary = list.messages.find((m: { to: string }) => m.to === member.email);
    expect(summary).toMatchObject({ subject: "Confirm your email for Sidecar", status: "kept" });
    expect(summary.text).toBeUndefined();
    const one = await (await ctx.request(`/api/admin/outbox/${summary.id}`, { cookie: admin.cookie })).json();
    expect(one.message.text).toContain("[a private link for the recipient only]");
    expect(one.message.text).not.toMatch(/verify-email\?token=/);
    expect((await ctx.request(`/api/admin/outbox/${summary.id}`, { cookie: member.cookie })).status).toBe(
      403,
    );
  });

  it("grants the admin role from the command line use case", async () => {
    const member = await buildUser(ctx);
    expect((await ctx.request("/api/admin/users", { cookie: member.cookie })).status).toBe(403);
    await grantAdmin(ctx.db, member.email.toUpperCase());
    expect((await ctx.request("/api/admin/users", { cookie: member.cookie })).status).toBe(200);
    await expect(grantAdmin(ctx.db, "nobody@example.test")).rejects.toThrow(/No account/);
    const unconfirmed = await buildUser(ctx, { verified: false });
    expect((await signIn(ctx, unconfirmed.email, unconfirmed.password)).response.status).toBe(403);
    await grantAdmin(ctx.db, unconfirmed.email);
    const admin = await signIn(ctx, unconfirmed.email, unconfirmed.password);
    expect(admin.response.status, await admin.response.clone().text()).toBe(200);
    expect((await ctx.request("/api/admin/outbox", { cookie: admin.cookie })).status).toBe(200);
  });
});
