import { and, asc, between, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { EndTourInput, MilestoneInput, TourInput } from "../../../shared/tours.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import type { AppError } from "../../http/errors.ts";
import { tourMilestones, tourOrders, tours } from "./tours.table.ts";

export type TourRow = typeof tours.$inferSelect;
export type MilestoneRow = typeof tourMilestones.$inferSelect;

export async function listTourRows(db: Db, userId: string) {
  return db.select().from(tours).where(eq(tours.userId, userId)).orderBy(asc(tours.position), asc(tours.id));
}

/** One page of the member's tours in their order, after the tour at `after` (one more, to tell if a page follows). */
export async function listTourPageRows(
  db: Db,
  userId: string,
  after: { position: number; id: string } | undefined,
  limit: number,
) {
  return db
    .select()
    .from(tours)
    .where(
      and(
        eq(tours.userId, userId),
        after ? sql`(${tours.position}, ${tours.id}) > (${after.position}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(tours.position), asc(tours.id))
    .limit(limit + 1);
}

/** The member's tours whose days meet the span from `from` to `to`: what a page's overlap warnings compare with. */
export async function listToursWithin(db: Db, userId: string, from: string, to: string) {
  return db
    .select({
      id: tours.id,
      title: tours.title,
      startsOn: tours.startsOn,
      endsOn: tours.endsOn,
      endedOn: tours.endedOn,
    })
    .from(tours)
    .where(
      and(
        eq(tours.userId, userId),
        sql`${tours.startsOn} < ${to}`,
        sql`coalesce(${tours.endedOn}, ${tours.endsOn}) > ${from}`,
      ),
    );
}

/** With `lock`, the row stays locked until the caller's transaction ends, so its checks still hold at the write. */
export async function findTourRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(tours).where(eq(tours.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

/**
 * Every change to a member's order takes this lock first, so inserts, deletes and reorders run one at a
 * time per member and positions stay 1, 2, 3… The member's own row serves even when they have no tours
 * yet; "no key update" leaves rows that merely reference the member (sessions, other modules) unblocked.
 */
export async function lockToursOf(tx: Db, userId: string) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
}

const milestoneOrder = [asc(tourMilestones.dueOn), asc(tourMilestones.createdAt), asc(tourMilestones.id)];

export async function listMilestoneRows(db: Db, tourId: string) {
  return db
    .select()
    .from(tourMilestones)
    .where(eq(tourMilestones.tourId, tourId))
    .orderBy(...milestoneOrder);
}

/** Every milestone of a member's tours, reached through the owner (an index walk, not a long id list). */
export async function listMilestoneRowsOfMember(db: Db, userId: string) {
  const rows = await db
    .select({ milestone: tourMilestones })
    .from(tourMilestones)
    .innerJoin(tours, eq(tours.id, tourMilestones.tourId))
    .where(eq(tours.userId, userId))
    .orderBy(...milestoneOrder);
  return rows.map((row) => row.milestone);
}

/** The milestones of some of the member's tours (a page), through the owner so the index on it is used. */
export async function listMilestoneRowsOfTours(db: Db, userId: string, tourIds: string[]) {
  if (tourIds.length === 0) return [];
  const rows = await db
    .select({ milestone: tourMilestones })
    .from(tourMilestones)
    .innerJoin(tours, eq(tours.id, tourMilestones.tourId))
    .where(and(eq(tours.userId, userId), inArray(tourMilestones.tourId, tourIds)))
    .orderBy(...milestoneOrder);
  return rows.map((row) => row.milestone);
}

/** The member's tours whose days meet this one's: all an overlap warning needs, however many tours there are. */
export function listToursOverlapping(
  db: Db,
  tour: { userId: string; startsOn: string; endsOn: string; endedOn: string | null },
) {
  return listToursWithin(db, tour.userId, tour.startsOn, tour.endedOn ?? tour.endsOn);
}

export async function findMilestoneRow(db: Db, tourId: string, id: string) {
  const [row] = await db
    .select()
    .from(tourMilestones)
    .where(and(eq(tourMilestones.id, id), eq(tourMilestones.tourId, tourId)));
  return row;
}

export async function insertTour(db: Db, userId: string, input: TourInput) {
  return db.transaction(async (tx) => {
    await lockToursOf(tx, userId);
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${tours.position}), 0)` })
      .from(tours)
      .where(eq(tours.userId, userId));
    const [row] = await tx
      .insert(tours)
      .values({ id: newId(), userId, position: Number(last?.max ?? 0) + 1, ...input })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await bumpTourOrder(tx, userId);
    return row;
  });
}

