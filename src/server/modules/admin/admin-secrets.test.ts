import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, signIn, uniqueEmail } from "../../../../test/factories.ts";
import { createFeedbackRequest } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { outbox } from "../mail/outbox.table.ts";
import { hiddenLinkText, hideRecipientLinks } from "../mail/recipient-links.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Everything the admin area shows of every message to this address, list and message pages alike. */
async function whatTheAdminSees(cookie: string, to: string) {
  const rows = await ctx.db
    .select({ id: outbox.id, text: outbox.text })
    .from(outbox)
    .where(eq(outbox.to, to));
  const seen: string[] = [];
  for (const row of rows) {
    const response = await ctx.request(`/api/admin/outbox/${row.id}`, { cookie });
    expect(response.status).toBe(200);
    seen.push(await response.text());
  }
  seen.push(await (await ctx.request("/api/admin/outbox?page=1", { cookie })).text());
  return { stored: rows.map((r) => r.text).join("\n"), seen: seen.join("\n") };
}

const linkTokens = (text: string) =>
  [...text.matchAll(/https?:\/\/\S+/g)]
    .map(([link]) => link)
    .filter((link) => /verify-email|reset-password\/|\/give\/|unsubscribe\//.test(link));

describe("an instance administrator and members' secrets", () => {
  it("never sees a confirmation, reset or giving link in the outbox, even for mail not yet delivered", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const email = uniqueEmail("newcomer");
    await ctx.request("/api/auth/sign-up/email", {
      body: { name: "New Comer", email, password: "a long and fine passphrase" },
    });
    const member = await buildUser(ctx);
    await ctx.request("/api/auth/request-password-reset", {
      body: { email: member.email, redirectTo: "/reset-password" },
    });
    const request = await createFeedbackRequest(ctx, member.cookie);
    const giver = uniqueEmail("giver");
    expect(
      (
        await ctx.request(`/api/feedback/requests/${request.id}/invitations`, {
          body: { emails: [giver] },
          cookie: member.cookie,
        })
      ).status,
    ).toBe(200);

    for (const to of [email, member.email, giver]) {
      const { stored, seen } = await whatTheAdminSees(admin.cookie, to);
      const secrets = linkTokens(stored);
      expect(secrets.length, `a one-time link was mailed to ${to}`).toBeGreaterThan(0);
      for (const link of secrets) {
        const tokenPart = link.split(/[/?=#]/).filter((part) => part.length >= 16);
        for (const part of tokenPart) expect(seen).not.toContain(part);
      }
      expect(seen).toContain(hiddenLinkText);
    }
  });

  it("confirms a member's email with one action and no link, and only an administrator can", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const email = uniqueEmail("unconfirmed");
    const password = "a long and fine passphrase";
    await ctx.request("/api/auth/sign-up/email", { body: { name: "Not Yet", email, password } });
    expect((await signIn(ctx, email, password)).response.status).toBe(403);
    const listed = await (
      await ctx.request(`/api/admin/users?q=${encodeURIComponent(email)}`, { cookie: admin.cookie })
    ).json();
    const id = listed.users[0].id as string;

    const member = await buildUser(ctx);
    expect(
      (await ctx.request(`/api/admin/users/${id}/confirm-email`, { body: {}, cookie: member.cookie })).status,
    ).toBe(403);
    const confirmed = await ctx.request(`/api/admin/users/${id}/confirm-email`, {
      body: {},
      cookie: admin.cookie,
    });
    expect(confirmed.status).toBe(200);
    const body = await confirmed.json();
    expect(body.user.emailVerified).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/token|https?:\/\//);
    expect((await signIn(ctx, email, password)).response.status).toBe(200);
    expect(
      (await ctx.request("/api/admin/users/unknown-id/confirm-email", { body: {}, cookie: admin.cookie }))
        .status,
    ).toBe(404);
  });

  it("hides only links that carry a token", () => {
    expect(
      hideRecipientLinks(
        "Confirm: http://localhost:3000/api/auth/verify-email?token=eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImEifQ.abc&callbackURL=/verified\nSign in: http://localhost:3000/sign-in",
      ),
    ).toBe(`Confirm: ${hiddenLinkText}\nSign in: http://localhost:3000/sign-in`);
    expect(hideRecipientLinks("Answer: https://sidecar.example/give/Zx8_k2LmQpR4tVw9yB1cD3eF#draft")).toBe(
      `Answer: ${hiddenLinkText}`,
    );
  });
});
