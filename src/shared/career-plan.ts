import { z } from "zod";
import { currentYear, isNotInTheFuture } from "./calendar-date.ts";
import { calendarDate, dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { experienceKey, experienceKeys } from "./experience.ts";
import { laneIds } from "./lanes.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

/** How far ahead a North Star may sit: a whole career, not a lifetime. */
export const maxHorizonYears = 40;
const minPlanYear = 1950;

export const givingForms = ["content", "volunteering", "mission_company", "coaching"] as const;
export type GivingForm = (typeof givingForms)[number];
export const givingFormLabels: Record<GivingForm, string> = {
  content: "Content: writing, talks, teaching",
  volunteering: "Volunteering",
  mission_company: "A mission-based company",
  coaching: "Coaching and mentoring",
};

const role = (missing: string) =>
  plainText().trim().min(1, missing).max(120, "Keep the role under 120 characters");

/** How each year reads in a message, by the field that holds it. */
export const planYearLabels = {
  "northStar.horizonYear": "the year you aim to get there",
  "skipJob.targetYear": "the skip job's year",
  "nextJob.targetYear": "the next job's year",
} as const;
export type PlanYearField = keyof typeof planYearLabels;

export function pastYearMessage(field: PlanYearField, thisYear: number): string {
  return `Pick ${planYearLabels[field]}: ${thisYear} or later`;
}

// Only the upper bound is checked here. "Not in the past" depends on what is stored (a plan saved
// last year keeps its years; a reached North Star's horizon may be past), so the server checks it.
const year = (field: PlanYearField) => {
  const what = planYearLabels[field];
  return z
    .number({ error: `Enter ${what} as a year, such as ${currentYear() + 5}` })
    .int(`Enter ${what} as a whole year, such as ${currentYear() + 5}`)
    .superRefine((value, ctx) => {
      if (value < minPlanYear)
        ctx.addIssue({ code: "custom", message: `Pick ${what}: ${minPlanYear} or later` });
      else if (value > currentYear() + maxHorizonYears)
        ctx.addIssue({ code: "custom", message: `Pick ${what} at most ${maxHorizonYears} years ahead` });
    });
};

/** The years a plan sets, by field; a part or year not set reads as null. */
export function planYears(plan: {
  northStar?: { horizonYear: number } | null;
  skipJob?: { targetYear: number | null } | null;
  nextJob?: { targetYear: number | null } | null;
}): Record<PlanYearField, number | null> {
  return {
    "northStar.horizonYear": plan.northStar?.horizonYear ?? null,
    "skipJob.targetYear": plan.skipJob?.targetYear ?? null,
    "nextJob.targetYear": plan.nextJob?.targetYear ?? null,
  };
}

export const northStarInput = z
  .object({
    role: role("Name the role you are working toward, such as Chief Product Officer"),
    companyKind: plainText().trim().max(160, "Keep the kind of company under 160 characters").default(""),
    knownFor: plainText()
      .trim()
      .max(500, "Keep what you want to be known for under 500 characters")
      .default(""),
    horizonYear: year("northStar.horizonYear"),
  })
  .strict();
export type NorthStarInput = z.infer<typeof northStarInput>;

export const skipJobNeedInput = z
  .object({
    text: plainText()
      .trim()
      .min(1, "Describe what the skip job needs, or remove the empty line")
      .max(200, "Keep each need under 200 characters"),
    lane: z.enum(laneIds, { error: "Pick a lane from the six lanes" }).nullable().default(null),
    experience: experienceKey.nullable().default(null),
  })
  .strict();
export type SkipJobNeed = z.infer<typeof skipJobNeedInput>;

export const skipJobInput = z
  .object({
    role: role("Name the job after next, such as Head of Product"),
    targetYear: year("skipJob.targetYear").nullable().default(null),
    needs: z.array(skipJobNeedInput).max(20, "Keep to 20 needs: the ones that matter most").default([]),
  })
  .strict();
export type SkipJobInput = z.infer<typeof skipJobInput>;

export const nextJobInput = z
  .object({
    role: role("Name your next job, such as Senior PM"),
    targetYear: year("nextJob.targetYear").nullable().default(null),
  })
  .strict();
export type NextJobInput = z.infer<typeof nextJobInput>;

// The parts are worked back from the North Star, so their years must come in that order.
export const careerPlanInput = z
  .object({
    northStar: northStarInput.nullable(),
    skipJob: skipJobInput.nullable(),
    nextJob: nextJobInput.nullable(),
  })
  .strict()
  .superRefine(({ northStar, skipJob, nextJob }, ctx) => {
    const horizon = northStar?.horizonYear;
    const skipYear = skipJob?.targetYear ?? null;
    const nextYear = nextJob?.targetYear ?? null;
    if (horizon !== undefined && skipYear !== null && skipYear > horizon) {
      ctx.addIssue({
        code: "custom",
        path: ["skipJob", "targetYear"],
        message: `The skip job comes before your North Star: pick ${horizon} or earlier`,
      });
    }
    if (nextYear !== null && skipYear !== null && nextYear >= skipYear) {
      ctx.addIssue({
        code: "custom",
        path: ["nextJob", "targetYear"],
        message: `Your next job comes before the skip job: pick a year before ${skipYear}`,
      });
    } else if (horizon !== undefined && nextYear !== null && nextYear > horizon) {
      ctx.addIssue({
        code: "custom",
        path: ["nextJob", "targetYear"],
        message: `Your next job comes before your North Star: pick ${horizon} or earlier`,
      });
    }
  });
export type CareerPlanInput = z.infer<typeof careerPlanInput>;
/** The plan's `version` is 0 until its first save. */
export const careerPlanUpdateInput = withVersion(careerPlanInput);

export const northStarReachedInput = z
  .object({
    reachedOn: calendarDate("Enter the date you reached your North Star").refine(
      isNotInTheFuture,
      "The date you reached it cannot be in the future",
    ),
  })
  .strict();
export type NorthStarReachedInput = z.infer<typeof northStarReachedInput>;
export const northStarReachedUpdateInput = withVersion(northStarReachedInput);

const stepInput = z
  .object({
    text: plainText()
      .trim()
      .min(1, "Write the step, or remove the empty line")
      .max(200, "Keep each step under 200 characters"),
    done: z.boolean({ error: "Mark the step done or not done" }).default(false),
  })
  .strict();
const steps = z.array(stepInput).max(10, "Keep to 10 first steps; add more as you finish these").default([]);

export const actThreeInput = z
  .object({
    economics: z
      .object({
        description: plainText()
          .trim()
          .min(1, "Describe your scaled-economics arc: what you will invest in or build up")
          .max(2000, "Keep the description under 2000 characters"),
        steps,
      })
      .strict(),
    giving: z
      .object({
        description: plainText()
          .trim()
          .min(1, "Describe your giving arc: who you will give to and how")
          .max(2000, "Keep the description under 2000 characters"),
        forms: z
          .array(z.enum(givingForms, { error: "Pick ways of giving from the list" }))
          .min(1, "Pick at least one way of giving")
          .refine((forms) => new Set(forms).size === forms.length, "Pick each way of giving once"),
        steps,
      })
      .strict(),
  })
  .strict();
export type ActThreeInput = z.infer<typeof actThreeInput>;
export const actThreeUpdateInput = withVersion(actThreeInput);

const stepsOutput = z.array(z.object({ text: z.string(), done: z.boolean() }));

export const careerPlanOutput = z
  .object({
    northStar: z
      .object({
        role: z.string(),
        companyKind: z.string(),
        knownFor: z.string(),
        horizonYear: z.number().int(),
        reachedOn: dayOutput.nullable(),
      })
      .nullable(),
    skipJob: z
      .object({
        role: z.string(),
        targetYear: z.number().int().nullable(),
        needs: z.array(z.string()).meta({ description: "The needs as plain text, in the person's order" }),
        needDetails: z
          .array(
            z.object({
              text: z.string(),
              lane: z.enum(laneIds).nullable(),
              experience: z.enum(experienceKeys).nullable(),
            }),
          )
          .meta({ description: "The same needs, each with the lane or experience it names" }),
      })
      .nullable(),
    nextJob: z.object({ role: z.string(), targetYear: z.number().int().nullable() }).nullable(),
    actThree: z
      .object({
        economics: z.object({ description: z.string(), steps: stepsOutput }),
        giving: z.object({
          description: z.string(),
          forms: z.array(z.enum(givingForms)),
          steps: stepsOutput,
        }),
      })
      .nullable(),
    updatedAt: instantOutput.nullable(),
    version: z
      .number()
      .int()
      .meta({ description: "One version for the whole plan, Act Three included; 0 before the first save" }),
  })
  .meta({ id: "CareerPlan" });
export type CareerPlan = z.infer<typeof careerPlanOutput>;
