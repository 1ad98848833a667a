import { addDays, addMonths, differenceInCalendarDays, differenceInMonths, parseISO } from "date-fns";
import { z } from "zod";
import { formatCalendarDate, isCalendarDate } from "./calendar-date.ts";
import { calendarDate, dayOutput } from "./calendar-date-schema.ts";
import { cutAtWord } from "./cut-at-word.ts";
import { experienceKey, experienceKeys } from "./experience.ts";
import { laneIds } from "./lanes.ts";
import { nextCursorOutput } from "./page.ts";
import { plainText } from "./text.ts";
import { milestoneStatuses, tourStatuses } from "./tour-words.ts";
import { withVersion } from "./version.ts";

export * from "./tour-words.ts";

/** Tours of duty are usually 12 to 18 months: long enough to finish something, short enough to renegotiate. */
export const tourMonths = { min: 12, max: 18 } as const;

const distinct = <T>(items: T[]) => new Set(items).size === items.length;

export const tourInput = z
  .object({
    title: plainText().trim().min(1, "Give the tour a title").max(120, "Keep the title under 120 characters"),
    mission: plainText()
      .trim()
      .min(1, "Write the tour's mission: what you will accomplish for the company and for yourself")
      .max(1000, "Keep the mission under 1000 characters"),
    startsOn: calendarDate("Enter the start date as a date, such as 2026-01-15"),
    endsOn: calendarDate("Enter the end date as a date, such as 2027-06-30"),
    renegotiateOn: calendarDate("Enter the renegotiation date as a date, such as 2026-12-01")
      .nullable()
      .default(null),
    lanes: z
      .array(z.enum(laneIds, { error: "Pick lanes from the six lanes" }), {
        error: "Pick lanes from the six lanes",
      })
      .refine(distinct, "Pick each lane once")
      .default([]),
    experiences: z
      .array(experienceKey, { error: "Pick experiences from the list" })
      .refine(distinct, "Pick each experience once")
      .default([]),
  })
  .strict()
  .superRefine((tour, ctx) => {
    // A date that is not one already has its own message; comparing it would only add noise (or throw).
    if (![tour.startsOn, tour.endsOn, tour.renegotiateOn ?? tour.startsOn].every(isCalendarDate)) return;
    if (tour.endsOn <= tour.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "End the tour after it starts" });
      return;
    }
    if (tour.renegotiateOn && (tour.renegotiateOn < tour.startsOn || tour.renegotiateOn > tour.endsOn)) {
      ctx.addIssue({
        code: "custom",
        path: ["renegotiateOn"],
        message: `Set the renegotiation date within the tour, between ${formatCalendarDate(tour.startsOn)} and ${formatCalendarDate(tour.endsOn)}`,
      });
    }
  });
export type TourInput = z.infer<typeof tourInput>;
/** A change to a tour: every field, and the version it was based on. */
export const tourUpdateInput = withVersion(tourInput);

const suggestedTitleLength = 80;

/**
 * A title drawn from a suggested mission, so a tour turned from a portfolio gap can be created at once:
 * the mission's first clause ("Manage people: take a role…" → "Manage people"), cut at a word if long.
 */
export function suggestTourTitle(mission: string): string {
  const clause = (mission.split(/[:;.!?\n]| — | – /)[0] ?? "").replace(/\s+/g, " ").trim();
  if (clause === "") return "";
  return cutAtWord(clause.charAt(0).toUpperCase() + clause.slice(1), suggestedTitleLength);
}

export const tourOrderInput = z
  .object({
    ids: z
      .array(z.string({ error: "List tour ids as text" }), {
        error: "Send ids: every tour's id in the new order",
      })
      .max(500, "That is more tours than anyone has"),
  })
  .strict();
/** The order, with the version of the order it was based on (the tour list's `version`). */
export const tourOrderUpdateInput = withVersion(tourOrderInput);
export type TourOrderInput = z.infer<typeof tourOrderInput>;

