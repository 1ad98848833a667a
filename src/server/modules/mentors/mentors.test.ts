import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { becomeMentor, mentorBody, sendRequest } from "../../../../test/mentors.ts";
import { outbox } from "../mail/outbox.table.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { profiles } from "../profile/profile.table.ts";
import { shareGrants } from "../sharing/sharing.table.ts";
import { mentorProfiles, mentorRequests } from "./mentors.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const hour = 3600_000;
const onPostgres = Boolean(process.env.DATABASE_URL);

async function kindsFor(userId: string) {
  const rows = await ctx.db.select().from(notifications).where(eq(notifications.userId, userId));
  return rows.map((row) => row.kind);
}

async function post(path: string, cookie: string, body: unknown = {}) {
  return ctx.request(path, { body, cookie });
}

describe("mentor profiles", () => {
  it("creates a profile at version 0, refuses a stale save, and shows it to any member", async () => {
    const mentor = await buildUser(ctx, { name: "Priya Mentor" });
    const empty = await (await ctx.request("/api/mentors/me", { cookie: mentor.cookie })).json();
    expect(empty).toEqual({ profile: null, version: 0, activeMentees: 0 });
    const saved = await becomeMentor(ctx, mentor.cookie);
    expect(saved.version).toBe(1);
    expect(saved.profile).toMatchObject({ name: "Priya Mentor", seatsLeft: 2, paused: false });
    const stale = await ctx.request("/api/mentors/me", {
      method: "PUT",
      body: { ...mentorBody({ capacity: 3 }), version: 0 },
      cookie: mentor.cookie,
    });
    expect(stale.status).toBe(409);
    const changed = await ctx.request("/api/mentors/me", {
      method: "PUT",
      body: { ...mentorBody({ capacity: 3 }), version: 1 },
      cookie: mentor.cookie,
    });
    expect((await changed.json()).profile.capacity).toBe(3);

    const member = await buildUser(ctx);
    await ctx.db.insert(profiles).values({ userId: member.id, timeZone: "Europe/Berlin" });
    const seen = await ctx.request(`/api/mentors/${mentor.id}`, { cookie: member.cookie });
    expect(seen.status).toBe(200);
    const profile = await seen.json();
    expect(profile.headline).toMatch(/VP Product/);
    expect(profile.slots.length).toBeGreaterThan(0);
    // No answers measured yet: the profile says so instead of inventing a speed.
    expect(profile.responses).toMatchObject({ answered: 0, medianHours: null });
    expect(profile.responses.summary).toMatch(/Too few/);
    expect((await ctx.request("/api/mentors/nobody", { cookie: member.cookie })).status).toBe(404);
    expect((await ctx.request(`/api/mentors/${mentor.id}`)).status).toBe(401);
  });

  it("names the field at fault, and keeps capacity at or above the mentees taken", async () => {
    const mentor = await buildUser(ctx);
    const bad = await ctx.request("/api/mentors/me", {
      method: "PUT",
      body: { ...mentorBody({ weekly: [{ weekday: 2, start: "11:00", end: "09:00" }] }), version: 0 },
      cookie: mentor.cookie,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("weekly.0.end");
    const zone = await ctx.request("/api/mentors/me", {
      method: "PUT",
      body: { ...mentorBody({ timeZone: "Mars/Olympus" }), version: 0 },
      cookie: mentor.cookie,
    });
    expect((await zone.json()).error.field).toBe("timeZone");

    await becomeMentor(ctx, mentor.cookie, { capacity: 1 });
    const mentee = await buildUser(ctx);
    const { id } = await (await sendRequest(ctx, mentee.cookie, mentor.id)).json();
    expect((await post(`/api/mentor-requests/${id}/accept`, mentor.cookie)).status).toBe(200);
    const lower = await ctx.request("/api/mentors/me", {
      method: "PUT",
      body: { ...mentorBody({ capacity: 1, lanes: ["market"] }), version: 1 },
      cookie: mentor.cookie,
    });
    expect(lower.status).toBe(200);
  });
});

describe("finding a mentor", () => {
  it("searches free text with websearch syntax and filters, and never offers paused or full mentors", async () => {
    const seeker = await buildUser(ctx);
    const pricing = await buildUser(ctx, { name: "Pricing Person" });
    await becomeMentor(ctx, pricing.cookie, {
      headline: "Monetisation and packaging for marketplaces",
      about: "I priced three marketplaces.",
      lanes: ["market"],
      style: "craft",
      levels: ["pm"],
    });
    const paused = await buildUser(ctx, { name: "Paused Person" });
    await becomeMentor(ctx, paused.cookie, { headline: "Marketplaces monetisation too", lanes: ["market"] });
    await post("/api/mentors/me/pause", paused.cookie);

    const search = async (query: string) =>
      (await (await ctx.request(`/api/mentors?${query}`, { cookie: seeker.cookie })).json()).mentors.map(
        (m: { userId: string }) => m.userId,
      );
    expect(await search("q=marketplace%20pricing")).toEqual([pricing.id]);
    expect(await search("q=%22priced%20three%22")).toEqual([pricing.id]);
    expect(await search("q=marketplace%20-monetisation")).toEqual([]);
    expect(await search("q=marketplace&lanes=market&level=pm&style=craft")).toEqual([pricing.id]);
    expect(await search("q=marketplace&lanes=growth")).toEqual([]);
    expect(await search("q=marketplace&style=person")).toEqual([]);
    const bad = await ctx.request("/api/mentors?lanes=cooking", { cookie: seeker.cookie });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("lanes");

    await post("/api/mentors/me/resume", paused.cookie);
    expect((await search("q=marketplaces")).sort()).toEqual([pricing.id, paused.id].sort());
  });

  it("filters by time-zone overlap with the searcher's waking hours", async () => {
    const tokyo = await buildUser(ctx);
    await ctx.db.insert(profiles).values({ userId: tokyo.id, timeZone: "Asia/Tokyo" });
    const berlin = await buildUser(ctx);
    await ctx.db.insert(profiles).values({ userId: berlin.id, timeZone: "Europe/Berlin" });
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie, {
      headline: "Overlapzone specialist",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "11:00" })),
    });
    const found = async (cookie: string) =>
      (await (await ctx.request("/api/mentors?q=overlapzone&overlap=good", { cookie })).json()).mentors
        .length;
    expect(await found(berlin.cookie)).toBe(1);
    expect(await found(tokyo.cookie)).toBe(0);
  });

  it("suggests mentors for the member's own gaps, with reasons in words", async () => {
    const member = await buildUser(ctx);
    await ctx.request("/api/profile", {
      method: "PUT",
      body: { name: "Sam Seeker", level: "senior_pm", timeZone: "Europe/Berlin", version: 0 },
      cookie: member.cookie,
    });
    await post("/api/lanes/assessments", member.cookie, {
      ratings: { crafting: 4, market: 3, organizational: 4, domain: 3, team: 1, growth: 2 },
      worldClassLane: "market",
    });
    await post("/api/portfolio/roles", member.cookie, {
      company: "Small Co",
      title: "PM",
      startsOn: "2020-01-01",
      stage: "pre_pmf",
      market: "consumer",
      vantage: "inside",
      work: ["feature"],
      peopleManaged: 0,
    });
    const scaler = await buildUser(ctx, { name: "Scaler Mentor" });
    await becomeMentor(ctx, scaler.cookie, { lanes: ["team", "growth"], levels: ["senior_pm"] });
    await post("/api/portfolio/roles", scaler.cookie, {
      company: "Big Co",
      title: "VP Product",
      startsOn: "2015-01-01",
      stage: "fire_to_great",
      market: "business",
      vantage: "inside",
      work: ["scaling"],
      peopleManaged: 40,
    });
    const unrelated = await buildUser(ctx, { name: "Craft Mentor" });
    await becomeMentor(ctx, unrelated.cookie, { lanes: ["crafting"], levels: ["apm"], showPortfolio: false });
    const full = await buildUser(ctx, { name: "Full Mentor" });
    await becomeMentor(ctx, full.cookie, { lanes: ["team", "growth"], levels: ["senior_pm"], capacity: 1 });
    const other = await buildUser(ctx);
    const { id } = await (await sendRequest(ctx, other.cookie, full.id)).json();
    await post(`/api/mentor-requests/${id}/accept`, full.cookie);

    const answer = await (await ctx.request("/api/mentors/suggestions", { cookie: member.cookie })).json();
    const ids = answer.suggestions.map((s: { mentor: { userId: string } }) => s.mentor.userId);
    expect(ids).toContain(scaler.id);
    expect(ids).not.toContain(unrelated.id);
    expect(ids).not.toContain(full.id);
    const reasons = answer.suggestions.find(
      (s: { mentor: { userId: string } }) => s.mentor.userId === scaler.id,
    ).reasons as string[];
    expect(reasons).toContain("Helps with Team, one of your lowest-rated lanes (you rated it 1 of 5)");
    expect(reasons).toContain("Has managed people, which your portfolio lacks");
    expect(reasons.filter((r) => r.endsWith("which your portfolio lacks")).length).toBeGreaterThan(1);
    expect(reasons.some((r) => r.startsWith("Mentors people at your level (Senior PM)"))).toBe(true);
    expect(answer.basis[0]).toBe("Your latest lane assessment");

    // Once asked, a mentor waits in the member's requests rather than among the suggestions.
    expect((await sendRequest(ctx, member.cookie, scaler.id)).status).toBe(200);
    const after = await (await ctx.request("/api/mentors/suggestions", { cookie: member.cookie })).json();
    expect(after.suggestions.map((s: { mentor: { userId: string } }) => s.mentor.userId)).not.toContain(
      scaler.id,
    );

    const newcomer = await buildUser(ctx);
    const none = await (await ctx.request("/api/mentors/suggestions", { cookie: newcomer.cookie })).json();
    expect(none.suggestions).toEqual([]);
    expect(none.basis.join(" ")).toMatch(/Assess your lanes/);
  });
});

