import { eq } from "drizzle-orm";
import type { ActThreeInput, CareerPlanInput } from "../../../shared/career-plan.ts";
import type { Db } from "../../db/open.ts";
import { careerPlans } from "./career-plan.table.ts";

export type CareerPlanRow = typeof careerPlans.$inferSelect;

export async function findCareerPlanRow(db: Db, userId: string) {
  const [row] = await db.select().from(careerPlans).where(eq(careerPlans.userId, userId));
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

export function saveCareerPlanParts(
  db: Db,
  userId: string,
  input: CareerPlanInput,
  reachedOn: string | null,
) {
  return upsertCareerPlan(db, userId, { ...input, northStarReachedOn: reachedOn });
}

export function saveNorthStarReachedOn(db: Db, userId: string, reachedOn: string | null) {
  return upsertCareerPlan(db, userId, { northStarReachedOn: reachedOn });
}

export function saveActThree(db: Db, userId: string, actThree: ActThreeInput) {
  return upsertCareerPlan(db, userId, { actThree });
}
