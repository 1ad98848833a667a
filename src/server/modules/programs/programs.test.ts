import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import {
  buildParticipants,
  call,
  createProgramWithCohort,
  csvOf,
  joinAll,
  type Member,
  ok,
  questionnaire,
  runToEnd,
} from "../../../../test/programs.ts";
import { type CohortInput, countRuleExclusions, scorePairs } from "../../matching/score-pairs.ts";
import {
  closeMatchingWorker,
  countExclusionsInWorker,
  scoreInWorker,
} from "../../matching/solve-in-worker.ts";
import {
  engagementNotes,
  engagementReviews,
  engagementSessions,
  engagements,
} from "../engagements/engagements.table.ts";
import { outbox } from "../mail/outbox.table.ts";
import { mentorRequests } from "../mentors/mentors.table.ts";
import { programPairs, programRuns } from "./programs.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
  await closeMatchingWorker();
});

describe("programs: import, match, override, publish, health", () => {
  let admin: Awaited<ReturnType<typeof buildUser>>;
  let people: Member[];
  let cohortId: string;
  let programId: string;

  it("previews a CSV with per-row errors by line and column, then imports it once", async () => {
    admin = await buildUser(ctx, { name: "Program Admin" });
    const { program, cohort } = await createProgramWithCohort(ctx, admin);
    programId = program.id;
    cohortId = cohort.id;
    people = await buildParticipants(ctx, 6, 3);
    const bad =
      "not-an-email,Broken Row,mentee,,\nbad@example.test,Bad Role,coach,,\nseats@example.test,Too Many,mentor,,99\n";
    const csv = csvOf(people, bad);
    const preview = await ok(ctx, `/api/cohorts/${cohortId}/import`, admin.cookie, { csv, apply: false });
    expect(preview.applied).toBe(false);
    expect(preview.valid).toBe(9);
    expect(preview.errors).toEqual([
      { line: 11, column: "email", message: expect.stringMatching(/email/i) },
      { line: 12, column: "role", message: "Enter mentee or mentor" },
      { line: 13, column: "capacity", message: expect.stringMatching(/0 to 20/) },
    ]);
    // Errors keep the file out; the good rows alone go in.
    const good = csvOf(people);
    const first = await ok(ctx, `/api/cohorts/${cohortId}/import`, admin.cookie, { csv: good, apply: true });
    expect(first).toMatchObject({ applied: true, created: 9, updated: 0, unchanged: 0, invited: 9 });
    const again = await ok(ctx, `/api/cohorts/${cohortId}/import`, admin.cookie, { csv: good, apply: true });
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 9, invited: 0 });
    const invitation = await ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.to, people[0]?.email as string));
    expect(invitation.filter((m) => m.subject.startsWith("You are invited"))).toHaveLength(1);
  });

  it("maps columns with other names, and counts reporting lines inside the cohort", async () => {
    const [a, b] = people as [Member, Member];
    const csv = `Work email;Full name;Kind;Boss\n${a.email};${a.name};mentee;${b.email}\n`.replaceAll(
      ";",
      ",",
    );
    const got = await ok(ctx, `/api/cohorts/${cohortId}/import`, admin.cookie, {
      csv: `${csv}${b.email},${b.name},mentee,\n`,
      mapping: { email: "Work email", name: "Full name", role: "Kind", managerEmail: "Boss" },
      apply: false,
    });
    expect(got.errors).toEqual([]);
    expect(got.reportingLines).toBe(1);
    expect(got.updated).toBe(1);
  });

  it("runs matching on the worker after participants join, with the greedy baseline and explanations", async () => {
    await joinAll(ctx, people);
    const preview = await ok(ctx, `/api/cohorts/${cohortId}/preview`, admin.cookie);
    expect(preview).toMatchObject({ mentees: 6, mentors: 3, notReady: 0, allPairs: 18 });
    const result = await runToEnd(ctx, cohortId, admin.cookie);
    expect(result.run).toMatchObject({ state: "done", matched: 6, certified: true, menteeCount: 6 });
    expect(result.run.score).toBeGreaterThanOrEqual(result.run.greedyScore);
    expect(result.pairs).toHaveLength(6);
    const criteria = result.pairs[0].explanation.criteria.map((c: { criterion: string }) => c.criterion);
    expect(criteria).toContain("lanes");
    expect(result.pairs[0].explanation.criteria[0].text.length).toBeGreaterThan(5);
  });

  it("allows one run per cohort at a time and cancels a queued run", async () => {
    const first = await call(ctx, `/api/cohorts/${cohortId}/runs`, admin.cookie, {});
    expect(first.status).toBe(200);
    const second = await call(ctx, `/api/cohorts/${cohortId}/runs`, admin.cookie, {});
    expect(second.status).toBe(409);
    const cancelled = await ok(ctx, `/api/runs/${first.body.id}/cancel`, admin.cookie, {});
    expect(cancelled.state).toBe("cancelled");
    await ctx.jobs.runDueJobs();
    const [row] = await ctx.db.select().from(programRuns).where(eq(programRuns.id, first.body.id));
    expect(row?.state).toBe("cancelled");
    expect((await call(ctx, `/api/runs/${first.body.id}/cancel`, admin.cookie, {})).status).toBe(409);
  });

  it("pins and forbids pairs, records who and why, and re-solves around them", async () => {
    const cohort = await ok(ctx, `/api/cohorts/${cohortId}`, admin.cookie);
    const current = await ok(ctx, `/api/runs/${cohort.currentRun.id}`, admin.cookie);
    const pair = current.pairs[0];
    const other = current.pairs.find((p: { mentor: { id: string } }) => p.mentor.id !== pair.mentor.id);
    await ok(ctx, `/api/cohorts/${cohortId}/overrides`, admin.cookie, {
      kind: "forbid",
      menteeId: pair.mentee.id,
      mentorId: pair.mentor.id,
      reason: "They worked together before",
    });
    await ok(ctx, `/api/cohorts/${cohortId}/overrides`, admin.cookie, {
      kind: "pin",
      menteeId: other.mentee.id,
      mentorId: other.mentor.id,
      reason: "Asked for each other",
    });
    const after = await ok(ctx, `/api/cohorts/${cohortId}`, admin.cookie);
    expect(
      after.overrides.map((o: { kind: string; byName: string; reason: string }) => [
        o.kind,
        o.byName,
        o.reason,
      ]),
    ).toEqual([
      ["forbid", "Program Admin", "They worked together before"],
      ["pin", "Program Admin", "Asked for each other"],
    ]);
    const resolved = await runToEnd(ctx, cohortId, admin.cookie);
    expect(resolved.run).toMatchObject({ state: "done", certified: true, warmStarted: true });
    const pairs = resolved.pairs as { mentee: { id: string }; mentor: { id: string }; pinned: boolean }[];
    expect(pairs.some((p) => p.mentee.id === pair.mentee.id && p.mentor.id === pair.mentor.id)).toBe(false);
    expect(pairs.find((p) => p.mentee.id === other.mentee.id)).toMatchObject({
      mentor: { id: other.mentor.id },
      pinned: true,
    });
  });

  it("changes a mentor's seats from the seats read, records who and why, and re-solves around it", async () => {
    const cohort = await ok(ctx, `/api/cohorts/${cohortId}`, admin.cookie);
    const current = await ok(ctx, `/api/runs/${cohort.currentRun.id}`, admin.cookie);
    type Pair = {
      mentee: { id: string };
      mentor: { id: string; name: string };
      pinned: boolean;
      mentorSeats: { seats: number; version: number };
    };
    const pairs = current.pairs as Pair[];
    const pinned = pairs.find((p) => p.pinned) as Pair;
    const target = pairs.find((p) => p.mentor.id !== pinned.mentor.id) as Pair;
    expect(target.mentorSeats).toEqual({ seats: 2, version: 1 });
    const change = (version: number, capacity: number) =>
      call(ctx, `/api/cohorts/${cohortId}/overrides`, admin.cookie, {
        kind: "capacity",
        mentorId: target.mentor.id,
        capacity,
        reason: "On leave for a month",
        version,
      });
    expect((await change(1, 0)).status).toBe(200);
    // A second change made from the same read is refused, naming the version.
    const stale = await change(1, 3);
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe("version");
    // A mentee is not given seats.
    const wrong = await call(ctx, `/api/cohorts/${cohortId}/overrides`, admin.cookie, {
      kind: "capacity",
      mentorId: target.mentee.id,
      capacity: 1,
      reason: "Typo",
      version: 1,
    });
    expect(wrong.status).toBe(400);
    const after = await ok(ctx, `/api/cohorts/${cohortId}`, admin.cookie);
    expect(after.overrides.at(-1)).toMatchObject({
      kind: "capacity",
      capacity: 0,
      mentor: { id: target.mentor.id },
      byName: "Program Admin",
      reason: "On leave for a month",
    });
    const resolved = await runToEnd(ctx, cohortId, admin.cookie);
    expect(resolved.run).toMatchObject({ state: "done", certified: true, matched: 4 });
    const again = resolved.pairs as Pair[];
    expect(again.some((p) => p.mentor.id === target.mentor.id)).toBe(false);
    expect(again.find((p) => p.mentee.id === pinned.mentee.id)?.mentor.id).toBe(pinned.mentor.id);
    // Seats back to 2, from the version now read: the rest is solved around the pin again.
    const seatsNow = await ok(ctx, `/api/cohorts/${cohortId}/overrides`, admin.cookie, {
      kind: "capacity",
      mentorId: target.mentor.id,
      capacity: 2,
      reason: "Back from leave",
      version: 2,
    });
    expect(seatsNow.overrides).toHaveLength(4);
    const back = await runToEnd(ctx, cohortId, admin.cookie);
    expect(back.run.matched).toBe(6);
    expect((back.pairs as Pair[]).find((p) => p.mentor.id === target.mentor.id)?.mentorSeats).toEqual({
      seats: 2,
      version: 3,
    });
  });

  it("publishes once, tells both people why, and shows each participant their match", async () => {
    const published = await ok(ctx, `/api/cohorts/${cohortId}/publish`, admin.cookie, {});
    expect(published.published).toBe(6);
    expect((await call(ctx, `/api/cohorts/${cohortId}/publish`, admin.cookie, {})).status).toBe(409);
    const mentee = people[0] as Member;
    const mine = await ok(ctx, "/api/my-programs", mentee.cookie);
    const match = mine.participations[0].matches[0];
    expect(match.with.role).toBe("mentor");
    expect(match.explanation.criteria.length).toBeGreaterThan(0);
    await ok(ctx, `/api/program-matches/${match.pairId}/accept`, mentee.cookie, {});
    await ok(ctx, `/api/program-matches/${match.pairId}/meetings`, mentee.cookie, { metOn: "2026-03-10" });
    const health = await ok(ctx, `/api/cohorts/${cohortId}/health`, admin.cookie);
    expect(health).toMatchObject({ matchesMade: 6, accepted: 0, sessionsHeld: 0, meetingsRecorded: 1 });
    const exported = await ok(ctx, `/api/cohorts/${cohortId}/health/export`, admin.cookie);
    expect(exported.csv).toContain("total,6,0,0,1");
    // Someone else's match is not theirs to confirm.
    expect(
      (await call(ctx, `/api/program-matches/${match.pairId}/accept`, (people[1] as Member).cookie, {}))
        .status,
    ).toBe(404);
  });

  it("keeps a program to its admins: another member finds nothing, a granted admin gets in until revoked", async () => {
    const other = await buildUser(ctx);
    expect((await call(ctx, `/api/programs/${programId}`, other.cookie)).status).toBe(404);
    expect((await call(ctx, `/api/cohorts/${cohortId}/health`, other.cookie)).status).toBe(404);
    await ok(ctx, `/api/programs/${programId}/admins`, admin.cookie, { email: other.email });
    expect((await call(ctx, `/api/cohorts/${cohortId}/health`, other.cookie)).status).toBe(200);
    await ok(ctx, `/api/programs/${programId}/admins/${other.id}`, admin.cookie, undefined, "DELETE");
    expect((await call(ctx, `/api/cohorts/${cohortId}/health`, other.cookie)).status).toBe(404);
  });
});

