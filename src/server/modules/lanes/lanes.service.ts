import type { LaneAssessmentInput } from "../../../shared/lanes.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { canReadAssessment } from "./lanes.policy.ts";
import { presentLaneAssessment } from "./lanes.presenter.ts";
import { findLaneAssessmentRow, insertLaneAssessment, listLaneAssessmentRows } from "./lanes.repo.ts";

export async function saveLaneAssessment(db: Db, viewer: Viewer | null, input: LaneAssessmentInput) {
  // Each save is a new entry written for the signed-in member only, so the history is never rewritten.
  const me = requireSignedIn(viewer);
  return presentLaneAssessment(await insertLaneAssessment(db, me.userId, input));
}

export async function listMyLaneAssessments(db: Db, viewer: Viewer | null) {
  // Only the member's own history; shared views will be their own use case through the policy.
  const me = requireSignedIn(viewer);
  const rows = await listLaneAssessmentRows(db, me.userId);
  return rows.map(presentLaneAssessment);
}

export async function getLaneAssessment(db: Db, viewer: Viewer | null, id: string) {
  // Someone else's assessment answers like a missing one, so its existence does not leak.
  const me = requireSignedIn(viewer);
  const row = await findLaneAssessmentRow(db, id);
  if (!row || !canReadAssessment(me, row.userId)) {
    throw new AppError("NOT_FOUND", "There is no assessment with this id among yours.");
  }
  return presentLaneAssessment(row);
}
