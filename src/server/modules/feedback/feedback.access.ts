import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Viewer } from "../../http/viewer.ts";
import { memberToday } from "../profile/member-today.ts";
import { isClosed } from "./feedback.policy.ts";
import { presentRequest } from "./feedback.presenter.ts";
import { type FeedbackRequestRow, findPerson, findRequestRow, listInvitedEmails } from "./feedback.repo.ts";

/** Someone else's request answers exactly like a missing one, so its existence does not leak. */
export async function readableRequest(db: Db, me: Viewer, id: string): Promise<FeedbackRequestRow> {
  return requireAccess(db, me, "read", "feedbackRequest", await findRequestRow(db, id));
}

export async function manageableRequest(db: Db, me: Viewer, id: string, options: { lock?: boolean } = {}) {
  return requireAccess(db, me, "manage", "feedbackRequest", await findRequestRow(db, id, options));
}

export function requireOpen(row: FeedbackRequestRow, today: string) {
  if (isClosed(row, today)) {
    throw new AppError("CONFLICT", "This feedback request is closed, so it cannot change any more.");
  }
}

export async function presentRequestFor(db: Db, row: FeedbackRequestRow) {
  const [invited, today] = await Promise.all([listInvitedEmails(db, row.id), memberToday(db, row.userId)]);
  return presentRequest(row, invited, today);
}

/** How emails and the giving page name the person asking; a deleted account still reads as someone. */
export async function askerName(db: Db, userId: string): Promise<string> {
  return (await findPerson(db, userId))?.name ?? "A Sidecar member";
}

/** A request opens and closes by the asking member's own calendar, for them and for every giver alike. */
export function requestToday(db: Db, row: Pick<FeedbackRequestRow, "userId">): Promise<string> {
  return memberToday(db, row.userId);
}
