import { and, asc, count, desc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Cadence, CheckInArea } from "../../../shared/manager-words.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { agendaItems, checkInAreaShares, checkInComments, checkIns, managerLinks } from "./managers.table.ts";

export type ManagerLinkRow = typeof managerLinks.$inferSelect;
export type AreaShareRow = typeof checkInAreaShares.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
export type CommentRow = typeof checkInComments.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type Person = { id: string; name: string; email: string };

/** Emails are compared lower-cased on both sides, as people type them in any case. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export async function insertLink(tx: Db, managerId: string, reportEmail: string) {
  const [row] = await tx
    .insert(managerLinks)
    .values({ id: newId(), managerId, reportEmail: normalEmail(reportEmail) })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findLinkRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(managerLinks).where(eq(managerLinks.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

/**
 * Every link the member is on, or is invited to by their confirmed address: live ones, and ended
 * ones they were the report of (their history stays theirs).
 */
export async function listLinksOf(db: Db, userId: string, email: string | null) {
  return db
    .select()
    .from(managerLinks)
    .where(
      or(
        and(eq(managerLinks.managerId, userId), inArray(managerLinks.state, ["invited", "active"])),
        and(eq(managerLinks.reportId, userId), eq(managerLinks.state, "active")),
        email
          ? and(eq(managerLinks.reportEmail, normalEmail(email)), eq(managerLinks.state, "invited"))
          : sql`false`,
      ),
    )
    .orderBy(asc(managerLinks.createdAt));
}

