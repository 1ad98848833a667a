import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { EndTourInput, MilestoneInput, TourInput } from "../../../shared/tours.ts";
import { users } from "../../auth/auth.table.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { tourMilestones, tours } from "./tours.table.ts";

export type TourRow = typeof tours.$inferSelect;
export type MilestoneRow = typeof tourMilestones.$inferSelect;

const newId = () => randomBytes(16).toString("base64url");

export async function listTourRows(db: Db, userId: string) {
  return db.select().from(tours).where(eq(tours.userId, userId)).orderBy(asc(tours.position), asc(tours.id));
}

export async function findTourRow(db: Db, id: string) {
  const [row] = await db.select().from(tours).where(eq(tours.id, id));
  return row;
}

export async function listMilestoneRows(db: Db, tourIds: string[]) {
  if (tourIds.length === 0) return [];
  return db
    .select()
    .from(tourMilestones)
    .where(inArray(tourMilestones.tourId, tourIds))
    .orderBy(asc(tourMilestones.dueOn), asc(tourMilestones.createdAt), asc(tourMilestones.id));
}

export async function findMilestoneRow(db: Db, tourId: string, id: string) {
  const [row] = await db
    .select()
    .from(tourMilestones)
    .where(and(eq(tourMilestones.id, id), eq(tourMilestones.tourId, tourId)));
  return row;
}

// Removed between the owner's check and this write: the same answer as any missing tour.
const tourGone = () => new AppError("NOT_FOUND", "There is no tour of duty with this id among yours.");

export async function insertTour(db: Db, userId: string, input: TourInput) {
  // The member's row is locked while the next position is read and written, so two tours created
  // at once still get distinct places at the end.
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${tours.position}), 0)` })
      .from(tours)
      .where(eq(tours.userId, userId));
    const [row] = await tx
      .insert(tours)
      .values({ id: newId(), userId, position: Number(last?.max ?? 0) + 1, ...input })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

export async function updateTour(db: Db, id: string, input: TourInput) {
  const [row] = await db
    .update(tours)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(tours.id, id))
    .returning();
  if (!row) throw tourGone();
  return row;
}

export async function endTour(db: Db, id: string, input: EndTourInput) {
  const [row] = await db
    .update(tours)
    .set({ endedOn: input.endedOn, endReason: input.reason, updatedAt: new Date() })
    .where(and(eq(tours.id, id), isNull(tours.endedOn)))
    .returning();
  // Only a tour that has not ended yet can end, even when two requests race.
  if (!row)
    throw new AppError("CONFLICT", "This tour has already ended, or it was removed. Reload to see it.");
  return row;
}

export async function deleteTour(db: Db, row: TourRow) {
  // Later tours move up one place, so positions stay 1, 2, 3… without gaps.
  await db.transaction(async (tx) => {
    await tx.delete(tours).where(eq(tours.id, row.id));
    await tx
      .update(tours)
      .set({ position: sql`${tours.position} - 1` })
      .where(and(eq(tours.userId, row.userId), gt(tours.position, row.position)));
  });
}

export async function writeTourOrder(db: Db, userId: string, ids: string[]) {
  await db.transaction(async (tx) => {
    for (const [index, id] of ids.entries()) {
      await tx
        .update(tours)
        .set({ position: index + 1 })
        .where(and(eq(tours.id, id), eq(tours.userId, userId)));
    }
  });
}

export async function insertMilestone(db: Db, tourId: string, input: MilestoneInput) {
  const [row] = await db
    .insert(tourMilestones)
    .values({ id: newId(), tourId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateMilestone(db: Db, id: string, input: MilestoneInput) {
  const [row] = await db.update(tourMilestones).set(input).where(eq(tourMilestones.id, id)).returning();
  if (!row) throw new AppError("NOT_FOUND", "There is no such milestone on this tour.");
  return row;
}

export async function deleteMilestone(db: Db, id: string) {
  await db.delete(tourMilestones).where(eq(tourMilestones.id, id));
}
