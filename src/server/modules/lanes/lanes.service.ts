import type { LaneAssessmentInput } from "../../../shared/lanes.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { presentLaneAssessment } from "./lanes.presenter.ts";
import { findLaneAssessmentRow, insertLaneAssessment, listLaneAssessmentRows } from "./lanes.repo.ts";

export async function saveLaneAssessment(db: Db, viewer: Viewer | null, input: LaneAssessmentInput) {
  // Each save is a new entry written for the signed-in member only, so the history is never rewritten.
  const me = await requireAccess(db, viewer, "create", "laneAssessment");
  return presentLaneAssessment(await insertLaneAssessment(db, me.userId, input));
}

export async function listMyLaneAssessments(db: Db, viewer: Viewer | null) {
  // Only the member's own history; a grantee reads it through the shared view.
  const me = await requireAccess(db, viewer, "read", "laneAssessment");
  const rows = await listLaneAssessmentRows(db, me.userId);
  return rows.map(presentLaneAssessment);
}

export async function getLaneAssessment(db: Db, viewer: Viewer | null, id: string) {
  // Someone else's assessment answers like a missing one, so its existence does not leak.
  const me = requireSignedIn(viewer);
  const row = await requireAccess(db, me, "read", "laneAssessment", await findLaneAssessmentRow(db, id));
  return presentLaneAssessment(row);
}
