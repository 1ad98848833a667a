import { createRoute, z } from "@hono/zod-openapi";
import {
  sharedLanesSchema,
  sharedPlanSchema,
  sharedPortfolioSchema,
  sharedStorySchema,
  sharedWithMeSchema,
  shareGrantListSchema,
  shareInput,
  shareResultSchema,
} from "../../../shared/sharing.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  getSharedLanes,
  getSharedPlan,
  getSharedPortfolio,
  getSharedStory,
  listMyShareGrants,
  listSharedWithMe,
  revokeShareGrant,
  shareWithMember,
} from "./sharing.service.ts";

const id = (name: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `This ${name} is not valid: it has characters no Sidecar id uses`);

const tags = ["Sharing"];

const listGrants = createRoute({
  operationId: "listShareGrants",
  security: signedInRoute,
  method: "get",
  path: "/api/sharing/grants",
  tags,
  summary: "What I share, with whom: one grant per part and email",
  responses: { ...jsonResponse(shareGrantListSchema, "My grants"), ...errorResponses(401) },
});

const createGrants = createRoute({
  operationId: "shareParts",
  security: signedInRoute,
  method: "post",
  path: "/api/sharing/grants",
  tags,
  summary:
    "Share parts read-only with the member who holds an email. The answer is the same whether or not that email has an account.",
  request: jsonBody(shareInput),
  responses: {
    ...jsonResponse(shareResultSchema, "My grants, with what happened in words"),
    ...errorResponses(400, 401),
  },
});

const deleteGrant = createRoute({
  operationId: "revokeShareGrant",
  security: signedInRoute,
  method: "delete",
  path: "/api/sharing/grants/{id}",
  tags,
  summary: "Revoke one grant; the grantee's next request no longer sees the part",
  request: { params: z.object({ id: id("share id") }) },
  responses: {
    ...jsonResponse(shareGrantListSchema, "My remaining grants"),
    ...errorResponses(400, 401, 404),
  },
});

const sharedWithMe = createRoute({
  operationId: "listSharedWithMe",
  security: signedInRoute,
  method: "get",
  path: "/api/shared",
  tags,
  summary: "Shared with me: who shares which parts with me",
  responses: {
    ...jsonResponse(sharedWithMeSchema, "The members sharing with me"),
    ...errorResponses(401),
  },
});

const ownerParams = { params: z.object({ ownerId: id("member id") }) };

const sharedPlan = createRoute({
  operationId: "getSharedPlan",
  security: signedInRoute,
  method: "get",
  path: "/api/shared/{ownerId}/plan",
  tags,
  summary: "A member's career plan, tours of duty and roadmap, read-only, while they share it with me",
  request: ownerParams,
  responses: {
    ...jsonResponse(sharedPlanSchema, "The shared plan"),
    ...errorResponses(400, 401, 404),
  },
});

const sharedLanes = createRoute({
  operationId: "getSharedLanes",
  security: signedInRoute,
  method: "get",
  path: "/api/shared/{ownerId}/lanes",
  tags,
  summary: "A member's lane self-assessments, newest first, read-only, while they share them with me",
  request: ownerParams,
  responses: {
    ...jsonResponse(sharedLanesSchema, "The shared lanes"),
    ...errorResponses(400, 401, 404),
  },
});

const sharedPortfolio = createRoute({
  operationId: "getSharedPortfolio",
  security: signedInRoute,
  method: "get",
  path: "/api/shared/{ownerId}/portfolio",
  tags,
  summary: "A member's roles, coverage and next-level checklist, read-only, while they share them with me",
  request: ownerParams,
  responses: {
    ...jsonResponse(sharedPortfolioSchema, "The shared portfolio"),
    ...errorResponses(400, 401, 404),
  },
});

const sharedStory = createRoute({
  operationId: "getSharedStory",
  security: signedInRoute,
  method: "get",
  path: "/api/shared/{ownerId}/story",
  tags,
  summary:
    "A member's career story entries and press release, read-only, while they share their story with me",
  request: ownerParams,
  responses: {
    ...jsonResponse(sharedStorySchema, "The shared story"),
    ...errorResponses(400, 401, 404),
  },
});

export function sharingRoutes() {
  return createRouter()
    .openapi(listGrants, async (c) => c.json(await listMyShareGrants(c.var.deps.db, c.var.viewer), 200))
    .openapi(createGrants, async (c) =>
      c.json(await shareWithMember(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(deleteGrant, async (c) =>
      c.json(await revokeShareGrant(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(sharedWithMe, async (c) => c.json(await listSharedWithMe(c.var.deps.db, c.var.viewer), 200))
    .openapi(sharedPlan, async (c) =>
      c.json(await getSharedPlan(c.var.deps.db, c.var.viewer, c.req.valid("param").ownerId), 200),
    )
    .openapi(sharedLanes, async (c) =>
      c.json(await getSharedLanes(c.var.deps.db, c.var.viewer, c.req.valid("param").ownerId), 200),
    )
    .openapi(sharedPortfolio, async (c) =>
      c.json(await getSharedPortfolio(c.var.deps.db, c.var.viewer, c.req.valid("param").ownerId), 200),
    )
    .openapi(sharedStory, async (c) =>
      c.json(await getSharedStory(c.var.deps.db, c.var.viewer, c.req.valid("param").ownerId), 200),
    );
}