describe("programs that make mentoring requests", () => {
  it("creates an accepted request per pair, marked with the cohort, within the mentor's seats", async () => {
    const admin = await buildUser(ctx);
    const { cohort } = await createProgramWithCohort(ctx, admin, "mentoring");
    const people = await buildParticipants(ctx, 4, 1);
    await ok(ctx, `/api/cohorts/${cohort.id}/import`, admin.cookie, { csv: csvOf(people), apply: true });
    await joinAll(ctx, people);
    const result = await runToEnd(ctx, cohort.id, admin.cookie);
    // The CSV offers 2 seats; the mentor's profile has 3 free: 2 are matched.
    expect(result.run.matched).toBe(2);
    const published = await ok(ctx, `/api/cohorts/${cohort.id}/publish`, admin.cookie, {});
    expect(published).toMatchObject({ published: 2, requests: 2 });
    const mentor = people[4] as Member;
    const requests = await ctx.db.select().from(mentorRequests).where(eq(mentorRequests.mentorId, mentor.id));
    expect(requests.map((r) => [r.state, r.programCohortId])).toEqual([
      ["accepted", cohort.id],
      ["accepted", cohort.id],
    ]);
    const me = await ok(ctx, "/api/mentors/me", mentor.cookie);
    expect(me.activeMentees).toBe(2);
  });
});

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day);

