import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { defaultPageSize, type PageQuery } from "../../../shared/page.ts";
import type {
  EndTourInput,
  MilestoneInput,
  TourInput,
  TourMoveInput,
  TourOrderInput,
} from "../../../shared/tours.ts";
import { tourListWarnings, tourWarnings } from "../../../shared/tours.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { requireVersion } from "../../db/versioned-write.ts";
import { decodeCursor, encodeCursor } from "../../http/cursor.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { memberToday, viewerToday } from "../profile/member-today.ts";
import { milestonesByTour, presentTour } from "./tours.presenter.ts";
import {
  countTours,
  deleteMilestone,
  deleteTour,
  endTour,
  findMilestoneRow,
  findTourRow,
  insertMilestone,
  insertTour,
  listMilestoneRows,
  listMilestoneRowsOfMember,
  listMilestoneRowsOfTours,
  listTourPageRows,
  listTourRows,
  listToursOverlapping,
  listToursWithin,
  lockToursOf,
  readTourOrderVersion,
  type TourRow,
  updateMilestone,
  updateTour,
  writeTourMove,
  writeTourOrder,
} from "./tours.repo.ts";

const milestoneNotFound = () => new AppError("NOT_FOUND", "This tour has no milestone with this id.");

async function presentAll(db: Db, userId: string) {
  const rows = await listTourRows(db, userId);
  const milestonesOf = milestonesByTour(await listMilestoneRowsOfMember(db, userId));
  const today = await memberToday(db, userId);
  const warnings = tourListWarnings(rows, rows);
  return rows.map((row, index) => presentTour(row, milestonesOf(row.id), warnings[index] ?? [], today));
}

async function presentList(db: Db, userId: string) {
  return {
    tours: await presentAll(db, userId),
    version: await readTourOrderVersion(db, userId),
    nextCursor: null,
  };
}

/** One tour as its page shows it, reading only that tour's milestones and the tours it overlaps. */
async function presentOne(db: Db, row: TourRow, today: string) {
  const overlapping = await listToursOverlapping(db, row);
  const milestones = await listMilestoneRows(db, row.id);
  return presentTour(row, milestones, tourWarnings(row, overlapping), today);
}

/**
 * Loads a tour the viewer may act on; anyone else's answers exactly like a missing one. Inside a
 * transaction, `lock` keeps the row as read until the write, so a concurrent edit cannot slip between.
 */
async function requireTour(
  db: Db,
  viewer: Viewer,
  id: string,
  action: "read" | "update" | "delete",
  options: { lock?: boolean } = {},
) {
  return requireAccess(db, viewer, action, "tour", await findTourRow(db, id, options));
}

function checkEndedWithin(row: TourRow, input: TourInput) {
  if (row.endedOn && (row.endedOn < input.startsOn || row.endedOn > input.endsOn)) {
    throw new AppError(
      "VALIDATION",
      `This tour ended early on ${formatCalendarDate(row.endedOn)}; keep that day within the tour's dates.`,
      row.endedOn < input.startsOn ? "startsOn" : "endsOn",
    );
  }
}

export async function listMyTours(db: Db, viewer: Viewer | null) {
  // Only the member's own tours; a grantee reads them through the shared plan.
  const me = await requireAccess(db, viewer, "read", "tour");
  return presentList(db, me.userId);
}

/**
 * My tours a page at a time (50 unless `limit` says otherwise), in my order. Each page reads only its
 * own tours, their milestones and the tours their days meet, however many there are.
 */
