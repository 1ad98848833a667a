import { createRoute, z } from "@hono/zod-openapi";
import {
  laneAssessmentOutput as assessmentOutput,
  laneAssessmentInput,
  laneAssessmentListOutput,
} from "../../../shared/lanes.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import { getLaneAssessment, listMyLaneAssessments, saveLaneAssessment } from "./lanes.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

const listAssessments = createRoute({
  operationId: "listLaneAssessments",
  security: signedInRoute,
  method: "get",
  path: "/api/lanes/assessments",
  tags: ["Lanes"],
  summary: "My lane self-assessments, newest first",
  responses: {
    ...jsonResponse(laneAssessmentListOutput, "My assessments, newest first"),
    ...errorResponses(401),
  },
});

const createAssessment = createRoute({
  operationId: "saveLaneAssessment",
  security: signedInRoute,
  method: "post",
  path: "/api/lanes/assessments",
  tags: ["Lanes"],
  summary: "Save a new lane self-assessment (earlier ones stay in the history)",
  request: jsonBody(laneAssessmentInput.strict()),
  responses: { ...jsonResponse(assessmentOutput, "The saved assessment"), ...errorResponses(400, 401) },
});

const getAssessment = createRoute({
  operationId: "getLaneAssessment",
  security: signedInRoute,
  method: "get",
  path: "/api/lanes/assessments/{id}",
  tags: ["Lanes"],
  summary: "One of my lane self-assessments",
  request: { params: idParam },
  responses: { ...jsonResponse(assessmentOutput, "The assessment"), ...errorResponses(400, 401, 404) },
});

export function lanesRoutes() {
  return createRouter()
    .openapi(listAssessments, async (c) =>
      c.json({ assessments: await listMyLaneAssessments(c.var.deps.db, c.var.viewer) }, 200),
    )
    .openapi(createAssessment, async (c) =>
      c.json(await saveLaneAssessment(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getAssessment, async (c) =>
      c.json(await getLaneAssessment(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    );
}
