import { createRoute, z } from "@hono/zod-openapi";
import {
  applicationAnswerInput,
  applicationInput,
  applicationListOutput,
  applicationParam,
  calendarFeedOutput,
  channelInput,
  communityInput,
  communityListOutput,
  communityNotificationInput,
  communityOutput,
  communityUpdateInput,
  decisionInput,
  eventInput,
  eventListOutput,
  eventListQuery,
  eventOutput,
  flagInput,
  flagOutput,
  hideInput,
  historyOutput,
  idParam,
  joinInput,
  memberListOutput,
  memberParam,
  moderationLogOutput,
  postUpdateInput,
  removeMemberInput,
  replyInput,
  roleInput,
  searchOutput,
  searchQuery,
  threadInput,
  threadListOutput,
  threadListQuery,
  threadOutput,
  tokenParam,
} from "../../../shared/communities.ts";
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonResponse,
  publicRoute,
  signedInRoute,
} from "../../http/router.ts";
import {
  addChannel,
  answerApplication,
  applyToCircle,
  createCommunity,
  decideApplication,
  getCommunity,
  joinCommunity,
  leaveCommunity,
  listApplications,
  listCommunities,
  listMembers,
  removeMember,
  setCommunityDelivery,
  setRole,
  updateCommunity,
} from "./communities.service.ts";
import {
  editPost,
  flagPost,
  getModerationLog,
  getPostHistory,
  getThread,
  hidePost,
  listThreads,
  replyToThread,
  searchCommunities,
  startThread,
} from "./discussions.service.ts";
import {
  calendarFeed,
  cancelRsvp,
  createEvent,
  eventCalendar,
  getEvent,
  getMyCalendarFeed,
  listEvents,
  resetMyCalendarFeed,
  rsvpToEvent,
} from "./events.service.ts";

const tags = ["Communities"];

const listCommunitiesRoute = createRoute({
  operationId: "listCommunities",
  security: signedInRoute,
  method: "get",
  path: "/api/communities",
  tags,
  summary:
    "Circles and open communities, with where I stand in each; a circle shows no member, count or content to anyone outside",
  responses: { ...jsonResponse(communityListOutput, "Circles and open communities"), ...errorResponses(401) },
});

const createCommunityRoute = createRoute({
  operationId: "createCommunity",
  security: signedInRoute,
  method: "post",
  path: "/api/communities",
  tags,
  summary: "Start a vetted circle or an open community; I become its first organizer",
  request: { ...jsonBody(communityInput) },
  responses: {
    ...jsonResponse(communityOutput, "Start a vetted circle or an open community; I become its fir"),
    ...errorResponses(400, 401),
  },
});

const getCommunityRoute = createRoute({
  operationId: "getCommunity",
  security: signedInRoute,
  method: "get",
  path: "/api/communities/{id}",
  tags,
  summary:
    "A community's description, admission criteria and norms, my application, and (for members only) what is inside",
  request: { params: idParam },
  responses: {
    ...jsonResponse(communityOutput, "A community's description"),
    ...errorResponses(400, 401, 404),
  },
});

const updateCommunityRoute = createRoute({
  operationId: "updateCommunity",
  security: signedInRoute,
  method: "put",
  path: "/api/communities/{id}",
  tags,
  summary: "As an organizer, change the description, criteria, norms or size limit",
  request: { params: idParam, ...jsonBody(communityUpdateInput) },
  responses: { ...jsonResponse(communityOutput, "As an organizer"), ...errorResponses(400, 401, 404, 409) },
});