export async function listMyToursPage(db: Db, viewer: Viewer | null, page: PageQuery) {
  const me = await requireAccess(db, viewer, "read", "tour");
  const limit = page.limit ?? defaultPageSize;
  const after = page.cursor
    ? (decodeCursor(page.cursor, ["number", "string"]) as [number, string])
    : undefined;
  const found = await listTourPageRows(db, me.userId, after && { position: after[0], id: after[1] }, limit);
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor = found.length > limit && last ? encodeCursor([last.position, last.id]) : null;
  if (rows.length === 0) {
    return { tours: [], version: await readTourOrderVersion(db, me.userId), nextCursor };
  }
  const from = rows.reduce((min, row) => (row.startsOn < min ? row.startsOn : min), rows[0]?.startsOn ?? "");
  const to = rows.reduce((max, row) => {
    const end = row.endedOn ?? row.endsOn;
    return end > max ? end : max;
  }, "");
  const [milestones, nearby, version] = await Promise.all([
    listMilestoneRowsOfTours(
      db,
      me.userId,
      rows.map((row) => row.id),
    ),
    listToursWithin(db, me.userId, from, to),
    readTourOrderVersion(db, me.userId),
  ]);
  const milestonesOf = milestonesByTour(milestones);
  const today = viewerToday(me);
  const warnings = tourListWarnings(rows, nearby);
  return {
    tours: rows.map((row, index) => presentTour(row, milestonesOf(row.id), warnings[index] ?? [], today)),
    version,
    nextCursor,
  };
}

export async function getTour(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const row = await requireTour(db, me, id, "read");
  return presentOne(db, row, viewerToday(me));
}

export async function createTour(db: Db, viewer: Viewer | null, input: TourInput) {
  // A new tour is always the signed-in member's own; there is no owner in the input to forge.
  const me = await requireAccess(db, viewer, "create", "tour");
  const row = await insertTour(db, me.userId, input);
  return presentOne(db, row, viewerToday(me));
}

export async function editTour(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: TourInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  const saved = await db.transaction(async (tx) => {
    const row = await requireTour(tx, me, id, "update", { lock: true });
    checkEndedWithin(row, input);
    return updateTour(tx, row.id, input, version);
  });
  return presentOne(db, saved, viewerToday(me));
}

export async function removeTour(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await db.transaction(async (tx) => {
    // The position is read under the member's order lock: a reorder may have moved the tour since.
    await lockToursOf(tx, me.userId);
    const row = await requireTour(tx, me, id, "delete");
    await deleteTour(tx, row);
  });
  return presentList(db, me.userId);
}

export async function reorderTours(db: Db, viewer: Viewer | null, input: TourOrderInput & Versioned) {
  // The order is the member's own list; the ids must be exactly their tours, so none is lost or taken.
  const me = await requireAccess(db, viewer, "update", "tour");
  await db.transaction(async (tx) => {
    await lockToursOf(tx, me.userId);
    const current = (await listTourRows(tx, me.userId)).map((row) => row.id);
    const sent = new Set(input.ids);
    if (
      sent.size !== input.ids.length ||
      sent.size !== current.length ||
      current.some((id) => !sent.has(id))
    ) {
      throw new AppError(
        "VALIDATION",
        `Send every one of your ${current.length} tours exactly once, in the new order; the list sent does not match them. Reload and try again.`,
        "ids",
      );
    }
    await writeTourOrder(tx, me.userId, input.ids, input.version);
  });
  return presentList(db, me.userId);
}

/** The place a move asks for, checked against the member's own tours; a bad target is a 400 naming it. */
async function moveTarget(tx: Db, input: TourMoveInput, moving: TourRow) {
  if (input.position !== undefined) {
    const count = await countTours(tx, moving.userId);
    if (input.position > count) {
      throw new AppError(
        "VALIDATION",
        `Pick a position from 1 to ${count}: you have ${count} ${count === 1 ? "tour" : "tours"}.`,
        "position",
      );
    }
    return input.position;
  }
  const field = input.before !== undefined ? "before" : "after";
  const target = await findTourRow(tx, (input.before ?? input.after) as string);
  if (!target || target.userId !== moving.userId) {
    throw new AppError(
      "VALIDATION",
      "None of your tours has this id: reload your tours and move it again.",
      field,
    );
  }
  if (target.id === moving.id) {
    throw new AppError("VALIDATION", "Move the tour before or after another tour, not itself.", field);
  }
  // Where the target sits once the moving tour has left its own place.
  const targetPlace = target.position > moving.position ? target.position - 1 : target.position;
  return field === "before" ? targetPlace : targetPlace + 1;
}