/** An engagement for a published pair's mentoring request, written straight to the tables (its flow has its own tests). */
async function engagementFor(
  request: { id: string; menteeId: string; mentorId: string },
  state: "active" | "closing" | "closed",
  closeStartedDaysAgo?: number,
) {
  const id = `eng-${request.id}`;
  await ctx.db.insert(engagements).values({
    id,
    requestId: request.id,
    menteeId: request.menteeId,
    mentorId: request.mentorId,
    state,
    closeStartedAt: closeStartedDaysAgo === undefined ? null : ago(closeStartedDaysAgo),
    closedAt: state === "closed" ? ago((closeStartedDaysAgo ?? 1) - 1) : null,
  });
  return id;
}

let sessionHour = -40;
async function sessionOf(
  engagementId: string,
  request: { menteeId: string; mentorId: string },
  daysAgo: number,
  state: "booked" | "cancelled" = "booked",
  agenda = "",
) {
  // Each session at its own hour, so one mentor's sessions never overlap.
  sessionHour += 2;
  const startsAt = new Date(Date.now() - daysAgo * day + sessionHour * 3600_000);
  await ctx.db.insert(engagementSessions).values({
    id: `s-${engagementId}-${daysAgo}`,
    engagementId,
    mentorId: request.mentorId,
    menteeId: request.menteeId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3600_000),
    state,
    agenda,
  });
}

