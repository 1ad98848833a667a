import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Cadence, PressReleaseInput, StoryEntryInput, ThoughtInput } from "../../../shared/story.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import { portfolioRoles } from "../portfolio/portfolio.table.ts";
import {
  pressReleases,
  storyEntries,
  thoughtLeadershipCadences,
  thoughtLeadershipItems,
} from "./story.table.ts";

export type StoryEntryRow = typeof storyEntries.$inferSelect;
export type PressReleaseRow = typeof pressReleases.$inferSelect;
export type ThoughtRow = typeof thoughtLeadershipItems.$inferSelect;
export type CadenceRow = typeof thoughtLeadershipCadences.$inferSelect;

const missingEntry = () => new AppError("NOT_FOUND", "There is no story entry with this id among yours.");
const missingThought = () =>
  new AppError("NOT_FOUND", "There is no thought-leadership item with this id among yours.");

export async function insertStoryEntry(db: Db, userId: string, input: StoryEntryInput) {
  const [row] = await db
    .insert(storyEntries)
    .values({ id: newId(), userId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateStoryEntryRow(db: Db, id: string, input: StoryEntryInput, version: number) {
  return writeVersioned(db, storyEntries, {
    where: eq(storyEntries.id, id),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "story entry",
    missing: missingEntry,
  });
}

export async function deleteStoryEntryRow(db: Db, id: string) {
  await db.delete(storyEntries).where(eq(storyEntries.id, id));
}

export async function findStoryEntryRow(db: Db, id: string) {
  const [row] = await db.select().from(storyEntries).where(eq(storyEntries.id, id));
  return row;
}

/** Oldest first: a story reads in the order it happened. */
export async function listStoryEntryRows(db: Db, userId: string) {
  return db
    .select()
    .from(storyEntries)
    .where(eq(storyEntries.userId, userId))
    .orderBy(asc(storyEntries.createdAt), asc(storyEntries.id));
}

export async function roleLabels(db: Db, userId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: portfolioRoles.id, title: portfolioRoles.title, company: portfolioRoles.company })
    .from(portfolioRoles)
    .where(and(eq(portfolioRoles.userId, userId), inArray(portfolioRoles.id, ids)));
  return new Map(rows.map((row) => [row.id, `${row.title}, ${row.company}`]));
}

export async function findPressReleaseRow(db: Db, userId: string) {
  const [row] = await db.select().from(pressReleases).where(eq(pressReleases.userId, userId));
  return row;
}

export async function savePressReleaseRow(db: Db, userId: string, input: PressReleaseInput, version: number) {
  return writeVersioned(db, pressReleases, {
    where: eq(pressReleases.userId, userId),
    version,
    set: { ...input, updatedAt: new Date() },
    insert: { userId, ...input },
    what: "press release",
  });
}

export async function insertThought(db: Db, userId: string, input: ThoughtInput) {
  const [row] = await db
    .insert(thoughtLeadershipItems)
    .values({ id: newId(), userId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateThoughtRow(db: Db, id: string, input: ThoughtInput, version: number) {
  return writeVersioned(db, thoughtLeadershipItems, {
    where: eq(thoughtLeadershipItems.id, id),
    version,
    set: input,
    what: "thought-leadership item",
    missing: missingThought,
  });
}

export async function deleteThoughtRow(db: Db, id: string) {
  await db.delete(thoughtLeadershipItems).where(eq(thoughtLeadershipItems.id, id));
}

export async function findThoughtRow(db: Db, id: string) {
  const [row] = await db.select().from(thoughtLeadershipItems).where(eq(thoughtLeadershipItems.id, id));
  return row;
}

/** Newest first. */
export async function listThoughtRows(db: Db, userId: string) {
  return db
    .select()
    .from(thoughtLeadershipItems)
    .where(eq(thoughtLeadershipItems.userId, userId))
    .orderBy(desc(thoughtLeadershipItems.happenedOn), desc(thoughtLeadershipItems.createdAt));
}

export async function findCadenceRow(db: Db, userId: string) {
  const [row] = await db
    .select()
    .from(thoughtLeadershipCadences)
    .where(eq(thoughtLeadershipCadences.userId, userId));
  return row;
}

export async function saveCadenceRow(
  db: Db,
  userId: string,
  cadence: Cadence | null,
  today: string,
  version: number,
) {
  return writeVersioned(db, thoughtLeadershipCadences, {
    where: eq(thoughtLeadershipCadences.userId, userId),
    version,
    // A new cadence counts from today, and a slip already reminded of is forgotten.
    set: { cadence, startedOn: today, remindedForDueOn: null },
    insert: { userId, cadence, startedOn: today },
    what: "cadence",
  });
}

/** Every member with a cadence, with the day of their latest item. */
export async function listCadencedMembers(db: Db) {
  return db
    .select({
      userId: thoughtLeadershipCadences.userId,
      cadence: thoughtLeadershipCadences.cadence,
      startedOn: thoughtLeadershipCadences.startedOn,
      remindedForDueOn: thoughtLeadershipCadences.remindedForDueOn,
      lastOn: sql<
        string | null
      >`(select max(${thoughtLeadershipItems.happenedOn})::text from ${thoughtLeadershipItems} where ${thoughtLeadershipItems.userId} = ${thoughtLeadershipCadences.userId})`,
    })
    .from(thoughtLeadershipCadences)
    .where(isNotNull(thoughtLeadershipCadences.cadence));
}

/** Marks the slip reminded of, only if nobody did already: the one tick that wins sends the reminder. */
export async function markReminded(db: Db, userId: string, dueOn: string) {
  const rows = await db
    .update(thoughtLeadershipCadences)
    .set({ remindedForDueOn: dueOn })
    .where(
      and(
        eq(thoughtLeadershipCadences.userId, userId),
        sql`${thoughtLeadershipCadences.remindedForDueOn} is distinct from ${dueOn}`,
      ),
    )
    .returning({ userId: thoughtLeadershipCadences.userId });
  return rows.length > 0;
}
