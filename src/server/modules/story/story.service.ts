import {
  type Cadence,
  composeRelease,
  type PressReleaseInput,
  releaseMarkdown,
  type StoryEntryInput,
  type ThoughtInput,
  thoughtProgress,
} from "../../../shared/story.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { findCareerPlanRow } from "../career-plan/career-plan.repo.ts";
import { findPortfolioRoleRow } from "../portfolio/portfolio.repo.ts";
import { memberToday } from "../profile/member-today.ts";
import { findSharer } from "../sharing/sharing.repo.ts";
import { presentPressRelease, presentStoryEntry, presentThought } from "./story.presenter.ts";
import {
  deleteStoryEntryRow,
  deleteThoughtRow,
  findCadenceRow,
  findPressReleaseRow,
  findStoryEntryRow,
  findThoughtRow,
  insertStoryEntry,
  insertThought,
  listStoryEntryRows,
  listThoughtRows,
  roleLabels,
  type StoryEntryRow,
  saveCadenceRow,
  savePressReleaseRow,
  updateStoryEntryRow,
  updateThoughtRow,
} from "./story.repo.ts";
import { checkText } from "./writing-check.ts";

async function presentEntries(db: Db, userId: string, rows: StoryEntryRow[]) {
  const labels = await roleLabels(
    db,
    userId,
    rows.flatMap((row) => (row.portfolioRoleId ? [row.portfolioRoleId] : [])),
  );
  return rows.map((row) =>
    presentStoryEntry(row, row.portfolioRoleId ? labels.get(row.portfolioRoleId) : undefined),
  );
}

async function presentOne(db: Db, row: StoryEntryRow) {
  const [entry] = await presentEntries(db, row.userId, [row]);
  if (!entry) throw new Error("presenting returned no entry");
  return entry;
}

/** A story entry may name one of the member's own portfolio roles, and no one else's. */
async function checkRole(db: Db, userId: string, roleId: string | null) {
  if (roleId === null) return;
  const role = await findPortfolioRoleRow(db, roleId);
  if (!role || role.userId !== userId) {
    throw new AppError("VALIDATION", "Pick one of the roles in your portfolio, or none", "portfolioRoleId");
  }
}

async function requireEntry(db: Db, me: Viewer, id: string, action: "read" | "update" | "delete") {
  // Someone else's entry answers like a missing one, so its existence does not leak.
  return requireAccess(db, me, action, "storyEntry", await findStoryEntryRow(db, id));
}

export async function listMyStory(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "storyEntry");
  return { entries: await presentEntries(db, me.userId, await listStoryEntryRows(db, me.userId)) };
}

export async function addStoryEntry(db: Db, viewer: Viewer | null, input: StoryEntryInput) {
  const me = await requireAccess(db, viewer, "create", "storyEntry");
  await checkRole(db, me.userId, input.portfolioRoleId);
  return presentOne(db, await insertStoryEntry(db, me.userId, input));
}

export async function getStoryEntry(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  return presentOne(db, await requireEntry(db, me, id, "read"));
}

export async function editStoryEntry(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: StoryEntryInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  await requireEntry(db, me, id, "update");
  await checkRole(db, me.userId, input.portfolioRoleId);
  return presentOne(db, await updateStoryEntryRow(db, id, input, version));
}

export async function removeStoryEntry(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await requireEntry(db, me, id, "delete");
  await deleteStoryEntryRow(db, id);
  return { id };
}

export async function checkWriting(db: Db, viewer: Viewer | null, text: string) {
  // Checking text reads and stores nothing, but it is a member's tool like the rest of the story.
  await requireAccess(db, viewer, "read", "storyEntry");
  return { flags: checkText(text) };
}

async function releaseFor(db: Db, userId: string) {
  const [row, entries, plan] = [
    await findPressReleaseRow(db, userId),
    await listStoryEntryRows(db, userId),
    await findCareerPlanRow(db, userId),
  ];
  return presentPressRelease(row, entries, plan?.skipJob?.role ?? null);
}

export async function getMyPressRelease(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "pressRelease");
  return releaseFor(db, me.userId);
}

export async function saveMyPressRelease(
  db: Db,
  viewer: Viewer | null,
  { version, ...input }: PressReleaseInput & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "pressRelease");
  const own = new Set((await listStoryEntryRows(db, me.userId)).map((row) => row.id));
  const index = input.entryIds.findIndex((id) => !own.has(id));
  if (index >= 0) {
    throw new AppError("VALIDATION", "Pick entries from your own story", `entryIds.${index}`);
  }
  await savePressReleaseRow(db, me.userId, input, version);
  return releaseFor(db, me.userId);
}

export async function exportMyPressRelease(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "pressRelease");
  const release = await releaseFor(db, me.userId);
  const author = (await findSharer(db, me.userId))?.name ?? "";
  return { filename: "press-release.md", markdown: releaseMarkdown(composeRelease(release), author) };
}

async function thoughtLog(db: Db, userId: string) {
  const [rows, cadence, today] = [
    await listThoughtRows(db, userId),
    await findCadenceRow(db, userId),
    await memberToday(db, userId),
  ];
  return {
    items: rows.map(presentThought),
    progress: thoughtProgress(
      cadence?.cadence ?? null,
      cadence?.startedOn ?? null,
      rows.map((row) => row.happenedOn),
      today,
    ),
    cadenceVersion: cadence?.version ?? 0,
  };
}

export async function getMyThoughtLog(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "thoughtLeadership");
  return thoughtLog(db, me.userId);
}

export async function logThought(db: Db, viewer: Viewer | null, input: ThoughtInput) {
  const me = await requireAccess(db, viewer, "create", "thoughtLeadership");
  await insertThought(db, me.userId, input);
  return thoughtLog(db, me.userId);
}

async function requireThought(db: Db, me: Viewer, id: string, action: "update" | "delete") {
  return requireAccess(db, me, action, "thoughtLeadership", await findThoughtRow(db, id));
}

export async function editThought(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: ThoughtInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  await requireThought(db, me, id, "update");
  await updateThoughtRow(db, id, input, version);
  return thoughtLog(db, me.userId);
}

export async function removeThought(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await requireThought(db, me, id, "delete");
  await deleteThoughtRow(db, id);
  return thoughtLog(db, me.userId);
}

export async function setMyCadence(
  db: Db,
  viewer: Viewer | null,
  { cadence, version }: { cadence: Cadence | null } & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "thoughtLeadership");
  await saveCadenceRow(db, me.userId, cadence, await memberToday(db, me.userId), version);
  return thoughtLog(db, me.userId);
}

/** The story as a grantee sees it: the entries and the release, without the writing check's advice. */
export async function storyOf(db: Db, ownerId: string) {
  const rows = await listStoryEntryRows(db, ownerId);
  return { entries: await presentEntries(db, ownerId, rows), release: await releaseFor(db, ownerId) };
}
