import { createRoute, z } from "@hono/zod-openapi";
import {
  targetRoleCheckOutput,
  targetRoleCheckUpdateInput,
  targetRoleOutput,
} from "../../../shared/target-roles.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import { getTargetRole, setTargetRoleCheck } from "./target-role.service.ts";

const getRoute = createRoute({
  operationId: "getTargetRole",
  security: signedInRoute,
  method: "get",
  path: "/api/target-role",
  tags: ["Target role"],
  summary: "The hurdles between my level and the next, with my checklist and my matching experience",
  responses: { ...jsonResponse(targetRoleOutput, "My next-level view"), ...errorResponses(401) },
});

const putCheck = createRoute({
  operationId: "setTargetRoleCheck",
  security: signedInRoute,
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
    ...jsonResponse(targetRoleCheckOutput, "The item, with the date it was ticked"),
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
