import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  desc,
  eq,
  gte,
  inArray,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { LaneId } from "../../../shared/lanes.ts";
import type { MentoringLogInput, MentorStyle, RequestState } from "../../../shared/mentors.ts";
import type { Level } from "../../../shared/profile.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import {
  mentoringLog,
  mentorProfiles,
  mentorRequestMessages,
  mentorRequests,
  mentorResponses,
} from "./mentors.table.ts";

export type MentorProfileRow = typeof mentorProfiles.$inferSelect;
export type MentorRequestRow = typeof mentorRequests.$inferSelect;
export type MentorMessageRow = typeof mentorRequestMessages.$inferSelect;
export type MentoringLogRow = typeof mentoringLog.$inferSelect;
export type MentorWithName = { profile: MentorProfileRow; name: string; email: string };

const profileColumns = {
  profile: mentorProfiles,
  name: users.name,
  email: users.email,
};

/** A mentor's profile with their name, unless their account is disabled (then there is none). */
export async function findMentorRow(db: Db, userId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select(profileColumns)
    .from(mentorProfiles)
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(and(eq(mentorProfiles.userId, userId), eq(users.disabled, false)));
  const [row] = await (options.lock ? query.for("update", { of: mentorProfiles }) : query);
  return row;
}

export type MentorFilters = {
  excludeUserId: string;
  text?: string;
  lanes?: LaneId[];
  level?: Level;
  style?: MentorStyle;
};

/** Mentors taking requests now: not paused, with a seat left, matching the filters; by text rank when searching. */
export async function searchMentorRows(db: Db, filters: MentorFilters): Promise<MentorWithName[]> {
  const conditions: SQL[] = [
    eq(users.disabled, false),
    eq(mentorProfiles.paused, false),
    lt(mentorProfiles.activeMentees, mentorProfiles.capacity),
    ne(mentorProfiles.userId, filters.excludeUserId),
  ];
  const text = filters.text?.trim();
  const query = text ? sql`websearch_to_tsquery('english', ${text})` : undefined;
  if (query) conditions.push(sql`${mentorProfiles.search} @@ ${query}`);
  if (filters.lanes && filters.lanes.length > 0)
    conditions.push(arrayOverlaps(mentorProfiles.lanes, filters.lanes));
  if (filters.level) conditions.push(arrayContains(mentorProfiles.levels, [filters.level]));
  if (filters.style && filters.style !== "both") {
    conditions.push(or(eq(mentorProfiles.style, filters.style), eq(mentorProfiles.style, "both")) as SQL);
  }
  if (filters.style === "both") conditions.push(eq(mentorProfiles.style, "both"));
  return db
    .select(profileColumns)
    .from(mentorProfiles)
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(and(...conditions))
    .orderBy(
      ...(query ? [desc(sql`ts_rank(${mentorProfiles.search}, ${query})`)] : []),
      desc(mentorProfiles.lastActiveAt),
      asc(mentorProfiles.userId),
    )
    .limit(100);
}

export async function insertMentorProfile(db: Db, values: typeof mentorProfiles.$inferInsert) {
  return writeVersioned(db, mentorProfiles, {
    where: eq(mentorProfiles.userId, values.userId),
    version: 0,
    set: {},
    insert: values,
    what: "mentor profile",
  });
}

export async function updateMentorProfile(
  db: Db,
  userId: string,
  set: Partial<typeof mentorProfiles.$inferInsert>,
  version: number,
) {
  return writeVersioned(db, mentorProfiles, {
    where: eq(mentorProfiles.userId, userId),
    version,
    set: { ...set, updatedAt: new Date(), lastActiveAt: new Date() },
    what: "mentor profile",
  });
}

export async function setPaused(db: Db, userId: string, paused: false | "manual" | "unresponsive", at: Date) {
  const [row] = await db
    .update(mentorProfiles)
    .set(
      paused
        ? { paused: true, pausedReason: paused, pausedAt: at }
        : { paused: false, pausedReason: null, pausedAt: null, resumedAt: at, lastActiveAt: at },
    )
    .where(eq(mentorProfiles.userId, userId))
    .returning();
  return row;
}

export async function touchMentor(db: Db, userId: string, at: Date) {
  await db.update(mentorProfiles).set({ lastActiveAt: at }).where(eq(mentorProfiles.userId, userId));
}

/**
 * Takes a seat in one statement: the row changes only while a seat is free, so two accepts racing for
 * the last seat cannot both pass (the second waits for the first's row lock, then finds no seat). The
 * table's check constraint holds the count to the capacity whatever any other write does.
 */
export async function takeSeat(db: Db, mentorId: string): Promise<boolean> {
  const rows = await db
    .update(mentorProfiles)
    .set({ activeMentees: sql`${mentorProfiles.activeMentees} + 1` })
    .where(
      and(eq(mentorProfiles.userId, mentorId), lt(mentorProfiles.activeMentees, mentorProfiles.capacity)),
    )
    .returning({ userId: mentorProfiles.userId });
  return rows.length > 0;
}