export async function listPeople(db: Db, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function countRecentManagerInvitations(tx: Db, managerId: string) {
  const since = sql`now() - interval '1 day'`;
  const [row] = await tx
    .select({
      mine: sql<number>`count(*) filter (where ${managerLinks.managerId} = ${managerId})`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
    })
    .from(managerLinks)
    .where(gt(managerLinks.createdAt, since));
  return { mine: row?.mine ?? 0, all: row?.all ?? 0 };
}

/** Manager invitations are counted and spent one transaction at a time, across every app process. */
export async function lockManagerInvitationQuota(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(727276)`);
}

export async function updateLinkRow(
  tx: Db,
  id: string,
  version: number,
  set: Partial<typeof managerLinks.$inferInsert>,
) {
  const [row] = await tx
    .update(managerLinks)
    .set({ ...set, version: sql`${managerLinks.version} + 1` })
    .where(and(eq(managerLinks.id, id), eq(managerLinks.version, version)))
    .returning();
  return row;
}

export async function deleteAreaSharesOf(tx: Db, linkId: string) {
  await tx.delete(checkInAreaShares).where(eq(checkInAreaShares.linkId, linkId));
}

export async function listAreaShareRows(db: Db, linkId: string) {
  return db
    .select()
    .from(checkInAreaShares)
    .where(eq(checkInAreaShares.linkId, linkId))
    .orderBy(asc(checkInAreaShares.createdAt), asc(checkInAreaShares.id));
}

export async function insertAreaShare(db: Db, linkId: string, area: CheckInArea, targetId: string) {
  await db.insert(checkInAreaShares).values({ id: newId(), linkId, area, targetId }).onConflictDoNothing();
}

export async function deleteAreaShare(db: Db, linkId: string, id: string) {
  const deleted = await db
    .delete(checkInAreaShares)
    .where(and(eq(checkInAreaShares.id, id), eq(checkInAreaShares.linkId, linkId)))
    .returning({ id: checkInAreaShares.id });
  return deleted.length > 0;
}

/** A share of the link, read now; a disabled report shares nothing until their account is enabled. */
export async function findAreaShare(db: Db, linkId: string, shareId: string) {
  const [row] = await db
    .select({ share: checkInAreaShares })
    .from(checkInAreaShares)
    .innerJoin(managerLinks, eq(managerLinks.id, checkInAreaShares.linkId))
    .innerJoin(users, eq(users.id, managerLinks.reportId))
    .where(
      and(eq(checkInAreaShares.id, shareId), eq(checkInAreaShares.linkId, linkId), eq(users.disabled, false)),
    );
  return row?.share;
}

export async function insertCheckIn(db: Db, linkId: string, heldOn: string, helpWith: string) {
  const [row] = await db.insert(checkIns).values({ id: newId(), linkId, heldOn, helpWith }).returning();
  return row as CheckInRow;
}

export async function findCheckInRow(db: Db, id: string) {
  const [row] = await db.select().from(checkIns).where(eq(checkIns.id, id));
  return row;
}

export async function listCheckInSummaries(db: Db, linkId: string) {
  const commentCount = db
    .select({ checkInId: checkInComments.checkInId, n: count().as("comment_n") })
    .from(checkInComments)
    .groupBy(checkInComments.checkInId)
    .as("comment_counts");
  const agendaCount = db
    .select({ checkInId: agendaItems.checkInId, n: count().as("agenda_n") })
    .from(agendaItems)
    .where(eq(agendaItems.state, "accepted"))
    .groupBy(agendaItems.checkInId)
    .as("agenda_counts");
  return db
    .select({
      id: checkIns.id,
      heldOn: checkIns.heldOn,
      helpWith: checkIns.helpWith,
      managerPlan: checkIns.managerPlan,
      comments: sql<number>`coalesce(${commentCount.n}, 0)`.mapWith(Number),
      agenda: sql<number>`coalesce(${agendaCount.n}, 0)`.mapWith(Number),
    })
    .from(checkIns)
    .leftJoin(commentCount, eq(commentCount.checkInId, checkIns.id))
    .leftJoin(agendaCount, eq(agendaCount.checkInId, checkIns.id))
    .where(eq(checkIns.linkId, linkId))
    .orderBy(desc(checkIns.heldOn), desc(checkIns.createdAt))
    .limit(200);
}

export async function updateCheckInRow(
  db: Db,
  id: string,
  version: number,
  set: Partial<Pick<CheckInRow, "heldOn" | "helpWith" | "managerPlan">>,
) {
  const [row] = await db
    .update(checkIns)
    .set({ ...set, version: sql`${checkIns.version} + 1` })
    .where(and(eq(checkIns.id, id), eq(checkIns.version, version)))
    .returning();
  return row;
}

export async function listCommentRows(db: Db, checkInId: string) {
  return db
    .select()
    .from(checkInComments)
    .where(eq(checkInComments.checkInId, checkInId))
    .orderBy(asc(checkInComments.createdAt), asc(checkInComments.id))
    .limit(500);
}

export async function insertComment(db: Db, checkInId: string, author: "manager" | "report", body: string) {
  await db.insert(checkInComments).values({ id: newId(), checkInId, author, body });
}

export async function listAgendaRows(db: Db, checkInId: string) {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.checkInId, checkInId))
    .orderBy(asc(agendaItems.createdAt), asc(agendaItems.id))
    .limit(200);
}

export async function insertAgendaItem(
  db: Db,
  checkInId: string,
  text: string,
  suggestedBy: "manager" | "report",
) {
  await db.insert(agendaItems).values({
    id: newId(),
    checkInId,
    text,
    suggestedBy,
    // The report owns the agenda: their own topics are on it, the manager's wait for their answer.
    state: suggestedBy === "report" ? "accepted" : "suggested",
  });
}

export async function findAgendaRow(db: Db, id: string) {
  const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
  return row;
}

export async function decideAgendaRow(db: Db, id: string, version: number, state: "accepted" | "declined") {
  const [row] = await db
    .update(agendaItems)
    .set({ state, version: sql`${agendaItems.version} + 1` })
    .where(and(eq(agendaItems.id, id), eq(agendaItems.version, version)))
    .returning();
  return row;
}

export async function linksDueForReminder(db: Db, linkId: string) {
  const [row] = await db
    .select()
    .from(managerLinks)
    .where(
      and(eq(managerLinks.id, linkId), eq(managerLinks.state, "active"), isNotNull(managerLinks.cadence)),
    );
  return row;
}

export type { Cadence };
