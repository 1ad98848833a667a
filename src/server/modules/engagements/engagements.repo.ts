import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { mentorProfiles, mentorRequests } from "../mentors/mentors.table.ts";
import { profiles } from "../profile/profile.table.ts";
import {
  actionItems,
  engagementNotes,
  engagementReviews,
  engagementSessions,
  engagements,
  planRevisions,
  urgentCallOffers,
  urgentCalls,
} from "./engagements.table.ts";

export type EngagementRow = typeof engagements.$inferSelect;
export type SessionRow = typeof engagementSessions.$inferSelect;
export type NoteRow = typeof engagementNotes.$inferSelect;
export type ActionItemRow = typeof actionItems.$inferSelect;
export type ReviewRow = typeof engagementReviews.$inferSelect;
export type PlanRevisionRow = typeof planRevisions.$inferSelect;
export type UrgentCallRow = typeof urgentCalls.$inferSelect;

export async function findEngagementRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(engagements).where(eq(engagements.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function insertEngagement(db: Db, values: typeof engagements.$inferInsert) {
  const [row] = await db.insert(engagements).values(values).returning();
  return row as EngagementRow;
}

export async function updateEngagement(
  db: Db,
  id: string,
  set: Partial<typeof engagements.$inferInsert>,
  version?: number,
) {
  const [row] = await db
    .update(engagements)
    .set({ ...set, version: sql`${engagements.version} + 1`, updatedAt: new Date() })
    .where(and(eq(engagements.id, id), version === undefined ? undefined : eq(engagements.version, version)))
    .returning();
  return row;
}

export async function listEngagementRowsOf(db: Db, userId: string) {
  return db
    .select()
    .from(engagements)
    .where(or(eq(engagements.menteeId, userId), eq(engagements.mentorId, userId)))
    .orderBy(desc(engagements.createdAt))
    .limit(100);
}

/** Accepted requests of the member that have no engagement yet. */
export async function listStartableRequests(db: Db, userId: string) {
  return db
    .select({ id: mentorRequests.id, menteeId: mentorRequests.menteeId, mentorId: mentorRequests.mentorId })
    .from(mentorRequests)
    .leftJoin(engagements, eq(engagements.requestId, mentorRequests.id))
    .where(
      and(
        eq(mentorRequests.state, "accepted"),
        or(eq(mentorRequests.menteeId, userId), eq(mentorRequests.mentorId, userId)),
        isNull(engagements.id),
      ),
    )
    .orderBy(desc(mentorRequests.updatedAt))
    .limit(50);
}

/** Name, email and time zone of each person, in one statement. */
export async function listPeople(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; email: string; timeZone: string | null }>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, timeZone: profiles.timeZone })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email, timeZone: r.timeZone }]));
}

