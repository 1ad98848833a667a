import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, mailTo, uniqueEmail } from "../../../../test/factories.ts";
import { answersMarked, createFeedbackRequest, give, tokenFromEmail } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import { addDays, isoDay } from "../../../shared/calendar-date.ts";
import { jobs } from "../../jobs/jobs.table.ts";
import { outbox } from "../mail/outbox.table.ts";
import { profiles } from "../profile/profile.table.ts";
import { autoReminderDaysBefore, feedbackJobKinds } from "./feedback.jobs.ts";
import { feedbackRequests } from "./feedback.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const day = 24 * 3600 * 1000;

async function jobOf(kind: string, requestId: string) {
  const [row] = await ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.key, `${kind}:${requestId}`)));
  return row;
}

async function outboxRowsTo(to: string) {
  // Read straight from the table: mailTo would run the due jobs first.
  return ctx.db.select().from(outbox).where(eq(outbox.to, to));
}

async function invite(cookie: string, id: string, emails: string[]) {
  const response = await ctx.request(`/api/feedback/requests/${id}/invitations`, {
    body: { emails },
    cookie,
  });
  expect(response.status).toBe(200);
}

describe("feedback jobs", () => {
  it("queues the reminder's emails as one job, so the answer does the same work however many have answered", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const answered = uniqueEmail("answered");
    const waiting = [uniqueEmail("waiting"), uniqueEmail("waiting")];
    await invite(owner.cookie, id, [answered, ...waiting]);
    await give(ctx, await tokenFromEmail(ctx, answered), answersMarked("a"));
    for (const to of waiting) await tokenFromEmail(ctx, to);

    const outboxBefore = (await ctx.db.select({ id: outbox.id }).from(outbox)).length;
    const reminded = await ctx.request(`/api/feedback/requests/${id}/reminder`, {
      body: {},
      cookie: owner.cookie,
    });
    expect(reminded.status).toBe(200);
    expect((await reminded.json()).reminderSentOn).toBe(isoDay());
    // Nothing was written per invitee while answering: one job waits instead.
    expect((await ctx.db.select({ id: outbox.id }).from(outbox)).length).toBe(outboxBefore);
    expect(await jobOf(feedbackJobKinds.sendReminder, id)).toMatchObject({ state: "queued" });

    await ctx.jobs.runDueJobs();
    expect(await jobOf(feedbackJobKinds.sendReminder, id)).toMatchObject({ state: "done" });
    for (const to of waiting) {
      const mail = await outboxRowsTo(to);
      expect(mail.map((m) => m.kind).sort()).toEqual(["feedback-invitation", "feedback-reminder"]);
    }
    expect((await outboxRowsTo(answered)).map((m) => m.kind)).toEqual(["feedback-invitation"]);
    // Run again, the job sends nobody a second reminder.
    await ctx.jobs.runDueJobs({ at: new Date(Date.now() + day) });
    for (const to of waiting) expect(await outboxRowsTo(to)).toHaveLength(2);
  });

  it("closes a request at the end of its closing date, and follows a new closing date", async () => {
    const owner = await buildUser(ctx);
    const closesOn = addDays(isoDay(), 5);
    const { id } = await createFeedbackRequest(ctx, owner.cookie, { closesOn });
    const close = await jobOf(feedbackJobKinds.close, id);
    // Midnight after the closing date in UTC+14, the first time zone where it may have passed.
    expect(close?.runAt.toISOString()).toBe(`${closesOn}T10:00:00.000Z`);

    const later = addDays(isoDay(), 9);
    const moved = await requestAtCurrentVersion(ctx, `/api/feedback/requests/${id}`, {
      method: "PATCH",
      body: { closesOn: later },
      cookie: owner.cookie,
    });
    expect(moved.status).toBe(200);
    const rescheduled = await jobOf(feedbackJobKinds.close, id);
    expect(rescheduled?.id).toBe(close?.id);
    expect(rescheduled?.runAt.toISOString()).toBe(`${later}T10:00:00.000Z`);

    await ctx.jobs.runDueJobs({ at: new Date(`${later}T23:59:00Z`) });
    const [open] = await ctx.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, id));
    expect(open?.closedOn).toBeNull();
    // Not yet: it waits for the member's midnight, without using up a try.
    expect(await jobOf(feedbackJobKinds.close, id)).toMatchObject({
      state: "queued",
      attempts: 0,
      lastError: null,
    });
    expect((await jobOf(feedbackJobKinds.close, id))?.runAt.toISOString()).toBe(
      `${addDays(later, 1)}T00:00:00.000Z`,
    );
    await ctx.jobs.runDueJobs({ at: new Date(`${addDays(later, 1)}T00:00:00Z`) });
    const [closed] = await ctx.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, id));
    expect(closed?.closedOn).toBe(later);
    expect(await jobOf(feedbackJobKinds.close, id)).toMatchObject({ state: "done" });
  });

  it("closes by the member's own calendar: first in UTC+14, later in UTC", async () => {
    const east = await buildUser(ctx);
    await ctx.db.insert(profiles).values({ userId: east.id, timeZone: "Pacific/Kiritimati" });
    const west = await buildUser(ctx);
    const closesOn = addDays(isoDay(), 3);
    const early = await createFeedbackRequest(ctx, east.cookie, { closesOn });
    const late = await createFeedbackRequest(ctx, west.cookie, { closesOn });
    const closedOn = async (id: string) =>
      (await ctx.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, id)))[0]?.closedOn;

    // Midnight after the closing date in Kiritimati is 10:00 UTC that day.
    await ctx.jobs.runDueJobs({ at: new Date(`${closesOn}T09:59:00Z`) });
    expect(await closedOn(early.id)).toBeNull();
    await ctx.jobs.runDueJobs({ at: new Date(`${closesOn}T10:00:00Z`) });
    expect(await closedOn(early.id)).toBe(closesOn);
    expect(await closedOn(late.id)).toBeNull();
    expect(await jobOf(feedbackJobKinds.close, late.id)).toMatchObject({ state: "queued", attempts: 0 });
    expect((await jobOf(feedbackJobKinds.close, late.id))?.runAt.toISOString()).toBe(
      `${addDays(closesOn, 1)}T00:00:00.000Z`,
    );
    await ctx.jobs.runDueJobs({ at: new Date(`${addDays(closesOn, 1)}T00:00:00Z`) });
    expect(await closedOn(late.id)).toBe(closesOn);
  });

  it("sends the one reminder on its own before the closing date to those who have not answered, once", async () => {
    const owner = await buildUser(ctx);
    const closesOn = addDays(isoDay(), 14);
    const { id } = await createFeedbackRequest(ctx, owner.cookie, { closesOn });
    const answered = uniqueEmail("answered");
    const waiting = uniqueEmail("waiting");
    await invite(owner.cookie, id, [answered, waiting]);
    await give(ctx, await tokenFromEmail(ctx, answered), answersMarked("a"));
    await tokenFromEmail(ctx, waiting);

    const remindOn = addDays(closesOn, -autoReminderDaysBefore);
    await ctx.jobs.runDueJobs({ at: new Date(`${addDays(remindOn, -1)}T12:00:00Z`) });
    expect(await outboxRowsTo(waiting)).toHaveLength(1);

    await ctx.jobs.runDueJobs({ at: new Date(`${remindOn}T09:00:00Z`) });
    const [row] = await ctx.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, id));
    expect(row?.reminderSentOn).toBe(remindOn);
    expect((await outboxRowsTo(waiting)).map((m) => m.kind).sort()).toEqual([
      "feedback-invitation",
      "feedback-reminder",
    ]);
    expect(await outboxRowsTo(answered)).toHaveLength(1);
    const detail = await (await ctx.request(`/api/feedback/requests/${id}`, { cookie: owner.cookie })).json();
    expect(detail.reminderSentOn).toBe(remindOn);
  });

  it("sends no automatic reminder after the member sent theirs, nor for a request with no email invitations", async () => {
    const owner = await buildUser(ctx);
    const closesOn = addDays(isoDay(), 10);
    const manual = await createFeedbackRequest(ctx, owner.cookie, { closesOn });
    const waiting = uniqueEmail("waiting");
    await invite(owner.cookie, manual.id, [waiting]);
    await ctx.request(`/api/feedback/requests/${manual.id}/reminder`, { body: {}, cookie: owner.cookie });
    const linksOnly = await createFeedbackRequest(ctx, owner.cookie, { closesOn });
    await ctx.request(`/api/feedback/requests/${linksOnly.id}/invitations`, {
      body: { links: 2 },
      cookie: owner.cookie,
    });
    await ctx.jobs.runDueJobs({ at: new Date(`${addDays(closesOn, -1)}T12:00:00Z`) });
    expect(await mailTo(ctx, waiting)).toHaveLength(2);
    const [row] = await ctx.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, linksOnly.id));
    expect(row?.reminderSentOn).toBeNull();
    const reminders = await ctx.db
      .select()
      .from(jobs)
      .where(like(jobs.key, `${feedbackJobKinds.sendReminder}:${linksOnly.id}%`));
    expect(reminders).toEqual([]);
  });
});
