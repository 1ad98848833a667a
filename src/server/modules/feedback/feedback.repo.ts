import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { nextVersion, writeVersioned } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import {
  feedbackAnswers,
  feedbackInvitations,
  feedbackRequests,
  superpowerChoices,
} from "./feedback.table.ts";

export type FeedbackRequestRow = typeof feedbackRequests.$inferSelect;
export type FeedbackAnswerRow = typeof feedbackAnswers.$inferSelect;
export type NewAnswer = Omit<typeof feedbackAnswers.$inferInsert, "id" | "requestId">;

export async function insertRequestRow(db: Db, values: Omit<typeof feedbackRequests.$inferInsert, "id">) {
  const [row] = await db
    .insert(feedbackRequests)
    .values({ id: newId(), ...values })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function listRequestRows(db: Db, userId: string) {
  return db
    .select()
    .from(feedbackRequests)
    .where(eq(feedbackRequests.userId, userId))
    .orderBy(desc(feedbackRequests.createdAt), desc(feedbackRequests.id));
}

export async function findRequestRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(feedbackRequests).where(eq(feedbackRequests.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

export async function updateRequestRow(
  db: Db,
  id: string,
  values: Partial<Omit<typeof feedbackRequests.$inferInsert, "id" | "userId">>,
) {
  const [row] = await db.update(feedbackRequests).set(values).where(eq(feedbackRequests.id, id)).returning();
  // Deleted between the owner's check and this write: the same answer as any missing request.
  if (!row) throw new AppError("NOT_FOUND", "There is no feedback request with this id among yours.");
  return row;
}

/** Closing is an action, not an edit of fields, so it is sent without a version; it still moves it on. */
export async function closeRequestRow(db: Db, id: string, today: string) {
  return updateRequestRow(db, id, { closedOn: today, version: nextVersion(feedbackRequests) as never });
}

/** Answers and invitations go with their request, in the caller's transaction. */
export async function deleteRequestRows(tx: Db, id: string) {
  await tx.delete(feedbackAnswers).where(eq(feedbackAnswers.requestId, id));
  await tx.delete(feedbackInvitations).where(eq(feedbackInvitations.requestId, id));
  await tx.delete(feedbackRequests).where(eq(feedbackRequests.id, id));
}

export async function insertInvitationRows(
  db: Db,
  requestId: string,
  rows: { id?: string; tokenHash: string; email: string | null; mailPending?: boolean }[],
) {
  if (rows.length === 0) return;
  await db
    .insert(feedbackInvitations)
    .values(rows.map(({ id, ...row }) => ({ id: id ?? newId(), requestId, ...row })));
}

/** The receiver's own list of who they asked; whether a link was used is deliberately not read. */
export async function listInvitedEmails(db: Db, requestId: string) {
  const rows = await db
    .select({ email: feedbackInvitations.email })
    .from(feedbackInvitations)
    .where(eq(feedbackInvitations.requestId, requestId))
    .orderBy(feedbackInvitations.createdAt, feedbackInvitations.email);
  return rows.map((row) => row.email);
}

/** Invitations by email nobody has used that have not had the one reminder yet. */
export async function invitationsNotYetReminded(db: Db, requestId: string) {
  const rows = await db
    .select({ id: feedbackInvitations.id, email: feedbackInvitations.email })
    .from(feedbackInvitations)
    .where(
      and(
        eq(feedbackInvitations.requestId, requestId),
        isNotNull(feedbackInvitations.email),
        isNull(feedbackInvitations.usedOn),
        isNull(feedbackInvitations.previousTokenHash),
      ),
    );
  return rows.map((row) => ({ id: row.id, email: row.email as string }));
}

/** When the first invitation by email was made, if any. */
export async function firstEmailInvitationAt(db: Db, requestId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ createdAt: feedbackInvitations.createdAt })
    .from(feedbackInvitations)
    .where(and(eq(feedbackInvitations.requestId, requestId), isNotNull(feedbackInvitations.email)))
    .orderBy(feedbackInvitations.createdAt)
    .limit(1);
  return row?.createdAt;
}

/** Invitations by email whose newest link never reached the outbox and that nobody has used. */
export async function invitationsAwaitingMail(db: Db, requestId: string, emails: string[]) {
  if (emails.length === 0) return [];
  const rows = await db
    .select({ id: feedbackInvitations.id, email: feedbackInvitations.email })
    .from(feedbackInvitations)
    .where(
      and(
        eq(feedbackInvitations.requestId, requestId),
        inArray(feedbackInvitations.email, emails),
        eq(feedbackInvitations.mailPending, true),
        isNull(feedbackInvitations.usedOn),
      ),
    );
  return rows.map((row) => ({ id: row.id, email: row.email as string }));
}

export async function allInvitedEmails(db: Db, requestId: string) {
  const rows = await db
    .select({ email: feedbackInvitations.email })
    .from(feedbackInvitations)
    .where(and(eq(feedbackInvitations.requestId, requestId), isNotNull(feedbackInvitations.email)));
  return rows.map((row) => row.email as string);
}

/** A link is either an invitation's newest or, after the reminder, its first: both lead to the same row. */
export async function findInvitationByHash(db: Db, tokenHash: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(feedbackInvitations)
    .where(
      or(eq(feedbackInvitations.tokenHash, tokenHash), eq(feedbackInvitations.previousTokenHash, tokenHash)),
    );
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

/** The reminder's new link; the first one stays valid beside it. */
export async function addReminderToken(tx: Db, id: string, tokenHash: string) {
  await tx
    .update(feedbackInvitations)
    .set({ previousTokenHash: sql`${feedbackInvitations.tokenHash}`, tokenHash, mailPending: true })
    .where(eq(feedbackInvitations.id, id));
}

/** A link that never reached anyone is replaced outright; the first link, if one was sent, stays. */
export async function replaceUnsentToken(tx: Db, id: string, tokenHash: string) {
  await tx
    .update(feedbackInvitations)
    .set({ tokenHash, mailPending: true })
    .where(and(eq(feedbackInvitations.id, id), eq(feedbackInvitations.mailPending, true)));
}

export async function markMailQueued(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(feedbackInvitations)
    .set({ mailPending: false })
    .where(inArray(feedbackInvitations.id, ids));
}

export async function markInvitationUsed(tx: Db, id: string, day: string) {
  await tx.update(feedbackInvitations).set({ usedOn: day }).where(eq(feedbackInvitations.id, id));
}

export async function takePendingAnswers(tx: Db, requestId: string) {
  return tx
    .delete(feedbackAnswers)
    .where(and(eq(feedbackAnswers.requestId, requestId), eq(feedbackAnswers.released, false)))
    .returning();
}

// PostgreSQL takes at most 65,535 parameters in one statement, and each answer row binds six.
const answerRowsPerInsert = 1000;

/** Inserts in the order given; callers shuffle first, so the physical order of rows means nothing. */
export async function insertAnswerRows(tx: Db, requestId: string, rows: (NewAnswer & { id: string })[]) {
  for (let start = 0; start < rows.length; start += answerRowsPerInsert) {
    const chunk = rows.slice(start, start + answerRowsPerInsert);
    await tx.insert(feedbackAnswers).values(chunk.map((row) => ({ ...row, requestId })));
  }
}

export async function releasedAnswerRows(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select()
    .from(feedbackAnswers)
    .where(and(inArray(feedbackAnswers.requestId, requestIds), eq(feedbackAnswers.released, true)));
}

export async function findPerson(db: Db, userId: string) {
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function findSuperpowerRow(db: Db, userId: string) {
  const [row] = await db.select().from(superpowerChoices).where(eq(superpowerChoices.userId, userId));
  return row;
}

export async function saveSuperpowerRow(
  db: Db,
  userId: string,
  values: Pick<typeof superpowerChoices.$inferInsert, "superpowers" | "responses">,
  version: number,
) {
  await writeVersioned(db, superpowerChoices, {
    where: eq(superpowerChoices.userId, userId),
    version,
    set: { ...values, updatedAt: new Date() },
    insert: { userId, ...values },
    what: "list of superpowers",
  });
}

/** The owner's change to the settings, at the version they read; the caller holds the row's lock. */
export async function updateRequestSettings(
  tx: Db,
  id: string,
  values: Pick<Partial<FeedbackRequestRow>, "closesOn" | "minResponses">,
  version: number,
) {
  return writeVersioned(tx, feedbackRequests, {
    where: eq(feedbackRequests.id, id),
    version,
    set: values,
    what: "feedback request",
  });
}

/** Invitation emails sent in the last 24 hours: the member's own, and the whole instance's. */
export async function countRecentInvitationEmails(tx: Db, userId: string) {
  const since = sql`now() - interval '1 day'`;
  const [row] = await tx
    .select({
      mine: sql<number>`count(*) filter (where ${feedbackRequests.userId} = ${userId})`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
    })
    .from(feedbackInvitations)
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, feedbackInvitations.requestId))
    .where(and(isNotNull(feedbackInvitations.email), gt(feedbackInvitations.createdAt, since)));
  return { mine: row?.mine ?? 0, all: row?.all ?? 0 };
}

/** Invitation quotas are checked and spent one transaction at a time, across every app process. */
export async function lockInvitationQuota(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
}
