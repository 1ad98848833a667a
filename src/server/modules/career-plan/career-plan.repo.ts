import { and, eq, isNotNull, type SQL } from "drizzle-orm";
import type { ActThreeInput, CareerPlanInput } from "../../../shared/career-plan.ts";
import type { Db } from "../../db/open.ts";
import { nextVersion, writeVersioned } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import { careerPlans } from "./career-plan.table.ts";

const what = "career plan";

export type CareerPlanRow = typeof careerPlans.$inferSelect;

/** With `lock`, the row stays as read until the caller's transaction ends, so checks against it hold. */
export async function findCareerPlanRow(db: Db, userId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(careerPlans).where(eq(careerPlans.userId, userId));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

/** The first save (version 0) inserts the plan; every later one must name the version it read. */
async function upsertCareerPlan(
  db: Db,
  userId: string,
  version: number,
  values: Partial<Omit<CareerPlanRow, "userId" | "version">>,
) {
  const set = { ...values, updatedAt: new Date() };
  return writeVersioned(db, careerPlans, {
    where: eq(careerPlans.userId, userId),
    version,
    set,
    insert: { userId, ...set },
    what,
  });
}

/**
 * Without `reachedOn`, rewording a reached North Star keeps it reached: the date is left out of the
 * write, so it is whatever is stored at that moment. Removing the North Star removes the date with it.
 */
export function saveCareerPlanParts(
  db: Db,
  userId: string,
  input: CareerPlanInput,
  version: number,
  reachedOn?: string | null,
) {
  if (!input.northStar) return upsertCareerPlan(db, userId, version, { ...input, northStarReachedOn: null });
  if (reachedOn === undefined) return upsertCareerPlan(db, userId, version, input);
  return upsertCareerPlan(db, userId, version, { ...input, northStarReachedOn: reachedOn });
}

/** Sets the date only where a North Star is stored at the moment of writing, at the version read. */
export async function setNorthStarReachedOn(db: Db, userId: string, reachedOn: string, version: number) {
  return writeVersioned(db, careerPlans, {
    where: and(eq(careerPlans.userId, userId), isNotNull(careerPlans.northStar)) as SQL,
    version,
    set: { northStarReachedOn: reachedOn, updatedAt: new Date() },
    what,
    missing: () => new AppError("CONFLICT", "Set your North Star before marking it reached."),
  });
}

/** An undo, sent without a version: it changes only the date, which a stale page cannot overwrite. */
export async function clearNorthStarReachedOn(db: Db, userId: string) {
  const [row] = await db
    .update(careerPlans)
    .set({ northStarReachedOn: null, updatedAt: new Date(), version: nextVersion(careerPlans) })
    .where(and(eq(careerPlans.userId, userId), isNotNull(careerPlans.northStarReachedOn)))
    .returning();
  return row;
}

export function saveActThree(db: Db, userId: string, actThree: ActThreeInput, version: number) {
  return upsertCareerPlan(db, userId, version, { actThree });
}
