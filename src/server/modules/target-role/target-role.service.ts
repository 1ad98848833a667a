import type { TargetRoleCheckInput } from "../../../shared/target-roles.ts";
import { isCheckId, stepFrom } from "../../../shared/target-roles.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Viewer } from "../../http/viewer.ts";
import { listLaneAssessmentRows } from "../lanes/lanes.repo.ts";
import { listPortfolioRoleRows } from "../portfolio/portfolio.repo.ts";
import { viewerToday } from "../profile/member-today.ts";
import { findProfileRow } from "../profile/profile.repo.ts";
import { presentTargetRole } from "./target-role.presenter.ts";
import { listCheckRows, writeCheck } from "./target-role.repo.ts";

export async function getTargetRole(db: Db, viewer: Viewer | null, ownerId?: string) {
  // Reading anyone's but one's own answers like a missing record, so existence does not leak.
  const me = await requireAccess(db, viewer, "read", "targetRole", ownerId ?? viewer?.userId);
  const owner = ownerId ?? me.userId;
  const profile = await findProfileRow(db, owner);
  const level = profile?.level ?? null;
  const step = level ? stepFrom(level) : null;
  const [roles, assessments, checks] = [
    await listPortfolioRoleRows(db, owner),
    await listLaneAssessmentRows(db, owner),
    await listCheckRows(db, owner),
  ];
  return presentTargetRole(level, step, { roles, latestLanes: assessments[0], checks });
}

export async function setTargetRoleCheck(
  db: Db,
  viewer: Viewer | null,
  itemId: string,
  input: TargetRoleCheckInput & Versioned,
) {
  // Ticks are written for the signed-in member only; the item must be one the data file defines.
  const me = await requireAccess(db, viewer, "update", "targetRole");
  if (!isCheckId(itemId)) throw new AppError("NOT_FOUND", "There is no checklist item with this id.");
  // The date a member ticked something is their own calendar day, not the server's.
  const checkedOn = input.checked ? viewerToday(me) : null;
  const row = await writeCheck(db, me.userId, itemId, checkedOn, input.version);
  return { id: itemId, checkedOn: row.checkedOn, version: row.version };
}
