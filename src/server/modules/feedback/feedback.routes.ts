import { createRoute } from "@hono/zod-openapi";
import {
  feedbackExportOutput as exportOutput,
  feedbackRequestDeletedOutput,
  feedbackRequestInput,
  feedbackRequestListOutput,
  feedbackRequestVersionedUpdate,
  invitationInput,
  feedbackInvitationsOutput as invitationsOutput,
  reflectionUpdateInput,
  feedbackRequestOutput as requestOutput,
  feedbackResultsOutput as resultsOutput,
  superpowersOutput,
  superpowersUpdateInput,
  thankYouInput,
} from "../../../shared/feedback.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import { idParam, questionKeyParam } from "./feedback.schemas.ts";
import { inviteGivers, sendFeedbackReminder, sendFeedbackThankYou } from "./invitations.service.ts";
import {
  closeFeedbackRequest,
  createFeedbackRequest,
  deleteFeedbackRequest,
  exportFeedbackRequest,
  getFeedbackRequest,
  listMyFeedbackRequests,
  updateFeedbackRequest,
} from "./requests.service.ts";
import { getFeedbackResults, saveReflection } from "./results.service.ts";
import { getMySuperpowers, saveMySuperpowers } from "./superpowers.service.ts";

const tags = ["Feedback"];
const base = "/api/feedback/requests";

const listRequests = createRoute({
  operationId: "listFeedbackRequests",
  security: signedInRoute,
  method: "get",
  path: base,
  tags,
  summary: "My feedback requests, newest first",
  responses: {
    ...jsonResponse(feedbackRequestListOutput, "My requests"),
    ...errorResponses(401),
  },
});

const createRequest = createRoute({
  operationId: "createFeedbackRequest",
  security: signedInRoute,
  method: "post",
  path: base,
  tags,
  summary: "Ask for feedback: purpose, questions, lanes to rate, closing date and k",
  request: jsonBody(feedbackRequestInput),
  responses: { ...jsonResponse(requestOutput, "The new request"), ...errorResponses(400, 401) },
});

const getRequest = createRoute({
  operationId: "getFeedbackRequest",
  security: signedInRoute,
  method: "get",
  path: `${base}/{id}`,
  tags,
  summary: "One of my feedback requests, with who I invited and a count of answers (never who answered)",
  request: { params: idParam },
  responses: { ...jsonResponse(requestOutput, "The request"), ...errorResponses(400, 401, 404) },
});

const updateRequest = createRoute({
  operationId: "updateFeedbackRequest",
  security: signedInRoute,
  method: "patch",
  path: `${base}/{id}`,
  tags,
  summary: "Move the closing date, or change k before the first response",
  request: { params: idParam, ...jsonBody(feedbackRequestVersionedUpdate) },
  responses: { ...jsonResponse(requestOutput, "The request"), ...errorResponses(400, 401, 404, 409) },
});

const deleteRequest = createRoute({
  operationId: "deleteFeedbackRequest",
  security: signedInRoute,
  method: "delete",
  path: `${base}/{id}`,
  tags,
  summary: "Delete a request with all its invitations and answers",
  request: { params: idParam },
  responses: {
    ...jsonResponse(feedbackRequestDeletedOutput, "Deleted"),
    ...errorResponses(400, 401, 404),
  },
});

const closeRequest = createRoute({
  operationId: "closeFeedbackRequest",
  security: signedInRoute,
  method: "post",
  path: `${base}/{id}/close`,
  tags,
  summary: "Close a request early; its links stop taking answers",
  request: { params: idParam },
  responses: { ...jsonResponse(requestOutput, "The closed request"), ...errorResponses(400, 401, 404, 409) },
});

