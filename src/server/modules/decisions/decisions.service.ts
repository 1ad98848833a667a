import { formatCalendarDate, isCalendarDate } from "../../../shared/calendar-date.ts";
import type {
  Decision,
  DecisionDiscussion,
  DecisionInput,
  DecisionRevisitInput,
} from "../../../shared/decisions.ts";
import { defaultPageSize, type PageQuery } from "../../../shared/page.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { badCursor, decodeCursor, encodeCursor } from "../../http/cursor.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { presentDecisionComment } from "../engagements/engagements.presenter.ts";
import { listDecisionComments, listDecisionDiscussions } from "../engagements/engagements.repo.ts";
import { memberToday, viewerToday } from "../profile/member-today.ts";
import { presentDecision } from "./decisions.presenter.ts";
import {
  type DecisionPageKey,
  type DecisionRow,
  deleteDecisionRow,
  findDecisionRow,
  insertDecision,
  insertRevisit,
  listDecisionPageRows,
  listDecisionRows,
  listRevisitRows,
  updateDecisionRow,
} from "./decisions.repo.ts";

/**
 * The engagements each decision was shared in, for its owner: which mentoring helped, whether the
 * mentor reads it now, and the mentor's comments. Two statements, however many decisions.
 */
async function discussionsOf(db: Db, decisionIds: string[], viewerId: string) {
  const shares = await listDecisionDiscussions(db, decisionIds);
  const comments = await listDecisionComments(
    db,
    shares.map((s) => s.shareId),
  );
  return (decisionId: string): DecisionDiscussion[] =>
    shares
      .filter((s) => s.decisionId === decisionId)
      .map((s) => ({
        shareId: s.shareId,
        engagementId: s.engagementId,
        mentorName: s.mentorName,
        sharedAt: s.sharedAt.toISOString(),
        sharedNow: s.revokedAt === null && s.state !== "closed",
        comments: comments
          .filter((c) => c.shareId === s.shareId)
          .map((c) => presentDecisionComment(c, viewerId)),
      }));
}

async function present(db: Db, row: DecisionRow) {
  const revisits = await listRevisitRows(db, [row.id]);
  const today = await memberToday(db, row.userId);
  const discussions = await discussionsOf(db, [row.id], row.userId);
  return presentDecision(row, revisits, today, discussions(row.id));
}

async function requireDecision(
  db: Db,
  me: Viewer,
  id: string,
  action: "read" | "update" | "delete",
  options: { lock?: boolean } = {},
) {
  // Someone else's decision answers like a missing one, so its existence does not leak.
  return requireAccess(db, me, action, "decision", await findDecisionRow(db, id, options));
}

/** Due for a revisit first, soonest due first; then the rest, most recently decided first. */
export function orderForJournal(list: Decision[]): Decision[] {
  const due = list
    .filter((d) => d.dueForRevisit)
    .sort((a, b) => (a.revisitOn ?? "").localeCompare(b.revisitOn ?? ""));
  return [...due, ...list.filter((d) => !d.dueForRevisit)];
}

export async function listMyDecisions(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "decision");
  const rows = await listDecisionRows(db, me.userId);
  const [revisits, today] = await Promise.all([
    listRevisitRows(
      db,
      rows.map((row) => row.id),
    ),
    viewerToday(me),
  ]);
  const discussions = await discussionsOf(
    db,
    rows.map((row) => row.id),
    me.userId,
  );
  const presented = rows.map((row) =>
    presentDecision(
      row,
      revisits.filter((revisit) => revisit.decisionId === row.id),
      today,
      discussions(row.id),
    ),
  );
  return orderForJournal(presented);
}

const timestampText = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function pageKeyOf(cursor: string): DecisionPageKey {
  const [due, revisitOn, decidedOn, createdAt, id] = decodeCursor(cursor, [
    "number",
    "string",
    "string",
    "string",
    "string",
  ]) as [number, string, string, string, string];
  // Each part goes into SQL as a typed value: one that is not a day or an instant is refused here.
  if (
    (due !== 0 && due !== 1) ||
    (due === 0 && !isCalendarDate(revisitOn)) ||
    !isCalendarDate(decidedOn) ||
    !timestampText.test(createdAt)
  ) {
    throw badCursor();
  }
  return { due, revisitOn, decidedOn, createdAt, id };
}

/**
 * My journal a page at a time (50 unless `limit` says otherwise), in its reading order; a page reads
 * only its own decisions' revisits and discussions.
 */
export async function listMyDecisionsPage(db: Db, viewer: Viewer | null, page: PageQuery) {
  const me = await requireAccess(db, viewer, "read", "decision");
  const limit = page.limit ?? defaultPageSize;
  const today = viewerToday(me);
  const found = await listDecisionPageRows(
    db,
    me.userId,
    today,
    page.cursor ? pageKeyOf(page.cursor) : undefined,
    limit,
  );
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor =
    found.length > limit && last
      ? encodeCursor([
          last.due,
          last.due === 0 ? (last.decision.revisitOn ?? "") : "",
          last.decision.decidedOn,
          last.createdAtText,
          last.decision.id,
        ])
      : null;
  const ids = rows.map((row) => row.decision.id);
  const revisits = await listRevisitRows(db, ids);
  const discussions = await discussionsOf(db, ids, me.userId);
  return {
    decisions: rows.map(({ decision }) =>
      presentDecision(
        decision,
        revisits.filter((revisit) => revisit.decisionId === decision.id),
        today,
        discussions(decision.id),
      ),
    ),
    nextCursor,
  };
}

export async function recordDecision(db: Db, viewer: Viewer | null, input: DecisionInput) {
  // A new entry always belongs to the signed-in member: there is no owner in the input to trust.
  const me = await requireAccess(db, viewer, "create", "decision");
  return present(db, await insertDecision(db, me.userId, input));
}

export async function getDecision(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  return present(db, await requireDecision(db, me, id, "read"));
}

export async function updateDecision(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: DecisionInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  await requireDecision(db, me, id, "update");
  return present(db, await updateDecisionRow(db, id, input, version));
}

export async function deleteDecision(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await requireDecision(db, me, id, "delete");
  await deleteDecisionRow(db, id);
  return { id };
}

export async function revisitDecision(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: DecisionRevisitInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  // The decision day is checked and the revisit written under one lock, so an edit moving that day
  // cannot slip between them.
  const revisited = await db.transaction(async (tx) => {
    const row = await requireDecision(tx, me, id, "update", { lock: true });
    if (input.revisitedOn < row.decidedOn) {
      throw new AppError(
        "VALIDATION",
        `A revisit comes on or after the day you decided (${formatCalendarDate(row.decidedOn)})`,
        "revisitedOn",
      );
    }
    return insertRevisit(tx, id, input, version);
  });
  return present(db, revisited);
}
