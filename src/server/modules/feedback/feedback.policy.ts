import type { Viewer } from "../../http/viewer.ts";
import type { FeedbackRequestRow } from "./feedback.repo.ts";

// A feedback request and its aggregated results are private to the member who asked. Sharing the
// results read-only with a chosen mentor belongs in canReadFeedback, as one more condition, so
// every read use case (detail, results, export, superpowers) follows it; changes stay owner-only.
export function canReadFeedback(viewer: Viewer, request: Pick<FeedbackRequestRow, "userId">): boolean {
  return viewer.userId === request.userId;
}

export function canManageFeedback(viewer: Viewer, request: Pick<FeedbackRequestRow, "userId">): boolean {
  return viewer.userId === request.userId;
}

export function isClosed(request: Pick<FeedbackRequestRow, "closedOn" | "closesOn">, today: string): boolean {
  return request.closedOn !== null || request.closesOn < today;
}
