import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { reviewRevealDays } from "../../../shared/engagements.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { laneAssessments } from "../lanes/lanes.table.ts";
import { mentorProfiles } from "../mentors/mentors.table.ts";
import { profiles } from "../profile/profile.table.ts";
import {
  programAdmins,
  programCohorts,
  programMeetings,
  programOverrides,
  programPairs,
  programParticipants,
  programRuns,
  programs,
} from "./programs.table.ts";

export type ProgramRow = typeof programs.$inferSelect;
export type CohortRow = typeof programCohorts.$inferSelect;
export type ParticipantRow = typeof programParticipants.$inferSelect;
export type RunRow = typeof programRuns.$inferSelect;
export type PairRow = typeof programPairs.$inferSelect;
export type OverrideRow = typeof programOverrides.$inferSelect;

export const stalledAfterDays = 21;

export async function isProgramAdminOf(db: Db, programId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: programAdmins.userId })
    .from(programAdmins)
    .where(and(eq(programAdmins.programId, programId), eq(programAdmins.userId, userId)));
  return row !== undefined;
}

export async function insertProgram(db: Db, values: typeof programs.$inferInsert, adminId: string) {
  const [row] = await db.insert(programs).values(values).returning();
  await db.insert(programAdmins).values({ programId: values.id, userId: adminId, grantedBy: adminId });
  return row as ProgramRow;
}

export async function findProgram(db: Db, id: string) {
  const [row] = await db.select().from(programs).where(eq(programs.id, id));
  return row;
}

export async function listAdministeredPrograms(db: Db, userId: string) {
  return db
    .select({
      id: programs.id,
      name: programs.name,
      description: programs.description,
      publishMode: programs.publishMode,
      version: programs.version,
    })
    .from(programs)
    .innerJoin(programAdmins, eq(programAdmins.programId, programs.id))
    .where(eq(programAdmins.userId, userId))
    .orderBy(asc(programs.name));
}

