import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { Decision, DecisionInput, DecisionRevisitInput } from "../../../shared/decisions.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { memberToday, viewerToday } from "../profile/member-today.ts";
import { presentDecision } from "./decisions.presenter.ts";
import {
  type DecisionRow,
  deleteDecisionRow,
  findDecisionRow,
  insertDecision,
  insertRevisit,
  listDecisionRows,
  listRevisitRows,
  updateDecisionRow,
} from "./decisions.repo.ts";

async function present(db: Db, row: DecisionRow) {
  const [revisits, today] = await Promise.all([listRevisitRows(db, [row.id]), memberToday(db, row.userId)]);
  return presentDecision(row, revisits, today);
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
  const presented = rows.map((row) =>
    presentDecision(
      row,
      revisits.filter((revisit) => revisit.decisionId === row.id),
      today,
    ),
  );
  return orderForJournal(presented);
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
