import { TZDate } from "@date-fns/tz";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementBody, engagementPair, readCalendar } from "../../../../test/engagements.ts";
import { buildUser, signIn } from "../../../../test/factories.ts";
import { createTestContext, type RequestOptions, type TestContext } from "../../../../test/harness.ts";
import { becomeMentor } from "../../../../test/mentors.ts";
import { jobs } from "../../jobs/jobs.table.ts";
import { outbox } from "../mail/outbox.table.ts";
import { mentorProfiles, mentorRequests } from "../mentors/mentors.table.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { engagements } from "./engagements.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const hour = 3600_000;
const day = 24 * hour;
const onPostgres = Boolean(process.env.DATABASE_URL);

async function call(path: string, cookie: string | undefined, options: Omit<RequestOptions, "cookie"> = {}) {
  return ctx.request(path, { ...options, cookie });
}
async function ok(path: string, cookie: string, options: Omit<RequestOptions, "cookie"> = {}) {
  const response = await call(path, cookie, options);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function clockIn(instant: Date, zone: string) {
  const t = new TZDate(instant.getTime(), zone);
  return `${String(t.getHours()).padStart(2, "0")}:${String(t.getMinutes()).padStart(2, "0")}`;
}

async function mailTo(email: string) {
  return ctx.db.select().from(outbox).where(eq(outbox.to, email));
}

describe("an engagement from an accepted request to close-out", () => {
  it("starts once per accepted request, and both accept the agreement before anything else", async () => {
    const { mentor, mentee, requestId } = await engagementPair(ctx);
    const listed = await ok("/api/engagements", mentor.cookie);
    expect(listed.startable.map((s: { requestId: string }) => s.requestId)).toEqual([requestId]);
    const started = await ok("/api/engagements", mentor.cookie, { body: { requestId } });
    expect(started).toMatchObject({ state: "agreeing", side: "mentor" });
    const again = await call("/api/engagements", mentee.cookie, { body: { requestId } });
    expect(again.status).toBe(409);
    // Nothing but the agreement until both accept.
    const early = await call(`/api/engagements/${started.id}/plan`, mentee.cookie, {
      body: { goals: [goal("Lead a team")], reason: "", version: 0 },
    });
    expect(early.status).toBe(409);
    const proposed = await ok(`/api/engagements/${started.id}/agreement`, mentor.cookie, {
      method: "PUT",
      body: { ...agreementBody, version: started.version },
    });
    const mentorAccepted = await ok(`/api/engagements/${started.id}/agreement/accept`, mentor.cookie, {
      body: { version: proposed.version },
    });
    expect(mentorAccepted.agreement.mentorAcceptedAt).not.toBeNull();
    // The mentee changes the terms: the mentor's acceptance was of the old ones, so it is cleared.
    const changed = await ok(`/api/engagements/${started.id}/agreement`, mentee.cookie, {
      method: "PUT",
      body: { ...agreementBody, cadence: "weekly", version: mentorAccepted.version },
    });
    expect(changed.agreement).toMatchObject({ cadence: "weekly", mentorAcceptedAt: null });
    const stale = await call(`/api/engagements/${started.id}/agreement/accept`, mentor.cookie, {
      body: { version: mentorAccepted.version },
    });
    expect(stale.status).toBe(409);
    const one = await ok(`/api/engagements/${started.id}/agreement/accept`, mentee.cookie, {
      body: { version: changed.version },
    });
    expect(one.state).toBe("agreeing");
    const both = await ok(`/api/engagements/${started.id}/agreement/accept`, mentor.cookie, {
      body: { version: one.version },
    });
    expect(both.state).toBe("active");
    expect(both.slots.length).toBeGreaterThan(0);
  });

  it("shares lanes and portfolio for the intake through the sharing grant, for the engagement's life", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    await ok("/api/lanes/assessments", mentee.cookie, {
      body: {
        ratings: { crafting: 4, market: 3, organizational: 2, domain: 3, team: 1, growth: 2 },
        worldClassLane: "market",
      },
    });
    expect((await call(`/api/shared/${mentee.id}/lanes`, mentor.cookie)).status).toBe(404);
    const asked = await ok(`/api/engagements/${engagement.id}/intake/questions`, mentor.cookie, {
      method: "PUT",
      body: { questions: ["What would make this a success?"], version: engagement.version },
    });
    const notMine = await call(`/api/engagements/${engagement.id}/intake/answers`, mentor.cookie, {
      method: "PUT",
      body: { answers: ["x"], share: [], version: asked.version },
    });
    expect(notMine.status).toBe(403);
    const answered = await ok(`/api/engagements/${engagement.id}/intake/answers`, mentee.cookie, {
      method: "PUT",
      body: { answers: ["Leading a team of PMs."], share: ["lanes", "portfolio"], version: asked.version },
    });
    expect(answered.intake).toMatchObject({
      shared: ["lanes", "portfolio"],
      answers: ["Leading a team of PMs."],
    });
    expect((await call(`/api/shared/${mentee.id}/lanes`, mentor.cookie)).status).toBe(200);
    expect((await call(`/api/shared/${mentee.id}/portfolio`, mentor.cookie)).status).toBe(200);
    // Unsharing one part revokes it on the next request.
    const less = await ok(`/api/engagements/${engagement.id}/intake/answers`, mentee.cookie, {
      method: "PUT",
      body: { answers: ["Leading a team of PMs."], share: ["lanes"], version: answered.version },
    });
    expect(less.intake.shared).toEqual(["lanes"]);
    expect((await call(`/api/shared/${mentee.id}/portfolio`, mentor.cookie)).status).toBe(404);
    // The close-out ends the share the engagement made.
    const closing = await ok(`/api/engagements/${engagement.id}/close`, mentee.cookie, {
      body: { version: less.version },
    });
    await ok(`/api/engagements/${engagement.id}/review`, mentee.cookie, {
      body: { rating: 5, text: "Clear and kind.", quoteAllowed: true },
    });
    await ok(`/api/engagements/${engagement.id}/review`, mentor.cookie, {
      body: { rating: 4, text: "Did the work.", quoteAllowed: true },
    });
    expect(closing.state).toBe("closing");
    expect((await call(`/api/shared/${mentee.id}/lanes`, mentor.cookie)).status).toBe(404);
  });

  it("keeps every plan revision with its reason, links goals to the mentee's tours, and refuses a stale one", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    const tour = await ok("/api/tours", mentee.cookie, {
      body: {
        title: "Platform tour",
        mission: "Own the platform",
        startsOn: "2026-01-01",
        endsOn: "2027-03-31",
      },
    });
    const first = await ok(`/api/engagements/${engagement.id}/plan`, mentor.cookie, {
      body: {
        goals: [{ ...goal("Lead through others"), lane: "team", tourId: tour.id }],
        reason: "",
        version: 0,
      },
    });
    expect(first.plan.current).toMatchObject({ number: 1, authorName: "Nora Mentor" });
    const noReason = await call(`/api/engagements/${engagement.id}/plan`, mentee.cookie, {
      body: { goals: [goal("Lead through others")], reason: "", version: 1 },
    });
    expect(noReason.status).toBe(400);
    const foreignTour = await call(`/api/engagements/${engagement.id}/plan`, mentee.cookie, {
      body: { goals: [{ ...goal("x"), tourId: "someone-elses" }], reason: "Why", version: 1 },
    });
    expect((await foreignTour.json()).error.field).toBe("goals.0.tourId");
    const second = await ok(`/api/engagements/${engagement.id}/plan`, mentee.cookie, {
      body: {
        goals: [
          goal("Lead through others"),
          { ...goal("Speak at a conference"), hurdle: "Influencing executives" },
        ],
        reason: "I outgrew the first plan: the team goal is on track, visibility is the gap now.",
        version: 1,
      },
    });
    expect(second.plan.current.number).toBe(2);
    expect(second.plan.history.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(second.plan.history[0].reason).toMatch(/outgrew/);
    const stale = await call(`/api/engagements/${engagement.id}/plan`, mentor.cookie, {
      body: { goals: [goal("Other")], reason: "Mine", version: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.field).toBe("version");
  });

  it("books, moves and cancels sessions with calendar files for both, checked in both time zones", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    // A free time from the start of a rule: one under way now begins at the next quarter hour instead.
    const slot = engagement.slots.find((s: { start: string }) =>
      ["09:00", "13:00"].includes(clockIn(new Date(s.start), "America/New_York")),
    );
    const booked = await ok(`/api/engagements/${engagement.id}/sessions`, mentee.cookie, {
      body: { startsAt: slot.start, minutes: 60, agenda: "Hiring my first PM" },
    });
    const session = booked.sessions[0];
    const start = new Date(slot.start);
    // The mentor's rules are 09:00 on Tuesdays and 13:00 on Thursdays in New York.
    expect(["09:00", "13:00"]).toContain(clockIn(start, "America/New_York"));
    expect(session.mentorClock).toContain(`${clockIn(start, "America/New_York")} (America/New_York)`);
    expect(session.menteeClock).toContain(`${clockIn(start, "Europe/Berlin")} (Europe/Berlin)`);

    // Both got the file by email, with the same event; it parses and names the instant in UTC.
    for (const person of [mentee, mentor]) {
      const mail = (await mailTo(person.email)).find((m) => m.subject.startsWith("Session with"));
      const file = mail?.attachments?.[0];
      expect(file?.contentType).toMatch(/text\/calendar.*method=REQUEST/);
      const parsed = readCalendar(file?.content ?? "");
      expect(parsed).toMatchObject({ method: "REQUEST", sequence: 0, utc: true, status: "CONFIRMED" });
      expect(parsed.start.toISOString()).toBe(start.toISOString());
      expect(clockIn(parsed.start, "Europe/Berlin")).toBe(clockIn(start, "Europe/Berlin"));
      expect(clockIn(parsed.start, "America/New_York")).toBe(clockIn(start, "America/New_York"));
      expect(parsed.end.getTime() - parsed.start.getTime()).toBe(hour);
    }
    const first = readCalendar(
      (await ok(`/api/engagement-sessions/${session.id}/calendar`, mentor.cookie)).content,
    );

    // Outside the mentor's availability, or on top of the booked session: refused.
    const outside = await call(`/api/engagements/${engagement.id}/sessions`, mentee.cookie, {
      body: { startsAt: new Date(start.getTime() - 3 * hour).toISOString(), minutes: 30, agenda: "" },
    });
    expect(outside.status).toBe(400);
    const overlap = await call(`/api/engagements/${engagement.id}/sessions`, mentor.cookie, {
      body: { startsAt: new Date(start.getTime() + 30 * 60_000).toISOString(), minutes: 30, agenda: "" },
    });
    expect(overlap.status).toBe(409);

    // Moved half an hour later: the same UID, the next SEQUENCE.
    const moved = await ok(`/api/engagement-sessions/${session.id}`, mentor.cookie, {
      method: "PUT",
      body: {
        startsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
        minutes: 60,
        agenda: "Hiring my first PM",
        notice: "A clash came up, sorry.",
        version: session.version,
      },
    });
    expect(moved.sequence).toBe(1);
    const second = readCalendar(
      (await ok(`/api/engagement-sessions/${session.id}/calendar`, mentee.cookie)).content,
    );
    expect(second).toMatchObject({ uid: first.uid, sequence: 1, method: "REQUEST" });
    expect(second.start.getTime() - first.start.getTime()).toBe(30 * 60_000);
    const movedMail = (await mailTo(mentee.email)).find((m) => m.subject.includes("moved to"));
    expect(movedMail?.text).toMatch(/A clash came up/);

    const staleMove = await call(`/api/engagement-sessions/${session.id}/cancel`, mentee.cookie, {
      body: { reason: "Ill", version: session.version },
    });
    expect(staleMove.status).toBe(409);
    const cancelled = await ok(`/api/engagement-sessions/${session.id}/cancel`, mentee.cookie, {
      body: { reason: "I am ill.", version: moved.version },
    });
    expect(cancelled).toMatchObject({ state: "cancelled", sequence: 2 });
    const third = readCalendar(
      (await ok(`/api/engagement-sessions/${session.id}/calendar`, mentor.cookie)).content,
    );
    expect(third).toMatchObject({ uid: first.uid, sequence: 2, method: "CANCEL", status: "CANCELLED" });
    const cancelMail = (await mailTo(mentor.email)).find((m) => m.subject.includes("cancelled"));
    expect(readCalendar(cancelMail?.attachments?.[0]?.content ?? "").method).toBe("CANCEL");
    // The time is free again once cancelled.
    expect(
      (
        await call(`/api/engagements/${engagement.id}/sessions`, mentor.cookie, {
          body: { startsAt: slot.start, minutes: 30, agenda: "" },
        })
      ).status,
    ).toBe(200);
  });

  it("nudges both people when no session was booked for 21 days", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    const began = Date.now();
    await ctx.jobs.runDueJobs({ at: new Date(began + 20 * day) });
    const stalled = async (userId: string) =>
      (
        await ctx.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.kind, "engagement_stalled")))
      ).length;
    expect(await stalled(mentee.id)).toBe(0);
    await ctx.jobs.runDueJobs({ at: new Date(began + 21 * day + hour) });
    expect(await stalled(mentee.id)).toBe(1);
    expect(await stalled(mentor.id)).toBe(1);
    expect(engagement.state).toBe("active");
  });

  it("lets the mentor suggest actions and only the mentee commit, with a reminder on the due day", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    const suggested = await ok(`/api/engagements/${engagement.id}/action-items`, mentor.cookie, {
      body: { text: "Write your one-page strategy", dueOn: null },
    });
    const item = suggested.actionItems[0];
    expect(item).toMatchObject({ state: "suggested", suggestedBy: "mentor" });
    const mentorCommits = await call(`/api/engagement-action-items/${item.id}`, mentor.cookie, {
      method: "PUT",
      body: { text: item.text, dueOn: null, state: "committed", version: item.version },
    });
    expect(mentorCommits.status).toBe(403);
    const due = "2031-05-20";
    const committed = await ok(`/api/engagement-action-items/${item.id}`, mentee.cookie, {
      method: "PUT",
      body: { text: item.text, dueOn: due, state: "committed", version: item.version },
    });
    expect(committed.actionItems[0].state).toBe("committed");
    const jump = await call(`/api/engagement-action-items/${item.id}`, mentee.cookie, {
      method: "PUT",
      body: { text: item.text, dueOn: due, state: "declined", version: committed.actionItems[0].version },
    });
    expect(jump.status).toBe(409);
    // 09:00 on the due day in Berlin is 07:00 UTC in May.
    await ctx.jobs.runDueJobs({ at: new Date("2031-05-20T06:59:00Z") });
    const reminders = async () =>
      ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, mentee.id), eq(notifications.kind, "action_item_due")));
    expect(await reminders()).toEqual([]);
    await ctx.jobs.runDueJobs({ at: new Date("2031-05-20T07:00:01Z") });
    expect((await reminders()).map((r) => r.title)).toEqual(["Due today: Write your one-page strategy"]);
    const done = await ok(`/api/engagement-action-items/${item.id}`, mentee.cookie, {
      method: "PUT",
      body: { text: item.text, dueOn: due, state: "done", version: committed.actionItems[0].version },
    });
    expect(done.actionItems[0].doneAt).not.toBeNull();
    const own = await ok(`/api/engagements/${engagement.id}/action-items`, mentee.cookie, {
      body: { text: "Ask my manager for the platform team", dueOn: null },
    });
    expect(own.actionItems[1]).toMatchObject({ state: "committed", suggestedBy: "mentee" });
  });

  it("keeps each review hidden until both are in, frees the seat, and feeds the mentor's profile", async () => {
    const { mentor, mentee, engagement, requestId } = await engagementPair(ctx, { active: true });
    const closing = await ok(`/api/engagements/${engagement.id}/close`, mentor.cookie, {
      body: { version: engagement.version },
    });
    expect(closing.reviews.revealsAt).not.toBeNull();
    await ok(`/api/engagements/${engagement.id}/review`, mentor.cookie, {
      body: { rating: 5, text: "Mentor wrote: Ben did every action.", quoteAllowed: true },
    });
    const waiting = await ok(`/api/engagements/${engagement.id}`, mentee.cookie);
    expect(waiting.reviews).toMatchObject({ theirsIn: true, revealed: false, theirs: null, mine: null });
    expect(JSON.stringify(waiting)).not.toContain("Ben did every action");
    const twice = await call(`/api/engagements/${engagement.id}/review`, mentor.cookie, {
      body: { rating: 1, text: "Changed my mind", quoteAllowed: false },
    });
    expect(twice.status).toBe(409);
    const member = await buildUser(ctx);
    const before = await ok(`/api/mentors/${mentor.id}/reviews`, member.cookie);
    expect(before).toMatchObject({ reviews: 0, averageRating: null, quotes: [] });
    const both = await ok(`/api/engagements/${engagement.id}/review`, mentee.cookie, {
      body: { rating: 4, text: "Nora asked the questions I avoided.", quoteAllowed: true },
    });
    expect(both.state).toBe("closed");
    expect(both.reviews.theirs.text).toMatch(/Ben did every action/);
    const forMentor = await ok(`/api/engagements/${engagement.id}`, mentor.cookie);
    expect(forMentor.reviews.theirs.text).toMatch(/asked the questions/);
    const after = await ok(`/api/mentors/${mentor.id}/reviews`, member.cookie);
    expect(after).toMatchObject({ reviews: 1, averageRating: 4 });
    expect(after.quotes.map((q: { text: string }) => q.text)).toEqual([
      "Nora asked the questions I avoided.",
    ]);
    const [request] = await ctx.db.select().from(mentorRequests).where(eq(mentorRequests.id, requestId));
    expect(request?.state).toBe("ended");
    const [profile] = await ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentor.id));
    expect(profile?.activeMentees).toBe(0);
  });

  it("reveals what is in after 14 days, and the mentor cannot hold a review back", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    await ok(`/api/engagements/${engagement.id}/close`, mentee.cookie, {
      body: { version: engagement.version },
    });
    await ok(`/api/engagements/${engagement.id}/review`, mentee.cookie, {
      body: { rating: 2, text: "Sessions often moved at short notice.", quoteAllowed: true },
    });
    const [row] = await ctx.db.select().from(engagements).where(eq(engagements.id, engagement.id));
    await ctx.jobs.runDueJobs({ at: new Date((row?.closeStartedAt?.getTime() ?? 0) + 13 * day) });
    expect((await ok(`/api/engagements/${engagement.id}`, mentor.cookie)).reviews.theirs).toBeNull();
    await ctx.jobs.runDueJobs({ at: new Date((row?.closeStartedAt?.getTime() ?? 0) + 14 * day + 1000) });
    const revealed = await ok(`/api/engagements/${engagement.id}`, mentor.cookie);
    expect(revealed.state).toBe("closed");
    expect(revealed.reviews.theirs.text).toMatch(/short notice/);
    // No route hides or deletes a review; the mentor's answer to a hidden one is only their own review.
    const member = await buildUser(ctx);
    const counted = await ok(`/api/mentors/${mentor.id}/reviews`, member.cookie);
    expect(counted).toMatchObject({ reviews: 1, averageRating: 2 });
  });
});

