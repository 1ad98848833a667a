import { z } from "zod";
import { addDays, formatCalendarDate, isNotInTheFuture } from "./calendar-date.ts";
import { calendarDate, dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { laneIds } from "./lanes.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

const text = (label: string, max: number) =>
  plainText().trim().max(max, `Keep ${label} under ${max} characters`).default("");

const versionOutput = z.number().int().meta({
  description:
    'The record\'s version: 1 when first saved, one more on every change. Send it back with a change; if the record changed since, the answer is 409 with field "version"',
});

// --- The writing check ---

export const writingFlagKinds = ["we", "passive", "vague"] as const;
export type WritingFlagKind = (typeof writingFlagKinds)[number];
export const writingFlagLabels: Record<WritingFlagKind, string> = {
  we: "“We” statement",
  passive: "Passive voice",
  vague: "Vague claim",
};

export const writingFlagOutput = z
  .object({
    kind: z.enum(writingFlagKinds),
    sentence: z.string(),
    why: z.string(),
    suggestion: z
      .string()
      .nullable()
      .meta({ description: "The sentence rewritten around “I”, as a suggestion only; null where none fits" }),
  })
  .meta({ id: "WritingFlag" });
export type WritingFlag = z.infer<typeof writingFlagOutput>;

export const writingCheckInput = z.strictObject({
  text: plainText().max(10_000, "Check at most 10,000 characters at a time"),
});
export const writingCheckOutput = z.object({ flags: z.array(writingFlagOutput) });

// --- Story entries ---

export const storyFields = ["problem", "actions", "headwinds", "overcome", "result"] as const;
export type StoryField = (typeof storyFields)[number];
export const storyFieldLabels: Record<StoryField, string> = {
  problem: "The problem",
  actions: "What I did",
  headwinds: "Headwinds",
  overcome: "How I overcame them",
  result: "The result",
};

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses");

export const storyEntryInput = z.strictObject({
  title: plainText()
    .trim()
    .min(1, "Name the role or project, such as “Checkout rebuild at Acme”")
    .max(160, "Keep the title under 160 characters"),
  portfolioRoleId: id.nullable().default(null),
  problem: text("the problem", 2000),
  actions: plainText()
    .trim()
    .min(1, "Write what you did: this is the heart of the story")
    .max(3000, "Keep what you did under 3000 characters"),
  skills: z
    .array(z.enum(laneIds, { error: "Pick skills from the six lanes" }))
    .refine((list) => new Set(list).size === list.length, "Pick each lane once")
    .default([]),
  headwinds: text("the headwinds", 2000),
  overcome: text("how you overcame them", 2000),
  result: text("the result", 2000),
});
export type StoryEntryInput = z.infer<typeof storyEntryInput>;
export const storyEntryUpdateInput = withVersion(storyEntryInput);

export const storyEntryOutput = z
  .object({
    id: z.string(),
    title: z.string(),
    portfolioRole: z.object({ id: z.string(), label: z.string() }).nullable(),
    problem: z.string(),
    actions: z.string(),
    skills: z.array(z.enum(laneIds)),
    headwinds: z.string(),
    overcome: z.string(),
    result: z.string(),
    flags: z
      .array(writingFlagOutput.extend({ field: z.enum(storyFields) }))
      .meta({ description: "The writing check's advice on each field; never a block" }),
    createdAt: instantOutput,
    updatedAt: instantOutput,
    version: versionOutput,
  })
  .meta({ id: "StoryEntry" });
export type StoryEntry = z.infer<typeof storyEntryOutput>;
export const storyEntryListOutput = z.object({ entries: z.array(storyEntryOutput) });
export const deletedOutput = z.object({ id: z.string() });

// --- Press release ---

/** Limits chosen so the whole release prints on one A4 or Letter page (a test prints it to check). */
export const pressReleaseLimits = {
  headline: 120,
  subhead: 240,
  problem: 700,
  whatIDid: 1100,
  quote: 400,
  whatsNext: 500,
} as const;

export const pressReleaseInput = z.strictObject({
  headline: text("the headline", pressReleaseLimits.headline),
  subhead: text("the subhead", pressReleaseLimits.subhead),
  problem: text("the problem", pressReleaseLimits.problem),
  whatIDid: text("what you did", pressReleaseLimits.whatIDid),
  quote: text("the quote", pressReleaseLimits.quote),
  quoteBy: text("who said it", 120),
  whatsNext: text("what's next", pressReleaseLimits.whatsNext),
  entryIds: z
    .array(id)
    .max(5, "Build the release from at most five entries: one page holds no more")
    .refine((list) => new Set(list).size === list.length, "Pick each entry once")
    .default([]),
});
export type PressReleaseInput = z.infer<typeof pressReleaseInput>;
export const pressReleaseUpdateInput = withVersion(pressReleaseInput);

export const pressReleaseOutput = z
  .object({
    headline: z.string(),
    subhead: z.string(),
    problem: z.string(),
    whatIDid: z.string(),
    quote: z.string(),
    quoteBy: z.string(),
    whatsNext: z.string(),
    entryIds: z.array(z.string()),
    skipJob: z
      .string()
      .nullable()
      .meta({ description: "The skip job from the career plan, the release's audience" }),
    draft: z
      .object({
        headline: z.string(),
        subhead: z.string(),
        problem: z.string(),
        whatIDid: z.string(),
        whatsNext: z.string(),
      })
      .meta({ description: "Text drawn from the chosen entries and the plan, offered for empty fields" }),
    saved: z.boolean(),
    version: versionOutput.meta({ description: "0 until first saved" }),
  })
  .meta({ id: "PressRelease" });
export type PressRelease = z.infer<typeof pressReleaseOutput>;

export const pressReleaseMarkdownOutput = z.object({ filename: z.string(), markdown: z.string() });

// --- Thought leadership ---

export const thoughtKinds = ["post", "talk", "answer"] as const;
export type ThoughtKind = (typeof thoughtKinds)[number];
export const thoughtKindLabels: Record<ThoughtKind, string> = {
  post: "Post",
  talk: "Talk",
  answer: "Answered question",
};

export const cadences = ["weekly", "fortnightly", "monthly", "quarterly"] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceDays: Record<Cadence, number> = {
  weekly: 7,
  fortnightly: 14,
  monthly: 31,
  quarterly: 92,
};
export const cadenceLabels: Record<Cadence, string> = {
  weekly: "One a week",
  fortnightly: "One every two weeks",
  monthly: "One a month",
  quarterly: "One a quarter",
};

const link = z
  .string()
  .trim()
  .max(500, "Keep the link under 500 characters")
  .refine(
    (value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value),
    "Enter a web address starting with https://",
  )
  .default("");

export const thoughtInput = z.strictObject({
  kind: z.enum(thoughtKinds, { error: "Pick post, talk or answered question" }),
  title: plainText().trim().min(1, "Give it a title").max(200, "Keep the title under 200 characters"),
  venue: text("where it appeared", 200),
  link,
  happenedOn: calendarDate("Enter the date, such as 2026-03-14").refine(
    isNotInTheFuture,
    "Log it once it has happened: the date cannot be in the future",
  ),
});
export type ThoughtInput = z.infer<typeof thoughtInput>;
export const thoughtUpdateInput = withVersion(thoughtInput);

export const cadenceInput = z.strictObject({
  cadence: z.enum(cadences, { error: "Pick weekly, fortnightly, monthly or quarterly, or none" }).nullable(),
});
export const cadenceUpdateInput = withVersion(cadenceInput);

export const thoughtOutput = z
  .object({
    id: z.string(),
    kind: z.enum(thoughtKinds),
    title: z.string(),
    venue: z.string(),
    link: z.string(),
    happenedOn: dayOutput,
    version: versionOutput,
  })
  .meta({ id: "ThoughtLeadershipItem" });
export type Thought = z.infer<typeof thoughtOutput>;

export const thoughtProgressOutput = z
  .object({
    cadence: z.enum(cadences).nullable(),
    lastOn: dayOutput.nullable(),
    nextDueOn: dayOutput.nullable().meta({ description: "The day the next one is due by the cadence" }),
    slipped: z.boolean(),
    inLast90Days: z.number().int(),
    summary: z.string().meta({ description: "Progress in words, for the next-level page" }),
  })
  .meta({ id: "ThoughtLeadershipProgress" });
export type ThoughtProgress = z.infer<typeof thoughtProgressOutput>;

export const thoughtLogOutput = z.object({
  items: z.array(thoughtOutput),
  progress: thoughtProgressOutput,
  cadenceVersion: versionOutput.meta({ description: "The cadence setting's version; 0 until first set" }),
});
export type ThoughtLog = z.infer<typeof thoughtLogOutput>;

export type ComposedRelease = {
  headline: string;
  subhead: string;
  problem: string;
  whatIDid: string;
  quote: string;
  quoteBy: string;
  whatsNext: string;
};

/** What the release says: the member's own words, and the draft from their entries where they wrote none. */
export function composeRelease(release: PressRelease): ComposedRelease {
  return {
    headline: release.headline || release.draft.headline,
    subhead: release.subhead || release.draft.subhead,
    problem: release.problem || release.draft.problem,
    whatIDid: release.whatIDid || release.draft.whatIDid,
    quote: release.quote,
    quoteBy: release.quoteBy,
    whatsNext: release.whatsNext || release.draft.whatsNext,
  };
}

/** The release as Markdown, the same text the printable page shows. */
export function releaseMarkdown(release: ComposedRelease, author: string): string {
  const parts = [`# ${release.headline || "My career, in one page"}`];
  if (release.subhead) parts.push(`_${release.subhead}_`);
  parts.push(`By ${author}`);
  if (release.problem) parts.push(`## The problem\n\n${release.problem}`);
  if (release.whatIDid) parts.push(`## What I did\n\n${release.whatIDid}`);
  if (release.quote) {
    const quote = release.quote
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n");
    parts.push(release.quoteBy ? `${quote}\n>\n> — ${release.quoteBy}` : quote);
  }
  if (release.whatsNext) parts.push(`## What's next\n\n${release.whatsNext}`);
  return `${parts.join("\n\n")}\n`;
}

/** Progress against a cadence: when the last one was, when the next is due, and whether it slipped. */
export function thoughtProgress(
  cadence: Cadence | null,
  startedOn: string | null,
  days: string[],
  today: string,
): ThoughtProgress {
  const lastOn = days.reduce<string | null>(
    (latest, day) => (latest === null || day > latest ? day : latest),
    null,
  );
  const since = addDays(today, -90);
  const inLast90Days = days.filter((day) => day > since && day <= today).length;
  if (!cadence) {
    return {
      cadence: null,
      lastOn,
      nextDueOn: null,
      slipped: false,
      inLast90Days,
      summary:
        inLast90Days > 0
          ? `${inLast90Days} in the last 90 days. Set a cadence to keep the habit.`
          : "Nothing logged in the last 90 days. Set a cadence and log your first post, talk or answer.",
    };
  }
  const anchor = lastOn && (!startedOn || lastOn > startedOn) ? lastOn : (startedOn ?? today);
  const nextDueOn = addDays(anchor, cadenceDays[cadence]);
  const slipped = today > nextDueOn;
  const label = cadenceLabels[cadence].toLowerCase();
  return {
    cadence,
    lastOn,
    nextDueOn,
    slipped,
    inLast90Days,
    summary: slipped
      ? `Slipped: your cadence is ${label}, and the next was due by ${formatCalendarDate(nextDueOn)}. Log one to get back on track.`
      : `On track for ${label}: ${inLast90Days} in the last 90 days, the next due by ${formatCalendarDate(nextDueOn)}.`,
  };
}
