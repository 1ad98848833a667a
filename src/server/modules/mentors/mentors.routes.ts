import { createRoute, z } from "@hono/zod-openapi";
import {
  answerInput,
  askInput,
  declineInput,
  mentoringLogDeletedOutput,
  mentoringLogEntryOutput,
  mentoringLogInput,
  mentoringLogOutput,
  mentoringLogUpdateInput,
  mentorListOutput,
  mentorProfileOutput,
  mentorProfileUpdateInput,
  mentorRequestInput,
  mentorRequestListOutput,
  mentorRequestOutput,
  mentorSearchQuery,
  myMentorProfileOutput,
  suggestionListOutput,
} from "../../../shared/mentors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  acceptMentorRequest,
  addMentoringLogEntry,
  answerMentorRequest,
  askAboutMentorRequest,
  declineMentorRequest,
  deleteMentoringLogEntry,
  endMentoring,
  getMentorProfile,
  getMentorRequest,
  getMyMentoringLog,
  getMyMentorProfile,
  listMyMentorRequests,
  pauseMyMentoring,
  resumeMyMentoring,
  saveMyMentorProfile,
  searchMentors,
  sendMentorRequest,
  suggestMentors,
  updateMentoringLogEntry,
  withdrawMentorRequest,
} from "./mentors.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
const mentorTags = ["Mentors"];
const requestTags = ["Mentoring requests"];
const logTags = ["Mentoring others"];

const getMine = createRoute({
  operationId: "getMyMentorProfile",
  security: signedInRoute,
  method: "get",
  path: "/api/mentors/me",
  tags: mentorTags,
  summary: "My mentor profile, or null with version 0 before I create one",
  responses: { ...jsonResponse(myMentorProfileOutput, "My mentor profile"), ...errorResponses(401) },
});

const putMine = createRoute({
  operationId: "saveMyMentorProfile",
  security: signedInRoute,
  method: "put",
  path: "/api/mentors/me",
  tags: mentorTags,
  summary:
    "Create or change my mentor profile: lanes, levels, style, capacity, weekly availability in my time zone, days away, response promise, proof of work",
  request: jsonBody(mentorProfileUpdateInput),
  responses: {
    ...jsonResponse(myMentorProfileOutput, "My saved mentor profile"),
    ...errorResponses(400, 401, 409),
  },
});

const pause = createRoute({
  operationId: "pauseMyMentoring",
  security: signedInRoute,
  method: "post",
  path: "/api/mentors/me/pause",
  tags: mentorTags,
  summary: "Stop taking requests for now: members are no longer offered me",
  responses: { ...jsonResponse(myMentorProfileOutput, "My paused profile"), ...errorResponses(401, 404) },
});

const resume = createRoute({
  operationId: "resumeMyMentoring",
  security: signedInRoute,
  method: "post",
  path: "/api/mentors/me/resume",
  tags: mentorTags,
  summary: "Take requests again, after a pause of my own or an automatic one",
  responses: { ...jsonResponse(myMentorProfileOutput, "My resumed profile"), ...errorResponses(401, 404) },
});

const search = createRoute({
  operationId: "searchMentors",
  security: signedInRoute,
  method: "get",
  path: "/api/mentors",
  tags: mentorTags,
  summary:
    "Find mentors taking requests: by free text, lanes, level, style, time-zone overlap with me and availability. Paused mentors and mentors without a free seat are not listed.",
  request: { query: mentorSearchQuery },
  responses: { ...jsonResponse(mentorListOutput, "Matching mentors"), ...errorResponses(400, 401) },
});

const suggestions = createRoute({
  operationId: "suggestMentors",
  security: signedInRoute,
  method: "get",
  path: "/api/mentors/suggestions",
  tags: mentorTags,
  summary:
    "Mentors suggested for my own gaps (weakest lanes, world-class lane, portfolio gaps, next level, skip job), each with the reasons in words",
  responses: { ...jsonResponse(suggestionListOutput, "Suggestions with reasons"), ...errorResponses(401) },
});

const getOne = createRoute({
  operationId: "getMentorProfile",
  security: signedInRoute,
  method: "get",
  path: "/api/mentors/{id}",
  tags: mentorTags,
  summary: "A mentor's profile, with the next two weeks of availability as instants",
  request: { params: idParam },
  responses: {
    ...jsonResponse(mentorProfileOutput, "The mentor's profile"),
    ...errorResponses(400, 401, 404),
  },
});

const listRequests = createRoute({
  operationId: "listMyMentorRequests",
  security: signedInRoute,
  method: "get",
  path: "/api/mentor-requests",
  tags: requestTags,
  summary: "The requests I sent to mentors and the requests I received as a mentor",
  responses: { ...jsonResponse(mentorRequestListOutput, "My requests"), ...errorResponses(401) },
});

