import { createRoute, type z } from "@hono/zod-openapi";
import {
  acceptAgreementInput,
  actionItemInput,
  actionItemUpdateInput,
  agreementUpdateInput,
  bookSessionInput,
  calendarFileOutput,
  cancelSessionInput,
  closeInput,
  decisionCommentInput,
  decisionCommentUpdateInput,
  engagementListOutput,
  engagementOutput,
  idParam,
  intakeAnswersInput,
  intakeQuestionsInput,
  mentorReviewsOutput,
  noteDeletedOutput,
  noteInput,
  noteUpdateInput,
  planRevisionInput,
  rescheduleSessionInput,
  reviewInput,
  sessionOutput,
  shareDecisionInput,
  startEngagementInput,
  urgentCallInput,
  urgentCallListOutput,
  urgentCallOutput,
  urgentSessionInput,
} from "../../../shared/engagements.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  acceptAgreement,
  addActionItem,
  addNote,
  bookSession,
  cancelSession,
  commentOnDecision,
  deleteSessionNote,
  getEngagement,
  getMentorReviews,
  getSessionCalendar,
  listMyEngagements,
  rescheduleSession,
  revisePlan,
  saveAgreement,
  saveIntakeAnswers,
  saveIntakeQuestions,
  shareDecision,
  startCloseOut,
  startEngagement,
  unshareDecision,
  updateActionItemOf,
  updateDecisionCommentOf,
  updateSessionNote,
  writeReview,
} from "./engagements.service.ts";
import {
  acceptUrgentCall,
  bookUrgentSession,
  getUrgentCall,
  listUrgentCalls,
  postUrgentCall,
  withdrawUrgentCall,
} from "./urgent-calls.service.ts";

const tags = ["Mentoring engagements"];
const callTags = ["911 calls"];
const engagementAnswer = (what: string) => ({
  ...jsonResponse(engagementOutput, what),
  ...errorResponses(400, 401, 403, 404, 409),
});

function step<P extends string, B extends z.ZodType>(
  operationId: string,
  method: "post" | "put",
  path: P,
  body: B,
  summary: string,
) {
  return createRoute({
    operationId,
    security: signedInRoute,
    method,
    path,
    tags,
    summary,
    request: { params: idParam, ...jsonBody(body) },
    responses: engagementAnswer("The engagement after the step"),
  });
}

const list = createRoute({
  operationId: "listMyEngagements",
  security: signedInRoute,
  method: "get",
  path: "/api/engagements",
  tags,
  summary: "My mentoring engagements as mentee and as mentor, and accepted requests ready to start one",
  responses: { ...jsonResponse(engagementListOutput, "My engagements"), ...errorResponses(401) },
});

const start = createRoute({
  operationId: "startEngagement",
  security: signedInRoute,
  method: "post",
  path: "/api/engagements",
  tags,
  summary:
    "Start the engagement of an accepted request, as either side (one per request, whoever starts it first)",
  request: jsonBody(startEngagementInput),
  responses: engagementAnswer("The new engagement, waiting for both to accept its agreement"),
});

const getOne = createRoute({
  operationId: "getEngagement",
  security: signedInRoute,
  method: "get",
  path: "/api/engagements/{id}",
  tags,
  summary:
    "One engagement: agreement, intake, plan with its history, sessions on both clocks, free times, the notes I may read, action items and reviews",
  request: { params: idParam },
  responses: { ...jsonResponse(engagementOutput, "The engagement"), ...errorResponses(400, 401, 404) },
});

