import { createRoute, z } from "@hono/zod-openapi";
import { companyStages, experienceKeys, markets, vantages, workKinds } from "../../../shared/experience.ts";
import { portfolioRoleInput, portfolioRoleUpdateInput } from "../../../shared/portfolio.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, versionOutput } from "../../http/router.ts";
import {
  addPortfolioRole,
  deletePortfolioRole,
  getMyPortfolioCoverage,
  getPortfolioRole,
  listMyPortfolioRoles,
  updatePortfolioRole,
} from "./portfolio.service.ts";

const isoDate = z.string().openapi({ format: "date", example: "2023-04-01" });
const experience = z.enum(experienceKeys);

const roleOutput = z
  .object({
    id: z.string(),
    company: z.string(),
    title: z.string(),
    startsOn: isoDate,
    endsOn: isoDate.nullable().openapi({ description: "Empty for the current role" }),
    stage: z.enum(companyStages),
    market: z.enum(markets),
    vantage: z.enum(vantages),
    work: z.array(z.enum(workKinds)),
    peopleManaged: z.number().int(),
    wellKnownLogo: z.boolean(),
    notes: z.string(),
    experiences: z.array(experience).openapi({ description: "The experiences this role adds" }),
    version: versionOutput,
  })
  .openapi("PortfolioRole");

const coveredBy = z.array(z.object({ id: z.string(), label: z.string() }));
const axis = z.array(z.object({ key: experience, label: z.string() }));

const coverageOutput = z
  .object({
    grids: z.array(
      z.object({
        id: z.enum(["stage-work", "market-vantage"]),
        title: z.string(),
        rows: axis,
        columns: axis,
        cells: z.array(
          z.object({ row: experience, column: experience, covered: z.boolean(), roles: coveredBy }),
        ),
      }),
    ),
    singles: z.array(
      z.object({ key: experience, label: z.string(), covered: z.boolean(), roles: coveredBy }),
    ),
    gaps: z
      .array(
        z.object({
          id: z.string(),
          mission: z.string(),
          experiences: z.array(experience),
          reason: z.string(),
          tourPath: z.string().openapi({ description: "The page that starts a tour of duty for this gap" }),
          plannedIn: z
            .object({ id: z.string(), title: z.string() })
            .nullable()
            .openapi({ description: "An open tour of duty that already sets out to close this gap" }),
        }),
      )
      .openapi({ description: "Missing experiences as missions for a next tour of duty, biggest gap first" }),
    coveredCount: z.number().int(),
    totalCount: z.number().int(),
  })
  .openapi("PortfolioCoverage");

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

const listRoles = createRoute({
  method: "get",
  path: "/api/portfolio/roles",
  tags: ["Portfolio"],
  summary: "My roles, current ones first, then the most recent",
  responses: {
    ...jsonResponse(z.object({ roles: z.array(roleOutput) }), "My roles"),
    ...errorResponses(401),
  },
});

const createRole = createRoute({
  method: "post",
  path: "/api/portfolio/roles",
  tags: ["Portfolio"],
  summary: "Add a role to my experience portfolio",
  request: jsonBody(portfolioRoleInput),
  responses: { ...jsonResponse(roleOutput, "The added role"), ...errorResponses(400, 401) },
});

const getRole = createRoute({
  method: "get",
  path: "/api/portfolio/roles/{id}",
  tags: ["Portfolio"],
  summary: "One role in my portfolio",
  request: { params: idParam },
  responses: { ...jsonResponse(roleOutput, "The role"), ...errorResponses(400, 401, 404) },
});

const putRole = createRoute({
  method: "put",
  path: "/api/portfolio/roles/{id}",
  tags: ["Portfolio"],
  summary: "Change a role in my portfolio (every field is replaced)",
  request: { params: idParam, ...jsonBody(portfolioRoleUpdateInput) },
  responses: { ...jsonResponse(roleOutput, "The saved role"), ...errorResponses(400, 401, 404, 409) },
});

const deleteRole = createRoute({
  method: "delete",
  path: "/api/portfolio/roles/{id}",
  tags: ["Portfolio"],
  summary: "Delete a role from my portfolio",
  request: { params: idParam },
  responses: {
    ...jsonResponse(z.object({ deleted: z.literal(true) }), "The role is gone"),
    ...errorResponses(400, 401, 404),
  },
});

const getCoverage = createRoute({
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