async function reviewOf(
  engagementId: string,
  request: { menteeId: string; mentorId: string },
  side: "mentee" | "mentor",
  rating: number,
  text = "Thank you",
) {
  await ctx.db.insert(engagementReviews).values({
    id: `r-${engagementId}-${side}`,
    engagementId,
    mentorId: request.mentorId,
    side,
    authorId: side === "mentee" ? request.menteeId : request.mentorId,
    rating,
    text,
  });
}

describe("program health from the pairs' mentoring", () => {
  it("counts sessions that took place, stalls from sessions and recorded meetings, and review averages in groups of five", async () => {
    const admin = await buildUser(ctx);
    const { cohort } = await createProgramWithCohort(ctx, admin, "mentoring");
    const people = await buildParticipants(ctx, 8, 4);
    await ok(ctx, `/api/cohorts/${cohort.id}/import`, admin.cookie, { csv: csvOf(people), apply: true });
    await joinAll(ctx, people);
    expect((await runToEnd(ctx, cohort.id, admin.cookie)).run.matched).toBe(8);
    await ok(ctx, `/api/cohorts/${cohort.id}/publish`, admin.cookie, {});
    await ctx.db
      .update(programPairs)
      .set({ publishedAt: ago(40) })
      .where(eq(programPairs.cohortId, cohort.id));
    const requests = (
      await ctx.db.select().from(mentorRequests).where(eq(mentorRequests.programCohortId, cohort.id))
    ).sort((a, b) => a.id.localeCompare(b.id));
    expect(requests).toHaveLength(8);
    type Request = (typeof requests)[number];
    const [r0, r1, r2, r3, r4, r5, r6, r7] = requests as [
      Request,
      Request,
      Request,
      Request,
      Request,
      Request,
      Request,
      Request,
    ];
    // Met three days ago; a cancelled session and one still ahead do not count.
    const e0 = await engagementFor(r0, "active");
    await sessionOf(e0, r0, 3);
    await sessionOf(e0, r0, 2, "cancelled");
    await sessionOf(e0, r0, -2);
    // Last session 30 days ago: stalled.
    const e1 = await engagementFor(r1, "active");
    await sessionOf(e1, r1, 30);
    // No session, but the mentee recorded meeting five days ago.
    await engagementFor(r2, "active");
    const [pair2] = await ctx.db.select().from(programPairs).where(eq(programPairs.mentorRequestId, r2.id));
    const mentee2 = people.find((p) => p.id === r2.menteeId) as Member;
    await ok(ctx, `/api/program-matches/${pair2?.id}/meetings`, mentee2.cookie, {
      metOn: ago(5).toISOString().slice(0, 10),
    });
    // Closed, both reviews in.
    for (const [r, rating] of [
      [r3, 5],
      [r4, 4],
      [r5, 3],
    ] as const) {
      const e = await engagementFor(r, "closed", 10);
      await sessionOf(e, r, 20);
      await reviewOf(e, r, "mentee", rating);
      await reviewOf(e, r, "mentor", 4);
    }
    // Closing for two days, one review in: hidden, so not counted.
    const e6 = await engagementFor(r6, "closing", 2);
    await reviewOf(e6, r6, "mentee", 5);
    // Closing for 20 days: revealed by time.
    const e7 = await engagementFor(r7, "closing", 20);
    await reviewOf(e7, r7, "mentee", 1);

    const health = await ok(ctx, `/api/cohorts/${cohort.id}/health`, admin.cookie);
    expect(health).toMatchObject({
      matchesMade: 8,
      sessionsHeld: 5,
      meetingsRecorded: 1,
      reviews: {
        byMentees: { revealed: 4, averaged: 0, averageRating: null },
        byMentors: { revealed: 3, averaged: 0, averageRating: null },
      },
    });
    // Stalled: only r1 (last session 30 days ago); closing and closed engagements are finished, not stalled.
    const names = (id: string) => people.find((p) => p.id === id)?.name;
    expect(
      health.stalledPairs.map((p: { mentee: string; lastMetBy: string | null }) => [p.mentee, p.lastMetBy]),
    ).toEqual([[names(r1.menteeId), "session"]]);
    expect(health.stalled).toBe(1);
    expect(health.weekly.reduce((n: number, w: { sessions: number }) => n + w.sessions, 0)).toBe(5);

    // The fifth revealed review of a mentor: the average appears, over all five.
    await ctx.db
      .update(engagements)
      .set({ state: "closed", closedAt: new Date() })
      .where(eq(engagements.id, e0));
    await reviewOf(e0, r0, "mentee", 2);
    const after = await ok(ctx, `/api/cohorts/${cohort.id}/health`, admin.cookie);
    expect(after.reviews.byMentees).toEqual({ revealed: 5, averaged: 5, averageRating: 3 });
    expect(after.stalled).toBe(1);
    const exported = await ok(ctx, `/api/cohorts/${cohort.id}/health/export`, admin.cookie);
    expect(exported.csv).toContain("total,8,0,5,1");
    expect(exported.csv).toContain("by mentees,3,5,5");
    expect(exported.csv).toContain("by mentors,not shown until 5 are revealed,0,3");
    expect(exported.csv).not.toContain("Mentee");
  });
});