const joinCommunityRoute = createRoute({
  operationId: "joinCommunity",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/join",
  tags,
  summary:
    "Accept the norms and join: an open community, or a circle that admitted me; refused when the circle is full",
  request: { params: idParam, ...jsonBody(joinInput) },
  responses: {
    ...jsonResponse(communityOutput, "Accept the norms and join"),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const leaveCommunityRoute = createRoute({
  operationId: "leaveCommunity",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/leave",
  tags,
  summary: "Leave; my RSVPs and the community's notifications go with my membership",
  request: { params: idParam },
  responses: {
    ...jsonResponse(communityOutput, "Leave; my RSVPs and the community's notifications go with my"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const setCommunityNotificationsRoute = createRoute({
  operationId: "setCommunityNotifications",
  security: signedInRoute,
  method: "put",
  path: "/api/communities/{id}/notifications",
  tags,
  summary:
    "How this community's emails reach me: as my per-kind choices say, each time, in the digest, or not at all",
  request: { params: idParam, ...jsonBody(communityNotificationInput) },
  responses: {
    ...jsonResponse(communityOutput, "How this community's emails reach me"),
    ...errorResponses(400, 401, 404),
  },
});

const listCommunityMembersRoute = createRoute({
  operationId: "listCommunityMembers",
  security: signedInRoute,
  method: "get",
  path: "/api/communities/{id}/members",
  tags,
  summary: "The members, for members only",
  request: { params: idParam },
  responses: { ...jsonResponse(memberListOutput, "The members"), ...errorResponses(400, 401, 404) },
});

const removeCommunityMemberRoute = createRoute({
  operationId: "removeCommunityMember",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/members/{userId}/remove",
  tags,
  summary: "As an organizer, remove a member (or ban them): effective on their next request, everywhere",
  request: { params: memberParam, ...jsonBody(removeMemberInput) },
  responses: { ...jsonResponse(memberListOutput, "As an organizer"), ...errorResponses(400, 401, 404, 409) },
});

const setCommunityRoleRoute = createRoute({
  operationId: "setCommunityRole",
  security: signedInRoute,
  method: "put",
  path: "/api/communities/{id}/members/{userId}/role",
  tags,
  summary: "As an organizer, make a member an organizer, a moderator or a member",
  request: { params: memberParam, ...jsonBody(roleInput) },
  responses: { ...jsonResponse(memberListOutput, "As an organizer"), ...errorResponses(400, 401, 404, 409) },
});

const addCommunityChannelRoute = createRoute({
  operationId: "addCommunityChannel",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/channels",
  tags,
  summary: "As a moderator, add a channel",
  request: { params: idParam, ...jsonBody(channelInput) },
  responses: { ...jsonResponse(communityOutput, "As a moderator"), ...errorResponses(400, 401, 404, 409) },
});

const applyToCircleRoute = createRoute({
  operationId: "applyToCircle",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/applications",
  tags,
  summary: "Apply to a circle with answers to its admission criteria",
  request: { params: idParam, ...jsonBody(applicationInput) },
  responses: {
    ...jsonResponse(communityOutput, "Apply to a circle with answers to its admission criteria"),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const listCircleApplicationsRoute = createRoute({
  operationId: "listCircleApplications",
  security: signedInRoute,
  method: "get",
  path: "/api/communities/{id}/applications",
  tags,
  summary: "As an organizer, the applications waiting or admitted",
  request: { params: idParam },
  responses: { ...jsonResponse(applicationListOutput, "As an organizer"), ...errorResponses(400, 401, 404) },
});

const decideCircleApplicationRoute = createRoute({
  operationId: "decideCircleApplication",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/applications/{applicationId}/decision",
  tags,
  summary: "As an organizer, admit, decline with a reason, or ask for more",
  request: { params: applicationParam, ...jsonBody(decisionInput) },
  responses: {
    ...jsonResponse(applicationListOutput, "As an organizer"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const answerCircleApplicationRoute = createRoute({
  operationId: "answerCircleApplication",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/applications/{applicationId}/answer",
  tags,
  summary: "As the applicant, answer the organizers' question",
  request: { params: applicationParam, ...jsonBody(applicationAnswerInput) },
  responses: { ...jsonResponse(communityOutput, "As the applicant"), ...errorResponses(400, 401, 404, 409) },
});

const listCommunityThreadsRoute = createRoute({
  operationId: "listCommunityThreads",
  security: signedInRoute,
  method: "get",
  path: "/api/communities/{id}/threads",
  tags,
  summary: "Threads, most recently active first, 20 at a time (pass nextBefore as before)",
  request: { params: idParam, query: threadListQuery },
  responses: { ...jsonResponse(threadListOutput, "Threads"), ...errorResponses(400, 401, 404) },
});

const startCommunityThreadRoute = createRoute({
  operationId: "startCommunityThread",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/threads",
  tags,
  summary:
    "Start a thread (Markdown); mentioned members are told; posting is rate limited, more strictly for new members",
  request: { params: idParam, ...jsonBody(threadInput) },
  responses: {
    ...jsonResponse(threadOutput, "Start a thread (Markdown); mentioned members are told; posti"),
    ...errorResponses(400, 401, 404, 429),
  },
});

const getModerationLogRoute = createRoute({
  operationId: "getModerationLog",
  security: signedInRoute,
  method: "get",
  path: "/api/communities/{id}/moderation-log",
  tags,
  summary: "As a moderator, what was hidden, unhidden, removed or banned, by whom and why",
  request: { params: idParam },
  responses: { ...jsonResponse(moderationLogOutput, "As a moderator"), ...errorResponses(400, 401, 404) },
});

const listCommunityEventsRoute = createRoute({
  operationId: "listCommunityEvents",
  security: signedInRoute,
  method: "get",
  path: "/api/communities/{id}/events",
  tags,
  summary: "Upcoming events, optionally in one city, with the cities that have any",
  request: { params: idParam, query: eventListQuery },
  responses: { ...jsonResponse(eventListOutput, "Upcoming events"), ...errorResponses(400, 401, 404) },
});

const createCommunityEventRoute = createRoute({
  operationId: "createCommunityEvent",
  security: signedInRoute,
  method: "post",
  path: "/api/communities/{id}/events",
  tags,
  summary:
    "As an organizer or moderator, add an event in my time zone: online or in person, with a capacity; circles can repeat it",
  request: { params: idParam, ...jsonBody(eventInput) },
  responses: {
    ...jsonResponse(eventOutput, "As an organizer or moderator"),
    ...errorResponses(400, 401, 404),
  },
});

const searchCommunitiesRoute = createRoute({
  operationId: "searchCommunities",
  security: signedInRoute,
  method: "get",
  path: "/api/community-search",
  tags,
  summary:
    "Full-text search (web search syntax) over every thread and reply I may read now, and nothing else",
  request: { query: searchQuery },
  responses: {
    ...jsonResponse(searchOutput, "Full-text search (web search syntax) over every thread and r"),
    ...errorResponses(400, 401),
  },
});

const getThreadRoute = createRoute({
  operationId: "getThread",
  security: signedInRoute,
  method: "get",
  path: "/api/threads/{id}",
  tags,
  summary: "A thread with its replies; hidden posts keep their place, marked hidden",
  request: { params: idParam },
  responses: {
    ...jsonResponse(threadOutput, "A thread with its replies; hidden posts keep their place"),
    ...errorResponses(400, 401, 404),
  },
});

const replyToThreadRoute = createRoute({
  operationId: "replyToThread",
  security: signedInRoute,
  method: "post",
  path: "/api/threads/{id}/replies",
  tags,
  summary: "Reply (Markdown); the thread's author and mentioned members are told",
  request: { params: idParam, ...jsonBody(replyInput) },
  responses: {
    ...jsonResponse(threadOutput, "Reply (Markdown); the thread's author and mentioned members "),
    ...errorResponses(400, 401, 404, 429),
  },
});

const editPostRoute = createRoute({
  operationId: "editPost",
  security: signedInRoute,
  method: "put",
  path: "/api/posts/{id}",
  tags,
  summary: "As its author, edit a post; what it said before stays in its history",
  request: { params: idParam, ...jsonBody(postUpdateInput) },
  responses: { ...jsonResponse(threadOutput, "As its author"), ...errorResponses(400, 401, 403, 404, 409) },
});

const getPostHistoryRoute = createRoute({
  operationId: "getPostHistory",
  security: signedInRoute,
  method: "get",
  path: "/api/posts/{id}/history",
  tags,
  summary: "What a post said before each edit, newest first",
  request: { params: idParam },
  responses: {
    ...jsonResponse(historyOutput, "What a post said before each edit"),
    ...errorResponses(400, 401, 404),
  },
});

const flagPostRoute = createRoute({
  operationId: "flagPost",
  security: signedInRoute,
  method: "post",
  path: "/api/posts/{id}/flag",
  tags,
  summary:
    "Flag a post for the moderators; flags from several trusted members hide it until a moderator looks",
  request: { params: idParam, ...jsonBody(flagInput) },
  responses: {
    ...jsonResponse(flagOutput, "Flag a post for the moderators; flags from several trusted m"),
    ...errorResponses(400, 401, 404),
  },
});

const hidePostRoute = createRoute({
  operationId: "hidePost",
  security: signedInRoute,
  method: "post",
  path: "/api/posts/{id}/hide",
  tags,
  summary: "As a moderator, hide or unhide a post, with a reason for the moderation log",
  request: { params: idParam, ...jsonBody(hideInput) },
  responses: { ...jsonResponse(threadOutput, "As a moderator"), ...errorResponses(400, 401, 404) },
});

const getCommunityEventRoute = createRoute({
  operationId: "getCommunityEvent",
  security: signedInRoute,
  method: "get",
  path: "/api/events/{id}",
  tags,
  summary: "An event, its next occurrences, places left, and my RSVP or place on the waitlist",
  request: { params: idParam },
  responses: { ...jsonResponse(eventOutput, "An event"), ...errorResponses(400, 401, 404) },
});

const rsvpToEventRoute = createRoute({
  operationId: "rsvpToEvent",
  security: signedInRoute,
  method: "post",
  path: "/api/events/{id}/rsvp",
  tags,
  summary:
    "RSVP: a place if one is free (the last place goes to one person, whatever the race), the waitlist otherwise",
  request: { params: idParam },
  responses: { ...jsonResponse(eventOutput, "RSVP"), ...errorResponses(400, 401, 404) },
});

const cancelRsvpRoute = createRoute({
  operationId: "cancelRsvp",
  security: signedInRoute,
  method: "delete",
  path: "/api/events/{id}/rsvp",
  tags,
  summary: "Cancel my RSVP; my place goes to the first person waiting, who is told",
  request: { params: idParam },
  responses: {
    ...jsonResponse(eventOutput, "Cancel my RSVP; my place goes to the first person waiting"),
    ...errorResponses(400, 401, 404),
  },
});

const getMyCalendarFeedRoute = createRoute({
  operationId: "getMyCalendarFeed",
  security: signedInRoute,
  method: "get",
  path: "/api/calendar-feed",
  tags,
  summary: "The secret link of my private calendar feed",
  responses: {
    ...jsonResponse(calendarFeedOutput, "The secret link of my private calendar feed"),
    ...errorResponses(401),
  },
});

const resetMyCalendarFeedRoute = createRoute({
  operationId: "resetMyCalendarFeed",
  security: signedInRoute,
  method: "post",
  path: "/api/calendar-feed/reset",
  tags,
  summary: "Replace my calendar feed's secret link; the old one stops working",
  responses: {
    ...jsonResponse(calendarFeedOutput, "Replace my calendar feed's secret link; the old one stops wo"),
    ...errorResponses(401),
  },
});

const eventCalendarRoute = createRoute({
  operationId: "getEventCalendar",
  security: signedInRoute,
  method: "get",
  path: "/api/events/{id}/calendar",
  tags,
  summary: "The event as a calendar file (ICS, UTC times, a stable UID per occurrence and a SEQUENCE)",
  request: { params: idParam },
  responses: {
    200: { description: "An iCalendar file", content: { "text/calendar": { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});

const calendarFeedRoute = createRoute({
  operationId: "getCalendarFeed",
  security: publicRoute,
  method: "get",
  path: "/api/calendar/{token}",
  tags,
  summary:
    "A member's private calendar feed, by its secret link (no sign-in: calendar apps cannot). Read afresh on each fetch: a removed member's circle meetings are gone at once.",
  request: { params: tokenParam },
  responses: {
    200: { description: "An iCalendar feed", content: { "text/calendar": { schema: z.string() } } },
    ...errorResponses(400, 404),
  },
});

const calendarHeaders = {
  "Content-Type": "text/calendar; charset=utf-8",
  "Cache-Control": "private, no-store",
};

export function communitiesRoutes() {
  return createRouter()
    .openapi(listCommunitiesRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await listCommunities(d.db, v), 200);
    })
    .openapi(createCommunityRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await createCommunity(d, v, c.req.valid("json")), 200);
    })
    .openapi(getCommunityRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await getCommunity(d.db, v, c.req.valid("param").id), 200);
    })
    .openapi(updateCommunityRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await updateCommunity(d.db, v, c.req.valid("param").id, c.req.valid("json")), 200);
    })
    .openapi(joinCommunityRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await joinCommunity(d, v, c.req.valid("param").id), 200);
    })
    .openapi(leaveCommunityRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await leaveCommunity(d, v, c.req.valid("param").id), 200);
    })
    .openapi(setCommunityNotificationsRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(
        await setCommunityDelivery(d.db, v, c.req.valid("param").id, c.req.valid("json").delivery),
        200,
      );
    })
    .openapi(listCommunityMembersRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await listMembers(d.db, v, c.req.valid("param").id), 200);
    })
    .openapi(removeCommunityMemberRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(
        await removeMember(d, v, c.req.valid("param").id, c.req.valid("param").userId, c.req.valid("json")),
        200,
      );
    })
    .openapi(setCommunityRoleRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(
        await setRole(
          d.db,
          v,
          c.req.valid("param").id,
          c.req.valid("param").userId,
          c.req.valid("json").role,
        ),
        200,
      );
    })
    .openapi(addCommunityChannelRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await addChannel(d.db, v, c.req.valid("param").id, c.req.valid("json").name), 200);
    })
    .openapi(applyToCircleRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await applyToCircle(d, v, c.req.valid("param").id, c.req.valid("json").answers), 200);
    })
    .openapi(listCircleApplicationsRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await listApplications(d.db, v, c.req.valid("param").id), 200);
    })
    .openapi(decideCircleApplicationRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(
        await decideApplication(
          d,
          v,
          c.req.valid("param").id,
          c.req.valid("param").applicationId,
          c.req.valid("json"),
        ),
        200,
      );
    })
    .openapi(answerCircleApplicationRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(
        await answerApplication(
          d,
          v,
          c.req.valid("param").id,
          c.req.valid("param").applicationId,
          c.req.valid("json").answer,
        ),
        200,
      );
    })
    .openapi(listCommunityThreadsRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await listThreads(d.db, v, c.req.valid("param").id, c.req.valid("query")), 200);
    })
    .openapi(startCommunityThreadRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await startThread(d, v, c.req.valid("param").id, c.req.valid("json")), 200);
    })
    .openapi(getModerationLogRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await getModerationLog(d.db, v, c.req.valid("param").id), 200);
    })
    .openapi(listCommunityEventsRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await listEvents(d.db, v, c.req.valid("param").id, c.req.valid("query")), 200);
    })
    .openapi(createCommunityEventRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await createEvent(d, v, c.req.valid("param").id, c.req.valid("json")), 200);
    })
    .openapi(searchCommunitiesRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await searchCommunities(d.db, v, c.req.valid("query").q), 200);
    })
    .openapi(getThreadRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await getThread(d.db, v, c.req.valid("param").id), 200);
    })
    .openapi(replyToThreadRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await replyToThread(d, v, c.req.valid("param").id, c.req.valid("json")), 200);
    })
    .openapi(editPostRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await editPost(d.db, v, c.req.valid("param").id, c.req.valid("json")), 200);
    })
    .openapi(getPostHistoryRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await getPostHistory(d.db, v, c.req.valid("param").id), 200);
    })
    .openapi(flagPostRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await flagPost(d.db, v, c.req.valid("param").id, c.req.valid("json").reason), 200);
    })
    .openapi(hidePostRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await hidePost(d.db, v, c.req.valid("param").id, c.req.valid("json")), 200);
    })
    .openapi(getCommunityEventRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await getEvent(d.db, v, c.req.valid("param").id), 200);
    })
    .openapi(rsvpToEventRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await rsvpToEvent(d, v, c.req.valid("param").id), 200);
    })
    .openapi(cancelRsvpRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await cancelRsvp(d, v, c.req.valid("param").id), 200);
    })
    .openapi(getMyCalendarFeedRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await getMyCalendarFeed(d, v), 200);
    })
    .openapi(resetMyCalendarFeedRoute, async (c) => {
      const d = c.var.deps;
      const v = c.var.viewer;
      return c.json(await resetMyCalendarFeed(d, v), 200);
    })
    .openapi(eventCalendarRoute, async (c) =>
      c.body(await eventCalendar(c.var.deps, c.var.viewer, c.req.valid("param").id), 200, {
        ...calendarHeaders,
        "Content-Disposition": 'attachment; filename="event.ics"',
      }),
    )
    .openapi(calendarFeedRoute, async (c) =>
      c.body(
        await calendarFeed(c.var.deps, c.req.valid("param").token.replace(/\.ics$/, "")),
        200,
        calendarHeaders,
      ),
    );
}