describe("requests", () => {
  it("runs a request through a question, an answer and an accept, telling each side at each step", async () => {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie);
    const mentee = await buildUser(ctx, { name: "Mia Mentee" });
    const sent = await sendRequest(ctx, mentee.cookie, mentor.id, { share: ["plan", "lanes"] });
    expect(sent.status).toBe(200);
    const request = await sent.json();
    expect(request).toMatchObject({ state: "pending", side: "mentee" });
    expect(Date.parse(request.expiresAt) - Date.parse(request.reachedMentorAt)).toBe(48 * hour);
    // The shared parts go through the sharing grants, to the mentor's email.
    const grants = await ctx.db.select().from(shareGrants).where(eq(shareGrants.ownerId, mentee.id));
    expect(grants.map((g) => [g.granteeEmail, g.part]).sort()).toEqual([
      [mentor.email, "lanes"],
      [mentor.email, "plan"],
    ]);
    expect((await ctx.request(`/api/shared/${mentee.id}/plan`, { cookie: mentor.cookie })).status).toBe(200);
    expect(await kindsFor(mentor.id)).toEqual(["mentor_request_received"]);

    // The mentee cannot answer for the mentor; a stranger finds nothing.
    expect((await post(`/api/mentor-requests/${request.id}/accept`, mentee.cookie)).status).toBe(403);
    const stranger = await buildUser(ctx);
    expect(
      (await ctx.request(`/api/mentor-requests/${request.id}`, { cookie: stranger.cookie })).status,
    ).toBe(404);

    const asked = await post(`/api/mentor-requests/${request.id}/ask`, mentor.cookie, {
      question: "Which company stage are you at?",
    });
    expect((await asked.json()).state).toBe("info_requested");
    expect(await kindsFor(mentee.id)).toEqual(["mentor_info_requested"]);
    // Someone waits for the mentee's reply, so the email goes out whatever their settings.
    const mail = await ctx.db.select().from(outbox).where(eq(outbox.to, mentee.email));
    expect(mail.some((m) => m.subject.includes("asks for more information"))).toBe(true);

    const answered = await post(`/api/mentor-requests/${request.id}/answer`, mentee.cookie, {
      answer: "Series B, 80 people.",
    });
    const back = await answered.json();
    expect(back.state).toBe("pending");
    expect(back.messages.map((m: { kind: string }) => m.kind)).toEqual(["request", "question", "answer"]);

    const accepted = await post(`/api/mentor-requests/${request.id}/accept`, mentor.cookie);
    expect((await accepted.json()).state).toBe("accepted");
    expect(await kindsFor(mentee.id)).toContain("mentor_request_answered");
    const [row] = await ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentor.id));
    expect(row?.activeMentees).toBe(1);
    expect((await post(`/api/mentor-requests/${request.id}/decline`, mentor.cookie)).status).toBe(409);

    const list = await (await ctx.request("/api/mentor-requests", { cookie: mentor.cookie })).json();
    expect(list.received.map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect((await post(`/api/mentor-requests/${request.id}/end`, mentee.cookie)).status).toBe(200);
    expect(await kindsFor(mentor.id)).toContain("mentor_request_closed");
    const [freed] = await ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentor.id));
    expect(freed?.activeMentees).toBe(0);
  });

  it("keeps a mentee to three open requests and one live request per mentor", async () => {
    const mentee = await buildUser(ctx);
    const mentors = [];
    for (let i = 0; i < 4; i++) {
      const mentor = await buildUser(ctx);
      await becomeMentor(ctx, mentor.cookie);
      mentors.push(mentor);
    }
    const [a, b, c, d] = mentors as [
      (typeof mentors)[0],
      (typeof mentors)[0],
      (typeof mentors)[0],
      (typeof mentors)[0],
    ];
    expect((await sendRequest(ctx, mentee.cookie, a.id)).status).toBe(200);
    expect((await sendRequest(ctx, mentee.cookie, a.id)).status).toBe(409);
    expect((await sendRequest(ctx, mentee.cookie, b.id)).status).toBe(200);
    const third = await (await sendRequest(ctx, mentee.cookie, c.id)).json();
    const fourth = await sendRequest(ctx, mentee.cookie, d.id);
    expect(fourth.status).toBe(409);
    expect((await fourth.json()).error.message).toMatch(/3 requests waiting/);
    expect(
      (await post(`/api/mentor-requests/${third.id}/decline`, c.cookie, { reason: "Full this month" }))
        .status,
    ).toBe(200);
    expect((await sendRequest(ctx, mentee.cookie, d.id)).status).toBe(200);
    const short = await sendRequest(ctx, mentee.cookie, c.id, { message: "help" });
    expect(short.status).toBe(400);
    expect((await short.json()).error.field).toBe("message");
    expect((await sendRequest(ctx, mentee.cookie, mentee.id)).status).toBe(400);
  });

  it("expires a request 48 hours after it last reached the mentor, and tells the mentee where to look next", async () => {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie);
    const mentee = await buildUser(ctx);
    const request = await (await sendRequest(ctx, mentee.cookie, mentor.id)).json();
    const reached = Date.parse(request.reachedMentorAt);
    await ctx.jobs.runDueJobs({ at: new Date(reached + 47 * hour) });
    expect(
      (await (await ctx.request(`/api/mentor-requests/${request.id}`, { cookie: mentee.cookie })).json())
        .state,
    ).toBe("pending");
    await ctx.jobs.runDueJobs({ at: new Date(reached + 48 * hour + 1000) });
    const expired = await (
      await ctx.request(`/api/mentor-requests/${request.id}`, { cookie: mentee.cookie })
    ).json();
    expect(expired.state).toBe("expired");
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, mentee.id), eq(notifications.kind, "mentor_request_expired")));
    expect(note?.link).toBe("/mentors");
    expect(note?.body).toMatch(/other mentors/);
  });

  it("restarts the 48 hours when the mentee answers a question", async () => {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie);
    const mentee = await buildUser(ctx);
    const request = await (await sendRequest(ctx, mentee.cookie, mentor.id)).json();
    await post(`/api/mentor-requests/${request.id}/ask`, mentor.cookie, { question: "More?" });
    await post(`/api/mentor-requests/${request.id}/answer`, mentee.cookie, { answer: "Yes." });
    // As if the answer came a day after the request first reached the mentor.
    const first = Date.parse(request.reachedMentorAt);
    await ctx.db
      .update(mentorRequests)
      .set({ reachedMentorAt: new Date(first + 24 * hour) })
      .where(eq(mentorRequests.id, request.id));
    const state = async () =>
      (await (await ctx.request(`/api/mentor-requests/${request.id}`, { cookie: mentee.cookie })).json())
        .state;
    await ctx.jobs.runDueJobs({ at: new Date(first + 48 * hour + 1000) });
    expect(await state()).toBe("pending");
    await ctx.jobs.runDueJobs({ at: new Date(first + 72 * hour + 1000) });
    expect(await state()).toBe("expired");
  });

  it("pauses a mentor after three expired requests in 30 days, says why, and offers them no more", async () => {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie, { capacity: 5, headline: "Silentmentor headline" });
    let latest = 0;
    for (let i = 0; i < 3; i++) {
      const mentee = await buildUser(ctx);
      const request = await (await sendRequest(ctx, mentee.cookie, mentor.id)).json();
      latest = Math.max(latest, Date.parse(request.reachedMentorAt));
    }
    await ctx.jobs.runDueJobs({ at: new Date(latest + 49 * hour) });
    const mine = await (await ctx.request("/api/mentors/me", { cookie: mentor.cookie })).json();
    expect(mine.profile).toMatchObject({ paused: true, pausedReason: "unresponsive" });
    const [paused] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, mentor.id), eq(notifications.kind, "mentor_paused")));
    expect(paused?.body).toMatch(/3 requests to you expired unanswered in the last 30 days/);
    expect(paused?.body).toMatch(/resume/);
    const seeker = await buildUser(ctx);
    const found = await (await ctx.request("/api/mentors?q=silentmentor", { cookie: seeker.cookie })).json();
    expect(found.mentors).toEqual([]);
    expect((await sendRequest(ctx, seeker.cookie, mentor.id)).status).toBe(409);
    await post("/api/mentors/me/resume", mentor.cookie);
    // The clock was moved for the expiries: the resume comes after them on that clock too.
    await ctx.db
      .update(mentorProfiles)
      .set({ resumedAt: new Date(latest + 49 * hour + 1000) })
      .where(eq(mentorProfiles.userId, mentor.id));
    const again = await (await sendRequest(ctx, seeker.cookie, mentor.id)).json();
    expect(again.state).toBe("pending");
    // Resuming starts afresh: one more expiry does not pause the mentor again at once.
    await ctx.jobs.runDueJobs({ at: new Date(Date.parse(again.reachedMentorAt) + 60 * hour) });
    expect(
      (await (await ctx.request(`/api/mentor-requests/${again.id}`, { cookie: seeker.cookie })).json()).state,
    ).toBe("expired");
    const after = await (await ctx.request("/api/mentors/me", { cookie: mentor.cookie })).json();
    expect(after.profile.paused).toBe(false);
  });

  it("measures answer times and says what they are", async () => {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie, { capacity: 5 });
    for (let i = 0; i < 3; i++) {
      const mentee = await buildUser(ctx);
      const request = await (await sendRequest(ctx, mentee.cookie, mentor.id)).json();
      await post(`/api/mentor-requests/${request.id}/decline`, mentor.cookie, {});
    }
    const seeker = await buildUser(ctx);
    const profile = await (await ctx.request(`/api/mentors/${mentor.id}`, { cookie: seeker.cookie })).json();
    expect(profile.responses.answered).toBe(3);
    expect(profile.responses.summary).toBe("Usually answers within an hour (3 answers)");
  });

  it.runIf(onPostgres)(
    "lets exactly one of two accepts racing for the last seat through, on PostgreSQL",
    async () => {
      for (let round = 0; round < 3; round++) {
        const mentor = await buildUser(ctx);
        await becomeMentor(ctx, mentor.cookie, { capacity: 1 });
        const first = await buildUser(ctx);
        const second = await buildUser(ctx);
        const a = await (await sendRequest(ctx, first.cookie, mentor.id)).json();
        const b = await (await sendRequest(ctx, second.cookie, mentor.id)).json();
        const answers = await Promise.all([
          post(`/api/mentor-requests/${a.id}/accept`, mentor.cookie),
          post(`/api/mentor-requests/${b.id}/accept`, mentor.cookie),
        ]);
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
        const [row] = await ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentor.id));
        expect(row?.activeMentees).toBe(1);
      }
    },
  );

  it.runIf(onPostgres)(
    "keeps a mentee to three open requests when four are sent at once, on PostgreSQL",
    async () => {
      const mentee = await buildUser(ctx);
      const mentors = [];
      for (let i = 0; i < 4; i++) {
        const mentor = await buildUser(ctx);
        await becomeMentor(ctx, mentor.cookie);
        mentors.push(mentor);
      }
      const answers = await Promise.all(mentors.map((mentor) => sendRequest(ctx, mentee.cookie, mentor.id)));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 409]);
      const list = await (await ctx.request("/api/mentor-requests", { cookie: mentee.cookie })).json();
      expect(list.openSent).toBe(3);
    },
  );

  it("refuses a second seat on any database: the check constraint holds the count to the capacity", async () => {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie, { capacity: 1 });
    await expect(
      ctx.db.update(mentorProfiles).set({ activeMentees: 2 }).where(eq(mentorProfiles.userId, mentor.id)),
    ).rejects.toThrow();
  });
});