const agreement = step(
  "saveEngagementAgreement",
  "put",
  "/api/engagements/{id}/agreement",
  agreementUpdateInput,
  "Propose or change the agreement (goals, cadence, length, confidentiality); both must accept it again",
);
const accept = step(
  "acceptEngagementAgreement",
  "post",
  "/api/engagements/{id}/agreement/accept",
  acceptAgreementInput,
  "Accept the agreement as read (its version); once both accept, the engagement begins",
);
const questions = step(
  "saveIntakeQuestions",
  "put",
  "/api/engagements/{id}/intake/questions",
  intakeQuestionsInput,
  "As the mentor, set my intake questions",
);
const answers = step(
  "saveIntakeAnswers",
  "put",
  "/api/engagements/{id}/intake/answers",
  intakeAnswersInput,
  "As the mentee, answer the intake and share my lanes and portfolio read-only for the engagement's life",
);
const plan = step(
  "reviseEngagementPlan",
  "post",
  "/api/engagements/{id}/plan",
  planRevisionInput,
  "Write the plan, or a revision of it with the reason; the history keeps every revision",
);
const book = step(
  "bookEngagementSession",
  "post",
  "/api/engagements/{id}/sessions",
  bookSessionInput,
  "Book a session in the mentor's free time; both get a calendar file. Overlaps are refused by the database.",
);
const note = step(
  "addEngagementNote",
  "post",
  "/api/engagements/{id}/notes",
  noteInput,
  "Write a note, private to me or shared with the other person",
);
const action = step(
  "addEngagementActionItem",
  "post",
  "/api/engagements/{id}/action-items",
  actionItemInput,
  "As the mentee, commit to an action; as the mentor, suggest one the mentee may take up",
);
const close = step(
  "startEngagementCloseOut",
  "post",
  "/api/engagements/{id}/close",
  closeInput,
  "Begin the close-out: both write a review, revealed when both are in or after 14 days",
);
const review = step(
  "writeEngagementReview",
  "post",
  "/api/engagements/{id}/review",
  reviewInput,
  "Write my review of the engagement, once; the other side's stays hidden until it is revealed",
);
const shareOneDecision = step(
  "shareEngagementDecision",
  "post",
  "/api/engagements/{id}/decisions",
  shareDecisionInput,
  "As the mentee, share a decision of my journal with my mentor, read-only, until I stop or the mentoring closes",
);
const unshare = createRoute({
  operationId: "unshareEngagementDecision",
  security: signedInRoute,
  method: "delete",
  path: "/api/engagement-decisions/{id}",
  tags,
  summary: "As the mentee, stop sharing a decision: my mentor's next request no longer finds it",
  request: { params: idParam },
  responses: engagementAnswer("The engagement without the decision"),
});
const comment = createRoute({
  operationId: "commentOnEngagementDecision",
  security: signedInRoute,
  method: "post",
  path: "/api/engagement-decisions/{id}/comments",
  tags,
  summary: "As the mentor, comment on a decision my mentee shares; the decision itself stays theirs to write",
  request: { params: idParam, ...jsonBody(decisionCommentInput) },
  responses: engagementAnswer("The engagement with the comment"),
});
const putComment = createRoute({
  operationId: "updateEngagementDecisionComment",
  security: signedInRoute,
  method: "put",
  path: "/api/engagement-decision-comments/{id}",
  tags,
  summary: "Change my comment on a shared decision, at the version I read",
  request: { params: idParam, ...jsonBody(decisionCommentUpdateInput) },
  responses: engagementAnswer("The engagement with the changed comment"),
});

const reschedule = createRoute({
  operationId: "rescheduleSession",
  security: signedInRoute,
  method: "put",
  path: "/api/engagement-sessions/{id}",
  tags,
  summary:
    "Move a session, with a note to the other person and a new calendar file (same UID, next SEQUENCE)",
  request: { params: idParam, ...jsonBody(rescheduleSessionInput) },
  responses: {
    ...jsonResponse(sessionOutput, "The session after the change"),
    ...errorResponses(400, 401, 404, 409),
  },
});
const cancel = createRoute({
  operationId: "cancelSession",
  security: signedInRoute,
  method: "post",
  path: "/api/engagement-sessions/{id}/cancel",
  tags,
  summary: "Cancel a session with the reason; both get a cancelling calendar file",
  request: { params: idParam, ...jsonBody(cancelSessionInput) },
  responses: {
    ...jsonResponse(sessionOutput, "The session after the change"),
    ...errorResponses(400, 401, 404, 409),
  },
});
const calendar = createRoute({
  operationId: "getSessionCalendar",
  security: signedInRoute,
  method: "get",
  path: "/api/engagement-sessions/{id}/calendar",
  tags,
  summary: "The session's calendar file as it stands (METHOD REQUEST, or CANCEL once cancelled)",
  request: { params: idParam },
  responses: { ...jsonResponse(calendarFileOutput, "The calendar file"), ...errorResponses(400, 401, 404) },
});

const putNote = createRoute({
  operationId: "updateEngagementNote",
  security: signedInRoute,
  method: "put",
  path: "/api/engagement-notes/{id}",
  tags,
  summary: "Change my note, or whether the other person sees it",
  request: { params: idParam, ...jsonBody(noteUpdateInput) },
  responses: engagementAnswer("The engagement with the changed note"),
});
const deleteNoteRoute = createRoute({
  operationId: "deleteEngagementNote",
  security: signedInRoute,
  method: "delete",
  path: "/api/engagement-notes/{id}",
  tags,
  summary: "Delete my note",
  request: { params: idParam },
  responses: {
    ...jsonResponse(noteDeletedOutput, "The id of the deleted note"),
    ...errorResponses(400, 401, 404),
  },
});
const putAction = createRoute({
  operationId: "updateEngagementActionItem",
  security: signedInRoute,
  method: "put",
  path: "/api/engagement-action-items/{id}",
  tags,
  summary: "As the mentee: take up or decline a suggestion, mark an action done or not done, change it",
  request: { params: idParam, ...jsonBody(actionItemUpdateInput) },
  responses: engagementAnswer("The engagement with the changed action"),
});

