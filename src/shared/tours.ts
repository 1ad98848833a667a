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

/**
 * Advice, not rules: the form shows these while typing and the API returns them with every tour.
 * Ranges touching on one boundary day (one tour ends the day the next starts) do not overlap.
 */
export function tourWarnings(
  tour: { id?: string; startsOn: string; endsOn: string; endedOn?: string | null },
  others: readonly { id: string; title: string; startsOn: string; endsOn: string; endedOn: string | null }[],
): TourWarning[] {
  const warnings: TourWarning[] = [];
  if (tour.endsOn > tour.startsOn) {
    const start = parseISO(tour.startsOn);
    const after = addDays(parseISO(tour.endsOn), 1);
    const months = monthsLong(tour.startsOn, tour.endsOn);
    const unit = months === 1 ? "month" : "months";
    if (after < addMonths(start, tourMonths.min)) {
      warnings.push({
        code: "too_short",
        message: `This tour is about ${months} ${unit} long. Tours of duty usually run ${tourMonths.min} to ${tourMonths.max} months: long enough to finish something that matters.`,
      });
    } else if (after > addMonths(start, tourMonths.max)) {
      warnings.push({
        code: "too_long",
        message: `This tour is about ${months} ${unit} long. Tours of duty usually run ${tourMonths.min} to ${tourMonths.max} months; consider splitting it, so you and your manager renegotiate sooner.`,
      });
    }
  }
  // Length is judged on the plan as agreed; overlap on the days each tour actually ran.
  const end = lastDayOf({ endsOn: tour.endsOn, endedOn: tour.endedOn ?? null });
  for (const other of others) {
    if (other.id === tour.id) continue;
    const otherEnd = lastDayOf(other);
    if (other.startsOn < end && tour.startsOn < otherEnd) {
      warnings.push({
        code: "overlap",
        tourId: other.id,
        message: `Overlaps “${other.title}” (${formatCalendarDate(other.startsOn)} – ${formatCalendarDate(otherEnd)}).`,
      });
    }
  }
  return warnings;
}
