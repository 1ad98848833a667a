import type { ActThreeInput, CareerPlanInput, NorthStarReachedInput } from "../../../shared/career-plan.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { canChangePlan, canReadPlan } from "./career-plan.policy.ts";
import { presentCareerPlan } from "./career-plan.presenter.ts";
import {
  findCareerPlanRow,
  saveActThree,
  saveCareerPlanParts,
  saveNorthStarReachedOn,
} from "./career-plan.repo.ts";

function requirePlanAccess(me: Viewer, ownerId: string, action: "read" | "change") {
  const allowed = action === "read" ? canReadPlan(me, ownerId) : canChangePlan(me, ownerId);
  if (!allowed) throw new AppError("NOT_FOUND", "There is no career plan here among yours.");
}

export async function getMyCareerPlan(db: Db, viewer: Viewer | null) {
  // Every member reads their own plan; a plan never saved reads as empty rather than missing.
  const me = requireSignedIn(viewer);
  requirePlanAccess(me, me.userId, "read");
  return presentCareerPlan(await findCareerPlanRow(db, me.userId));
}

export async function saveMyCareerPlan(db: Db, viewer: Viewer | null, input: CareerPlanInput) {
  const me = requireSignedIn(viewer);
  requirePlanAccess(me, me.userId, "change");
  const current = await findCareerPlanRow(db, me.userId);
  // Rewording a reached North Star keeps it reached; removing it removes the date with it.
  const reachedOn = input.northStar ? (current?.northStarReachedOn ?? null) : null;
  return presentCareerPlan(await saveCareerPlanParts(db, me.userId, input, reachedOn));
}

export async function markNorthStarReached(db: Db, viewer: Viewer | null, input: NorthStarReachedInput) {
  const me = requireSignedIn(viewer);
  requirePlanAccess(me, me.userId, "change");
  const current = await findCareerPlanRow(db, me.userId);
  if (!current?.northStar) {
    throw new AppError("CONFLICT", "Set your North Star before marking it reached.");
  }
  return presentCareerPlan(await saveNorthStarReachedOn(db, me.userId, input.reachedOn));
}

export async function unmarkNorthStarReached(db: Db, viewer: Viewer | null) {
  // Undoing keeps any Act Three already written: the thinking is not lost with the date.
  const me = requireSignedIn(viewer);
  requirePlanAccess(me, me.userId, "change");
  const current = await findCareerPlanRow(db, me.userId);
  if (!current?.northStarReachedOn) return presentCareerPlan(current);
  return presentCareerPlan(await saveNorthStarReachedOn(db, me.userId, null));
}

export async function saveMyActThree(db: Db, viewer: Viewer | null, input: ActThreeInput) {
  const me = requireSignedIn(viewer);
  requirePlanAccess(me, me.userId, "change");
  return presentCareerPlan(await saveActThree(db, me.userId, input));
}
