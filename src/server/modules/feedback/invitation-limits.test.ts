import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, mailTo } from "../../../../test/factories.ts";
import { createFeedbackRequest } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({
    INVITATION_EMAILS_PER_MEMBER_PER_DAY: "5",
    INVITATION_EMAILS_PER_DAY: "12",
  });
});
afterAll(async () => {
  await ctx.close();
});

const addresses = (label: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${label}-${i}-${Date.now()}@example.test`);

function invite(cookie: string, id: string, body: unknown) {
  return ctx.request(`/api/feedback/requests/${id}/invitations`, { body, cookie });
}

describe("invitation emails are no mail relay", () => {
  it("lets a member send so many invitation emails a day, and still copy links past it", async () => {
    const member = await buildUser(ctx);
    const request = await createFeedbackRequest(ctx, member.cookie);
    expect((await invite(member.cookie, request.id, { emails: addresses("a", 3) })).status).toBe(200);
    const over = await invite(member.cookie, request.id, { emails: addresses("b", 3) });
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBeTruthy();
    expect((await over.json()).error).toMatchObject({
      code: "RATE_LIMITED",
      field: "emails",
      message: expect.stringContaining("at most 5 invitation emails in a day, and 2 more today"),
    });
    expect((await invite(member.cookie, request.id, { emails: addresses("c", 2) })).status).toBe(200);
    expect((await invite(member.cookie, request.id, { links: 3 })).status).toBe(200);
  });

  it("holds the member's limit when two invitations are sent at once", async () => {
    const member = await buildUser(ctx);
    const [one, two] = await Promise.all([
      createFeedbackRequest(ctx, member.cookie),
      createFeedbackRequest(ctx, member.cookie),
    ]);
    if (!one || !two) throw new Error("requests were not created");
    const statuses = (
      await Promise.all([
        invite(member.cookie, one.id, { emails: addresses("d", 3) }),
        invite(member.cookie, two.id, { emails: addresses("e", 3) }),
      ])
    ).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 429]);
  });

  it("stops at the instance's daily ceiling, whoever sends", async () => {
    // Two members above already sent 5 and 3 of the instance's 12.
    const member = await buildUser(ctx);
    const request = await createFeedbackRequest(ctx, member.cookie);
    const over = await invite(member.cookie, request.id, { emails: addresses("f", 5) });
    expect(over.status).toBe(429);
    expect((await over.json()).error.message).toMatch(/as many invitation emails as it sends in a day/);
  });

  it("refuses a member's own address, which would count toward k", async () => {
    const member = await buildUser(ctx);
    const request = await createFeedbackRequest(ctx, member.cookie);
    const response = await invite(member.cookie, request.id, { emails: [member.email.toUpperCase()] });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "VALIDATION", field: "emails" });
  });

  it("makes links in the member's own words inert, and keeps Sidecar's link clickable", async () => {
    const limits = await createTestContext();
    try {
      const member = await buildUser(limits);
      const request = await createFeedbackRequest(limits, member.cookie, {
        purpose: "Your account is locked: sign in at https://evil.example/login or www.evil.example",
      });
      const [to] = addresses("g", 1);
      const response = await limits.request(`/api/feedback/requests/${request.id}/invitations`, {
        body: { emails: [to] },
        cookie: member.cookie,
      });
      expect(response.status).toBe(200);
      const [mail] = await mailTo(limits, to as string);
      expect(mail?.text).toContain("sign in at https[://]evil[.]example/login or www[.]evil[.]example");
      expect(mail?.text).not.toMatch(/https:\/\/evil|www\.evil/);
      expect(mail?.text).toMatch(/http:\/\/localhost:3000\/give\/\S+/);
    } finally {
      await limits.close();
    }
  });
});
