import { z } from "zod";
import { dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { experienceKeys } from "./experience.ts";
import { laneIds } from "./lanes.ts";
import { milestoneStatuses, tourStatuses } from "./tours.ts";

/** The first-run guide's steps, in the order a new member takes them. */
export const guideSteps = ["north-star", "lanes", "portfolio", "first-tour"] as const;
export type GuideStep = (typeof guideSteps)[number];

const rating = z.number().int().min(1).max(5);

export const homeDashboardOutput = z
  .object({
    guide: z.object({
      steps: z.array(z.object({ step: z.enum(guideSteps), done: z.boolean() })),
      complete: z.boolean(),
    }),
    northStar: z.object({ role: z.string(), horizonYear: z.number().int(), reached: z.boolean() }).nullable(),
    skipJob: z.object({ role: z.string(), targetYear: z.number().int().nullable() }).nullable(),
    tour: z
      .object({
        id: z.string(),
        title: z.string(),
        status: z.enum(tourStatuses),
        startsOn: dayOutput,
        endsOn: dayOutput,
        renegotiateOn: dayOutput.nullable(),
        nextMilestone: z
          .object({ id: z.string(), title: z.string(), dueOn: dayOutput, status: z.enum(milestoneStatuses) })
          .nullable(),
        milestonesDone: z.number().int(),
        milestonesTotal: z.number().int(),
      })
      .nullable(),
    decisionDue: z
      .object({ id: z.string(), dilemma: z.string(), revisitOn: dayOutput, dueCount: z.number().int() })
      .nullable(),
    lanes: z
      .object({
        worldClassLane: z.enum(laneIds).nullable(),
        worldClassRating: rating.nullable(),
        weakestLane: z.enum(laneIds),
        weakestRating: rating,
        assessedAt: instantOutput,
      })
      .nullable(),
    biggestGap: z
      .object({
        mission: z.string(),
        experiences: z.array(z.enum(experienceKeys)),
        tourPath: z.string(),
        gapCount: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: "HomeDashboard" });
export type HomeDashboard = z.infer<typeof homeDashboardOutput>;
