import { createRoute, z } from "@hono/zod-openapi";
import {
  diagnosisInput,
  diagnosisListOutput,
  diagnosisOutput,
  moveInput,
} from "../../../shared/promotion-diagnosis.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import { getDiagnosis, listMyDiagnoses, makeMove, runDiagnosis } from "./promotion-diagnosis.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
const tags = ["Promotion-blocker diagnosis"];

const list = createRoute({
  operationId: "listPromotionDiagnoses",
  security: signedInRoute,
  method: "get",
  path: "/api/promotion-diagnoses",
  tags,
  summary: "What my own records say about each of the four causes, and every check I ran, newest first",
  responses: { ...jsonResponse(diagnosisListOutput, "The evidence and the history"), ...errorResponses(401) },
});

const run = createRoute({
  operationId: "runPromotionDiagnosis",
  security: signedInRoute,
  method: "post",
  path: "/api/promotion-diagnoses",
  tags,
  summary:
    "Run the check: my answers weighed with my own data, a verdict per cause with reasons and moves, saved",
  request: jsonBody(diagnosisInput),
  responses: { ...jsonResponse(diagnosisOutput, "The saved run"), ...errorResponses(400, 401) },
});

const read = createRoute({
  operationId: "getPromotionDiagnosis",
  security: signedInRoute,
  method: "get",
  path: "/api/promotion-diagnoses/{id}",
  tags,
  summary: "One run of the check, as it was on its day",
  request: { params: idParam },
  responses: { ...jsonResponse(diagnosisOutput, "The run"), ...errorResponses(400, 401, 404) },
});

const move = createRoute({
  operationId: "makePromotionMove",
  security: signedInRoute,
  method: "post",
  path: "/api/promotion-diagnoses/{id}/moves",
  tags,
  summary:
    "Create a tour of duty or a feedback request around the development area named in a run; 409 when the run names none",
  request: { params: idParam, ...jsonBody(moveInput) },
  responses: {
    ...jsonResponse(diagnosisOutput, "The run, listing what was created"),
    ...errorResponses(400, 401, 404, 409),
  },
});

export function promotionDiagnosisRoutes() {
  return createRouter()
    .openapi(list, async (c) => c.json(await listMyDiagnoses(c.var.deps.db, c.var.viewer), 200))
    .openapi(run, async (c) =>
      c.json(await runDiagnosis(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(read, async (c) =>
      c.json(await getDiagnosis(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(move, async (c) =>
      c.json(
        await makeMove(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json").kind),
        200,
      ),
    );
}
