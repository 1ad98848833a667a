import { createRoute, type z } from "@hono/zod-openapi";
import {
  agendaDecisionInput,
  agendaInput,
  areaInput,
  areaParams,
  cadenceInput,
  checkInAreaViewOutput,
  checkInInput,
  checkInOutput,
  checkInUpdateInput,
  commentInput,
  inviteReportInput,
  inviteResultOutput,
  managerIdParam,
  managerLinkDetailOutput,
  managerPlanInput,
  managersOverviewOutput,
  versionOnlyInput,
} from "../../../shared/managers.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  acceptInvitation,
  addAgendaTopic,
  addComment,
  agreeCadence,
  decideAgendaTopic,
  declineInvitation,
  endLink,
  getAreaView,
  getCheckIn,
  getLinkDetail,
  getManagersOverview,
  inviteReport,
  proposeCadence,
  recordManagerPlan,
  revokeArea,
  shareArea,
  startCheckIn,
  updateCheckIn,
} from "./managers.service.ts";

const tags = ["Managers and check-ins"];
const params = { params: managerIdParam };

const overview = createRoute({
  operationId: "getManagersOverview",
  security: signedInRoute,
  method: "get",
  path: "/api/managers",
  tags,
  summary: "My manager, invitations waiting for my answer, and my reports (with invitations I sent)",
  responses: { ...jsonResponse(managersOverviewOutput, "Managers and reports"), ...errorResponses(401) },
});

const invite = createRoute({
  operationId: "inviteReport",
  security: signedInRoute,
  method: "post",
  path: "/api/managers/invitations",
  tags,
  summary:
    "Invite a direct report by email. The answer is the same whether or not the address has an account; the invitation email goes through the outbox.",
  request: jsonBody(inviteReportInput),
  responses: {
    ...jsonResponse(inviteResultOutput, "Managers and reports, with what happened in words"),
    ...errorResponses(400, 401, 429),
  },
});

function linkStep<P extends string, B extends z.ZodType>(
  operationId: string,
  path: P,
  summary: string,
  body: B,
) {
  return createRoute({
    operationId,
    security: signedInRoute,
    method: "post" as const,
    path,
    tags,
    summary,
    request: { ...params, ...jsonBody(body) },
    responses: {
      ...jsonResponse(managerLinkDetailOutput, "The link after the step"),
      ...errorResponses(400, 401, 404, 409),
    },
  });
}

const accept = linkStep(
  "acceptManagerInvitation",
  "/api/manager-links/{id}/accept",
  "Accept an invitation to be someone's report: one manager at a time (409 while another link is active)",
  versionOnlyInput,
);