/**
 * Moves one tour before or after another, or to a position, without sending the whole order; the
 * tours between its old and new place shift by one. Based on the order's version, like a reorder.
 */
export async function moveTour(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: TourMoveInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  return db.transaction(async (tx) => {
    // Every change to the order waits for this lock, so two moves never work from the same positions.
    await lockToursOf(tx, me.userId);
    const row = await requireTour(tx, me, id, "update");
    requireVersion(await readTourOrderVersion(tx, me.userId), version, "order of your tours");
    const position = await moveTarget(tx, input, row);
    return { id: row.id, position, version: await writeTourMove(tx, row, position) };
  });
}

function notAfterToday(day: string, today: string, message: string, field: string) {
  if (day > today) {
    throw new AppError(
      "VALIDATION",
      `${message}: pick today (${formatCalendarDate(today)}) or earlier.`,
      field,
    );
  }
}

export async function endTourEarly(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: EndTourInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  const today = viewerToday(me);
  const ended = await db.transaction(async (tx) => {
    const row = await requireTour(tx, me, id, "update", { lock: true });
    // A page showing an older version hears that first: what it shows is out of date, whatever else.
    requireVersion(row.version, version, "tour");
    if (row.endedOn) {
      throw new AppError("CONFLICT", `This tour already ended early on ${formatCalendarDate(row.endedOn)}.`);
    }
    if (input.endedOn < row.startsOn || input.endedOn >= row.endsOn) {
      throw new AppError(
        "VALIDATION",
        `Pick a day within the tour, from ${formatCalendarDate(row.startsOn)} up to the day before its planned end (${formatCalendarDate(row.endsOn)}).`,
        "endedOn",
      );
    }
    // A running tour that "ended" next month would read as ended early today.
    notAfterToday(input.endedOn, today, "A tour can only end early on a day that has come", "endedOn");
    return endTour(tx, row.id, input, version);
  });
  return presentOne(db, ended, viewerToday(me));
}

function checkDoneOn(input: MilestoneInput, today: string) {
  if (input.doneOn)
    notAfterToday(input.doneOn, today, "A milestone is done on a day that has come", "doneOn");
}

export async function addMilestone(db: Db, viewer: Viewer | null, tourId: string, input: MilestoneInput) {
  const me = requireSignedIn(viewer);
  const today = viewerToday(me);
  // The tour stays locked until the milestone is in, so a concurrent delete answers 404, not a broken reference.
  const row = await db.transaction(async (tx) => {
    const tour = await requireTour(tx, me, tourId, "update", { lock: true });
    checkDoneOn(input, today);
    await insertMilestone(tx, tour.id, input);
    return tour;
  });
  return presentOne(db, row, viewerToday(me));
}

async function requireMilestone(db: Db, tourId: string, milestoneId: string) {
  // A milestone is only found under its own tour, so a mismatched pair reads as missing.
  const milestone = await findMilestoneRow(db, tourId, milestoneId);
  if (!milestone) throw milestoneNotFound();
  return milestone;
}

export async function editMilestone(
  db: Db,
  viewer: Viewer | null,
  tourId: string,
  milestoneId: string,
  { version, ...input }: MilestoneInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  const row = await requireTour(db, me, tourId, "update");
  const milestone = await requireMilestone(db, row.id, milestoneId);
  checkDoneOn(input, viewerToday(me));
  await updateMilestone(db, milestone.id, input, version, milestoneNotFound);
  return presentOne(db, row, viewerToday(me));
}

export async function removeMilestone(db: Db, viewer: Viewer | null, tourId: string, milestoneId: string) {
  const me = requireSignedIn(viewer);
  const row = await requireTour(db, me, tourId, "update");
  const milestone = await requireMilestone(db, row.id, milestoneId);
  await deleteMilestone(db, milestone.id);
  return presentOne(db, row, viewerToday(me));
}