describe("mentoring others", () => {
  it("logs whom a member mentors and shows the next-level checks it supports", async () => {
    const member = await buildUser(ctx);
    await ctx.request("/api/profile", {
      method: "PUT",
      body: { name: "Lee Lead", level: "senior_pm", timeZone: "UTC", version: 0 },
      cookie: member.cookie,
    });
    const before = await (await ctx.request("/api/mentoring-log", { cookie: member.cookie })).json();
    expect(before.entries).toEqual([]);
    expect(
      before.nextLevel.map((c: { checkId: string; supported: boolean }) => [c.checkId, c.supported]),
    ).toEqual([
      ["senior_pm.through-others.mentoring", false],
      ["senior_pm.through-others.handed-over", false],
    ]);
    const added = await post("/api/mentoring-log", member.cookie, {
      menteeName: "Jo, a new APM",
      where: "outside",
      startedOn: "2025-01-01",
      handedOver: "The onboarding funnel roadmap",
    });
    expect(added.status).toBe(200);
    const entry = await added.json();
    const after = await (await ctx.request("/api/mentoring-log", { cookie: member.cookie })).json();
    expect(after.nextLevel.every((c: { supported: boolean }) => c.supported)).toBe(true);
    const stale = await ctx.request(`/api/mentoring-log/${entry.id}`, {
      method: "PUT",
      body: { ...entry, id: undefined, version: 0 },
      cookie: member.cookie,
    });
    expect(stale.status).toBe(409);
    const other = await buildUser(ctx);
    expect(
      (await ctx.request(`/api/mentoring-log/${entry.id}`, { method: "DELETE", cookie: other.cookie }))
        .status,
    ).toBe(404);
    expect(
      (await ctx.request(`/api/mentoring-log/${entry.id}`, { method: "DELETE", cookie: member.cookie }))
        .status,
    ).toBe(200);
  });
});
