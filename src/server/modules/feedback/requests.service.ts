import {
  closingDateProblem,
  type FeedbackRequestInput,
  type FeedbackRequestUpdate,
} from "../../../shared/feedback.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { viewerToday } from "../profile/member-today.ts";
import {
  manageableRequest,
  presentRequestFor,
  readableRequest,
  requestToday,
  requireOpen,
} from "./feedback.access.ts";
import { scheduleFeedbackJobs } from "./feedback.jobs.ts";
import { presentExport, presentRequestSummary } from "./feedback.presenter.ts";
import {
  closeRequestRow,
  deleteRequestRows,
  insertRequestRow,
  listRequestRows,
  updateRequestSettings,
} from "./feedback.repo.ts";
import { getFeedbackResults } from "./results.service.ts";

function checkClosingDate(closesOn: string, today: string) {
  const problem = closingDateProblem(closesOn, today);
  if (problem) throw new AppError("VALIDATION", problem, "closesOn");
}

export async function createFeedbackRequest(db: Db, viewer: Viewer | null, input: FeedbackRequestInput) {
  // A request is always created for the signed-in member only.
  const me = await requireAccess(db, viewer, "create", "feedbackRequest");
  checkClosingDate(input.closesOn, viewerToday(me));
  const row = await db.transaction(async (tx) => {
    const created = await insertRequestRow(tx, {
      userId: me.userId,
      title: input.title ?? null,
      purpose: input.purpose,
      questions: input.questions.map((prompt, index) => ({ key: `q${index + 1}`, prompt })),
      lanes: input.lanes,
      closesOn: input.closesOn,
      minResponses: input.minResponses,
    });
    await scheduleFeedbackJobs(tx, created.id, created.closesOn);
    return created;
  });
  return presentRequestFor(db, row);
}

export async function listMyFeedbackRequests(db: Db, viewer: Viewer | null) {
  // Only the member's own requests are listed.
  const me = await requireAccess(db, viewer, "read", "feedbackRequest");
  const today = viewerToday(me);
  return (await listRequestRows(db, me.userId)).map((row) => presentRequestSummary(row, today));
}

export async function getFeedbackRequest(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  return presentRequestFor(db, await readableRequest(db, me, id));
}

export async function updateFeedbackRequest(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: FeedbackRequestUpdate & Versioned,
) {
  const me = requireSignedIn(viewer);
  const row = await db.transaction(async (tx) => {
    const current = await manageableRequest(tx, me, id, { lock: true });
    const today = await requestToday(tx, current);
    requireOpen(current, today);
    if (input.closesOn) checkClosingDate(input.closesOn, today);
    // Changing k after answers arrived would let a smaller k show what the larger one hid.
    if (
      input.minResponses !== undefined &&
      input.minResponses !== current.minResponses &&
      current.responseCount > 0
    ) {
      throw new AppError(
        "CONFLICT",
        "The number of responses to wait for is fixed once the first response is in, so no one can be singled out.",
        "minResponses",
      );
    }
    const updated = await updateRequestSettings(
      tx,
      id,
      {
        ...(input.closesOn ? { closesOn: input.closesOn } : {}),
        ...(input.minResponses ? { minResponses: input.minResponses } : {}),
      },
      version,
    );
    if (updated.closesOn !== current.closesOn) await scheduleFeedbackJobs(tx, id, updated.closesOn);
    return updated;
  });
  return presentRequestFor(db, row);
}

export async function closeFeedbackRequest(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const current = await manageableRequest(db, me, id);
  const today = await requestToday(db, current);
  requireOpen(current, today);
  return presentRequestFor(db, await closeRequestRow(db, id, today));
}

export async function deleteFeedbackRequest(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await db.transaction(async (tx) => {
    await manageableRequest(tx, me, id, { lock: true });
    await deleteRequestRows(tx, id);
  });
  return { deleted: true as const };
}

export async function exportFeedbackRequest(db: Db, viewer: Viewer | null, id: string) {
  // The export is the aggregated results the receiver can already read, in one file; never raw rows.
  const me = requireSignedIn(viewer);
  const row = await readableRequest(db, me, id);
  const results = await getFeedbackResults(db, me, id);
  return presentExport(await presentRequestFor(db, row), results, await requestToday(db, row));
}