describe("session notes: private or shared, per note", () => {
  it("never shows a private note to anyone else, through any route, email or notification", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    const canaries = {
      menteePrivate: `canary-mentee-private-${Date.now()}`,
      mentorPrivate: `canary-mentor-private-${Date.now()}`,
    };
    const slot = engagement.slots[0];
    const booked = await ok(`/api/engagements/${engagement.id}/sessions`, mentee.cookie, {
      body: { startsAt: slot.start, minutes: 30, agenda: "" },
    });
    const sessionId = booked.sessions[0].id;
    await ok(`/api/engagements/${engagement.id}/notes`, mentee.cookie, {
      body: { body: `I am afraid to ask for the team. ${canaries.menteePrivate}`, shared: false, sessionId },
    });
    const shared = await ok(`/api/engagements/${engagement.id}/notes`, mentee.cookie, {
      body: { body: "Shared: I will ask for the platform team.", shared: true, sessionId },
    });
    await ok(`/api/engagements/${engagement.id}/notes`, mentor.cookie, {
      body: { body: `Ben avoids conflict. ${canaries.mentorPrivate}`, shared: false, sessionId: null },
    });
    // A note that starts private and becomes shared, then private again.
    const turned = await ok(`/api/engagements/${engagement.id}/notes`, mentor.cookie, {
      body: { body: "Read chapter 3 of High Output Management.", shared: false, sessionId: null },
    });
    const turning = turned.notes.find((n: { body: string }) => n.body.startsWith("Read chapter"));
    const nowShared = await ok(`/api/engagement-notes/${turning.id}`, mentor.cookie, {
      method: "PUT",
      body: { body: turning.body, shared: true, version: turning.version },
    });
    const forMentee = await ok(`/api/engagements/${engagement.id}`, mentee.cookie);
    expect(forMentee.notes.map((n: { body: string }) => n.body)).toContain(turning.body);
    await ok(`/api/engagement-notes/${turning.id}`, mentor.cookie, {
      method: "PUT",
      body: {
        body: turning.body,
        shared: false,
        version: nowShared.notes.find((n: { id: string }) => n.id === turning.id).version,
      },
    });

    const stranger = await buildUser(ctx);
    const admin = await buildUser(ctx, { role: "admin" });
    const menteeNoteId = shared.notes.find((n: { body: string }) =>
      n.body.includes(canaries.menteePrivate),
    ).id;
    // The mentor cannot reach the mentee's note by id, to read, change or delete it: a 404 like a missing one.
    for (const [method, body] of [
      ["PUT", { body: "overwrite", shared: true, version: 1 }],
      ["DELETE", undefined],
    ] as const) {
      const response = await call(`/api/engagement-notes/${menteeNoteId}`, mentor.cookie, { method, body });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(canaries.menteePrivate);
    }

    const readers: [string, string, string][] = [
      [mentor.cookie, canaries.menteePrivate, "mentor"],
      [mentee.cookie, canaries.mentorPrivate, "mentee"],
      [stranger.cookie, canaries.menteePrivate, "stranger"],
      [admin.cookie, canaries.menteePrivate, "admin"],
    ];
    const paths = [
      `/api/engagements/${engagement.id}`,
      "/api/engagements",
      `/api/engagement-sessions/${sessionId}/calendar`,
      `/api/mentors/${mentor.id}/reviews`,
      "/api/notifications",
      "/api/home",
      "/api/admin/outbox",
      "/api/admin/jobs",
      `/api/shared/${mentee.id}/lanes`,
    ];
    const leaks: string[] = [];
    for (const [cookie, canary, who] of readers) {
      for (const path of paths) {
        const text = await (await call(path, cookie)).text();
        if (text.includes(canary)) leaks.push(`${path} as ${who}`);
      }
    }
    // The mentee's private note reaches no email, notification or job at all, and the mentor's neither.
    const everyMail = await ctx.db.select().from(outbox);
    const everyNotice = await ctx.db.select().from(notifications);
    const everyJob = await ctx.db.select().from(jobs);
    for (const canary of Object.values(canaries)) {
      if (JSON.stringify(everyMail).includes(canary)) leaks.push("outbox");
      if (JSON.stringify(everyNotice).includes(canary)) leaks.push("notifications");
      if (JSON.stringify(everyJob).includes(canary)) leaks.push("jobs");
    }
    expect(leaks).toEqual([]);
    // The count of notes each side sees is only what they may read.
    const mentorView = await ok(`/api/engagements/${engagement.id}`, mentor.cookie);
    expect(mentorView.notes.filter((n: { mine: boolean }) => !n.mine).length).toBe(1);
    const adminView = await signIn(ctx, admin.email, admin.password);
    expect((await call(`/api/engagements/${engagement.id}`, adminView.cookie)).status).toBe(404);
  });
});