/** The next booked session of each engagement, in one statement. */
export async function listNextSessions(db: Db, engagementIds: string[], now: Date) {
  if (engagementIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({
      engagementId: engagementSessions.engagementId,
      next: sql<string>`min(${engagementSessions.startsAt})`,
    })
    .from(engagementSessions)
    .where(
      and(
        inArray(engagementSessions.engagementId, engagementIds),
        eq(engagementSessions.state, "booked"),
        gt(engagementSessions.startsAt, now),
      ),
    )
    .groupBy(engagementSessions.engagementId);
  return new Map(rows.map((r) => [r.engagementId as string, new Date(r.next)]));
}

// Plan

export async function listPlanRevisions(db: Db, engagementId: string) {
  return db
    .select()
    .from(planRevisions)
    .where(eq(planRevisions.engagementId, engagementId))
    .orderBy(desc(planRevisions.number));
}

export async function insertPlanRevision(db: Db, values: Omit<typeof planRevisions.$inferInsert, "id">) {
  const [row] = await db
    .insert(planRevisions)
    .values({ id: newId(), ...values })
    .onConflictDoNothing()
    .returning();
  return row;
}

// Sessions

export async function listSessionRows(db: Db, engagementId: string) {
  return db
    .select()
    .from(engagementSessions)
    .where(eq(engagementSessions.engagementId, engagementId))
    .orderBy(asc(engagementSessions.startsAt));
}

export async function listBookedRangesOf(db: Db, mentorId: string, menteeId: string, from: Date) {
  return db
    .select({ startsAt: engagementSessions.startsAt, endsAt: engagementSessions.endsAt })
    .from(engagementSessions)
    .where(
      and(
        or(eq(engagementSessions.mentorId, mentorId), eq(engagementSessions.menteeId, menteeId)),
        eq(engagementSessions.state, "booked"),
        gt(engagementSessions.endsAt, from),
      ),
    );
}

export async function findSessionRow(db: Db, id: string) {
  const [row] = await db.select().from(engagementSessions).where(eq(engagementSessions.id, id));
  return row;
}

export async function insertSession(db: Db, values: Omit<typeof engagementSessions.$inferInsert, "id">) {
  const [row] = await db
    .insert(engagementSessions)
    .values({ id: newId(), ...values })
    .returning();
  return row as SessionRow;
}

export async function updateSession(
  db: Db,
  id: string,
  set: Partial<typeof engagementSessions.$inferInsert>,
  version: number,
) {
  const [row] = await db
    .update(engagementSessions)
    .set({
      ...set,
      sequence: sql`${engagementSessions.sequence} + 1`,
      version: sql`${engagementSessions.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(engagementSessions.id, id), eq(engagementSessions.version, version)))
    .returning();
  return row;
}

// Notes: every read names the viewer, so a private note of the other person is never even loaded.

export async function listVisibleNotes(db: Db, engagementId: string, viewerId: string) {
  return db
    .select()
    .from(engagementNotes)
    .where(
      and(
        eq(engagementNotes.engagementId, engagementId),
        or(eq(engagementNotes.authorId, viewerId), eq(engagementNotes.shared, true)),
      ),
    )
    .orderBy(desc(engagementNotes.createdAt));
}

export async function findNoteRow(db: Db, id: string) {
  const [row] = await db.select().from(engagementNotes).where(eq(engagementNotes.id, id));
  return row;
}

export async function insertNote(db: Db, values: Omit<typeof engagementNotes.$inferInsert, "id">) {
  const [row] = await db
    .insert(engagementNotes)
    .values({ id: newId(), ...values })
    .returning();
  return row as NoteRow;
}

export async function updateNote(
  db: Db,
  id: string,
  authorId: string,
  set: { body: string; shared: boolean },
  version: number,
) {
  const [row] = await db
    .update(engagementNotes)
    .set({ ...set, version: sql`${engagementNotes.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(engagementNotes.id, id),
        eq(engagementNotes.authorId, authorId),
        eq(engagementNotes.version, version),
      ),
    )
    .returning();
  return row;
}

export async function deleteNote(db: Db, id: string, authorId: string) {
  await db
    .delete(engagementNotes)
    .where(and(eq(engagementNotes.id, id), eq(engagementNotes.authorId, authorId)));
}

// Action items

export async function listActionItemRows(db: Db, engagementId: string) {
  return db
    .select()
    .from(actionItems)
    .where(eq(actionItems.engagementId, engagementId))
    .orderBy(asc(actionItems.createdAt));
}

export async function findActionItemRow(db: Db, id: string) {
  const [row] = await db.select().from(actionItems).where(eq(actionItems.id, id));
  return row;
}

export async function insertActionItem(db: Db, values: Omit<typeof actionItems.$inferInsert, "id">) {
  const [row] = await db
    .insert(actionItems)
    .values({ id: newId(), ...values })
    .returning();
  return row as ActionItemRow;
}

export async function updateActionItem(
  db: Db,
  id: string,
  set: Partial<typeof actionItems.$inferInsert>,
  version: number,
) {
  const [row] = await db
    .update(actionItems)
    .set({ ...set, version: sql`${actionItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionItems.id, id), eq(actionItems.version, version)))
    .returning();
  return row;
}

// Reviews

export async function listReviewRows(db: Db, engagementId: string) {
  return db.select().from(engagementReviews).where(eq(engagementReviews.engagementId, engagementId));
}

export async function insertReview(db: Db, values: Omit<typeof engagementReviews.$inferInsert, "id">) {
  const [row] = await db
    .insert(engagementReviews)
    .values({ id: newId(), ...values })
    .onConflictDoNothing()
    .returning();
  return row;
}

/**
 * The mentees' reviews of a mentor that are revealed: both sides wrote, or 14 days passed since the
 * close-out began. Only these count toward the profile; a hidden one is not even counted.
 */
export async function listRevealedMenteeReviews(db: Db, mentorId: string, revealBefore: Date) {
  return db
    .select({
      rating: engagementReviews.rating,
      text: engagementReviews.text,
      quoteAllowed: engagementReviews.quoteAllowed,
      createdAt: engagementReviews.createdAt,
    })
    .from(engagementReviews)
    .innerJoin(engagements, eq(engagements.id, engagementReviews.engagementId))
    .where(
      and(
        eq(engagementReviews.mentorId, mentorId),
        eq(engagementReviews.side, "mentee"),
        or(eq(engagements.state, "closed"), sql`${engagements.closeStartedAt} <= ${revealBefore}`),
      ),
    )
    .orderBy(desc(engagementReviews.createdAt));
}

// 911 calls

export async function findUrgentCallRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(urgentCalls).where(eq(urgentCalls.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function insertUrgentCall(db: Db, values: Omit<typeof urgentCalls.$inferInsert, "id">) {
  const [row] = await db
    .insert(urgentCalls)
    .values({ id: newId(), ...values })
    .returning();
  return row as UrgentCallRow;
}

/** The first accept wins: the update only matches while the call is still open. */
export async function takeUrgentCall(db: Db, id: string, mentorId: string, at: Date) {
  const [row] = await db
    .update(urgentCalls)
    .set({ state: "taken", takenBy: mentorId, takenAt: at })
    .where(and(eq(urgentCalls.id, id), eq(urgentCalls.state, "open")))
    .returning();
  return row;
}

export async function setUrgentCall(db: Db, id: string, set: Partial<typeof urgentCalls.$inferInsert>) {
  const [row] = await db.update(urgentCalls).set(set).where(eq(urgentCalls.id, id)).returning();
  return row as UrgentCallRow;
}

export async function insertOffers(db: Db, callId: string, mentorIds: string[], wave: number) {
  if (mentorIds.length === 0) return;
  await db
    .insert(urgentCallOffers)
    .values(mentorIds.map((mentorId) => ({ callId, mentorId, wave })))
    .onConflictDoNothing();
}

export async function listOfferedMentorIds(db: Db, callId: string) {
  const rows = await db
    .select({ mentorId: urgentCallOffers.mentorId })
    .from(urgentCallOffers)
    .where(eq(urgentCallOffers.callId, callId));
  return rows.map((r) => r.mentorId);
}

export async function isOffered(db: Db, callId: string, mentorId: string) {
  const [row] = await db
    .select({ mentorId: urgentCallOffers.mentorId })
    .from(urgentCallOffers)
    .where(and(eq(urgentCallOffers.callId, callId), eq(urgentCallOffers.mentorId, mentorId)));
  return Boolean(row);
}

/** The calls the member posted, and the calls offered to them as a mentor, newest first. */
export async function listUrgentCallsFor(db: Db, userId: string) {
  const mine = await db
    .select()
    .from(urgentCalls)
    .where(eq(urgentCalls.memberId, userId))
    .orderBy(desc(urgentCalls.createdAt))
    .limit(50);
  const offered = await db
    .select({ call: urgentCalls })
    .from(urgentCalls)
    .innerJoin(urgentCallOffers, eq(urgentCallOffers.callId, urgentCalls.id))
    .where(eq(urgentCallOffers.mentorId, userId))
    .orderBy(desc(urgentCalls.createdAt))
    .limit(50);
  return { mine, offered: offered.map((r) => r.call) };
}

export async function listCallSessionRows(db: Db, callIds: string[]) {
  if (callIds.length === 0) return [];
  return db
    .select()
    .from(engagementSessions)
    .where(inArray(engagementSessions.urgentCallId, callIds))
    .orderBy(asc(engagementSessions.startsAt));
}

/** Mentors who take 911 calls now: not paused, not disabled, and not the member; by lane when given. */
export async function listUrgentMentorRows(db: Db, memberId: string, lane: string | null) {
  return db
    .select({
      userId: mentorProfiles.userId,
      timeZone: mentorProfiles.timeZone,
      weekly: mentorProfiles.weekly,
      away: mentorProfiles.away,
    })
    .from(mentorProfiles)
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(
      and(
        eq(mentorProfiles.urgentCalls, true),
        eq(mentorProfiles.paused, false),
        eq(users.disabled, false),
        ne(mentorProfiles.userId, memberId),
        lane ? sql`${lane} = any(${mentorProfiles.lanes})` : undefined,
      ),
    )
    .orderBy(asc(mentorProfiles.lastActiveAt))
    .limit(200);
}

/** How many mentors each call reached, in one statement. */
export async function countOffers(db: Db, callIds: string[]) {
  if (callIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ callId: urgentCallOffers.callId, n: sql<number>`count(*)::int` })
    .from(urgentCallOffers)
    .where(inArray(urgentCallOffers.callId, callIds))
    .groupBy(urgentCallOffers.callId);
  return new Map(rows.map((r) => [r.callId, Number(r.n)]));
}