// The callers below hold the tour's row lock (or the member's order lock) in their transaction.

export async function updateTour(tx: Db, id: string, input: TourInput, version: number) {
  return writeVersioned(tx, tours, {
    where: eq(tours.id, id),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "tour",
  });
}

export async function endTour(tx: Db, id: string, input: EndTourInput, version: number) {
  return writeVersioned(tx, tours, {
    where: and(eq(tours.id, id), isNull(tours.endedOn)) as SQL,
    version,
    set: { endedOn: input.endedOn, endReason: input.reason, updatedAt: new Date() },
    what: "tour",
  });
}

/** The version of the member's order of tours; 0 before their first tour. */
export async function readTourOrderVersion(db: Db, userId: string) {
  const [row] = await db
    .select({ version: tourOrders.version })
    .from(tourOrders)
    .where(eq(tourOrders.userId, userId));
  return row?.version ?? 0;
}

/** Adding or deleting a tour changes the order, so a reorder based on the list before it is stale. */
async function bumpTourOrder(tx: Db, userId: string) {
  const [row] = await tx
    .insert(tourOrders)
    .values({ userId })
    .onConflictDoUpdate({ target: tourOrders.userId, set: { version: sql`${tourOrders.version} + 1` } })
    .returning({ version: tourOrders.version });
  return row?.version ?? 1;
}

export async function deleteTour(tx: Db, row: TourRow) {
  // Later tours move up one place, so positions stay 1, 2, 3… without gaps.
  await tx.delete(tours).where(eq(tours.id, row.id));
  await tx
    .update(tours)
    .set({ position: sql`${tours.position} - 1` })
    .where(and(eq(tours.userId, row.userId), gt(tours.position, row.position)));
  await bumpTourOrder(tx, row.userId);
}

/** Every tour's new place in one statement: the first id becomes 1, the next 2, and so on. */
export async function writeTourOrder(tx: Db, userId: string, ids: string[], version: number) {
  await writeVersioned(tx, tourOrders, {
    where: eq(tourOrders.userId, userId),
    version,
    set: {},
    insert: { userId },
    what: "order of your tours",
  });
  if (ids.length === 0) return;
  const places = sql.join(
    ids.map((id, index) => sql`(${id}::text, ${index + 1}::int)`),
    sql`, `,
  );
  await tx
    .update(tours)
    .set({ position: sql`places.position` })
    .from(sql`(values ${places}) as places(id, position)`)
    .where(and(eq(tours.id, sql`places.id`), eq(tours.userId, userId)));
}

export async function countTours(db: Db, userId: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(tours)
    .where(eq(tours.userId, userId));
  return Number(row?.count ?? 0);
}

/**
 * One tour to a new place: the tours between its old and new place shift one step toward the gap, in
 * one statement with the moved tour, so positions stay 1, 2, 3…; answers the order's new version.
 */
export async function writeTourMove(tx: Db, row: TourRow, to: number) {
  const from = row.position;
  if (to !== from) {
    const [low, high, step] = from < to ? [from, to, -1] : [to, from, 1];
    await tx
      .update(tours)
      .set({
        position: sql`case when ${tours.id} = ${row.id} then ${to}::int else ${tours.position} + ${step}::int end`,
      })
      .where(and(eq(tours.userId, row.userId), between(tours.position, low, high)));
  }
  return bumpTourOrder(tx, row.userId);
}

export async function insertMilestone(db: Db, tourId: string, input: MilestoneInput) {
  const [row] = await db
    .insert(tourMilestones)
    .values({ id: newId(), tourId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateMilestone(
  db: Db,
  id: string,
  input: MilestoneInput,
  version: number,
  missing: () => AppError,
) {
  return writeVersioned(db, tourMilestones, {
    where: eq(tourMilestones.id, id),
    version,
    set: input,
    what: "milestone",
    missing,
  });
}

export async function deleteMilestone(db: Db, id: string) {
  await db.delete(tourMilestones).where(eq(tourMilestones.id, id));
}