const mentorReviews = createRoute({
  operationId: "getMentorReviews",
  security: signedInRoute,
  method: "get",
  path: "/api/mentors/{id}/reviews",
  tags,
  summary:
    "A mentor's revealed reviews from mentees: how many, the average rating, and the quotes mentees allowed",
  request: { params: idParam },
  responses: {
    ...jsonResponse(mentorReviewsOutput, "The mentor's reviews"),
    ...errorResponses(400, 401, 404),
  },
});

const listCalls = createRoute({
  operationId: "listUrgentCalls",
  security: signedInRoute,
  method: "get",
  path: "/api/urgent-calls",
  tags: callTags,
  summary: "The 911 calls I posted, and those offered to me as a mentor",
  responses: { ...jsonResponse(urgentCallListOutput, "My calls"), ...errorResponses(401) },
});
const postCall = createRoute({
  operationId: "postUrgentCall",
  security: signedInRoute,
  method: "post",
  path: "/api/urgent-calls",
  tags: callTags,
  summary:
    "Post an urgent dilemma: it reaches every available mentor who takes urgent calls and fits the topic at once, and widens if nobody accepts within the promise",
  request: jsonBody(urgentCallInput),
  responses: { ...jsonResponse(urgentCallOutput, "The posted call"), ...errorResponses(400, 401, 409) },
});
const getCall = createRoute({
  operationId: "getUrgentCall",
  security: signedInRoute,
  method: "get",
  path: "/api/urgent-calls/{id}",
  tags: callTags,
  summary: "One 911 call I posted or was offered",
  request: { params: idParam },
  responses: { ...jsonResponse(urgentCallOutput, "The call"), ...errorResponses(400, 401, 404) },
});
function callStep<P extends string>(operationId: string, path: P, summary: string) {
  return createRoute({
    operationId,
    security: signedInRoute,
    method: "post",
    path,
    tags: callTags,
    summary,
    request: { params: idParam },
    responses: {
      ...jsonResponse(urgentCallOutput, "The call after the step"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
}
const acceptCall = callStep(
  "acceptUrgentCall",
  "/api/urgent-calls/{id}/accept",
  "As a mentor it was offered to, take the call; the first to accept wins",
);
const withdrawCall = callStep(
  "withdrawUrgentCall",
  "/api/urgent-calls/{id}/withdraw",
  "Withdraw my call still waiting",
);
const callSession = createRoute({
  ...callStep(
    "bookUrgentCallSession",
    "/api/urgent-calls/{id}/session",
    "Book the talk of a taken call within the week; both get a calendar file",
  ),
  request: { params: idParam, ...jsonBody(urgentSessionInput) },
});

export function engagementsRoutes() {
  return createRouter()
    .openapi(list, async (c) => c.json(await listMyEngagements(c.var.deps.db, c.var.viewer), 200))
    .openapi(start, async (c) =>
      c.json(await startEngagement(c.var.deps, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getOne, async (c) =>
      c.json(await getEngagement(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(agreement, async (c) =>
      c.json(
        await saveAgreement(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(accept, async (c) =>
      c.json(
        await acceptAgreement(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(questions, async (c) =>
      c.json(
        await saveIntakeQuestions(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(answers, async (c) =>
      c.json(
        await saveIntakeAnswers(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(plan, async (c) =>
      c.json(await revisePlan(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(book, async (c) =>
      c.json(await bookSession(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(note, async (c) =>
      c.json(await addNote(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(action, async (c) =>
      c.json(
        await addActionItem(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(close, async (c) =>
      c.json(
        await startCloseOut(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(review, async (c) =>
      c.json(await writeReview(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(shareOneDecision, async (c) =>
      c.json(
        await shareDecision(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(unshare, async (c) =>
      c.json(await unshareDecision(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(comment, async (c) =>
      c.json(
        await commentOnDecision(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(putComment, async (c) =>
      c.json(
        await updateDecisionCommentOf(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(reschedule, async (c) =>
      c.json(
        await rescheduleSession(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(cancel, async (c) =>
      c.json(
        await cancelSession(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(calendar, async (c) =>
      c.json(await getSessionCalendar(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(putNote, async (c) =>
      c.json(
        await updateSessionNote(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(deleteNoteRoute, async (c) =>
      c.json(await deleteSessionNote(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(putAction, async (c) =>
      c.json(
        await updateActionItemOf(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(mentorReviews, async (c) =>
      c.json(await getMentorReviews(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(listCalls, async (c) => c.json(await listUrgentCalls(c.var.deps.db, c.var.viewer), 200))
    .openapi(postCall, async (c) =>
      c.json(await postUrgentCall(c.var.deps, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getCall, async (c) =>
      c.json(await getUrgentCall(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(acceptCall, async (c) =>
      c.json(await acceptUrgentCall(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(withdrawCall, async (c) =>
      c.json(await withdrawUrgentCall(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(callSession, async (c) =>
      c.json(
        await bookUrgentSession(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    );
}
