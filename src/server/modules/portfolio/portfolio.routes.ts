import { createRoute, z } from "@hono/zod-openapi";
import {
  portfolioCoverageOutput as coverageOutput,
  portfolioRoleDeletedOutput,
  portfolioRoleInput,
  portfolioRoleListOutput,
  portfolioRoleUpdateInput,
  portfolioRoleOutput as roleOutput,
} from "../../../shared/portfolio.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  addPortfolioRole,
  deletePortfolioRole,
  getMyPortfolioCoverage,
  getPortfolioRole,
  listMyPortfolioRoles,
  updatePortfolioRole,
} from "./portfolio.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

const listRoles = createRoute({
  operationId: "listPortfolioRoles",
  security: signedInRoute,
  method: "get",
  path: "/api/portfolio/roles",
  tags: ["Portfolio"],
  summary: "My roles, current ones first, then the most recent",
  responses: {
    ...jsonResponse(portfolioRoleListOutput, "My roles"),
    ...errorResponses(401),
  },
});

const createRole = createRoute({
  operationId: "addPortfolioRole",
  security: signedInRoute,
  method: "post",
  path: "/api/portfolio/roles",
  tags: ["Portfolio"],
  summary: "Add a role to my experience portfolio",
  request: jsonBody(portfolioRoleInput),
  responses: { ...jsonResponse(roleOutput, "The added role"), ...errorResponses(400, 401) },
});

const getRole = createRoute({
  operationId: "getPortfolioRole",
  security: signedInRoute,
  method: "get",
  path: "/api/portfolio/roles/{id}",
  tags: ["Portfolio"],
  summary: "One role in my portfolio",
  request: { params: idParam },
  responses: { ...jsonResponse(roleOutput, "The role"), ...errorResponses(400, 401, 404) },
});

const putRole = createRoute({
  operationId: "updatePortfolioRole",
  security: signedInRoute,
  method: "put",
  path: "/api/portfolio/roles/{id}",
  tags: ["Portfolio"],
  summary: "Change a role in my portfolio (every field is replaced)",
  request: { params: idParam, ...jsonBody(portfolioRoleUpdateInput) },
  responses: { ...jsonResponse(roleOutput, "The saved role"), ...errorResponses(400, 401, 404, 409) },
});

const deleteRole = createRoute({
  operationId: "deletePortfolioRole",
  security: signedInRoute,
  method: "delete",
  path: "/api/portfolio/roles/{id}",
  tags: ["Portfolio"],
  summary: "Delete a role from my portfolio",
  request: { params: idParam },
  responses: {
    ...jsonResponse(portfolioRoleDeletedOutput, "The role is gone"),
    ...errorResponses(400, 401, 404),
  },
});

const getCoverage = createRoute({
  operationId: "getPortfolioCoverage",
  security: signedInRoute,
  method: "get",
  path: "/api/portfolio/coverage",
  tags: ["Portfolio"],
  summary: "Which experiences my roles cover, and the gaps as missions for a next tour of duty",
  responses: { ...jsonResponse(coverageOutput, "My coverage and gaps"), ...errorResponses(401) },
});

export function portfolioRoutes() {
  return createRouter()
    .openapi(listRoles, async (c) =>
      c.json({ roles: await listMyPortfolioRoles(c.var.deps.db, c.var.viewer) }, 200),
    )
    .openapi(createRole, async (c) =>
      c.json(await addPortfolioRole(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getCoverage, async (c) => c.json(await getMyPortfolioCoverage(c.var.deps.db, c.var.viewer), 200))
    .openapi(getRole, async (c) =>
      c.json(await getPortfolioRole(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(putRole, async (c) =>
      c.json(
        await updatePortfolioRole(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(deleteRole, async (c) => {
      await deletePortfolioRole(c.var.deps.db, c.var.viewer, c.req.valid("param").id);
      return c.json({ deleted: true as const }, 200);
    });
}
