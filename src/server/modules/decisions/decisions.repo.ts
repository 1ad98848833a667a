import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DecisionInput, DecisionRevisitInput } from "../../../shared/decisions.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import { decisionRevisits, decisions } from "./decisions.table.ts";

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionRevisitRow = typeof decisionRevisits.$inferSelect;

export async function insertDecision(db: Db, userId: string, input: DecisionInput) {
  const [row] = await db
    .insert(decisions)
    .values({ id: newId(), userId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateDecisionRow(db: Db, id: string, input: DecisionInput, version: number) {
  return writeVersioned(db, decisions, {
    where: eq(decisions.id, id),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "decision",
    // Deleted between the owner's check and this write: the same answer as any missing decision.
    missing: () => new AppError("NOT_FOUND", "There is no decision with this id in your journal."),
  });
}

export async function deleteDecisionRow(db: Db, id: string) {
  await db.delete(decisions).where(eq(decisions.id, id));
}

/** With `lock`, the row stays as read until the caller's transaction ends, so its checks hold at the write. */
export async function findDecisionRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(decisions).where(eq(decisions.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function listDecisionRows(db: Db, userId: string) {
  return db
    .select()
    .from(decisions)
    .where(eq(decisions.userId, userId))
    .orderBy(desc(decisions.decidedOn), desc(decisions.createdAt));
}

/** Where a page of the journal ended: the sort key of its last decision. */
export type DecisionPageKey = {
  due: 0 | 1;
  revisitOn: string;
  decidedOn: string;
  createdAt: string;
  id: string;
};

/**
 * One page of the journal in its reading order (due for a revisit by `today` first, soonest due first;
 * then the rest, most recently decided first), after `after`; one more row tells whether a page follows.
 * The creation time goes out as text so the next page compares it to the microsecond.
 */
export async function listDecisionPageRows(
  db: Db,
  userId: string,
  today: string,
  after: DecisionPageKey | undefined,
  limit: number,
) {
  const due = sql<number>`(case when ${decisions.revisitOn} <= ${today} then 0 else 1 end)`;
  let from: SQL | undefined;
  if (after) {
    const laterInGroup = sql`(${decisions.decidedOn} < ${after.decidedOn} or (${decisions.decidedOn} = ${after.decidedOn} and (${decisions.createdAt} < ${after.createdAt}::timestamptz or (${decisions.createdAt} = ${after.createdAt}::timestamptz and ${decisions.id} > ${after.id}))))`;
    from =
      after.due === 0
        ? sql`(${due} = 1 or ${decisions.revisitOn} > ${after.revisitOn} or (${decisions.revisitOn} = ${after.revisitOn} and ${laterInGroup}))`
        : sql`(${due} = 1 and ${laterInGroup})`;
  }
  return db
    .select({ decision: decisions, due, createdAtText: sql<string>`${decisions.createdAt}::text` })
    .from(decisions)
    .where(and(eq(decisions.userId, userId), from))
    .orderBy(
      asc(due),
      sql`(case when ${decisions.revisitOn} <= ${today} then ${decisions.revisitOn} end) asc nulls last`,
      desc(decisions.decidedOn),
      desc(decisions.createdAt),
      asc(decisions.id),
    )
    .limit(limit + 1);
}

export async function listRevisitRows(db: Db, decisionIds: string[]) {
  if (decisionIds.length === 0) return [];
  return db
    .select()
    .from(decisionRevisits)
    .where(inArray(decisionRevisits.decisionId, decisionIds))
    .orderBy(asc(decisionRevisits.revisitedOn), asc(decisionRevisits.createdAt));
}

/** Records how a decision turned out and moves its revisit date on, in the caller's transaction. */
export async function insertRevisit(
  tx: Db,
  decisionId: string,
  input: DecisionRevisitInput,
  version: number,
) {
  const row = await writeVersioned(tx, decisions, {
    where: eq(decisions.id, decisionId),
    version,
    set: { revisitOn: input.nextRevisitOn, updatedAt: new Date() },
    what: "decision",
  });
  await tx.insert(decisionRevisits).values({
    id: newId(),
    decisionId,
    revisitedOn: input.revisitedOn,
    outcome: input.outcome,
  });
  return row;
}
