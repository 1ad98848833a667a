import { createRoute, z } from "@hono/zod-openapi";
import { experienceKeys } from "../../../shared/experience.ts";
import { laneIds } from "../../../shared/lanes.ts";
import { levels } from "../../../shared/profile.ts";
import { targetRoleCheckUpdateInput } from "../../../shared/target-roles.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, versionOutput } from "../../http/router.ts";
import { getTargetRole, setTargetRoleCheck } from "./target-role.service.ts";

const isoDate = z.string().openapi({ format: "date", example: "2025-03-14" });

const targetRoleOutput = z
  .object({
    level: z.enum(levels).nullable().openapi({ description: "My level from my profile; null when not set" }),
    levelLabel: z.string().nullable(),
    nextLevel: z.enum(levels).nullable().openapi({ description: "Null when no level is set, or at the top" }),
    nextLevelLabel: z.string().nullable(),
    summary: z.string().nullable(),
    lanesAssessedAt: z.string().nullable().openapi({ format: "date-time" }),
    hurdles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        actions: z.array(z.string()),
        checks: z.array(
          z.object({
            id: z.string(),
            text: z.string(),
            checkedOn: isoDate.nullable(),
            version: versionOutput.openapi({
              description: "The item's version; 0 before it was first ticked",
            }),
          }),
        ),
        experiences: z.array(
          z.object({
            key: z.enum(experienceKeys),
            label: z.string(),
            covered: z.boolean(),
            roles: z.array(z.object({ id: z.string(), label: z.string() })),
          }),
        ),
        lanes: z.array(
          z.object({ id: z.enum(laneIds), label: z.string(), rating: z.number().int().nullable() }),
        ),
      }),
    ),
  })
  .openapi("TargetRole");

const getRoute = createRoute({
  method: "get",
  path: "/api/target-role",
  tags: ["Target role"],
  summary: "The hurdles between my level and the next, with my checklist and my matching experience",
  responses: { ...jsonResponse(targetRoleOutput, "My next-level view"), ...errorResponses(401) },
});

const putCheck = createRoute({
  method: "put",
  path: "/api/target-role/checks/{itemId}",
  tags: ["Target role"],
  summary: "Tick or untick one item of my next-level checklist",
  request: {
    params: z.object({
      itemId: z
        .string()
        .regex(/^[a-z0-9_.-]{1,120}$/, "This checklist item id is not valid: it has characters no item uses"),
    }),
    ...jsonBody(targetRoleCheckUpdateInput),
  },
  responses: {
    ...jsonResponse(
      z.object({ id: z.string(), checkedOn: isoDate.nullable(), version: versionOutput }),
      "The item, with the date it was ticked",
    ),
    ...errorResponses(400, 401, 404, 409),
  },
});

export function targetRoleRoutes() {
  return createRouter()
    .openapi(getRoute, async (c) => c.json(await getTargetRole(c.var.deps.db, c.var.viewer), 200))
    .openapi(putCheck, async (c) =>
      c.json(
        await setTargetRoleCheck(
          c.var.deps.db,
          c.var.viewer,
          c.req.valid("param").itemId,
          c.req.valid("json"),
        ),
        200,
      ),
    );
}