export async function listProgramAdmins(db: Db, programId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(programAdmins)
    .innerJoin(users, eq(users.id, programAdmins.userId))
    .where(eq(programAdmins.programId, programId))
    .orderBy(asc(users.name));
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

export async function addProgramAdmin(db: Db, programId: string, userId: string, grantedBy: string) {
  await db.insert(programAdmins).values({ programId, userId, grantedBy }).onConflictDoNothing();
}

export async function removeProgramAdmin(db: Db, programId: string, userId: string) {
  const rows = await db
    .delete(programAdmins)
    .where(and(eq(programAdmins.programId, programId), eq(programAdmins.userId, userId)))
    .returning({ userId: programAdmins.userId });
  return rows.length > 0;
}

export async function countProgramAdmins(db: Db, programId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(programAdmins)
    .where(eq(programAdmins.programId, programId));
  return row?.n ?? 0;
}

export async function listCohortSummaries(db: Db, programId: string) {
  return db
    .select({
      id: programCohorts.id,
      name: programCohorts.name,
      startsOn: programCohorts.startsOn,
      endsOn: programCohorts.endsOn,
      publishedAt: programCohorts.publishedAt,
      participants: sql<number>`(select count(*)::int from program_participants pp where pp.cohort_id = "program_cohorts"."id")`,
    })
    .from(programCohorts)
    .where(eq(programCohorts.programId, programId))
    .orderBy(desc(programCohorts.startsOn));
}

export async function insertCohort(db: Db, values: typeof programCohorts.$inferInsert) {
  const [row] = await db.insert(programCohorts).values(values).returning();
  return row as CohortRow;
}

export async function findCohort(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(programCohorts).where(eq(programCohorts.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function countParticipants(db: Db, cohortId: string) {
  const [row] = await db
    .select({
      mentees: sql<number>`count(*) filter (where ${programParticipants.role} = 'mentee')::int`,
      mentors: sql<number>`count(*) filter (where ${programParticipants.role} = 'mentor')::int`,
      joined: sql<number>`count(*) filter (where ${programParticipants.joinedAt} is not null)::int`,
      seats: sql<number>`coalesce(sum(${programParticipants.capacity}) filter (where ${programParticipants.role} = 'mentor'), 0)::int`,
    })
    .from(programParticipants)
    .where(eq(programParticipants.cohortId, cohortId));
  return row ?? { mentees: 0, mentors: 0, joined: 0, seats: 0 };
}

export async function listParticipantPage(
  db: Db,
  cohortId: string,
  page: { page: number; pageSize: number },
) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(programParticipants)
      .where(eq(programParticipants.cohortId, cohortId))
      .orderBy(asc(programParticipants.role), asc(programParticipants.name), asc(programParticipants.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(programParticipants).where(eq(programParticipants.cohortId, cohortId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function listAllParticipants(db: Db, cohortId: string) {
  return db
    .select()
    .from(programParticipants)
    .where(eq(programParticipants.cohortId, cohortId))
    .orderBy(asc(programParticipants.id));
}

export async function insertParticipants(db: Db, values: (typeof programParticipants.$inferInsert)[]) {
  if (values.length === 0) return;
  await db.insert(programParticipants).values(values);
}

export async function updateParticipant(
  db: Db,
  id: string,
  set: Partial<typeof programParticipants.$inferInsert>,
  options: { seatsChanged?: boolean } = {},
) {
  await db
    .update(programParticipants)
    .set({
      ...set,
      updatedAt: new Date(),
      ...(options.seatsChanged ? { version: sql`${programParticipants.version} + 1` } : {}),
    })
    .where(eq(programParticipants.id, id));
}

/** What matching reads about each joined participant from their own data, in a fixed number of queries. */
export async function listParticipantFacts(db: Db, userIds: string[]) {
  if (userIds.length === 0) return { profiles: [], mentors: [], lanes: [] };
  const [profileRows, mentorRows, laneRows] = await Promise.all([
    db
      .select({ userId: profiles.userId, level: profiles.level, timeZone: profiles.timeZone })
      .from(profiles)
      .where(inArray(profiles.userId, userIds)),
    db
      .select({
        userId: mentorProfiles.userId,
        lanes: mentorProfiles.lanes,
        timeZone: mentorProfiles.timeZone,
        weekly: mentorProfiles.weekly,
        capacity: mentorProfiles.capacity,
        activeMentees: mentorProfiles.activeMentees,
      })
      .from(mentorProfiles)
      .where(inArray(mentorProfiles.userId, userIds)),
    db
      .selectDistinctOn([laneAssessments.userId], {
        userId: laneAssessments.userId,
        crafting: laneAssessments.crafting,
        market: laneAssessments.market,
        organizational: laneAssessments.organizational,
        domain: laneAssessments.domain,
        team: laneAssessments.team,
        growth: laneAssessments.growth,
      })
      .from(laneAssessments)
      .where(inArray(laneAssessments.userId, userIds))
      .orderBy(laneAssessments.userId, desc(laneAssessments.createdAt)),
  ]);
  return { profiles: profileRows, mentors: mentorRows, lanes: laneRows };
}

export async function listOverrides(db: Db, cohortId: string) {
  return db
    .select({
      override: programOverrides,
      byName: sql<string>`coalesce(${users.name}, 'A former program admin')`,
    })
    .from(programOverrides)
    .leftJoin(users, eq(users.id, programOverrides.createdBy))
    .where(eq(programOverrides.cohortId, cohortId))
    .orderBy(asc(programOverrides.createdAt), asc(programOverrides.id));
}

export async function insertOverride(db: Db, values: typeof programOverrides.$inferInsert) {
  await db.insert(programOverrides).values(values);
}

/** The seat change's conditional write: only from the version read, so of two racing changes one goes through. */
export async function bumpSeatsVersion(db: Db, cohortId: string, mentorId: string, version: number) {
  const rows = await db
    .update(programParticipants)
    .set({ version: sql`${programParticipants.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(programParticipants.id, mentorId),
        eq(programParticipants.cohortId, cohortId),
        eq(programParticipants.version, version),
      ),
    )
    .returning({ id: programParticipants.id });
  return rows.length > 0;
}

export async function participantsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: programParticipants.id,
      name: programParticipants.name,
      cohortId: programParticipants.cohortId,
      role: programParticipants.role,
    })
    .from(programParticipants)
    .where(inArray(programParticipants.id, ids));
}

// Runs

export async function insertRun(db: Db, values: typeof programRuns.$inferInsert) {
  const [row] = await db.insert(programRuns).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findRun(db: Db, id: string) {
  const [row] = await db.select().from(programRuns).where(eq(programRuns.id, id));
  return row;
}

export async function findLiveRun(db: Db, cohortId: string) {
  const [row] = await db
    .select()
    .from(programRuns)
    .where(and(eq(programRuns.cohortId, cohortId), inArray(programRuns.state, ["queued", "running"])));
  return row;
}

export async function updateRun(db: Db, id: string, set: Partial<typeof programRuns.$inferInsert>) {
  const [row] = await db.update(programRuns).set(set).where(eq(programRuns.id, id)).returning();
  return row;
}

/** Takes a queued run (or one whose process stopped while running) for this job; null when it is settled. */
export async function claimRun(db: Db, id: string) {
  const [row] = await db
    .update(programRuns)
    .set({ state: "running", phase: "scoring" })
    .where(and(eq(programRuns.id, id), inArray(programRuns.state, ["queued", "running"])))
    .returning();
  return row;
}

export async function requestCancel(db: Db, id: string) {
  const [row] = await db
    .update(programRuns)
    .set({ cancelRequested: true })
    .where(and(eq(programRuns.id, id), inArray(programRuns.state, ["queued", "running"])))
    .returning();
  return row;
}

export async function insertPairs(db: Db, values: (typeof programPairs.$inferInsert)[]) {
  for (let start = 0; start < values.length; start += 500) {
    await db.insert(programPairs).values(values.slice(start, start + 500));
  }
}

export async function listPairPage(db: Db, runId: string, page: { page: number; pageSize: number }) {
  // Written out in full: drizzle leaves columns of a one-table select unqualified, and a subquery would read its own.
  const mentee = sql`(select name from program_participants p where p.id = "program_pairs"."mentee_id")`;
  const mentor = sql`(select name from program_participants p where p.id = "program_pairs"."mentor_id")`;
  const seats = sql`coalesce(
    (select o.capacity from program_overrides o where o.cohort_id = "program_pairs"."cohort_id" and o.kind = 'capacity'
       and o.mentor_id = "program_pairs"."mentor_id" order by o.created_at desc, o.id desc limit 1),
    (select capacity from program_participants p where p.id = "program_pairs"."mentor_id"))`;
  const seatsVersion = sql`(select version from program_participants p where p.id = "program_pairs"."mentor_id")`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        pair: programPairs,
        menteeName: sql<string>`${mentee}`,
        mentorName: sql<string>`${mentor}`,
        mentorSeats: sql<number>`${seats}`,
        mentorVersion: sql<number>`${seatsVersion}`,
      })
      .from(programPairs)
      .where(eq(programPairs.runId, runId))
      .orderBy(desc(programPairs.pinned), desc(programPairs.score), asc(programPairs.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(programPairs).where(eq(programPairs.runId, runId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function listPairsOfRun(db: Db, runId: string) {
  return db.select().from(programPairs).where(eq(programPairs.runId, runId));
}

export async function listUnmatchedMentees(db: Db, cohortId: string, runId: string) {
  return db
    .select({ id: programParticipants.id, name: programParticipants.name })
    .from(programParticipants)
    .where(
      and(
        eq(programParticipants.cohortId, cohortId),
        eq(programParticipants.role, "mentee"),
        isNotNull(programParticipants.joinedAt),
        sql`not exists (select 1 from program_pairs pp where pp.run_id = ${runId} and pp.mentee_id = "program_participants"."id")`,
      ),
    )
    .orderBy(asc(programParticipants.name))
    .limit(200);
}

// Participants' own view

export async function listParticipationRows(db: Db, userId: string, email: string, verified: boolean) {
  const mine = verified
    ? sql`(${programParticipants.userId} = ${userId} or (${programParticipants.userId} is null and ${programParticipants.email} = ${email.toLowerCase()}))`
    : eq(programParticipants.userId, userId);
  return db
    .select({
      participant: programParticipants,
      cohortName: programCohorts.name,
      startsOn: programCohorts.startsOn,
      endsOn: programCohorts.endsOn,
      programName: programs.name,
    })
    .from(programParticipants)
    .innerJoin(programCohorts, eq(programCohorts.id, programParticipants.cohortId))
    .innerJoin(programs, eq(programs.id, programCohorts.programId))
    .where(mine)
    .orderBy(desc(programCohorts.startsOn));
}

export async function findParticipant(db: Db, id: string) {
  const [row] = await db.select().from(programParticipants).where(eq(programParticipants.id, id));
  return row;
}

/** Published pairs of these participants, with the other side's name and email. */
export async function listPublishedPairsOf(db: Db, participantIds: string[]) {
  if (participantIds.length === 0) return [];
  return db
    .select({
      pair: programPairs,
      mentee: {
        id: programParticipants.id,
        name: programParticipants.name,
        email: programParticipants.email,
      },
      mentorName: sql<string>`(select name from ${programParticipants} p where p.id = ${programPairs.mentorId})`,
      mentorEmail: sql<string>`(select email from ${programParticipants} p where p.id = ${programPairs.mentorId})`,
      lastMetOn: sql<
        string | null
      >`(select max(met_on)::text from ${programMeetings} m where m.pair_id = ${programPairs.id})`,
    })
    .from(programPairs)
    .innerJoin(programParticipants, eq(programParticipants.id, programPairs.menteeId))
    .where(
      and(
        isNotNull(programPairs.publishedAt),
        sql`(${inArray(programPairs.menteeId, participantIds)} or ${inArray(programPairs.mentorId, participantIds)})`,
      ),
    );
}

export async function findPair(db: Db, id: string) {
  const [row] = await db.select().from(programPairs).where(eq(programPairs.id, id));
  return row;
}

export async function updatePair(db: Db, id: string, set: Partial<typeof programPairs.$inferInsert>) {
  await db.update(programPairs).set(set).where(eq(programPairs.id, id));
}

export async function insertMeeting(db: Db, values: typeof programMeetings.$inferInsert) {
  await db.insert(programMeetings).values(values).onConflictDoNothing();
}

// Health: aggregates only, never what a pair said or wrote.

/** Reviews are averaged in whole groups of this many, so no one rating can be read off a figure or a change in it. */
export const reviewGroupSize = 5;

type HealthRow = {
  matches_made: number;
  accepted: number;
  sessions_held: number;
  meetings_recorded: number;
  stalled: number;
  stalled_pairs: {
    mentee: string;
    mentor: string;
    publishedOn: string;
    lastMetOn: string | null;
    lastMetBy: "session" | "recorded" | null;
  }[];
  weekly: { week: string; matches: number; accepted: number; sessions: number; meetings: number }[];
  reviews: { side: "mentee" | "mentor"; revealed: number; averaged: number; total: number }[];
};

/**
 * Every health figure of a cohort in one statement. Sessions are those of the engagements its published
 * pairs became (through the mentoring request marked with the cohort), booked and already over; meetings
 * are the days participants recorded themselves. A pair is stalled when neither shows it meeting in 21
 * days (counted from publishing until the first); a pair whose engagement is closing or closed is finished,
 * not stalled. Close-out reviews count once revealed, and are averaged only over the first whole groups of
 * `reviewGroupSize` in the order they were revealed.
 */
export async function healthFigures(db: Db, cohortId: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const revealedBefore = new Date(now.getTime() - reviewRevealDays * 86_400_000);
  const result = await db.execute(sql`
    with pairs as (
      select pp.id, pp.mentee_id, pp.mentor_id, pp.published_at, pp.mentee_accepted_at, pp.mentor_accepted_at,
        pp.mentor_request_id
      from program_pairs pp where pp.cohort_id = ${cohortId} and pp.published_at is not null
    ),
    engs as (
      select e.id, e.request_id, e.state, e.close_started_at, e.closed_at
      from engagements e join mentor_requests r on r.id = e.request_id
      where r.program_cohort_id = ${cohortId}
    ),
    held as (
      select s.engagement_id, (s.starts_at at time zone 'UTC')::date as day
      from engagement_sessions s join engs on engs.id = s.engagement_id
      where s.state = 'booked' and s.ends_at <= ${now.toISOString()}::timestamptz
    ),
    recorded as (select pair_id, met_on as day from program_meetings where cohort_id = ${cohortId}),
    -- Joined on grouped figures (one engagement per request), not looked up pair by pair: a cohort with
    -- hundreds of engagements and sessions is still read in one pass of each.
    contact as (
      select p.*, ls.last_session, lr.last_recorded, eg.state as engagement_state
      from pairs p
      left join engs eg on eg.request_id = p.mentor_request_id
      left join (select engagement_id, max(day) as last_session from held group by engagement_id) ls
        on ls.engagement_id = eg.id
      left join (select pair_id, max(day) as last_recorded from recorded group by pair_id) lr on lr.pair_id = p.id
    ),
    stalled as (
      select c.*, greatest(c.last_session, c.last_recorded) as last_met
      from contact c
      where coalesce(c.engagement_state, '') not in ('closing', 'closed')
        and coalesce(greatest(c.last_session, c.last_recorded), (c.published_at at time zone 'UTC')::date)
          < ${today}::date - ${sql.raw(String(stalledAfterDays))}
    ),
    stalled_list as (
      select s.*,
        (select name from program_participants x where x.id = s.mentee_id) as mentee,
        (select name from program_participants x where x.id = s.mentor_id) as mentor
      from stalled s order by s.published_at, s.id limit 500
    ),
    revealed as (
      select rv.side, rv.rating,
        row_number() over (partition by rv.side order by
          least(coalesce(e.closed_at, 'infinity'::timestamptz), e.close_started_at + interval '${sql.raw(String(reviewRevealDays))} days'),
          rv.id) as n,
        count(*) over (partition by rv.side) as revealed
      from engagement_reviews rv join engs e on e.id = rv.engagement_id
      where e.state = 'closed' or e.close_started_at <= ${revealedBefore.toISOString()}::timestamptz
    ),
    events as (
      select date_trunc('week', published_at at time zone 'UTC')::date as week, 1 as matches, 0 as accepted, 0 as sessions, 0 as meetings
        from pairs
      union all
      select date_trunc('week', greatest(mentee_accepted_at, mentor_accepted_at) at time zone 'UTC')::date, 0, 1, 0, 0
        from pairs where mentee_accepted_at is not null and mentor_accepted_at is not null
      union all
      select date_trunc('week', day)::date, 0, 0, 1, 0 from held
      union all
      select date_trunc('week', day)::date, 0, 0, 0, 1 from recorded
    )
    select
      (select count(*)::int from pairs) as matches_made,
      (select count(*)::int from pairs where mentee_accepted_at is not null and mentor_accepted_at is not null) as accepted,
      (select count(*)::int from held) as sessions_held,
      (select count(*)::int from recorded) as meetings_recorded,
      (select count(*)::int from stalled) as stalled,
      (select coalesce(json_agg(json_build_object(
          'mentee', coalesce(mentee, 'A former participant'), 'mentor', coalesce(mentor, 'A former participant'),
          'publishedOn', (published_at at time zone 'UTC')::date::text,
          'lastMetOn', last_met::text,
          'lastMetBy', case when last_met is null then null when last_met = last_session then 'session' else 'recorded' end
        ) order by published_at, id), '[]'::json) from stalled_list) as stalled_pairs,
      (select coalesce(json_agg(w order by w.week), '[]'::json) from (
        select week::text as week, sum(matches)::int as matches, sum(accepted)::int as accepted,
          sum(sessions)::int as sessions, sum(meetings)::int as meetings
        from events group by week
      ) w) as weekly,
      (select coalesce(json_agg(r), '[]'::json) from (
        select side, max(revealed)::int as revealed,
          (max(revealed) - max(revealed) % ${sql.raw(String(reviewGroupSize))})::int as averaged,
          coalesce(sum(rating) filter (where n <= max_n), 0)::int as total
        from (select *, revealed - revealed % ${sql.raw(String(reviewGroupSize))} as max_n from revealed) g
        group by side
      ) r) as reviews
  `);
  const [row] = (result as unknown as { rows: HealthRow[] }).rows;
  const reviewsOf = (side: "mentee" | "mentor") => {
    const r = row?.reviews.find((x) => x.side === side);
    const revealed = Number(r?.revealed ?? 0);
    const averaged = Number(r?.averaged ?? 0);
    return {
      revealed,
      averaged,
      averageRating: averaged >= reviewGroupSize ? Math.round((Number(r?.total) / averaged) * 10) / 10 : null,
    };
  };
  return {
    matchesMade: Number(row?.matches_made ?? 0),
    accepted: Number(row?.accepted ?? 0),
    sessionsHeld: Number(row?.sessions_held ?? 0),
    meetingsRecorded: Number(row?.meetings_recorded ?? 0),
    stalled: Number(row?.stalled ?? 0),
    stalledPairs: row?.stalled_pairs ?? [],
    weekly: row?.weekly ?? [],
    reviews: { byMentees: reviewsOf("mentee"), byMentors: reviewsOf("mentor") },
  };
}

export async function publishPairs(db: Db, runId: string, at: Date) {
  return db
    .update(programPairs)
    .set({ publishedAt: at })
    .where(and(eq(programPairs.runId, runId), isNull(programPairs.publishedAt)))
    .returning();
}

export { newId };
