import { createRoute, z } from "@hono/zod-openapi";
import { experienceKeys } from "../../../shared/experience.ts";
import { guideSteps } from "../../../shared/home.ts";
import { laneIds } from "../../../shared/lanes.ts";
import { milestoneStatuses, tourStatuses } from "../../../shared/tours.ts";
import { createRouter, errorResponses, jsonResponse } from "../../http/router.ts";
import { getMyHomeDashboard } from "./home.service.ts";

const rating = z.number().int().min(1).max(5);
const date = z.string().openapi({ format: "date" });

const dashboardOutput = z
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
        startsOn: date,
        endsOn: date,
        renegotiateOn: date.nullable(),
        nextMilestone: z
          .object({ id: z.string(), title: z.string(), dueOn: date, status: z.enum(milestoneStatuses) })
          .nullable(),
        milestonesDone: z.number().int(),
        milestonesTotal: z.number().int(),
      })
      .nullable(),
    decisionDue: z
      .object({ id: z.string(), dilemma: z.string(), revisitOn: date, dueCount: z.number().int() })
      .nullable(),
    lanes: z
      .object({
        worldClassLane: z.enum(laneIds).nullable(),
        worldClassRating: rating.nullable(),
        weakestLane: z.enum(laneIds),
        weakestRating: rating,
        assessedAt: z.string().openapi({ format: "date-time" }),
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
  .openapi("HomeDashboard");

const getDashboard = createRoute({
  method: "get",
  path: "/api/home",
  tags: ["Home"],
  summary:
    "Where my plan stands: the first-run guide, current tour, a decision to revisit, lanes, the biggest gap",
  responses: { ...jsonResponse(dashboardOutput, "My dashboard"), ...errorResponses(401) },
});

export function homeRoutes() {
  return createRouter().openapi(getDashboard, async (c) =>
    c.json(await getMyHomeDashboard(c.var.deps.db, c.var.viewer), 200),
  );
}