export async function freeSeat(db: Db, mentorId: string) {
  await db
    .update(mentorProfiles)
    .set({ activeMentees: sql`${mentorProfiles.activeMentees} - 1` })
    .where(and(eq(mentorProfiles.userId, mentorId), sql`${mentorProfiles.activeMentees} > 0`));
}

// Requests

/** Holds the member's row until the transaction ends, so two requests sent at once are counted one after the other. */
export async function lockMember(db: Db, userId: string) {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

export async function countOpenRequests(db: Db, menteeId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentorRequests)
    .where(
      and(
        eq(mentorRequests.menteeId, menteeId),
        inArray(mentorRequests.state, ["pending", "info_requested"]),
      ),
    );
  return row?.n ?? 0;
}

export async function insertRequest(db: Db, values: typeof mentorRequests.$inferInsert) {
  const [row] = await db.insert(mentorRequests).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findRequestRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(mentorRequests).where(eq(mentorRequests.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function updateRequest(db: Db, id: string, set: Partial<typeof mentorRequests.$inferInsert>) {
  const [row] = await db
    .update(mentorRequests)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(mentorRequests.id, id))
    .returning();
  if (!row) throw new AppError("NOT_FOUND", "There is no mentoring request with this id among yours.");
  return row;
}

export async function insertMessage(
  db: Db,
  requestId: string,
  from: MentorMessageRow["from"],
  kind: MentorMessageRow["kind"],
  text: string,
  at = new Date(),
) {
  await db.insert(mentorRequestMessages).values({ id: newId(), requestId, from, kind, text, createdAt: at });
}

export async function listRequestRowsOf(db: Db, userId: string) {
  return db
    .select()
    .from(mentorRequests)
    .where(or(eq(mentorRequests.menteeId, userId), eq(mentorRequests.mentorId, userId)))
    .orderBy(desc(mentorRequests.updatedAt))
    .limit(200);
}

export async function listMessageRows(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select()
    .from(mentorRequestMessages)
    .where(inArray(mentorRequestMessages.requestId, requestIds))
    .orderBy(asc(mentorRequestMessages.createdAt), asc(mentorRequestMessages.id));
}

export async function listUserNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function listHeadlines(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: mentorProfiles.userId, headline: mentorProfiles.headline })
    .from(mentorProfiles)
    .where(inArray(mentorProfiles.userId, ids));
  return new Map(rows.map((row) => [row.id, row.headline]));
}

export async function findOpenRequestBetween(db: Db, menteeId: string, mentorId: string) {
  const [row] = await db
    .select({ id: mentorRequests.id })
    .from(mentorRequests)
    .where(
      and(
        eq(mentorRequests.menteeId, menteeId),
        eq(mentorRequests.mentorId, mentorId),
        inArray(mentorRequests.state, ["pending", "info_requested", "accepted"] satisfies RequestState[]),
      ),
    );
  return row?.id ?? null;
}

export async function recordResponse(db: Db, mentorId: string, requestId: string, seconds: number, at: Date) {
  await db.insert(mentorResponses).values({ id: newId(), mentorId, requestId, seconds, respondedAt: at });
}

/** Each mentor's latest measured answer times, newest first, at most 20 each. */
export async function listResponseSeconds(db: Db, mentorIds: string[]) {
  const byMentor = new Map<string, number[]>();
  if (mentorIds.length === 0) return byMentor;
  const rows = await db
    .select({ mentorId: mentorResponses.mentorId, seconds: mentorResponses.seconds })
    .from(mentorResponses)
    .where(inArray(mentorResponses.mentorId, mentorIds))
    .orderBy(desc(mentorResponses.respondedAt));
  for (const row of rows) {
    const list = byMentor.get(row.mentorId) ?? [];
    if (list.length < 20) list.push(row.seconds);
    byMentor.set(row.mentorId, list);
  }
  return byMentor;
}

export async function countExpiredSince(db: Db, mentorId: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentorRequests)
    .where(
      and(
        eq(mentorRequests.mentorId, mentorId),
        eq(mentorRequests.state, "expired"),
        gte(mentorRequests.closedAt, since),
      ),
    );
  return row?.n ?? 0;
}

// Mentoring others

export async function listLogRows(db: Db, userId: string) {
  return db
    .select()
    .from(mentoringLog)
    .where(eq(mentoringLog.userId, userId))
    .orderBy(desc(mentoringLog.startedOn), desc(mentoringLog.createdAt));
}

export async function findLogRow(db: Db, id: string) {
  const [row] = await db.select().from(mentoringLog).where(eq(mentoringLog.id, id));
  return row;
}

export async function insertLogRow(db: Db, userId: string, input: MentoringLogInput) {
  const [row] = await db
    .insert(mentoringLog)
    .values({ id: newId(), userId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateLogRow(db: Db, id: string, input: MentoringLogInput, version: number) {
  return writeVersioned(db, mentoringLog, {
    where: eq(mentoringLog.id, id),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "mentoring log entry",
    missing: () => new AppError("NOT_FOUND", "There is no entry with this id in your mentoring log."),
  });
}

export async function deleteLogRow(db: Db, id: string) {
  await db.delete(mentoringLog).where(eq(mentoringLog.id, id));
}
