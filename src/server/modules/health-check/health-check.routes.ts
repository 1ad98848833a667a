import { createRoute, z } from "@hono/zod-openapi";
import {
  healthCheckInput,
  healthCheckListOutput,
  healthCheckOutput,
  healthCheckUpdateInput,
} from "../../../shared/health-check.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  createHealthCheck,
  editHealthCheck,
  getHealthCheck,
  listMyHealthChecks,
  removeHealthCheck,
} from "./health-check.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
const tags = ["Company health check"];
const deleted = z.object({ id: z.string() });

const list = createRoute({
  operationId: "listHealthChecks",
  security: signedInRoute,
  method: "get",
  path: "/api/health-checks",
  tags,
  summary: "My company health checks, most recently changed first, each with its verdict",
  responses: { ...jsonResponse(healthCheckListOutput, "My checks"), ...errorResponses(401) },
});

const create = createRoute({
  operationId: "createHealthCheck",
  security: signedInRoute,
  method: "post",
  path: "/api/health-checks",
  tags,
  summary:
    "Check my employer or an offer: the ex-growth signs, equity scenarios after the preference stack, reasons to stay against fear; answers with a verdict and its reasons",
  request: jsonBody(healthCheckInput),
  responses: { ...jsonResponse(healthCheckOutput, "The saved check"), ...errorResponses(400, 401) },
});

const read = createRoute({
  operationId: "getHealthCheck",
  security: signedInRoute,
  method: "get",
  path: "/api/health-checks/{id}",
  tags,
  summary: "One of my company health checks",
  request: { params: idParam },
  responses: { ...jsonResponse(healthCheckOutput, "The check"), ...errorResponses(400, 401, 404) },
});

const put = createRoute({
  operationId: "updateHealthCheck",
  security: signedInRoute,
  method: "put",
  path: "/api/health-checks/{id}",
  tags,
  summary: "Change one of my company health checks, or link it to a decision in my journal",
  request: { params: idParam, ...jsonBody(healthCheckUpdateInput) },
  responses: {
    ...jsonResponse(healthCheckOutput, "The changed check"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const remove = createRoute({
  operationId: "deleteHealthCheck",
  security: signedInRoute,
  method: "delete",
  path: "/api/health-checks/{id}",
  tags,
  summary: "Delete one of my company health checks",
  request: { params: idParam },
  responses: { ...jsonResponse(deleted, "The id of the deleted check"), ...errorResponses(400, 401, 404) },
});

export function healthCheckRoutes() {
  return createRouter()
    .openapi(list, async (c) => c.json(await listMyHealthChecks(c.var.deps.db, c.var.viewer), 200))
    .openapi(create, async (c) =>
      c.json(await createHealthCheck(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(read, async (c) =>
      c.json(await getHealthCheck(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(put, async (c) =>
      c.json(
        await editHealthCheck(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(remove, async (c) =>
      c.json(await removeHealthCheck(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    );
}
