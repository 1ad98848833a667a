import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import { copyLinks, createFeedbackRequest, requestBody } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { addDays, formatCalendarDate, isoDay, todayIn } from "../../../shared/calendar-date.ts";
import { profiles } from "../profile/profile.table.ts";
import { feedbackRequests } from "./feedback.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

// UTC+14 and UTC-11 are 25 hours apart, so at any moment one of them is on another day than UTC.
const zone = todayIn("Pacific/Kiritimati") !== isoDay() ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";

async function memberIn(timeZone: string) {
  const member = await buildUser(ctx);
  await ctx.db.insert(profiles).values({ userId: member.id, timeZone });
  return member;
}

describe("a feedback request lives on the asking member's calendar", () => {
  it(`takes the member's today as the closing day and refuses their yesterday, naming both days (${zone})`, async () => {
    const member = await memberIn(zone);
    const today = todayIn(zone);
    const created = await createFeedbackRequest(ctx, member.cookie, { closesOn: today });
    expect(created.closesOn).toBe(today);
    expect(created.status).toBe("open");

    const refused = await ctx.request("/api/feedback/requests", {
      body: requestBody({ closesOn: addDays(today, -1) }),
      cookie: member.cookie,
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toEqual({
      code: "VALIDATION",
      message: `Pick a closing date from today (${formatCalendarDate(today)}) on`,
      field: "closesOn",
    });

    const moved = await ctx.request(`/api/feedback/requests/${created.id}`, {
      method: "PATCH",
      body: { closesOn: addDays(today, 181), version: 1 },
      cookie: member.cookie,
    });
    expect(moved.status).toBe(400);
    expect((await moved.json()).error.message).toBe(
      `Pick a closing date within six months, by ${formatCalendarDate(addDays(today, 180))}`,
    );
  });

  it("is closed for the member and for every giver once the member's closing day has passed", async () => {
    const member = await memberIn(zone);
    const today = todayIn(zone);
    const request = await createFeedbackRequest(ctx, member.cookie, { closesOn: today });
    const [token] = await copyLinks(ctx, member.cookie, request.id, 1);
    expect((await (await ctx.request(`/api/give/${token}`)).json()).status).toBe("open");

    await ctx.db
      .update(feedbackRequests)
      .set({ closesOn: addDays(today, -1) })
      .where(eq(feedbackRequests.id, request.id));
    const list = await (await ctx.request("/api/feedback/requests", { cookie: member.cookie })).json();
    expect(list.requests ?? list).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: request.id, status: "closed" })]),
    );
    expect((await (await ctx.request(`/api/give/${token}`)).json()).status).toBe("closed");
  });
});
