import { desc, eq, sql } from "drizzle-orm";
import type { MoveKind } from "../../../shared/promotion-diagnosis.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { promotionDiagnoses } from "./promotion-diagnosis.table.ts";

export type DiagnosisRow = typeof promotionDiagnoses.$inferSelect;

export async function insertDiagnosis(db: Db, values: Omit<typeof promotionDiagnoses.$inferInsert, "id">) {
  const [row] = await db
    .insert(promotionDiagnoses)
    .values({ id: newId(), ...values })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findDiagnosisRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(promotionDiagnoses).where(eq(promotionDiagnoses.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function listDiagnosisRows(db: Db, userId: string) {
  return db
    .select()
    .from(promotionDiagnoses)
    .where(eq(promotionDiagnoses.userId, userId))
    .orderBy(desc(promotionDiagnoses.createdAt), desc(promotionDiagnoses.id));
}

/** Adds a move made from a run; one statement, so two at once both land. */
export async function addCreatedMove(
  db: Db,
  id: string,
  move: { kind: MoveKind; id: string; label: string },
) {
  const entry = { ...move, createdAt: new Date().toISOString() };
  const [row] = await db
    .update(promotionDiagnoses)
    .set({ created: sql`${promotionDiagnoses.created} || ${JSON.stringify([entry])}::jsonb` })
    .where(eq(promotionDiagnoses.id, id))
    .returning();
  return row;
}