const invite = createRoute({
  operationId: "inviteFeedbackGivers",
  security: signedInRoute,
  method: "post",
  path: `${base}/{id}/invitations`,
  tags,
  summary: "Invite people by email, or create single-use links to copy",
  request: { params: idParam, ...jsonBody(invitationInput) },
  responses: {
    ...jsonResponse(invitationsOutput, "The request and any links to copy"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const remind = createRoute({
  operationId: "sendFeedbackReminder",
  security: signedInRoute,
  method: "post",
  path: `${base}/{id}/reminder`,
  tags,
  summary: "Send the one reminder to everyone invited by email who has not answered",
  request: { params: idParam },
  responses: { ...jsonResponse(requestOutput, "The request"), ...errorResponses(400, 401, 404, 409) },
});

const thank = createRoute({
  operationId: "sendFeedbackThankYou",
  security: signedInRoute,
  method: "post",
  path: `${base}/{id}/thank-you`,
  tags,
  summary: "Send one thank-you to everyone invited by email, naming no one",
  request: { params: idParam, ...jsonBody(thankYouInput) },
  responses: { ...jsonResponse(requestOutput, "The request"), ...errorResponses(400, 401, 404, 409) },
});

const results = createRoute({
  operationId: "getFeedbackResults",
  security: signedInRoute,
  method: "get",
  path: `${base}/{id}/results`,
  tags,
  summary:
    "Aggregated results: shuffled paragraphs grouped into themes, and lane distributions, once k people answered",
  request: { params: idParam },
  responses: { ...jsonResponse(resultsOutput, "The results"), ...errorResponses(400, 401, 404) },
});

const reflect = createRoute({
  operationId: "saveFeedbackReflection",
  security: signedInRoute,
  method: "put",
  path: `${base}/{id}/reflections/{questionKey}`,
  tags,
  summary: "Write what I heard for one question, and mark it read",
  request: { params: questionKeyParam, ...jsonBody(reflectionUpdateInput) },
  responses: { ...jsonResponse(resultsOutput, "The results"), ...errorResponses(400, 401, 404, 409) },
});

const exportRequest = createRoute({
  operationId: "exportFeedbackRequest",
  security: signedInRoute,
  method: "get",
  path: `${base}/{id}/export`,
  tags,
  summary: "Download a request's aggregated results as JSON",
  request: { params: idParam },
  responses: { ...jsonResponse(exportOutput, "The export"), ...errorResponses(400, 401, 404) },
});

const getSuperpowers = createRoute({
  operationId: "getSuperpowers",
  security: signedInRoute,
  method: "get",
  path: "/api/feedback/superpowers",
  tags,
  summary: "My superpowers, their shadows, and feedback that contradicts my self-image",
  responses: { ...jsonResponse(superpowersOutput, "My superpowers"), ...errorResponses(401) },
});

const putSuperpowers = createRoute({
  operationId: "saveSuperpowers",
  security: signedInRoute,
  method: "put",
  path: "/api/feedback/superpowers",
  tags,
  summary: "Name up to three superpowers and answer what their shadows suggest",
  request: jsonBody(superpowersUpdateInput),
  responses: { ...jsonResponse(superpowersOutput, "My superpowers"), ...errorResponses(400, 401, 409) },
});

export function feedbackRoutes() {
  return createRouter()
    .openapi(listRequests, async (c) =>
      c.json({ requests: await listMyFeedbackRequests(c.var.deps.db, c.var.viewer) }, 200),
    )
    .openapi(createRequest, async (c) =>
      c.json(await createFeedbackRequest(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getSuperpowers, async (c) => c.json(await getMySuperpowers(c.var.deps.db, c.var.viewer), 200))
    .openapi(putSuperpowers, async (c) =>
      c.json(await saveMySuperpowers(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getRequest, async (c) =>
      c.json(await getFeedbackRequest(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(updateRequest, async (c) =>
      c.json(
        await updateFeedbackRequest(
          c.var.deps.db,
          c.var.viewer,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
    )
    .openapi(deleteRequest, async (c) =>
      c.json(await deleteFeedbackRequest(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(closeRequest, async (c) =>
      c.json(await closeFeedbackRequest(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(invite, async (c) =>
      c.json(await inviteGivers(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(remind, async (c) =>
      c.json(await sendFeedbackReminder(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(thank, async (c) =>
      c.json(
        await sendFeedbackThankYou(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(results, async (c) =>
      c.json(await getFeedbackResults(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(reflect, async (c) => {
      const { id, questionKey } = c.req.valid("param");
      return c.json(
        await saveReflection(c.var.deps.db, c.var.viewer, id, questionKey, c.req.valid("json")),
        200,
      );
    })
    .openapi(exportRequest, async (c) => {
      const body = await exportFeedbackRequest(c.var.deps.db, c.var.viewer, c.req.valid("param").id);
      c.header("Content-Disposition", `attachment; filename="feedback-${body.request.id}.json"`);
      return c.json(body, 200);
    });
}
