import {
  type ActThreeInput,
  type CareerPlanInput,
  type NorthStarReachedInput,
  type PlanYearField,
  pastYearMessage,
  planYears,
} from "../../../shared/career-plan.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Viewer } from "../../http/viewer.ts";
import { viewerToday } from "../profile/member-today.ts";
import { presentCareerPlan } from "./career-plan.presenter.ts";
import {
  type CareerPlanRow,
  clearNorthStarReachedOn,
  findCareerPlanRow,
  saveActThree,
  saveCareerPlanParts,
  setNorthStarReachedOn,
} from "./career-plan.repo.ts";

/**
 * A year set now must not be in the past, but one kept as stored may be: a plan saved with this
 * year's horizon stays editable next January. A reached North Star's horizon is history, never checked.
 */
function checkNoNewPastYear(stored: CareerPlanRow | undefined, input: CareerPlanInput, thisYear: number) {
  const before = planYears(stored ?? {});
  const after = planYears(input);
  const reached = Boolean(stored?.northStarReachedOn);
  for (const field of Object.keys(after) as PlanYearField[]) {
    const value = after[field];
    if (value === null || value >= thisYear || value === before[field]) continue;
    if (field === "northStar.horizonYear" && reached) continue;
    throw new AppError("VALIDATION", pastYearMessage(field, thisYear), field);
  }
}

export async function getMyCareerPlan(db: Db, viewer: Viewer | null) {
  // Every member reads their own plan; a plan never saved reads as empty rather than missing.
  const me = await requireAccess(db, viewer, "read", "careerPlan");
  return presentCareerPlan(await findCareerPlanRow(db, me.userId));
}

export async function saveMyCareerPlan(
  db: Db,
  viewer: Viewer | null,
  { version, ...input }: CareerPlanInput & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "careerPlan");
  const thisYear = Number(viewerToday(me).slice(0, 4));
  // The stored plan is locked while the years are compared with it, so the check holds at the write.
  const saved = await db.transaction(async (tx) => {
    const stored = await findCareerPlanRow(tx, me.userId, { lock: true });
    checkNoNewPastYear(stored, input, thisYear);
    return saveCareerPlanParts(tx, me.userId, input, version);
  });
  return presentCareerPlan(saved);
}

export async function markNorthStarReached(
  db: Db,
  viewer: Viewer | null,
  input: NorthStarReachedInput & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "careerPlan");
  // One conditional write: a North Star removed or changed a moment before is not marked unseen.
  return presentCareerPlan(await setNorthStarReachedOn(db, me.userId, input.reachedOn, input.version));
}

export async function unmarkNorthStarReached(db: Db, viewer: Viewer | null) {
  // Undoing keeps any Act Three already written: the thinking is not lost with the date.
  const me = await requireAccess(db, viewer, "update", "careerPlan");
  const saved = await clearNorthStarReachedOn(db, me.userId);
  return presentCareerPlan(saved ?? (await findCareerPlanRow(db, me.userId)));
}

export async function saveMyActThree(
  db: Db,
  viewer: Viewer | null,
  { version, ...input }: ActThreeInput & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "careerPlan");
  return presentCareerPlan(await saveActThree(db, me.userId, input, version));
}
