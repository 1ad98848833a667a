import { createRoute, z } from "@hono/zod-openapi";
import {
  decisionDeletedOutput,
  decisionInput,
  decisionListOutput,
  decisionOutput,
  decisionRevisitUpdateInput,
  decisionUpdateInput,
} from "../../../shared/decisions.ts";
import { defaultPageSize, maxPageSize, pageQuery } from "../../../shared/page.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  deleteDecision,
  getDecision,
  listMyDecisionsPage,
  recordDecision,
  revisitDecision,
  updateDecision,
} from "./decisions.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

const listDecisions = createRoute({
  operationId: "listDecisions",
  security: signedInRoute,
  method: "get",
  path: "/api/decisions",
  tags: ["Decision journal"],
  summary: `My decision journal: decisions due for a revisit first, then the rest, newest first; a page at a time, ${defaultPageSize} unless limit says otherwise (at most ${maxPageSize}); nextCursor asks for the next`,
  request: { query: pageQuery },
  responses: {
    ...jsonResponse(decisionListOutput, "My decisions"),
    ...errorResponses(400, 401),
  },
});

const createDecision = createRoute({
  operationId: "recordDecision",
  security: signedInRoute,
  method: "post",
  path: "/api/decisions",
  tags: ["Decision journal"],
  summary: "Record a decision: the dilemma, the options and how each serves the skip job, the choice and why",
  request: jsonBody(decisionInput),
  responses: { ...jsonResponse(decisionOutput, "The recorded decision"), ...errorResponses(400, 401) },
});

const readDecision = createRoute({
  operationId: "getDecision",
  security: signedInRoute,
  method: "get",
  path: "/api/decisions/{id}",
  tags: ["Decision journal"],
  summary: "One of my decisions with its revisits",
  request: { params: idParam },
  responses: { ...jsonResponse(decisionOutput, "The decision"), ...errorResponses(400, 401, 404) },
});

const putDecision = createRoute({
  operationId: "updateDecision",
  security: signedInRoute,
  method: "put",
  path: "/api/decisions/{id}",
  tags: ["Decision journal"],
  summary: "Change one of my decisions (its revisits are kept)",
  request: { params: idParam, ...jsonBody(decisionUpdateInput) },
  responses: {
    ...jsonResponse(decisionOutput, "The changed decision"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const removeDecision = createRoute({
  operationId: "deleteDecision",
  security: signedInRoute,
  method: "delete",
  path: "/api/decisions/{id}",
  tags: ["Decision journal"],
  summary: "Delete one of my decisions and its revisits",
  request: { params: idParam },
  responses: {
    ...jsonResponse(decisionDeletedOutput, "The id of the deleted decision"),
    ...errorResponses(400, 401, 404),
  },
});

const postRevisit = createRoute({
  operationId: "revisitDecision",
  security: signedInRoute,
  method: "post",
  path: "/api/decisions/{id}/revisit",
  tags: ["Decision journal"],
  summary:
    "Record how a decision turned out. A decision can be revisited any number of times; nextRevisitOn sets when to look again, or null for never.",
  request: { params: idParam, ...jsonBody(decisionRevisitUpdateInput) },
  responses: {
    ...jsonResponse(decisionOutput, "The decision with the new revisit"),
    ...errorResponses(400, 401, 404, 409),
  },
});

export function decisionsRoutes() {
  return createRouter()
    .openapi(listDecisions, async (c) =>
      c.json(await listMyDecisionsPage(c.var.deps.db, c.var.viewer, c.req.valid("query")), 200),
    )
    .openapi(createDecision, async (c) =>
      c.json(await recordDecision(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(readDecision, async (c) =>
      c.json(await getDecision(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(putDecision, async (c) =>
      c.json(
        await updateDecision(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(removeDecision, async (c) =>
      c.json(await deleteDecision(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(postRevisit, async (c) =>
      c.json(
        await revisitDecision(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    );
}
