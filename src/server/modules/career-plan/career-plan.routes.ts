import { createRoute } from "@hono/zod-openapi";
import {
  actThreeUpdateInput,
  careerPlanUpdateInput,
  northStarReachedUpdateInput,
  careerPlanOutput as planOutput,
} from "../../../shared/career-plan.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  getMyCareerPlan,
  markNorthStarReached,
  saveMyActThree,
  saveMyCareerPlan,
  unmarkNorthStarReached,
} from "./career-plan.service.ts";

const getPlan = createRoute({
  operationId: "getCareerPlan",
  security: signedInRoute,
  method: "get",
  path: "/api/plan",
  tags: ["Career plan"],
  summary: "My career plan: North Star, skip job, next job and Act Three (null where not set)",
  responses: { ...jsonResponse(planOutput, "My plan"), ...errorResponses(401) },
});

const putPlan = createRoute({
  operationId: "saveCareerPlan",
  security: signedInRoute,
  method: "put",
  path: "/api/plan",
  tags: ["Career plan"],
  summary:
    "Replace my North Star, skip job and next job (null clears a part). Years run next job < skip job ≤ horizon.",
  request: jsonBody(careerPlanUpdateInput),
  responses: { ...jsonResponse(planOutput, "The saved plan"), ...errorResponses(400, 401, 409) },
});

const postReached = createRoute({
  operationId: "markNorthStarReached",
  security: signedInRoute,
  method: "post",
  path: "/api/plan/north-star/reached",
  tags: ["Career plan"],
  summary: "Mark my North Star reached on a date; the plan then leads to Act Three",
  request: jsonBody(northStarReachedUpdateInput),
  responses: {
    ...jsonResponse(planOutput, "The plan with the North Star reached"),
    ...errorResponses(400, 401, 409),
  },
});

const deleteReached = createRoute({
  operationId: "unmarkNorthStarReached",
  security: signedInRoute,
  method: "delete",
  path: "/api/plan/north-star/reached",
  tags: ["Career plan"],
  summary: "Undo marking my North Star reached (Act Three is kept)",
  responses: {
    ...jsonResponse(planOutput, "The plan with the North Star not reached"),
    ...errorResponses(401),
  },
});

const putActThree = createRoute({
  operationId: "saveActThree",
  security: signedInRoute,
  method: "put",
  path: "/api/plan/act-three",
  tags: ["Career plan"],
  summary: "Replace my Act Three: the scaled-economics and giving arcs with their first steps",
  request: jsonBody(actThreeUpdateInput),
  responses: { ...jsonResponse(planOutput, "The saved plan"), ...errorResponses(400, 401, 409) },
});

export function careerPlanRoutes() {
  return createRouter()
    .openapi(getPlan, async (c) => c.json(await getMyCareerPlan(c.var.deps.db, c.var.viewer), 200))
    .openapi(putPlan, async (c) =>
      c.json(await saveMyCareerPlan(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(postReached, async (c) =>
      c.json(await markNorthStarReached(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(deleteReached, async (c) =>
      c.json(await unmarkNorthStarReached(c.var.deps.db, c.var.viewer), 200),
    )
    .openapi(putActThree, async (c) =>
      c.json(await saveMyActThree(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    );
}
