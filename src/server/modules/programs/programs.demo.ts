import { readFileSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { type LaneId, laneIds } from "../../../shared/lanes.ts";
import type { Level } from "../../../shared/profile.ts";
import { defaultCohortSettings, type Questionnaire } from "../../../shared/programs.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { engagementReviews, engagementSessions, engagements } from "../engagements/engagements.table.ts";
import { mentorProfiles, mentorRequests } from "../mentors/mentors.table.ts";
import { profiles } from "../profile/profile.table.ts";
import { readParticipantsCsv } from "./participants-csv.ts";
import { runMatching } from "./programs.jobs.ts";
import {
  insertCohort,
  insertParticipants,
  insertProgram,
  insertRun,
  listPairsOfRun,
} from "./programs.repo.ts";
import { programCohorts, programMeetings, programPairs, type programParticipants } from "./programs.table.ts";

const dayMs = 24 * 3600 * 1000;
const zones = [
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "Asia/Kolkata",
  "Asia/Singapore",
  "America/Sao_Paulo",
];
const menteeLevels: Level[] = ["apm", "pm", "senior_pm"];
const mentorLevels: Level[] = ["senior_pm", "group_pm", "director", "vp"];
const goalsPool = [
  "Lead a team",
  "Move into growth",
  "Price a product",
  "Run discovery well",
  "Work with executives",
  "Hire my first PM",
];

/** A small deterministic generator, so the demo is the same cohort every time. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const day = (offset: number) => new Date(Date.now() + offset * dayMs).toISOString().slice(0, 10);

/**
 * The demo's program: Jonas runs it; its 300-person cohort is imported from demo-cohort.csv (Priya is a
 * mentee, Amara a mentor; the rest are accounts made for the cohort), matched on the worker, published six
 * weeks ago, and has weeks of acceptances and meetings for the health page.
 */
export async function seedDemoProgram(db: Db) {
  const [jonas] = await db.select({ id: users.id }).from(users).where(eq(users.email, "jonas@demo.sidecar"));
  if (!jonas) return;
  const csv = readFileSync(new URL("./demo-cohort.csv", import.meta.url), "utf8");
  const { valid, errors } = readParticipantsCsv(csv, {});
  if (errors.length > 0) throw new Error(`The demo cohort file has errors: ${JSON.stringify(errors[0])}`);

  const program = await insertProgram(
    db,
    {
      id: newId(),
      name: "Northwind product mentoring",
      description: "Pairs product managers with leaders a level or two ahead, across offices.",
      publishMode: "mentoring",
      createdBy: jonas.id,
    },
    jonas.id,
  );
  const cohort = await insertCohort(db, {
    id: newId(),
    programId: program.id,
    name: "Spring cohort",
    startsOn: day(-49),
    endsOn: day(70),
    settings: defaultCohortSettings,
  });

  const next = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const existing = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          inArray(
            users.email,
            valid.map((r) => r.email),
          ),
        )
    ).map((u) => [u.email, u.id]),
  );
  const accounts: (typeof users.$inferInsert)[] = [];
  const profileRows: (typeof profiles.$inferInsert)[] = [];
  const mentorRows: (typeof mentorProfiles.$inferInsert)[] = [];
  const participants: (typeof programParticipants.$inferInsert)[] = [];
  const joinedAt = new Date(Date.now() - 56 * dayMs);
  for (const row of valid) {
    let userId = existing.get(row.email);
    const timeZone = pick(zones);
    if (!userId) {
      // Accounts made for the cohort hold no password: they stand for colleagues who have not signed in.
      userId = newId();
      accounts.push({ id: userId, name: row.name, email: row.email, emailVerified: true });
      profileRows.push({
        userId,
        level: pick(row.role === "mentee" ? menteeLevels : mentorLevels),
        timeZone,
      });
    }
    const start = 8 + Math.floor(next() * 8);
    const questionnaire: Questionnaire = {
      goals: [pick(goalsPool), pick(goalsPool)].filter((g, k, all) => all.indexOf(g) === k),
      stages: [pick(["pre_pmf", "smoke_to_fire", "fire_to_great"] as const)],
      markets: [pick(["consumer", "b2b"] as const)],
      level: null,
      timeZone,
      availability: [1 + Math.floor(next() * 5), 1 + Math.floor(next() * 5)].map((weekday, k) => ({
        weekday,
        start: `${String(start + k).padStart(2, "0")}:00`,
        end: `${String(start + k + 2).padStart(2, "0")}:00`,
      })),
      lanes: [pick(laneIds), pick(laneIds)].filter((l, k, all) => all.indexOf(l) === k) as LaneId[],
    };
    if (!existing.has(row.email) && row.role === "mentor") {
      // Their own mentor profile holds the seats each mentoring takes; paused, so the demo's mentor
      // directory stays the people it introduces.
      mentorRows.push({
        userId,
        headline: "Product leader at Northwind",
        lanes: questionnaire.lanes,
        levels: menteeLevels,
        style: "both",
        capacity: row.capacity,
        timeZone,
        responseHours: 48,
        paused: true,
        pausedReason: "manual",
        pausedAt: joinedAt,
      });
    }
    participants.push({
      id: newId(),
      cohortId: cohort.id,
      email: row.email,
      name: row.name,
      role: row.role,
      managerEmail: row.managerEmail,
      capacity: row.role === "mentor" ? row.capacity : 0,
      userId,
      questionnaire,
      joinedAt,
      importedLine: row.line,
    });
  }
  for (let k = 0; k < accounts.length; k += 200) await db.insert(users).values(accounts.slice(k, k + 200));
  for (let k = 0; k < profileRows.length; k += 200)
    await db.insert(profiles).values(profileRows.slice(k, k + 200));
  for (let k = 0; k < mentorRows.length; k += 200)
    await db.insert(mentorProfiles).values(mentorRows.slice(k, k + 200));
  await insertParticipants(db, participants);

  // Matched on the worker, as a program admin's run would be.
  const runId = newId();
  await insertRun(db, { id: runId, cohortId: cohort.id, requestedBy: jonas.id });
  await runMatching(db, runId, { warn: () => {} });

  // Published six weeks ago as mentorings. Each pair between colleagues made for the cohort became an
  // engagement: most met every two weeks since (one session still ahead), some stalled, some have closed
  // out with both reviews written. Priya's and Amara's pairs, whose own mentorings the demo shows
  // elsewhere, stayed introductions (a seat already taken), and they record the days they met.
  const publishedAt = new Date(Date.now() - 42 * dayMs);
  await db.update(programCohorts).set({ publishedAt }).where(eq(programCohorts.id, cohort.id));
  const pairs = await listPairsOfRun(db, runId);
  const people = new Map(participants.map((p) => [p.id as string, p]));
  const demoAccounts = new Set(existing.values());
  const meetings: (typeof programMeetings.$inferInsert)[] = [];
  const requests: (typeof mentorRequests.$inferInsert)[] = [];
  const engagementRows: (typeof engagements.$inferInsert)[] = [];
  const sessions: (typeof engagementSessions.$inferInsert)[] = [];
  const reviews: (typeof engagementReviews.$inferInsert)[] = [];
  const seatOfMentor = new Map<string, number>();
  const at = (dayOffset: number, hour: number) => {
    const date = new Date(Date.now() + dayOffset * dayMs);
    date.setUTCHours(hour, 0, 0, 0);
    return date;
  };
  for (const pair of pairs) {
    const mentee = people.get(pair.menteeId);
    const mentor = people.get(pair.mentorId);
    if (!mentee?.userId || !mentor?.userId) continue;
    const accepted = next() < 0.9;
    const acceptedAt = new Date(publishedAt.getTime() + (1 + Math.floor(next() * 6)) * dayMs);
    const introduction = demoAccounts.has(mentee.userId) || demoAccounts.has(mentor.userId);
    let mentorRequestId: string | null = null;
    if (introduction) {
      for (const offset of [38, 24, 9])
        meetings.push({
          id: newId(),
          pairId: pair.id,
          cohortId: cohort.id,
          metOn: day(-offset),
          recordedBy: null,
        });
    } else {
      mentorRequestId = newId();
      requests.push({
        id: mentorRequestId,
        menteeId: mentee.userId,
        mentorId: mentor.userId,
        state: "accepted",
        reachedMentorAt: null,
        programCohortId: cohort.id,
        createdAt: publishedAt,
      });
      // Each of a mentor's mentees has its own hour, so no two of the mentor's sessions overlap.
      const seat = seatOfMentor.get(mentor.userId) ?? 0;
      seatOfMentor.set(mentor.userId, seat + 1);
      const hour = 8 + 2 * seat;
      const roll = next();
      const kind =
        (!accepted && roll < 0.4) || roll < 0.04
          ? "stalled"
          : roll < 0.24
            ? "closed"
            : roll < 0.32
              ? "closing"
              : "active";
      // Pairs started on different days of the week after publishing: their sessions spread over the weeks.
      const jitter = Math.floor(next() * 7);
      const engagementId = newId();
      const startedAt = acceptedAt;
      // Session days, counted back from today: held ones are in the past, one booked ahead for active pairs.
      const held =
        kind === "stalled"
          ? next() < 0.5
            ? [36]
            : []
          : kind === "active"
            ? [38 - jitter, 24 - jitter, 10 - jitter]
            : [39 - jitter, 27 - jitter];
      const closeStartedAt = kind === "closed" ? at(-20, 12) : kind === "closing" ? at(-17, 12) : null;
      engagementRows.push({
        id: engagementId,
        requestId: mentorRequestId,
        menteeId: mentee.userId,
        mentorId: mentor.userId,
        state: kind === "stalled" ? "active" : kind,
        goals: "Grow as a product leader with a colleague a step or two ahead.",
        cadence: "fortnightly",
        lengthWeeks: kind === "closed" || kind === "closing" ? 4 : 12,
        menteeAcceptedAt: startedAt,
        mentorAcceptedAt: startedAt,
        lastBookedAt: held.length > 0 ? at(-(held[0] as number) - 3, hour) : startedAt,
        closeStartedAt,
        closedAt: kind === "closed" ? at(-8, 12) : null,
        createdAt: startedAt,
      });
      for (const offset of held)
        sessions.push({
          id: newId(),
          engagementId,
          mentorId: mentor.userId,
          menteeId: mentee.userId,
          startsAt: at(-offset, hour),
          endsAt: at(-offset, hour + 1),
        });
      if (kind === "active")
        sessions.push({
          id: newId(),
          engagementId,
          mentorId: mentor.userId,
          menteeId: mentee.userId,
          startsAt: at(7, hour),
          endsAt: at(7, hour + 1),
        });
      if (kind === "closed" || kind === "closing") {
        const sides = kind === "closed" ? (["mentee", "mentor"] as const) : (["mentee"] as const);
        for (const side of sides)
          reviews.push({
            id: newId(),
            engagementId,
            mentorId: mentor.userId,
            side,
            authorId: side === "mentee" ? mentee.userId : mentor.userId,
            rating: next() < 0.15 ? 3 : next() < 0.55 ? 4 : 5,
            text: "Clear goals and honest sessions.",
            createdAt: at(kind === "closed" ? -12 : -15, 12),
          });
      }
    }
    await db
      .update(programPairs)
      .set({
        publishedAt,
        mentorRequestId,
        menteeAcceptedAt: accepted ? acceptedAt : null,
        mentorAcceptedAt: accepted ? acceptedAt : null,
      })
      .where(eq(programPairs.id, pair.id));
  }
  const inBatches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
    for (let k = 0; k < rows.length; k += 200) await insert(rows.slice(k, k + 200));
  };
  await inBatches(requests, (b) => db.insert(mentorRequests).values(b));
  await inBatches(engagementRows, (b) => db.insert(engagements).values(b));
  await inBatches(sessions, (b) => db.insert(engagementSessions).values(b));
  await inBatches(reviews, (b) => db.insert(engagementReviews).values(b));
  await inBatches(meetings, (b) => db.insert(programMeetings).values(b));
  // Each mentoring not yet closed holds one of its mentor's seats.
  const held = new Map<string, number>();
  for (const e of engagementRows)
    if (e.state !== "closed") held.set(e.mentorId, (held.get(e.mentorId) ?? 0) + 1);
  for (const [mentorId, count] of held)
    await db.update(mentorProfiles).set({ activeMentees: count }).where(eq(mentorProfiles.userId, mentorId));
}