const decline = createRoute({
  operationId: "declineManagerInvitation",
  security: signedInRoute,
  method: "post",
  path: "/api/manager-links/{id}/decline",
  tags,
  summary: "Decline an invitation to be someone's report",
  request: { ...params, ...jsonBody(versionOnlyInput) },
  responses: {
    ...jsonResponse(managersOverviewOutput, "Managers and reports"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const end = createRoute({
  operationId: "endManagerLink",
  security: signedInRoute,
  method: "post",
  path: "/api/manager-links/{id}/end",
  tags,
  summary:
    "End the link, as either side (or withdraw an unanswered invitation): every shared area is revoked at once",
  request: params,
  responses: {
    ...jsonResponse(managersOverviewOutput, "Managers and reports"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const propose = linkStep(
  "proposeCheckInCadence",
  "/api/manager-links/{id}/cadence",
  "Propose a check-in cadence (weekly, fortnightly, monthly); it holds once the other side agrees",
  cadenceInput,
);

const agree = linkStep(
  "agreeCheckInCadence",
  "/api/manager-links/{id}/cadence/agree",
  "Agree to the cadence the other side proposed: reminders start for both",
  versionOnlyInput,
);

const detail = createRoute({
  operationId: "getManagerLink",
  security: signedInRoute,
  method: "get",
  path: "/api/manager-links/{id}",
  tags,
  summary: "One link: who, its cadence, the areas the report shares, and the history of check-ins",
  request: params,
  responses: {
    ...jsonResponse(managerLinkDetailOutput, "The link"),
    ...errorResponses(400, 401, 404),
  },
});

const share = createRoute({
  operationId: "shareCheckInArea",
  security: signedInRoute,
  method: "post",
  path: "/api/manager-links/{id}/areas",
  tags,
  summary: "As the report: invite the manager into an area, read-only, until revoked or the link ends",
  request: { ...params, ...jsonBody(areaInput) },
  responses: {
    ...jsonResponse(managerLinkDetailOutput, "The link with its shared areas"),
    ...errorResponses(400, 401, 404),
  },
});

const revoke = createRoute({
  operationId: "revokeCheckInArea",
  security: signedInRoute,
  method: "delete",
  path: "/api/manager-links/{id}/areas/{areaId}",
  tags,
  summary: "As the report: stop sharing an area; the manager's next request no longer sees it",
  request: { params: areaParams },
  responses: {
    ...jsonResponse(managerLinkDetailOutput, "The link with its remaining shared areas"),
    ...errorResponses(400, 401, 404),
  },
});

const areaView = createRoute({
  operationId: "getCheckInArea",
  security: signedInRoute,
  method: "get",
  path: "/api/manager-links/{id}/areas/{areaId}",
  tags,
  summary: "A shared area, read-only, while the report shares it",
  request: { params: areaParams },
  responses: {
    ...jsonResponse(checkInAreaViewOutput, "The shared area"),
    ...errorResponses(400, 401, 404),
  },
});

const start = createRoute({
  operationId: "startCheckIn",
  security: signedInRoute,
  method: "post",
  path: "/api/manager-links/{id}/check-ins",
  tags,
  summary: "As the report: start a check-in from what you want help with",
  request: { ...params, ...jsonBody(checkInInput) },
  responses: { ...jsonResponse(checkInOutput, "The new check-in"), ...errorResponses(400, 401, 404) },
});

const checkInAnswer = (what: string) => ({
  ...jsonResponse(checkInOutput, what),
  ...errorResponses(400, 401, 403, 404, 409),
});

const getOne = createRoute({
  operationId: "getCheckIn",
  security: signedInRoute,
  method: "get",
  path: "/api/check-ins/{id}",
  tags,
  summary: "One check-in: what the report wants help with, the agenda, comments and what the manager will do",
  request: params,
  responses: { ...jsonResponse(checkInOutput, "The check-in"), ...errorResponses(400, 401, 404) },
});

const update = createRoute({
  operationId: "updateCheckIn",
  security: signedInRoute,
  method: "put",
  path: "/api/check-ins/{id}",
  tags,
  summary: "As the report: change the date or what you want help with",
  request: { ...params, ...jsonBody(checkInUpdateInput) },
  responses: checkInAnswer("The check-in"),
});

const plan = createRoute({
  operationId: "recordManagerPlan",
  security: signedInRoute,
  method: "put",
  path: "/api/check-ins/{id}/manager-plan",
  tags,
  summary: "As the manager: record what you will do",
  request: { ...params, ...jsonBody(managerPlanInput) },
  responses: checkInAnswer("The check-in"),
});

const comment = createRoute({
  operationId: "commentOnCheckIn",
  security: signedInRoute,
  method: "post",
  path: "/api/check-ins/{id}/comments",
  tags,
  summary: "Comment on a check-in, as either side",
  request: { ...params, ...jsonBody(commentInput) },
  responses: checkInAnswer("The check-in"),
});

const topic = createRoute({
  operationId: "addAgendaTopic",
  security: signedInRoute,
  method: "post",
  path: "/api/check-ins/{id}/agenda",
  tags,
  summary:
    "Add a topic to the agenda: the report's own go on it, the manager's are suggestions the report accepts or declines",
  request: { ...params, ...jsonBody(agendaInput) },
  responses: checkInAnswer("The check-in"),
});

const decide = createRoute({
  operationId: "decideAgendaTopic",
  security: signedInRoute,
  method: "post",
  path: "/api/agenda-topics/{id}/decision",
  tags,
  summary: "As the report: accept or decline a topic",
  request: { ...params, ...jsonBody(agendaDecisionInput) },
  responses: checkInAnswer("The check-in"),
});

export function managersRoutes() {
  return createRouter()
    .openapi(overview, async (c) => c.json(await getManagersOverview(c.var.deps.db, c.var.viewer), 200))
    .openapi(invite, async (c) =>
      c.json(await inviteReport(c.var.deps, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(accept, async (c) =>
      c.json(
        await acceptInvitation(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(decline, async (c) =>
      c.json(
        await declineInvitation(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(end, async (c) => c.json(await endLink(c.var.deps, c.var.viewer, c.req.valid("param").id), 200))
    .openapi(propose, async (c) =>
      c.json(
        await proposeCadence(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(agree, async (c) =>
      c.json(await agreeCadence(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(detail, async (c) =>
      c.json(await getLinkDetail(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(share, async (c) =>
      c.json(await shareArea(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(revoke, async (c) => {
      const { id, areaId } = c.req.valid("param");
      return c.json(await revokeArea(c.var.deps.db, c.var.viewer, id, areaId), 200);
    })
    .openapi(areaView, async (c) => {
      const { id, areaId } = c.req.valid("param");
      return c.json(await getAreaView(c.var.deps.db, c.var.viewer, id, areaId), 200);
    })
    .openapi(start, async (c) =>
      c.json(await startCheckIn(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(getOne, async (c) =>
      c.json(await getCheckIn(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(update, async (c) =>
      c.json(
        await updateCheckIn(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(plan, async (c) =>
      c.json(
        await recordManagerPlan(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(comment, async (c) =>
      c.json(await addComment(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(topic, async (c) =>
      c.json(
        await addAgendaTopic(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(decide, async (c) =>
      c.json(
        await decideAgendaTopic(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    );
}
