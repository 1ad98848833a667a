import { createRoute } from "@hono/zod-openapi";
import { feedbackReceivedOutput, giveInput, giverViewOutput } from "../../../shared/feedback.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, publicRoute } from "../../http/router.ts";
import { tokenParam } from "./feedback.schemas.ts";
import { giveFeedback, viewFeedbackInvitation } from "./giving.service.ts";

const tags = ["Giving feedback"];

const viewLink = createRoute({
  operationId: "viewFeedbackLink",
  security: publicRoute,
  method: "get",
  path: "/api/give/{token}",
  tags,
  summary: "What a feedback link asks, or why it no longer takes answers (no account needed)",
  request: { params: tokenParam },
  responses: {
    ...jsonResponse(giverViewOutput, "The link's state and, when open, the questions"),
    ...errorResponses(400),
  },
});

const submit = createRoute({
  operationId: "giveFeedback",
  security: publicRoute,
  method: "post",
  path: "/api/give/{token}",
  tags,
  summary: "Answer once; the link is then used up",
  request: { params: tokenParam, ...jsonBody(giveInput) },
  responses: {
    ...jsonResponse(feedbackReceivedOutput, "Received"),
    ...errorResponses(400, 404, 409),
  },
});

// Paths under /api/give carry a secret: nothing on this route logs its path, and the error log
// writes the route pattern (/api/give/:token), never the address that was asked for.
export function givingRoutes() {
  return createRouter()
    .openapi(viewLink, async (c) =>
      c.json(await viewFeedbackInvitation(c.var.deps.db, c.req.valid("param").token), 200),
    )
    .openapi(submit, async (c) =>
      c.json(await giveFeedback(c.var.deps, c.req.valid("param").token, c.req.valid("json")), 200),
    );
}