/** Sam's list for the circle's first cohort, in the shape of an imported CSV. */
const circleCohortCsv = [
  "email,name,role,manager_email,capacity",
  "diego@demo.sidecar,Diego Hernández,mentor,,2",
  "mei@demo.sidecar,Mei Tanaka,mentor,,2",
  "lena@demo.sidecar,Lena Fischer,mentor,,1",
  "jonas@demo.sidecar,Jonas Becker,mentee,,",
  "ines.moreau@example.com,Inès Moreau,mentee,,",
  "kwame.asante@example.com,Kwame Asante,mentee,,",
  "sofia.lind@example.com,Sofia Lind,mentee,,",
].join("\n");

/**
 * The instance admin's own program for the community: a cohort starting in three weeks, its list imported
 * and its invitations out. Jonas has joined with his answers; the others have yet to, so nothing is matched.
 */
export async function seedDemoCircleProgram(db: Db) {
  const [sam] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@demo.sidecar"));
  const [jonas] = await db.select({ id: users.id }).from(users).where(eq(users.email, "jonas@demo.sidecar"));
  if (!sam || !jonas) return;
  const { valid, errors } = readParticipantsCsv(circleCohortCsv, {});
  if (errors.length > 0) throw new Error(`The circle cohort list has errors: ${JSON.stringify(errors[0])}`);
  const program = await insertProgram(
    db,
    {
      id: newId(),
      name: "Product Circle: first-time leaders",
      description:
        "Members about to lead other PMs, each paired with a circle member who has led managers, for twelve weeks.",
      publishMode: "introduction",
      createdBy: sam.id,
    },
    sam.id,
  );
  const cohort = await insertCohort(db, {
    id: newId(),
    programId: program.id,
    name: "Winter cohort",
    startsOn: day(21),
    endsOn: day(105),
    settings: defaultCohortSettings,
  });
  await insertParticipants(
    db,
    valid.map((row) => {
      const joined = row.email === "jonas@demo.sidecar";
      return {
        id: newId(),
        cohortId: cohort.id,
        email: row.email,
        name: row.name,
        role: row.role,
        managerEmail: row.managerEmail,
        capacity: row.role === "mentor" ? row.capacity : 0,
        importedLine: row.line,
        ...(joined && {
          userId: jonas.id,
          joinedAt: new Date(Date.now() - 2 * dayMs),
          questionnaire: {
            goals: ["Lead a team", "Work with executives"],
            stages: [],
            markets: [],
            level: null,
            timeZone: "Europe/Berlin",
            availability: [
              { weekday: 2, start: "09:00", end: "11:00" },
              { weekday: 4, start: "14:00", end: "16:00" },
            ],
            lanes: ["team", "organizational"],
          } satisfies Questionnaire,
        }),
      };
    }),
  );
}
