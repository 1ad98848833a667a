import { createRoute } from "@hono/zod-openapi";
import { homeDashboardOutput as dashboardOutput } from "../../../shared/home.ts";
import { createRouter, errorResponses, jsonResponse, signedInRoute } from "../../http/router.ts";
import { getMyHomeDashboard } from "./home.service.ts";

const getDashboard = createRoute({
  operationId: "getHomeDashboard",
  security: signedInRoute,
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