const onPostgres = Boolean(process.env.DATABASE_URL);

describe("races settled by the database", () => {
  it.runIf(onPostgres)(
    "lets one of several runs started at once through for a cohort, on PostgreSQL",
    async () => {
      const admin = await buildUser(ctx);
      const { cohort } = await createProgramWithCohort(ctx, admin);
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(
          [0, 1, 2, 3].map(() => call(ctx, `/api/cohorts/${cohort.id}/runs`, admin.cookie, {})),
        );
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
        const started = answers.find((a) => a.status === 200)?.body;
        await ok(ctx, `/api/runs/${started.id}/cancel`, admin.cookie, {});
      }
    },
  );

  it.runIf(onPostgres)("lets one of two seat changes made from one read through, on PostgreSQL", async () => {
    const admin = await buildUser(ctx);
    const { cohort } = await createProgramWithCohort(ctx, admin);
    const people = await buildParticipants(ctx, 1, 1);
    await ok(ctx, `/api/cohorts/${cohort.id}/import`, admin.cookie, { csv: csvOf(people), apply: true });
    const { participants } = await ok(ctx, `/api/cohorts/${cohort.id}/participants`, admin.cookie);
    const mentor = participants.find((p: { role: string }) => p.role === "mentor");
    for (let round = 1; round <= 3; round++) {
      const answers = await Promise.all(
        [1, 3].map((capacity) =>
          call(ctx, `/api/cohorts/${cohort.id}/overrides`, admin.cookie, {
            kind: "capacity",
            mentorId: mentor.id,
            capacity,
            reason: "Race",
            version: round,
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    }
    const after = await ok(ctx, `/api/cohorts/${cohort.id}`, admin.cookie);
    expect(after.overrides).toHaveLength(3);
  });

  it.runIf(onPostgres)("publishes a cohort once when two publishes race, on PostgreSQL", async () => {
    const admin = await buildUser(ctx);
    const { cohort } = await createProgramWithCohort(ctx, admin, "mentoring");
    const people = await buildParticipants(ctx, 2, 1);
    await ok(ctx, `/api/cohorts/${cohort.id}/import`, admin.cookie, { csv: csvOf(people), apply: true });
    await joinAll(ctx, people);
    await runToEnd(ctx, cohort.id, admin.cookie);
    const answers = await Promise.all([
      call(ctx, `/api/cohorts/${cohort.id}/publish`, admin.cookie, {}),
      call(ctx, `/api/cohorts/${cohort.id}/publish`, admin.cookie, {}),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const mentor = people[2] as Member;
    const requests = await ctx.db.select().from(mentorRequests).where(eq(mentorRequests.mentorId, mentor.id));
    expect(requests).toHaveLength(2);
  });
});

describe("program roles: program admin, participant, another member, instance admin", () => {
  it("walks every program route for each role", async () => {
    const admin = await buildUser(ctx);
    const instanceAdmin = await buildUser(ctx, { role: "admin" });
    const stranger = await buildUser(ctx);
    const { program, cohort } = await createProgramWithCohort(ctx, admin);
    const people = await buildParticipants(ctx, 1, 1);
    await ok(ctx, `/api/cohorts/${cohort.id}/import`, admin.cookie, { csv: csvOf(people), apply: true });
    await joinAll(ctx, people);
    const run = await runToEnd(ctx, cohort.id, admin.cookie);
    const participant = people[0] as Member;
    const adminRoutes: [string, string, unknown?][] = [
      ["GET", `/api/programs/${program.id}`],
      [
        "PUT",
        `/api/programs/${program.id}`,
        { ...program, name: "Renamed", admins: undefined, cohorts: undefined, id: undefined },
      ],
      [
        "POST",
        `/api/programs/${program.id}/cohorts`,
        { name: "Autumn", startsOn: "2026-09-01", endsOn: "2026-12-01" },
      ],
      ["GET", `/api/cohorts/${cohort.id}`],
      ["GET", `/api/cohorts/${cohort.id}/participants`],
      ["POST", `/api/cohorts/${cohort.id}/import`, { csv: csvOf(people), apply: false }],
      ["GET", `/api/cohorts/${cohort.id}/preview`],
      ["GET", `/api/runs/${run.run.id}`],
      ["GET", `/api/cohorts/${cohort.id}/health`],
      ["GET", `/api/cohorts/${cohort.id}/health/export`],
    ];
    const failures: string[] = [];
    for (const [method, path, body] of adminRoutes) {
      for (const [who, cookie, want] of [
        ["participant", participant.cookie, 404],
        ["another member", stranger.cookie, 404],
        ["instance admin", instanceAdmin.cookie, 404],
        ["program admin", admin.cookie, 200],
      ] as const) {
        let sent = body;
        if (method === "PUT" && who === "program admin") {
          const fresh = await ok(ctx, `/api/programs/${program.id}`, admin.cookie);
          sent = { name: "Renamed", description: "", publishMode: "introduction", version: fresh.version };
        } else if (method === "PUT")
          sent = { name: "Renamed", description: "", publishMode: "introduction", version: 1 };
        const got = await call(ctx, path, cookie, sent, method);
        if (got.status !== want) failures.push(`${method} ${path} as ${who}: ${got.status}`);
      }
    }
    // The participant's own routes: theirs, and nobody else's.
    const place = (await ok(ctx, "/api/my-programs", participant.cookie)).participations[0];
    for (const [who, cookie, want] of [
      ["program admin", admin.cookie, 404],
      ["another member", stranger.cookie, 404],
      ["instance admin", instanceAdmin.cookie, 404],
      ["participant", participant.cookie, 200],
    ] as const) {
      const got = await call(ctx, `/api/my-programs/${place.id}/join`, cookie, {
        questionnaire: questionnaire(),
      });
      if (got.status !== want) failures.push(`join as ${who}: ${got.status}`);
    }
    // The instance admin grants the role, and sees the program's admins only.
    const granted = await call(ctx, `/api/programs/${program.id}/admins`, instanceAdmin.cookie, {
      email: stranger.email,
    });
    expect(granted.status).toBe(200);
    expect(granted.body.cohorts).toEqual([]);
    expect((await call(ctx, `/api/cohorts/${cohort.id}`, stranger.cookie)).status).toBe(200);
    expect(failures).toEqual([]);
  });
});

describe("the canary: a program admin never sees what participants write for themselves", () => {
  it("finds a participant's plan, story and request message in no program admin answer or export", async () => {
    const admin = await buildUser(ctx);
    const { program, cohort } = await createProgramWithCohort(ctx, admin, "mentoring");
    const people = await buildParticipants(ctx, 2, 1);
    const canary = "canary-program-7f3a91";
    const mentee = people[0] as Member;
    const mentor = people[2] as Member;
    await ok(ctx, "/api/story/entries", mentee.cookie, {
      title: `Story ${canary}`,
      actions: canary,
      result: canary,
    });
    await ok(
      ctx,
      "/api/plan",
      mentee.cookie,
      { northStar: { role: `CPO ${canary}`, horizonYear: 2031 }, skipJob: null, nextJob: null, version: 0 },
      "PUT",
    );
    await ok(ctx, "/api/mentor-requests", mentee.cookie, {
      mentorId: mentor.id,
      message: `Please ${canary}`,
    });
    await ok(ctx, `/api/cohorts/${cohort.id}/import`, admin.cookie, { csv: csvOf(people), apply: true });
    await joinAll(ctx, people);
    const run = await runToEnd(ctx, cohort.id, admin.cookie);
    await ok(ctx, `/api/cohorts/${cohort.id}/publish`, admin.cookie, {});
    // What the pairs then wrote in their mentoring: a session's agenda, notes, both close-out reviews.
    const requests = await ctx.db
      .select()
      .from(mentorRequests)
      .where(eq(mentorRequests.programCohortId, cohort.id));
    for (const r of requests) {
      const e = await engagementFor(r, "closed", 3);
      await sessionOf(e, r, 10, "booked", `Agenda ${canary}`);
      for (const [authorId, shared] of [
        [r.menteeId, false],
        [r.mentorId, true],
      ] as const)
        await ctx.db
          .insert(engagementNotes)
          .values({ id: `n-${e}-${authorId}`, engagementId: e, authorId, body: `Note ${canary}`, shared });
      await reviewOf(e, r, "mentee", 5, `Review ${canary}`);
      await reviewOf(e, r, "mentor", 4, `Review ${canary}`);
    }
    expect(requests.length).toBeGreaterThan(0);
    const seen: string[] = [];
    for (const path of [
      "/api/programs",
      `/api/programs/${program.id}`,
      `/api/cohorts/${cohort.id}`,
      `/api/cohorts/${cohort.id}/participants`,
      `/api/cohorts/${cohort.id}/preview`,
      `/api/runs/${run.run.id}`,
      `/api/cohorts/${cohort.id}/health`,
      `/api/cohorts/${cohort.id}/health/export`,
    ]) {
      seen.push(JSON.stringify((await call(ctx, path, admin.cookie)).body));
    }
    const mail = await ctx.db.select().from(outbox).where(eq(outbox.to, admin.email));
    seen.push(JSON.stringify(mail));
    expect(seen.join("\n")).not.toContain(canary);
    expect(seen.join("\n")).toContain(mentee.name);
  });
});

/** A cohort of many people with varied levels, zones, lanes, goals and availability, no database needed. */
function largeCohort(menteeCount: number, mentorCount: number): CohortInput {
  const levels = ["apm", "pm", "senior_pm", "group_pm", "director", "vp", "cpo"] as const;
  const zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Sydney"];
  const lanes = ["crafting", "market", "organizational", "domain", "team", "growth"] as const;
  const slots = (k: number) => [
    { day: k % 5, start: "09:00", end: `1${k % 8}:30` },
    { day: (k + 2) % 7, start: "14:00", end: "16:00" },
  ];
  return {
    program: {
      referenceDate: "2025-06-01T12:00:00Z",
      rules: { neverPair: [{ menteeId: "e1", mentorId: "r1" }] },
    },
    mentees: Array.from({ length: menteeCount }, (_, k) => ({
      id: `e${k}`,
      level: levels[k % 3] as (typeof levels)[number],
      timeZone: zones[k % zones.length] as string,
      availability: slots(k),
      focusLanes: [lanes[k % 6] as (typeof lanes)[number], lanes[(k + 1) % 6] as (typeof lanes)[number]],
      goals: [`goal ${k % 9}`, `goal ${k % 4}`],
      managerId: k % 50 === 0 ? `r${k % mentorCount}` : null,
    })),
    mentors: Array.from({ length: mentorCount }, (_, k) => ({
      id: `r${k}`,
      level: levels[2 + (k % 5)] as (typeof levels)[number],
      timeZone: zones[(k * 3) % zones.length] as string,
      availability: slots(k * 7),
      lanes: [lanes[k % 6] as (typeof lanes)[number]],
      goals: [`goal ${k % 9}`],
      capacity: 1 + (k % 4),
    })),
  };
}

describe("scoring a large cohort off the server's thread", () => {
  it("answers another request while thousands of mentees are being scored", async () => {
    const member = await buildUser(ctx, { name: "Someone Else" });
    const cohort = largeCohort(4_000, 600);
    let scoringFinished = false;
    let firstProgress: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      firstProgress = resolve;
    });
    const seen: { done: number; total: number }[] = [];
    const scoring = scoreInWorker(cohort, {
      onProgress: (p) => {
        seen.push(p);
        if (p.done > 0) firstProgress();
      },
    }).then((scored) => {
      scoringFinished = true;
      return scored;
    });
    // Once the worker has scored its first mentees, a cheap request goes in; it must come back while the
    // rest of the cohort is still being scored (on the server's own thread it would wait for all of it).
    await started;
    const response = await ctx.request("/api/mentors", { cookie: member.cookie });
    expect(response.status).toBe(200);
    expect(scoringFinished).toBe(false);

    const scored = await scoring;
    expect(scored.problem.menteeCount).toBe(4_000);
    expect(seen.at(-1)).toEqual({ phase: "scoring", done: 4_000, total: 4_000 });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    // The worker's problem is the one scorePairs builds in process.
    const small = largeCohort(300, 60);
    const [inWorker, direct] = [await scoreInWorker(small), scorePairs(small)];
    expect(inWorker.excludedBy).toEqual(direct.excludedBy);
    expect(Array.from(inWorker.problem.pairScore)).toEqual(Array.from(direct.problem.pairScore));
    expect(Array.from(inWorker.problem.pairMentor)).toEqual(Array.from(direct.problem.pairMentor));
  }, 60_000);

  it("counts what each rule removes on the preview worker as scoring counts it", async () => {
    const cohort = largeCohort(500, 80);
    const scored = scorePairs(cohort);
    const counted = await countExclusionsInWorker(cohort);
    expect(counted).toEqual({
      feasiblePairs: scored.problem.pairScore.length,
      excludedBy: scored.excludedBy,
    });
    expect(countRuleExclusions(cohort)).toEqual(counted);
    expect(Object.values(counted.excludedBy).every((n) => n > 0)).toBe(true);
    // A preview that runs out of time is stopped, and the next one is answered.
    await expect(
      countExclusionsInWorker(largeCohort(4_000, 600), { signal: AbortSignal.timeout(1) }),
    ).rejects.toThrow();
    expect(await countExclusionsInWorker(cohort)).toEqual(counted);
  }, 60_000);
});