describe("decisions stay the mentee's: shared read-only, commented on by the mentor", () => {
  const decisionBody = (dilemma: string, extra: Record<string, unknown> = {}) => ({
    dilemma,
    options: [
      { label: "Stay", servesSkipJob: "Keeps the platform scope" },
      { label: "Go", servesSkipJob: "A product lead title sooner" },
    ],
    decision: "Stay one more year",
    reason: "The platform scope is what the skip job needs.",
    decidedOn: "2026-01-10",
    revisitOn: null,
    ...extra,
  });

  it("lets the mentor read a shared decision and comment, never write it, for the share's and engagement's life", async () => {
    const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
    const canaries = {
      revisit: `canary-decision-revisit-${Date.now()}`,
      unshared: `canary-decision-unshared-${Date.now()}`,
    };
    const shared = await ok("/api/decisions", mentee.cookie, {
      body: decisionBody("Grit it out or move on?", { revisitOn: "2026-02-01" }),
    });
    const revisited = await ok(`/api/decisions/${shared.id}/revisit`, mentee.cookie, {
      body: {
        revisitedOn: "2026-02-01",
        outcome: `Still unsure. ${canaries.revisit}`,
        nextRevisitOn: "2026-08-01",
        version: shared.version,
      },
    });
    const unshared = await ok("/api/decisions", mentee.cookie, {
      body: {
        ...decisionBody(`Tell my manager? ${canaries.unshared}`),
        decision: `Not yet ${canaries.unshared}`,
        reason: `Fear ${canaries.unshared}`,
      },
    });
    const stranger = await buildUser(ctx);
    const admin = await buildUser(ctx, { role: "admin" });
    const othersDecision = await ok("/api/decisions", stranger.cookie, { body: decisionBody("Theirs") });

    // Only the mentee shares, and only a decision of their own journal.
    const byMentor = await call(`/api/engagements/${engagement.id}/decisions`, mentor.cookie, {
      body: { decisionId: shared.id },
    });
    expect(byMentor.status).toBe(403);
    const notMine = await call(`/api/engagements/${engagement.id}/decisions`, mentee.cookie, {
      body: { decisionId: othersDecision.id },
    });
    expect(notMine.status).toBe(400);
    expect((await notMine.json()).error.field).toBe("decisionId");
    const afterShare = await ok(`/api/engagements/${engagement.id}/decisions`, mentee.cookie, {
      body: { decisionId: shared.id },
    });
    expect(afterShare.decisions).toHaveLength(1);
    const shareId = afterShare.decisions[0].shareId;
    // Sharing it twice changes nothing.
    const twice = await ok(`/api/engagements/${engagement.id}/decisions`, mentee.cookie, {
      body: { decisionId: shared.id },
    });
    expect(twice.decisions.map((d: { shareId: string }) => d.shareId)).toEqual([shareId]);

    const forMentor = await ok(`/api/engagements/${engagement.id}`, mentor.cookie);
    expect(forMentor.decisions[0]).toMatchObject({
      decisionId: shared.id,
      dilemma: "Grit it out or move on?",
      decision: "Stay one more year",
      comments: [],
    });
    expect(Object.keys(forMentor.decisions[0])).not.toContain("revisits");
    // The decision itself stays the mentee's: the mentor reaches none of its own routes.
    for (const [method, path, body] of [
      ["GET", `/api/decisions/${shared.id}`, undefined],
      ["PUT", `/api/decisions/${shared.id}`, { ...decisionBody("Overwritten"), version: revisited.version }],
      ["DELETE", `/api/decisions/${shared.id}`, undefined],
      [
        "POST",
        `/api/decisions/${shared.id}/revisit`,
        { revisitedOn: "2026-03-01", outcome: "x", nextRevisitOn: null, version: revisited.version },
      ],
    ] as const) {
      expect((await call(path, mentor.cookie, { method, body })).status, `${method} ${path}`).toBe(404);
    }
    expect((await ok(`/api/decisions/${shared.id}`, mentee.cookie)).dilemma).toBe("Grit it out or move on?");

    // The mentor comments; the mentee cannot comment in the mentor's place, nobody else reaches it.
    const commented = await ok(`/api/engagement-decisions/${shareId}/comments`, mentor.cookie, {
      body: { body: "What would make staying a clear yes in six months?" },
    });
    const comment = commented.decisions[0].comments[0];
    expect(comment).toMatchObject({ mine: true, authorName: "Nora Mentor", version: 1 });
    const commentBody = { body: "Another view" };
    expect(
      (await call(`/api/engagement-decisions/${shareId}/comments`, mentee.cookie, { body: commentBody }))
        .status,
    ).toBe(403);
    for (const outsider of [stranger, admin]) {
      expect(
        (await call(`/api/engagement-decisions/${shareId}/comments`, outsider.cookie, { body: commentBody }))
          .status,
      ).toBe(404);
      expect(
        (await call(`/api/engagement-decisions/${shareId}`, outsider.cookie, { method: "DELETE" })).status,
      ).toBe(404);
      expect((await call(`/api/engagements/${engagement.id}`, outsider.cookie)).status).toBe(404);
      expect((await call(`/api/decisions/${shared.id}`, outsider.cookie)).status).toBe(404);
    }
    // A comment is versioned: a stale change is refused and says so.
    const edited = await ok(`/api/engagement-decision-comments/${comment.id}`, mentor.cookie, {
      method: "PUT",
      body: { body: "What would make staying a clear yes by summer?", version: 1 },
    });
    expect(edited.decisions[0].comments[0]).toMatchObject({ version: 2 });
    const stale = await call(`/api/engagement-decision-comments/${comment.id}`, mentor.cookie, {
      method: "PUT",
      body: { body: "Lost edit", version: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.field).toBe("version");
    expect(
      (
        await call(`/api/engagement-decision-comments/${comment.id}`, mentee.cookie, {
          method: "PUT",
          body: { body: "Rewritten by the mentee", version: 2 },
        })
      ).status,
    ).toBe(403);

    // The mentee is told, and the journal says which engagement helped, with the comment.
    const notices = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, mentee.id), eq(notifications.kind, "decision_comment")));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.link).toBe(`/decisions/${shared.id}`);
    const inJournal = await ok(`/api/decisions/${shared.id}`, mentee.cookie);
    expect(inJournal.discussions).toEqual([
      expect.objectContaining({
        engagementId: engagement.id,
        mentorName: "Nora Mentor",
        sharedNow: true,
        comments: [
          expect.objectContaining({ body: "What would make staying a clear yes by summer?", mine: false }),
        ],
      }),
    ]);
    const journal = await ok("/api/decisions", mentee.cookie);
    const listed = journal.decisions.find((d: { id: string }) => d.id === shared.id);
    expect(listed.discussions[0].mentorName).toBe("Nora Mentor");
    expect(journal.decisions.find((d: { id: string }) => d.id === unshared.id).discussions).toEqual([]);

    // Nothing the mentee did not share reaches the mentor, through any path.
    const paths = [
      `/api/engagements/${engagement.id}`,
      "/api/engagements",
      "/api/notifications",
      "/api/home",
      "/api/decisions",
      `/api/decisions/${unshared.id}`,
      "/api/shared",
      `/api/shared/${mentee.id}/plan`,
    ];
    const leaks: string[] = [];
    for (const [who, cookie] of [
      ["mentor", mentor.cookie],
      ["stranger", stranger.cookie],
      ["admin", admin.cookie],
    ] as const) {
      for (const path of paths) {
        const text = await (await call(path, cookie)).text();
        for (const canary of Object.values(canaries))
          if (text.includes(canary)) leaks.push(`${path} as ${who}`);
      }
    }
    const mentorMail = JSON.stringify(await mailTo(mentor.email));
    const everyNotice = JSON.stringify(await ctx.db.select().from(notifications));
    const everyJob = JSON.stringify(await ctx.db.select().from(jobs));
    for (const canary of Object.values(canaries)) {
      if (mentorMail.includes(canary)) leaks.push("mail to the mentor");
      if (everyNotice.includes(canary)) leaks.push("notifications");
      if (everyJob.includes(canary)) leaks.push("jobs");
    }
    expect(leaks).toEqual([]);

    // Revoked: the mentor's next request finds nothing; the journal keeps the comment and says so.
    const mentorEdit = { body: "After the revoke", version: 2 };
    expect(
      (await call(`/api/engagement-decisions/${shareId}`, mentor.cookie, { method: "DELETE" })).status,
    ).toBe(403);
    const revoked = await ok(`/api/engagement-decisions/${shareId}`, mentee.cookie, { method: "DELETE" });
    expect(revoked.decisions).toEqual([]);
    expect((await ok(`/api/engagements/${engagement.id}`, mentor.cookie)).decisions).toEqual([]);
    expect(
      (await call(`/api/engagement-decisions/${shareId}/comments`, mentor.cookie, { body: commentBody }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(`/api/engagement-decision-comments/${comment.id}`, mentor.cookie, {
          method: "PUT",
          body: mentorEdit,
        })
      ).status,
    ).toBe(404);
    const afterRevoke = await ok(`/api/decisions/${shared.id}`, mentee.cookie);
    expect(afterRevoke.discussions[0]).toMatchObject({ sharedNow: false });
    expect(afterRevoke.discussions[0].comments).toHaveLength(1);

    // Shared again, then the engagement closes: the share ends with it.
    const again = await ok(`/api/engagements/${engagement.id}/decisions`, mentee.cookie, {
      body: { decisionId: shared.id },
    });
    expect(again.decisions.map((d: { shareId: string }) => d.shareId)).toEqual([shareId]);
    await ok(`/api/engagements/${engagement.id}/close`, mentor.cookie, { body: { version: again.version } });
    expect((await ok(`/api/engagements/${engagement.id}`, mentor.cookie)).decisions).toHaveLength(1);
    for (const who of [mentee, mentor]) {
      await ok(`/api/engagements/${engagement.id}/review`, who.cookie, {
        body: { rating: 5, text: "Useful.", quoteAllowed: false },
      });
    }
    const closed = await ok(`/api/engagements/${engagement.id}`, mentor.cookie);
    expect(closed.state).toBe("closed");
    expect(closed.decisions).toEqual([]);
    expect(
      (await call(`/api/engagement-decisions/${shareId}/comments`, mentor.cookie, { body: commentBody }))
        .status,
    ).toBe(404);
    const afterClose = await ok(`/api/decisions/${shared.id}`, mentee.cookie);
    expect(afterClose.discussions[0]).toMatchObject({ mentorName: "Nora Mentor", sharedNow: false });
    expect(
      (
        await call(`/api/engagements/${engagement.id}/decisions`, mentee.cookie, {
          body: { decisionId: shared.id },
        })
      ).status,
    ).toBe(409);
  });
});

