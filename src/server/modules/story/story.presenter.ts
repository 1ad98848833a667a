import {
  type PressRelease,
  pressReleaseLimits,
  type StoryEntry,
  storyFields,
  type Thought,
} from "../../../shared/story.ts";
import type { PressReleaseRow, StoryEntryRow, ThoughtRow } from "./story.repo.ts";
import { checkText } from "./writing-check.ts";

export function presentStoryEntry(row: StoryEntryRow, roleLabel: string | undefined): StoryEntry {
  return {
    id: row.id,
    title: row.title,
    portfolioRole:
      row.portfolioRoleId && roleLabel !== undefined ? { id: row.portfolioRoleId, label: roleLabel } : null,
    problem: row.problem,
    actions: row.actions,
    skills: [...row.skills],
    headwinds: row.headwinds,
    overcome: row.overcome,
    result: row.result,
    flags: storyFields.flatMap((field) => checkText(row[field]).map((flag) => ({ ...flag, field }))),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastStop = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf(".\n"));
  return lastStop > max / 2 ? cut.slice(0, lastStop + 1) : `${cut.replace(/\s+\S*$/, "")}…`;
}

export function presentPressRelease(
  row: PressReleaseRow | undefined,
  entries: StoryEntryRow[],
  skipJob: string | null,
): PressRelease {
  const entryIds = row?.entryIds ?? [];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  // The release is built from the entries the member chose, or all of them until they choose.
  const chosen = (entryIds.length > 0 ? entryIds.map((id) => byId.get(id)) : entries).filter(
    (entry): entry is StoryEntryRow => entry !== undefined,
  );
  const first = chosen[0];
  const did = chosen
    .map((entry) => [entry.actions, entry.result].filter(Boolean).join(" "))
    .filter(Boolean)
    .join("\n\n");
  return {
    headline: row?.headline ?? "",
    subhead: row?.subhead ?? "",
    problem: row?.problem ?? "",
    whatIDid: row?.whatIDid ?? "",
    quote: row?.quote ?? "",
    quoteBy: row?.quoteBy ?? "",
    whatsNext: row?.whatsNext ?? "",
    entryIds: entryIds.filter((id) => byId.has(id)),
    skipJob,
    draft: {
      headline: clip(first?.title ?? "", pressReleaseLimits.headline),
      subhead: skipJob ? clip(`The work that readies me for ${skipJob}`, pressReleaseLimits.subhead) : "",
      problem: clip(first?.problem ?? "", pressReleaseLimits.problem),
      whatIDid: clip(did, pressReleaseLimits.whatIDid),
      whatsNext: skipJob ? clip(`Next: ${skipJob}.`, pressReleaseLimits.whatsNext) : "",
    },
    saved: row !== undefined,
    version: row?.version ?? 0,
  };
}

export function presentThought(row: ThoughtRow): Thought {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    venue: row.venue,
    link: row.link,
    happenedOn: row.happenedOn,
    version: row.version,
  };
}
