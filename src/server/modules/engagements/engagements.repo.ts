import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { decisions } from "../decisions/decisions.table.ts";
import { mentorProfiles, mentorRequests } from "../mentors/mentors.table.ts";
import { profiles } from "../profile/profile.table.ts";
import {
  actionItems,
  decisionComments,
  decisionShares,
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
export type DecisionCommentRow = typeof decisionComments.$inferSelect;

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

// Decisions the mentee shares in an engagement

/** A share with what every check on it needs: its engagement's two people and state, and the decision's owner. */
export async function findDecisionShareRow(db: Db, id: string) {
  const [row] = await db
    .select({
      id: decisionShares.id,
      engagementId: decisionShares.engagementId,
      decisionId: decisionShares.decisionId,
      revokedAt: decisionShares.revokedAt,
      menteeId: engagements.menteeId,
      mentorId: engagements.mentorId,
      state: engagements.state,
      ownerId: decisions.userId,
    })
    .from(decisionShares)
    .innerJoin(engagements, eq(engagements.id, decisionShares.engagementId))
    .innerJoin(decisions, eq(decisions.id, decisionShares.decisionId))
    .where(eq(decisionShares.id, id));
  return row;
}
export type DecisionShareRow = NonNullable<Awaited<ReturnType<typeof findDecisionShareRow>>>;

/** Shares the decision in the engagement, or shares it again after a revoke; one row per pair. */
export async function upsertDecisionShare(db: Db, engagementId: string, decisionId: string) {
  const now = new Date();
  const [row] = await db
    .insert(decisionShares)
    .values({ id: newId(), engagementId, decisionId, sharedAt: now })
    .onConflictDoUpdate({
      target: [decisionShares.engagementId, decisionShares.decisionId],
      set: { revokedAt: null, sharedAt: now },
      setWhere: sql`${decisionShares.revokedAt} is not null`,
    })
    .returning();
  return row;
}

/** Ends a live share; false when it was already revoked. */
export async function revokeDecisionShare(db: Db, id: string) {
  const rows = await db
    .update(decisionShares)
    .set({ revokedAt: new Date() })
    .where(and(eq(decisionShares.id, id), isNull(decisionShares.revokedAt)))
    .returning({ id: decisionShares.id });
  return rows.length > 0;
}

/**
 * The decisions shared in an engagement now, with only the fields a share shows: never the revisits,
 * the revisit date, or any decision not shared. The decision must still be the mentee's.
 */
export async function listLiveSharedDecisions(db: Db, engagementId: string, menteeId: string) {
  return db
    .select({
      shareId: decisionShares.id,
      decisionId: decisions.id,
      sharedAt: decisionShares.sharedAt,
      dilemma: decisions.dilemma,
      options: decisions.options,
      decision: decisions.decision,
      reason: decisions.reason,
      decidedOn: decisions.decidedOn,
    })
    .from(decisionShares)
    .innerJoin(decisions, eq(decisions.id, decisionShares.decisionId))
    .where(
      and(
        eq(decisionShares.engagementId, engagementId),
        isNull(decisionShares.revokedAt),
        eq(decisions.userId, menteeId),
      ),
    )
    .orderBy(desc(decisionShares.sharedAt), asc(decisionShares.id));
}

export type SharedDecisionListRow = Awaited<ReturnType<typeof listLiveSharedDecisions>>[number];

/** Every comment on these shares, oldest first, with its author's name, in one statement. */
export async function listDecisionComments(db: Db, shareIds: string[]) {
  if (shareIds.length === 0) return [];
  return db
    .select({
      id: decisionComments.id,
      shareId: decisionComments.shareId,
      authorId: decisionComments.authorId,
      authorName: users.name,
      body: decisionComments.body,
      version: decisionComments.version,
      createdAt: decisionComments.createdAt,
      updatedAt: decisionComments.updatedAt,
    })
    .from(decisionComments)
    .innerJoin(users, eq(users.id, decisionComments.authorId))
    .where(inArray(decisionComments.shareId, shareIds))
    .orderBy(asc(decisionComments.createdAt), asc(decisionComments.id));
}
export type DecisionCommentListRow = Awaited<ReturnType<typeof listDecisionComments>>[number];

/** The engagements each of these decisions was shared in, with the mentor's name, in one statement. */
export async function listDecisionDiscussions(db: Db, decisionIds: string[]) {
  if (decisionIds.length === 0) return [];
  return db
    .select({
      shareId: decisionShares.id,
      decisionId: decisionShares.decisionId,
      engagementId: decisionShares.engagementId,
      mentorName: users.name,
      sharedAt: decisionShares.sharedAt,
      revokedAt: decisionShares.revokedAt,
      state: engagements.state,
    })
    .from(decisionShares)
    .innerJoin(engagements, eq(engagements.id, decisionShares.engagementId))
    .innerJoin(users, eq(users.id, engagements.mentorId))
    .where(inArray(decisionShares.decisionId, decisionIds))
    .orderBy(asc(decisionShares.sharedAt), asc(decisionShares.id));
}

export async function insertDecisionComment(db: Db, shareId: string, authorId: string, body: string) {
  const [row] = await db
    .insert(decisionComments)
    .values({ id: newId(), shareId, authorId, body })
    .returning();
  return row as DecisionCommentRow;
}

export async function findDecisionCommentRow(db: Db, id: string) {
  const [row] = await db.select().from(decisionComments).where(eq(decisionComments.id, id));
  return row;
}

/** Changes the author's comment at the version they read; undefined when it changed since. */
export async function updateDecisionComment(
  db: Db,
  id: string,
  authorId: string,
  body: string,
  version: number,
) {
  const [row] = await db
    .update(decisionComments)
    .set({ body, version: sql`${decisionComments.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(decisionComments.id, id),
        eq(decisionComments.authorId, authorId),
        eq(decisionComments.version, version),
      ),
    )
    .returning();
  return row;
}