describe("911 calls", () => {
  const urgent = (lanes: string[]) => ({
    lanes,
    urgentCalls: true,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
  });

  it("reaches fitting mentors at once, lets the first to accept take it, and books a talk within hours", async () => {
    const member = await buildUser(ctx, { name: "Ada Urgent" });
    const fits = [await buildUser(ctx), await buildUser(ctx)];
    for (const mentor of fits) await becomeMentor(ctx, mentor.cookie, urgent(["market", "team"]));
    const other = await buildUser(ctx);
    await becomeMentor(ctx, other.cookie, urgent(["crafting"]));
    const posted = await ok("/api/urgent-calls", member.cookie, {
      body: { kind: "offer", lane: "market", dilemma: "Offer expires Friday: take it?", decideBy: null },
    });
    expect(posted).toMatchObject({ state: "open", wave: 1, offeredTo: 2 });
    const [a, b] = fits as [(typeof fits)[0], (typeof fits)[0]];
    expect((await call(`/api/urgent-calls/${posted.id}`, other.cookie)).status).toBe(404);
    const taken = await ok(`/api/urgent-calls/${posted.id}/accept`, a.cookie, { body: {} });
    expect(taken).toMatchObject({ state: "taken", takenByMe: true });
    expect((await call(`/api/urgent-calls/${posted.id}/accept`, b.cookie, { body: {} })).status).toBe(409);
    const forB = await ok(`/api/urgent-calls/${posted.id}`, b.cookie);
    expect(forB).toMatchObject({ state: "taken", takenByName: null, takenByMe: false });
    const soon = new Date(Math.ceil((Date.now() + 3 * hour) / (15 * 60_000)) * 15 * 60_000);
    const booked = await ok(`/api/urgent-calls/${posted.id}/session`, member.cookie, {
      body: { startsAt: soon.toISOString(), minutes: 30 },
    });
    expect(booked.sessions[0].startsAt).toBe(soon.toISOString());
    const mail = (await mailTo(a.email)).find((m) => m.subject.startsWith("Session with"));
    expect(readCalendar(mail?.attachments?.[0]?.content ?? "").start.toISOString()).toBe(soon.toISOString());
  });

  it("widens to more mentors when nobody accepts within the promise, and says so honestly", async () => {
    const member = await buildUser(ctx);
    const fit = await buildUser(ctx);
    await becomeMentor(ctx, fit.cookie, urgent(["domain"]));
    const wider = await buildUser(ctx);
    await becomeMentor(ctx, wider.cookie, urgent(["growth"]));
    const posted = await ok("/api/urgent-calls", member.cookie, {
      body: {
        kind: "layoff",
        lane: "domain",
        dilemma: "Laid off today, severance deadline Monday.",
        decideBy: null,
      },
    });
    expect(posted.offeredTo).toBeGreaterThanOrEqual(1);
    expect((await call(`/api/urgent-calls/${posted.id}`, wider.cookie)).status).toBe(404);
    const created = Date.parse(posted.createdAt);
    await ctx.jobs.runDueJobs({ at: new Date(created + 2 * hour + 1000) });
    const widened = await ok(`/api/urgent-calls/${posted.id}`, member.cookie);
    expect(widened.wave).toBe(2);
    expect(widened.offeredTo).toBeGreaterThan(posted.offeredTo);
    const told = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.kind, "urgent_call")));
    expect(told.map((n) => n.title)).toContain(
      "No mentor accepted your 911 call yet: it now reaches more mentors",
    );
    expect((await ok(`/api/urgent-calls/${posted.id}/accept`, wider.cookie, { body: {} })).state).toBe(
      "taken",
    );
  });

  it("ends honestly when nobody takes the call even after it widened, and leaves nothing waiting", async () => {
    const member = await buildUser(ctx, { name: "Una Answered" });
    const fit = await buildUser(ctx);
    await becomeMentor(ctx, fit.cookie, urgent(["domain"]));
    const wider = await buildUser(ctx);
    await becomeMentor(ctx, wider.cookie, urgent(["growth"]));
    const posted = await ok("/api/urgent-calls", member.cookie, {
      body: { kind: "offer", lane: "domain", dilemma: "An offer expires tonight.", decideBy: null },
    });
    const created = Date.parse(posted.createdAt);
    await ctx.jobs.runDueJobs({ at: new Date(created + 2 * hour + 1000) });
    expect((await ok(`/api/urgent-calls/${posted.id}`, member.cookie)).wave).toBe(2);
    // The second promise passes too, with nobody accepting.
    await ctx.jobs.runDueJobs({ at: new Date(created + 4 * hour + 2000) });
    const ended = await ok(`/api/urgent-calls/${posted.id}`, member.cookie);
    expect(ended).toMatchObject({ state: "unanswered", takenByName: null, sessions: [] });
    const told = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.kind, "urgent_call")));
    expect(told.map((n) => n.title)).toEqual(
      expect.arrayContaining([
        "No mentor accepted your 911 call yet: it now reaches more mentors",
        "No mentor could take your 911 call",
      ]),
    );
    expect((await mailTo(member.email)).map((m) => m.subject)).toContain(
      "No mentor could take your 911 call",
    );
    // Nothing dangles: no job waits for the call, no mentor can take it late, the member can post again.
    const waiting = await ctx.db.select().from(jobs).where(eq(jobs.state, "queued"));
    expect(waiting.filter((j) => JSON.stringify(j.payload).includes(posted.id))).toEqual([]);
    for (const mentor of [fit, wider]) {
      const late = await call(`/api/urgent-calls/${posted.id}/accept`, mentor.cookie, { body: {} });
      expect(late.status).toBe(409);
      expect((await late.json()).error.message).toMatch(/nobody could take it in time/);
      const offered = await ok("/api/urgent-calls", mentor.cookie);
      expect(offered.offered.find((c: { id: string }) => c.id === posted.id).state).toBe("unanswered");
    }
    expect((await call(`/api/urgent-calls/${posted.id}/withdraw`, member.cookie, { body: {} })).status).toBe(
      409,
    );
    const again = await ok("/api/urgent-calls", member.cookie, {
      body: { kind: "offer", lane: null, dilemma: "Still deciding on the offer.", decideBy: null },
    });
    expect(again.state).toBe("open");
  });

  it.runIf(onPostgres)("lets exactly one of several racing mentors take a call, on PostgreSQL", async () => {
    const member = await buildUser(ctx);
    const mentors = [];
    for (let i = 0; i < 4; i++) {
      const mentor = await buildUser(ctx);
      await becomeMentor(ctx, mentor.cookie, urgent(["organizational"]));
      mentors.push(mentor);
    }
    const posted = await ok("/api/urgent-calls", member.cookie, {
      body: {
        kind: "conflict",
        lane: "organizational",
        dilemma: "My VP and CEO disagree on me.",
        decideBy: null,
      },
    });
    const answers = await Promise.all(
      mentors.map((m) => call(`/api/urgent-calls/${posted.id}/accept`, m.cookie, { body: {} })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });
});

