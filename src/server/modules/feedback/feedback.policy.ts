import type { FeedbackRequestRow } from "./feedback.repo.ts";

// Who may read or manage a request is declared in src/server/access/policies.ts.
export function isClosed(request: Pick<FeedbackRequestRow, "closedOn" | "closesOn">, today: string): boolean {
  return request.closedOn !== null || request.closesOn < today;
}
