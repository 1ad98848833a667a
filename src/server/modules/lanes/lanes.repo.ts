import { desc, eq } from "drizzle-orm";
import type { LaneAssessmentInput } from "../../../shared/lanes.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { laneAssessments } from "./lanes.table.ts";

export type LaneAssessmentRow = typeof laneAssessments.$inferSelect;

export async function insertLaneAssessment(
  db: Db,
  userId: string,
  input: LaneAssessmentInput,
  createdAt = new Date(),
) {
  const [row] = await db
    .insert(laneAssessments)
    .values({
      id: newId(),
      userId,
      ...input.ratings,
      evidence: input.evidence,
      domainName: input.domainName,
      worldClassLane: input.worldClassLane,
      createdAt,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function listLaneAssessmentRows(db: Db, userId: string) {
  return db
    .select()
    .from(laneAssessments)
    .where(eq(laneAssessments.userId, userId))
    .orderBy(desc(laneAssessments.createdAt), desc(laneAssessments.id));
}

export async function findLaneAssessmentRow(db: Db, id: string) {
  const [row] = await db.select().from(laneAssessments).where(eq(laneAssessments.id, id));
  return row;
}