describe("races settled by the database", () => {
  it("refuses an overlapping booking of the mentor on any database, whichever engagement it comes from", async () => {
    const first = await engagementPair(ctx, { active: true });
    const slot = first.engagement.slots[0];
    await ok(`/api/engagements/${first.engagement.id}/sessions`, first.mentee.cookie, {
      body: { startsAt: slot.start, minutes: 60, agenda: "" },
    });
    // A second mentee of the same mentor.
    const second = await buildUser(ctx);
    const request = await ok("/api/mentor-requests", second.cookie, {
      body: { mentorId: first.mentor.id, message: "I want help leading through others." },
    });
    await ok(`/api/mentor-requests/${request.id}/accept`, first.mentor.cookie, { body: {} });
    const { activeEngagement } = await import("../../../../test/engagements.ts");
    const other = await activeEngagement(ctx, first.mentor, second, request.id);
    const clash = await call(`/api/engagements/${other.id}/sessions`, second.cookie, {
      body: {
        startsAt: new Date(Date.parse(slot.start) + 30 * 60_000).toISOString(),
        minutes: 30,
        agenda: "",
      },
    });
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.message).toMatch(/just booked/);
  });

  it.runIf(onPostgres)(
    "lets exactly one of two bookings racing for the same time through, on PostgreSQL",
    async () => {
      for (let round = 0; round < 3; round++) {
        const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
        const slot = engagement.slots[round % engagement.slots.length];
        const answers = await Promise.all([
          call(`/api/engagements/${engagement.id}/sessions`, mentee.cookie, {
            body: { startsAt: slot.start, minutes: 60, agenda: "" },
          }),
          call(`/api/engagements/${engagement.id}/sessions`, mentor.cookie, {
            body: {
              startsAt: new Date(Date.parse(slot.start) + 15 * 60_000).toISOString(),
              minutes: 30,
              agenda: "",
            },
          }),
        ]);
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      }
    },
  );

  it.runIf(onPostgres)("starts one engagement when both sides start it at once, on PostgreSQL", async () => {
    const { mentor, mentee, requestId } = await engagementPair(ctx);
    const answers = await Promise.all([
      call("/api/engagements", mentor.cookie, { body: { requestId } }),
      call("/api/engagements", mentee.cookie, { body: { requestId } }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

function goal(text: string) {
  return {
    text,
    measure: "Agreed with my manager by the end of the quarter",
    lane: null,
    tourId: null,
    hurdle: null,
  };
}

describe("every route of the module, for the mentee, the mentor, another member and an instance admin", () => {
  // What the other person in the engagement (or call) gets on the step the owner takes: both sides
  // share most steps; the mentee's own decisions answer 403 to the mentor and the other way round;
  // someone's note is theirs alone, a 404 like a missing one.
  const otherParty: Record<string, number | null> = {
    "GET /api/engagements": null,
    "POST /api/engagements": 200,
    "GET /api/engagements/:id": 200,
    "PUT /api/engagements/:id/agreement": 200,
    "POST /api/engagements/:id/agreement/accept": 200,
    "PUT /api/engagements/:id/intake/questions": 403,
    "PUT /api/engagements/:id/intake/answers": 403,
    "POST /api/engagements/:id/plan": 200,
    "POST /api/engagements/:id/sessions": 200,
    "POST /api/engagements/:id/notes": 200,
    "POST /api/engagements/:id/action-items": 200,
    "POST /api/engagements/:id/close": 200,
    "POST /api/engagements/:id/review": 200,
    "PUT /api/engagement-sessions/:id": 200,
    "POST /api/engagement-sessions/:id/cancel": 200,
    "GET /api/engagement-sessions/:id/calendar": 200,
    "PUT /api/engagement-notes/:id": 404,
    "DELETE /api/engagement-notes/:id": 404,
    "PUT /api/engagement-action-items/:id": 403,
    "POST /api/engagements/:id/decisions": 403,
    "DELETE /api/engagement-decisions/:id": 403,
    "POST /api/engagement-decisions/:id/comments": 403,
    "PUT /api/engagement-decision-comments/:id": 403,
    "GET /api/mentors/:id/reviews": null,
    "GET /api/urgent-calls": null,
    "POST /api/urgent-calls": null,
    "GET /api/urgent-calls/:id": 200,
    "POST /api/urgent-calls/:id/accept": 403,
    "POST /api/urgent-calls/:id/withdraw": 403,
    "POST /api/urgent-calls/:id/session": 200,
  };
  const open = new Set([
    "GET /api/engagements",
    "GET /api/urgent-calls",
    "POST /api/urgent-calls",
    "GET /api/mentors/:id/reviews",
  ]);

  it("answers each as declared, and lists every route of the module", async () => {
    const { enumerateRoutes, concretePath } = await import("../../../../test/routes.ts");
    const { seedEngagementRoute } = await import("../../../../test/engagements.ts");
    const mine = (await enumerateRoutes(ctx))
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => /\/api\/(engagement|urgent-calls)|\/reviews$/.test(k));
    expect(mine.sort()).toEqual(Object.keys(otherParty).sort());
    const admin = await buildUser(ctx, { role: "admin" });
    const failures: string[] = [];
    for (const key of mine) {
      const method = key.slice(0, key.indexOf(" "));
      const route = key.slice(key.indexOf(" ") + 1);
      const owner = await buildUser(ctx);
      const stranger = await buildUser(ctx);
      const send = async (cookie: string, params: Record<string, string>, body: unknown) =>
        (
          await call(concretePath(route, params), cookie, {
            method,
            body: method === "GET" ? undefined : body,
          })
        ).status;
      const seeded = await seedEngagementRoute(ctx, key, owner);
      if (!open.has(key)) {
        for (const [who, cookie] of [
          ["another member", stranger.cookie],
          ["instance admin", admin.cookie],
        ] as const) {
          const got = await send(cookie, seeded.params, seeded.body ?? {});
          if (got !== 404) failures.push(`${key} as ${who}: expected 404, got ${got}`);
        }
      }
      const got = await send(owner.cookie, seeded.params, seeded.body ?? {});
      if (got !== 200) failures.push(`${key} as the owner: expected 200, got ${got}`);
      const expected = otherParty[key];
      if (expected) {
        // A fresh thing in the same state, so the owner's step above does not change the answer.
        const again = await seedEngagementRoute(ctx, key, await buildUser(ctx));
        const status = await send(again.other?.cookie ?? "", again.params, again.body ?? {});
        if (status !== expected)
          failures.push(`${key} as the other side: expected ${expected}, got ${status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