const tourIdText = (field: string) =>
  z
    .string({ error: `Send ${field} as a tour id` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `Send ${field} as a tour id: this one has characters no Sidecar id uses`);
const moveTargets = ["before", "after", "position"] as const;

/** Where one tour goes: before or after another tour, or to a place (1 for first). Exactly one of them. */
export const tourMoveInput = z
  .object({
    before: tourIdText("before").optional(),
    after: tourIdText("after").optional(),
    position: z
      .number({ error: "Send position as a whole number, 1 for first" })
      .int("Send position as a whole number, 1 for first")
      .min(1, "Positions start at 1, for the first tour")
      .max(500, "That is more tours than anyone has")
      .optional(),
  })
  .strict()
  .superRefine((move, ctx) => {
    const given = moveTargets.filter((key) => move[key] !== undefined);
    if (given.length === 1) return;
    ctx.addIssue({
      code: "custom",
      path: [given[1] ?? "position"],
      message:
        given.length === 0
          ? "Say where the tour goes: before or after another tour's id, or a position"
          : "Say where the tour goes in one way only: before, after or position",
    });
  });
export type TourMoveInput = z.infer<typeof tourMoveInput>;
/** A move, with the version of the order it was based on (the tour list's `version`). */
export const tourMoveUpdateInput = withVersion(tourMoveInput);

export const tourMoveOutput = z
  .object({
    id: z.string(),
    position: z.number().int().meta({ description: "The moved tour's new place, 1 for first" }),
    version: z.number().int().meta({ description: "The new version of my order of tours" }),
  })
  .meta({ id: "TourMove" });

export const endTourInput = z
  .object({
    endedOn: calendarDate("Enter the day the tour ended, such as 2026-09-30"),
    reason: plainText()
      .trim()
      .min(1, "Say why the tour ended early; it helps when you plan the next one")
      .max(1000, "Keep the reason under 1000 characters"),
  })
  .strict();
export type EndTourInput = z.infer<typeof endTourInput>;
export const endTourUpdateInput = withVersion(endTourInput);

export const milestoneInput = z
  .object({
    title: plainText()
      .trim()
      .min(1, "Give the milestone a title")
      .max(200, "Keep the milestone under 200 characters"),
    dueOn: calendarDate("Enter the due date as a date, such as 2026-06-30"),
    status: z
      .enum(milestoneStatuses, { error: "Pick planned, in progress, done or missed" })
      .default("planned"),
    doneOn: calendarDate("Enter the day it was done as a date, such as 2026-06-28").nullable().default(null),
  })
  .strict()
  .superRefine((milestone, ctx) => {
    if (milestone.status === "done" && !milestone.doneOn) {
      ctx.addIssue({ code: "custom", path: ["doneOn"], message: "Enter the day it was done" });
    }
    if (milestone.status !== "done" && milestone.doneOn) {
      ctx.addIssue({
        code: "custom",
        path: ["doneOn"],
        message: "Only a done milestone has a done date: clear it or mark the milestone done",
      });
    }
  });
export type MilestoneInput = z.infer<typeof milestoneInput>;
export const milestoneUpdateInput = withVersion(milestoneInput);

export const tourWarningOutput = z.object({
  code: z.enum(["too_short", "too_long", "overlap"]),
  message: z.string(),
  tourId: z.string().optional().meta({ description: "The overlapping tour" }),
});
export type TourWarning = z.infer<typeof tourWarningOutput>;

/** Every editable record answers with its version; a change sends it back (see docs/concurrency.md). */
const recordVersion = z.number().int().meta({
  description:
    'The record\'s version: 1 when first saved, one more on every change. Send it back with a change; if the record changed since, the answer is 409 with field "version"',
});

export const milestoneOutput = z
  .object({
    id: z.string(),
    title: z.string(),
    dueOn: dayOutput,
    status: z.enum(milestoneStatuses),
    doneOn: dayOutput.nullable(),
    version: recordVersion,
  })
  .meta({ id: "TourMilestone" });
export type Milestone = z.infer<typeof milestoneOutput>;

export const tourOutput = z
  .object({
    id: z.string(),
    position: z.number().int().meta({ description: "1 for the first tour in the member's order" }),
    title: z.string(),
    mission: z.string(),
    startsOn: dayOutput,
    endsOn: dayOutput,
    renegotiateOn: dayOutput.nullable(),
    lanes: z.array(z.enum(laneIds)),
    experiences: z.array(z.enum(experienceKeys)),
    status: z.enum(tourStatuses),
    endedOn: dayOutput.nullable(),
    endReason: z.string().nullable(),
    milestones: z.array(milestoneOutput),
    warnings: z
      .array(tourWarningOutput)
      .meta({ description: "Advice that does not stop saving: length outside 12–18 months, overlaps" }),
    version: recordVersion,
  })
  .meta({ id: "Tour" });
export type Tour = z.infer<typeof tourOutput>;

/** The member's tours in their order; `version` is the order's, sent back to reorder. */
export const tourListOutput = z
  .object({
    tours: z.array(tourOutput),
    version: z.number().int().meta({
      description: "The version of my order of tours (0 before the first tour); send it back to reorder",
    }),
    nextCursor: nextCursorOutput,
  })
  .meta({ id: "TourList" });
export type TourList = z.infer<typeof tourListOutput>;

/** The status follows from the dates, so it can never disagree with them; only ending early is stored. */
export function tourStatus(
  tour: { startsOn: string; endsOn: string; endedOn: string | null },
  today: string,
) {
  if (tour.endedOn) return "ended_early" as const;
  if (tour.startsOn > today) return "planned" as const;
  if (tour.endsOn < today) return "completed" as const;
  return "active" as const;
}

/** The last day the tour runs: the day it ended early, or its planned end. */
export function lastDayOf(tour: { endsOn: string; endedOn: string | null }): string {
  return tour.endedOn ?? tour.endsOn;
}

function monthsLong(startsOn: string, endsOn: string): number {
  // The end date is the tour's last day, so 1 Jan to 31 Dec reads as twelve months.
  const start = parseISO(startsOn);
  const after = addDays(parseISO(endsOn), 1);
  const months = differenceInMonths(after, start);
  const remainder = differenceInCalendarDays(after, addMonths(start, months));
  return remainder >= 15 ? months + 1 : months;
}

type TourSpan = { id?: string; startsOn: string; endsOn: string; endedOn?: string | null };
type OtherTour = { id: string; title: string; startsOn: string; endsOn: string; endedOn: string | null };

function lengthWarnings(tour: TourSpan): TourWarning[] {
  if (tour.endsOn <= tour.startsOn) return [];
  const start = parseISO(tour.startsOn);
  const after = addDays(parseISO(tour.endsOn), 1);
  const months = monthsLong(tour.startsOn, tour.endsOn);
  const unit = months === 1 ? "month" : "months";
  if (after < addMonths(start, tourMonths.min)) {
    return [
      {
        code: "too_short",
        message: `This tour is about ${months} ${unit} long. Tours of duty usually run ${tourMonths.min} to ${tourMonths.max} months: long enough to finish something that matters.`,
      },
    ];
  }
  if (after > addMonths(start, tourMonths.max)) {
    return [
      {
        code: "too_long",
        message: `This tour is about ${months} ${unit} long. Tours of duty usually run ${tourMonths.min} to ${tourMonths.max} months; consider splitting it, so you and your manager renegotiate sooner.`,
      },
    ];
  }
  return [];
}

type Swept = { start: string; end: string; id: string | undefined; index: number; other: boolean };

/**
 * The overlap warnings of each of `tours` against `others`, by sort and sweep: ordered by first day,
 * a span only meets the spans still running when it starts, so pairs that cannot meet are never
 * compared, and each other tour's dates are formatted once, however many tours it overlaps.
 */
function overlapWarnings(tours: readonly TourSpan[], others: readonly OtherTour[]): TourWarning[][] {
  const found: { other: number; warning: TourWarning }[][] = tours.map(() => []);
  const spans: Swept[] = [
    ...tours.map((tour, index) => ({
      start: tour.startsOn,
      end: lastDayOf({ endsOn: tour.endsOn, endedOn: tour.endedOn ?? null }),
      id: tour.id,
      index,
      other: false,
    })),
    ...others.map((tour, index) => ({
      start: tour.startsOn,
      end: lastDayOf(tour),
      id: tour.id,
      index,
      other: true,
    })),
  ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const messages = new Map<number, string>();
  const messageOf = (index: number) => {
    let message = messages.get(index);
    if (message === undefined) {
      const other = others[index] as OtherTour;
      message = `Overlaps “${other.title}” (${formatCalendarDate(other.startsOn)} – ${formatCalendarDate(lastDayOf(other))}).`;
      messages.set(index, message);
    }
    return message;
  };
  let runningTours: Swept[] = [];
  let runningOthers: Swept[] = [];
  for (const span of spans) {
    // A span that ended by this one's first day meets neither it nor any span after it.
    runningTours = runningTours.filter((running) => running.end > span.start);
    runningOthers = runningOthers.filter((running) => running.end > span.start);
    for (const running of span.other ? runningTours : runningOthers) {
      const [tour, other] = span.other ? [running, span] : [span, running];
      // Ranges touching on one boundary day (one tour ends the day the next starts) do not overlap.
      if (other.id === tour.id || !(other.start < tour.end && tour.start < other.end)) continue;
      found[tour.index]?.push({
        other: other.index,
        warning: { code: "overlap", tourId: other.id, message: messageOf(other.index) },
      });
    }
    (span.other ? runningOthers : runningTours).push(span);
  }
  // In the order of `others` (the member's order), as a page lists them.
  return found.map((list) => list.sort((a, b) => a.other - b.other).map((item) => item.warning));
}

/**
 * Advice, not rules: the form shows these while typing and the API returns them with every tour.
 * Length is judged on the plan as agreed; overlap on the days each tour actually ran.
 */
export function tourWarnings(tour: TourSpan, others: readonly OtherTour[]): TourWarning[] {
  return [...lengthWarnings(tour), ...(overlapWarnings([tour], others)[0] ?? [])];
}

/** The warnings of many tours at once (a list or a page), against `others`: one sweep for them all. */
export function tourListWarnings(tours: readonly TourSpan[], others: readonly OtherTour[]): TourWarning[][] {
  const overlaps = overlapWarnings(tours, others);
  return tours.map((tour, index) => [...lengthWarnings(tour), ...(overlaps[index] ?? [])]);
}
