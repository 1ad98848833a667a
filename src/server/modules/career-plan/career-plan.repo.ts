import { and, eq, isNotNull } from "drizzle-orm";
import type { ActThreeInput, CareerPlanInput } from "../../../shared/career-plan.ts";
import type { Db } from "../../db/open.ts";
import { careerPlans } from "./career-plan.table.ts";

export type CareerPlanRow = typeof careerPlans.$inferSelect;

/** With `lock`, the row stays as read until the caller's transaction ends, so checks against it hold. */
export async function findCareerPlanRow(db: Db, userId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(careerPlans).where(eq(careerPlans.userId, userId));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

async function upsertCareerPlan(db: Db, userId: string, values: Partial<Omit<CareerPlanRow, "userId">>) {
  const set = { ...values, updatedAt: new Date() };
  const [row] = await db
    .insert(careerPlans)
    .values({ userId, ...set })
    .onConflictDoUpdate({ target: careerPlans.userId, set })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/**
 * Without `reachedOn`, rewording a reached North Star keeps it reached: the date is left out of the
 * write, so it is whatever is stored at that moment. Removing the North Star removes the date with it.
 */
export function saveCareerPlanParts(
  db: Db,
  userId: string,
  input: CareerPlanInput,
  reachedOn?: string | null,
) {
  if (!input.northStar) return upsertCareerPlan(db, userId, { ...input, northStarReachedOn: null });
  if (reachedOn === undefined) return upsertCareerPlan(db, userId, input);
  return upsertCareerPlan(db, userId, { ...input, northStarReachedOn: reachedOn });
}

/** Sets the date only where a North Star is stored at the moment of writing; none changed means none. */
export async function setNorthStarReachedOn(db: Db, userId: string, reachedOn: string) {
  const [row] = await db
    .update(careerPlans)
    .set({ northStarReachedOn: reachedOn, updatedAt: new Date() })
    .where(and(eq(careerPlans.userId, userId), isNotNull(careerPlans.northStar)))
    .returning();
  return row;
}

export async function clearNorthStarReachedOn(db: Db, userId: string) {
  const [row] = await db
    .update(careerPlans)
    .set({ northStarReachedOn: null, updatedAt: new Date() })
    .where(and(eq(careerPlans.userId, userId), isNotNull(careerPlans.northStarReachedOn)))
    .returning();
  return row;
}

export function saveActThree(db: Db, userId: string, actThree: ActThreeInput) {
  return upsertCareerPlan(db, userId, { actThree });
}