const createRequest = createRoute({
  operationId: "sendMentorRequest",
  security: signedInRoute,
  method: "post",
  path: "/api/mentor-requests",
  tags: requestTags,
  summary:
    "Ask a mentor for help, optionally sharing parts of my record with them read-only. At most three requests wait at once; it expires 48 hours after it reaches the mentor unanswered.",
  request: jsonBody(mentorRequestInput),
  responses: {
    ...jsonResponse(mentorRequestOutput, "The sent request"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const getRequest = createRoute({
  operationId: "getMentorRequest",
  security: signedInRoute,
  method: "get",
  path: "/api/mentor-requests/{id}",
  tags: requestTags,
  summary: "One request I sent or received, with its messages",
  request: { params: idParam },
  responses: { ...jsonResponse(mentorRequestOutput, "The request"), ...errorResponses(400, 401, 404) },
});

function action<P extends string>(name: string, path: P, summary: string) {
  return createRoute({
    operationId: name,
    security: signedInRoute,
    method: "post",
    path: `/api/mentor-requests/{id}/${path}` as `/api/mentor-requests/{id}/${P}`,
    tags: requestTags,
    summary,
    request: { params: idParam },
    responses: {
      ...jsonResponse(mentorRequestOutput, "The request after the step"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
}

const accept = action(
  "acceptMentorRequest",
  "accept",
  "As the mentor, accept: takes one of my seats, refused when none is free (even when two accepts race)",
);
const decline = createRoute({
  ...action("declineMentorRequest", "decline", "As the mentor, decline, with an optional reason"),
  request: { params: idParam, ...jsonBody(declineInput) },
});
const ask = createRoute({
  ...action(
    "askAboutMentorRequest",
    "ask",
    "As the mentor, ask the mentee for more information; the request waits for their answer",
  ),
  request: { params: idParam, ...jsonBody(askInput) },
});
const answer = createRoute({
  ...action(
    "answerMentorRequest",
    "answer",
    "As the mentee, answer the mentor's question; the request goes back to the mentor for 48 hours",
  ),
  request: { params: idParam, ...jsonBody(answerInput) },
});
const withdraw = action(
  "withdrawMentorRequest",
  "withdraw",
  "As the mentee, withdraw a request still waiting",
);
const end = action(
  "endMentoring",
  "end",
  "Either side ends an accepted mentoring; the mentor's seat is free again",
);

const getLog = createRoute({
  operationId: "getMyMentoringLog",
  security: signedInRoute,
  method: "get",
  path: "/api/mentoring-log",
  tags: logTags,
  summary: "Whom I mentor and what I handed over, with the next-level checks it supports",
  responses: { ...jsonResponse(mentoringLogOutput, "My mentoring log"), ...errorResponses(401) },
});

const addLog = createRoute({
  operationId: "addMentoringLogEntry",
  security: signedInRoute,
  method: "post",
  path: "/api/mentoring-log",
  tags: logTags,
  summary: "Log someone I mentor, inside or outside Sidecar",
  request: jsonBody(mentoringLogInput),
  responses: { ...jsonResponse(mentoringLogEntryOutput, "The new entry"), ...errorResponses(400, 401) },
});

const putLog = createRoute({
  operationId: "updateMentoringLogEntry",
  security: signedInRoute,
  method: "put",
  path: "/api/mentoring-log/{id}",
  tags: logTags,
  summary: "Change an entry of my mentoring log",
  request: { params: idParam, ...jsonBody(mentoringLogUpdateInput) },
  responses: {
    ...jsonResponse(mentoringLogEntryOutput, "The changed entry"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const deleteLog = createRoute({
  operationId: "deleteMentoringLogEntry",
  security: signedInRoute,
  method: "delete",
  path: "/api/mentoring-log/{id}",
  tags: logTags,
  summary: "Delete an entry of my mentoring log",
  request: { params: idParam },
  responses: {
    ...jsonResponse(mentoringLogDeletedOutput, "The id of the deleted entry"),
    ...errorResponses(400, 401, 404),
  },
});

export function mentorsRoutes() {
  return createRouter()
    .openapi(getMine, async (c) => c.json(await getMyMentorProfile(c.var.deps.db, c.var.viewer), 200))
    .openapi(putMine, async (c) =>
      c.json(await saveMyMentorProfile(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(pause, async (c) => c.json(await pauseMyMentoring(c.var.deps.db, c.var.viewer), 200))
    .openapi(resume, async (c) => c.json(await resumeMyMentoring(c.var.deps.db, c.var.viewer), 200))
    .openapi(suggestions, async (c) => c.json(await suggestMentors(c.var.deps.db, c.var.viewer), 200))
    .openapi(search, async (c) =>
      c.json(await searchMentors(c.var.deps.db, c.var.viewer, c.req.valid("query")), 200),
    )
    .openapi(getOne, async (c) =>
      c.json(await getMentorProfile(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(listRequests, async (c) => c.json(await listMyMentorRequests(c.var.deps.db, c.var.viewer), 200))
    .openapi(createRequest, async (c) =>
      c.json(await sendMentorRequest(c.var.deps, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getRequest, async (c) =>
      c.json(await getMentorRequest(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(accept, async (c) =>
      c.json(await acceptMentorRequest(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(decline, async (c) =>
      c.json(
        await declineMentorRequest(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(ask, async (c) =>
      c.json(
        await askAboutMentorRequest(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(answer, async (c) =>
      c.json(
        await answerMentorRequest(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(withdraw, async (c) =>
      c.json(await withdrawMentorRequest(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(end, async (c) =>
      c.json(await endMentoring(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(getLog, async (c) => c.json(await getMyMentoringLog(c.var.deps.db, c.var.viewer), 200))
    .openapi(addLog, async (c) =>
      c.json(await addMentoringLogEntry(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(putLog, async (c) =>
      c.json(
        await updateMentoringLogEntry(
          c.var.deps.db,
          c.var.viewer,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
    )
    .openapi(deleteLog, async (c) =>
      c.json(await deleteMentoringLogEntry(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    );
}
