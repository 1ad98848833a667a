import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "../src/server/jobs/enqueue-job.ts";
import { jobs } from "../src/server/jobs/jobs.table.ts";
import { feedbackRequests } from "../src/server/modules/feedback/feedback.table.ts";
import { notify } from "../src/server/modules/notifications/notifications.service.ts";
import { notifications } from "../src/server/modules/notifications/notifications.table.ts";
import { addDays, isoDay } from "../src/shared/calendar-date.ts";
import { defaultCohortSettings } from "../src/shared/programs.ts";
import { circleBody, eventBody, openBody } from "./communities.ts";
import { agreementBody, seedEngagementRoute } from "./engagements.ts";
import { buildUser, signIn, uniqueEmail } from "./factories.ts";
import { answersMarked, copyLinks, createFeedbackRequest, requestBody } from "./feedback.ts";
import { createTestContext, type RequestOptions, type TestContext } from "./harness.ts";
import { isManagerRoute, linkAs, seedManagerRoute } from "./managers.ts";
import { becomeMentor, mentorBody, sendRequest } from "./mentors.ts";
import { buildParticipants, csvOf, joinAll, type Member, questionnaire, runToEnd } from "./programs.ts";
import { concretePath, enumerateRoutes, type Route } from "./routes.ts";
import { misfit, type RouteSchemas, routeSchemas } from "./schemas.ts";
import { requestAtCurrentVersion } from "./versions.ts";

type Role = "anonymous" | "member" | "another member" | "disabled member" | "instance admin";
const roles: Role[] = ["anonymous", "member", "another member", "disabled member", "instance admin"];

// What each role gets from each route. "owner" is the person the route serves, with a real record and
// a valid body: a 2xx whose body fits the route's response schema strictly (an extra field fails).
// "ok" is any answer other than 401/403/5xx (a 400 for a deliberately empty body still shows the role
// was let through to validation).
type Outcome = "owner" | "ok" | 401 | 403 | 404 | 405;
type Access = Record<Role, Outcome>;
const publicRoute: Access = {
  anonymous: "ok",
  member: "ok",
  "another member": "ok",
  "disabled member": "ok",
  "instance admin": "ok",
};
const signedIn: Access = {
  anonymous: 401,
  member: "owner",
  "another member": "ok",
  "disabled member": 401,
  "instance admin": "ok",
};
const adminOnly: Access = {
  anonymous: 401,
  member: 403,
  "another member": 403,
  "disabled member": 401,
  "instance admin": "owner",
};
// Better-auth's own routes: its answers are its own, so any answer but a refusal will do.
const accountRoute = publicRoute;
const signedInAccount: Access = { ...signedIn, member: "ok" };
// Giving feedback needs no account: whoever holds a valid link is the one it serves.
const giverRoute: Access = {
  anonymous: "owner",
  member: "owner",
  "another member": "owner",
  "disabled member": "owner",
  "instance admin": "owner",
};
const nowhere: Access = {
  anonymous: 404,
  member: 404,
  "another member": 404,
  "disabled member": 404,
  "instance admin": 404,
};
const notAllowed: Access = {
  anonymous: 405,
  member: 405,
  "another member": 405,
  "disabled member": 405,
  "instance admin": 405,
};

const matrix: Record<string, Access> = {
  "GET /api/openapi.json": publicRoute,
  // Whether mail can leave the server: every visitor is the one it serves, signed in or not.
  "GET /api/instance": giverRoute,
  "GET /api/me": signedIn,
  "GET /api/home": signedIn,
  "GET /api/profile": signedIn,
  "PUT /api/profile": signedIn,
  "GET /api/lanes/assessments": signedIn,
  "POST /api/lanes/assessments": signedIn,
  "GET /api/lanes/assessments/:id": signedIn,
  "GET /api/feedback/requests": signedIn,
  "POST /api/feedback/requests": signedIn,
  "GET /api/feedback/requests/:id": signedIn,
  "PATCH /api/feedback/requests/:id": signedIn,
  "DELETE /api/feedback/requests/:id": signedIn,
  "POST /api/feedback/requests/:id/close": signedIn,
  "POST /api/feedback/requests/:id/invitations": signedIn,
  "POST /api/feedback/requests/:id/reminder": signedIn,
  "POST /api/feedback/requests/:id/thank-you": signedIn,
  "GET /api/feedback/requests/:id/results": signedIn,
  "PUT /api/feedback/requests/:id/reflections/:questionKey": signedIn,
  "GET /api/feedback/requests/:id/export": signedIn,
  "GET /api/feedback/superpowers": signedIn,
  "PUT /api/feedback/superpowers": signedIn,
  // Giving feedback needs no account; the link decides (see the giver block below).
  "GET /api/give/:token": giverRoute,
  "POST /api/give/:token": giverRoute,
  "GET /api/notifications": signedIn,
  "GET /api/notifications/unread-count": signedIn,
  "POST /api/notifications/read-all": signedIn,
  "POST /api/notifications/:id/read": signedIn,
  "GET /api/notifications/preferences": signedIn,
  "PUT /api/notifications/preferences": signedIn,
  // Unsubscribing needs no account: the link in the email decides (a mail provider posts it itself).
  "GET /api/unsubscribe/:token": publicRoute,
  "POST /api/unsubscribe/:token": publicRoute,
  // Your data: the member's own export, and deleting the account (its success is walked in the
  // account-data tests; here a wrong password shows each role is let through to the check, or not).
  "GET /api/account/export": signedIn,
  "POST /api/account/export": signedIn,
  "GET /api/account/export/download": signedIn,
  "GET /api/account/export/story": signedIn,
  "POST /api/account/delete": { ...signedIn, member: "ok" },
  "GET /api/tours": signedIn,
  "POST /api/tours": signedIn,
  "PUT /api/tours/order": signedIn,
  "GET /api/tours/:id": signedIn,
  "PUT /api/tours/:id": signedIn,
  "DELETE /api/tours/:id": signedIn,
  "POST /api/tours/:id/move": signedIn,
  "POST /api/tours/:id/end-early": signedIn,
  "POST /api/tours/:id/milestones": signedIn,
  "PUT /api/tours/:id/milestones/:milestoneId": signedIn,
  "DELETE /api/tours/:id/milestones/:milestoneId": signedIn,
  "GET /api/portfolio/roles": signedIn,
  "POST /api/portfolio/roles": signedIn,
  "GET /api/portfolio/roles/:id": signedIn,
  "PUT /api/portfolio/roles/:id": signedIn,
  "DELETE /api/portfolio/roles/:id": signedIn,
  "GET /api/portfolio/coverage": signedIn,
  "GET /api/target-role": signedIn,
  "PUT /api/target-role/checks/:itemId": signedIn,
  "GET /api/plan": signedIn,
  "PUT /api/plan": signedIn,
  "POST /api/plan/north-star/reached": signedIn,
  "DELETE /api/plan/north-star/reached": signedIn,
  "PUT /api/plan/act-three": signedIn,
  "GET /api/decisions": signedIn,
  "POST /api/decisions": signedIn,
  "GET /api/decisions/:id": signedIn,
  "PUT /api/decisions/:id": signedIn,
  "DELETE /api/decisions/:id": signedIn,
  "POST /api/decisions/:id/revisit": signedIn,
  "GET /api/story/entries": signedIn,
  "POST /api/story/entries": signedIn,
  "GET /api/story/entries/:id": signedIn,
  "PUT /api/story/entries/:id": signedIn,
  "DELETE /api/story/entries/:id": signedIn,
  "POST /api/story/writing-check": signedIn,
  "GET /api/story/press-release": signedIn,
  "PUT /api/story/press-release": signedIn,
  "GET /api/story/press-release/markdown": signedIn,
  "GET /api/story/thought-leadership": signedIn,
  "POST /api/story/thought-leadership": signedIn,
  "PUT /api/story/thought-leadership/:id": signedIn,
  "DELETE /api/story/thought-leadership/:id": signedIn,
  "PUT /api/story/thought-leadership-cadence": signedIn,
  "GET /api/promotion-diagnoses": signedIn,
  "POST /api/promotion-diagnoses": signedIn,
  "GET /api/promotion-diagnoses/:id": signedIn,
  "POST /api/promotion-diagnoses/:id/moves": signedIn,
  "GET /api/health-checks": signedIn,
  "POST /api/health-checks": signedIn,
  "GET /api/health-checks/:id": signedIn,
  "PUT /api/health-checks/:id": signedIn,
  "DELETE /api/health-checks/:id": signedIn,
  "GET /api/sharing/grants": signedIn,
  "POST /api/sharing/grants": signedIn,
  "DELETE /api/sharing/grants/:id": signedIn,
  "GET /api/shared": signedIn,
  "GET /api/shared/:ownerId/plan": signedIn,
  "GET /api/shared/:ownerId/lanes": signedIn,
  "GET /api/shared/:ownerId/portfolio": signedIn,
  "GET /api/shared/:ownerId/story": signedIn,
  "GET /api/mentors/me": signedIn,
  "PUT /api/mentors/me": signedIn,
  "POST /api/mentors/me/pause": signedIn,
  "POST /api/mentors/me/resume": signedIn,
  "GET /api/mentors": signedIn,
  "GET /api/mentors/suggestions": signedIn,
  "GET /api/mentors/:id": signedIn,
  "GET /api/mentor-requests": signedIn,
  "POST /api/mentor-requests": signedIn,
  "GET /api/mentor-requests/:id": signedIn,
  "POST /api/mentor-requests/:id/accept": signedIn,
  "POST /api/mentor-requests/:id/decline": signedIn,
  "POST /api/mentor-requests/:id/ask": signedIn,
  "POST /api/mentor-requests/:id/answer": signedIn,
  "POST /api/mentor-requests/:id/withdraw": signedIn,
  "POST /api/mentor-requests/:id/end": signedIn,
  // Programs: "member" is the program admin who started the program, or the participant a place names.
  "GET /api/programs": signedIn,
  "POST /api/programs": signedIn,
  "GET /api/programs/:id": signedIn,
  "PUT /api/programs/:id": signedIn,
  "POST /api/programs/:id/admins": signedIn,
  "DELETE /api/programs/:id/admins/:userId": signedIn,
  "POST /api/programs/:id/cohorts": signedIn,
  "GET /api/cohorts/:id": signedIn,
  "PUT /api/cohorts/:id/settings": signedIn,
  "GET /api/cohorts/:id/participants": signedIn,
  "POST /api/cohorts/:id/import": signedIn,
  "GET /api/cohorts/:id/preview": signedIn,
  "POST /api/cohorts/:id/runs": signedIn,
  "POST /api/cohorts/:id/overrides": signedIn,
  "POST /api/cohorts/:id/publish": signedIn,
  "GET /api/cohorts/:id/health": signedIn,
  "GET /api/cohorts/:id/health/export": signedIn,
  "GET /api/runs/:id": signedIn,
  "GET /api/runs/:id/progress": signedIn,
  "POST /api/runs/:id/cancel": signedIn,
  "GET /api/my-programs": signedIn,
  "POST /api/my-programs/:id/join": signedIn,
  "POST /api/program-matches/:id/accept": signedIn,
  "POST /api/program-matches/:id/meetings": signedIn,
  // Managers and check-ins: "member" is the side the route serves (see seedManagerRoute); the manager
  // and report columns are in the block "managers: the manager, the report and everyone else" below.
  "GET /api/managers": signedIn,
  "POST /api/managers/invitations": signedIn,
  "GET /api/manager-links/:id": signedIn,
  "POST /api/manager-links/:id/accept": signedIn,
  "POST /api/manager-links/:id/decline": signedIn,
  "POST /api/manager-links/:id/end": signedIn,
  "POST /api/manager-links/:id/cadence": signedIn,
  "POST /api/manager-links/:id/cadence/agree": signedIn,
  "POST /api/manager-links/:id/areas": signedIn,
  "GET /api/manager-links/:id/areas/:areaId": signedIn,
  "DELETE /api/manager-links/:id/areas/:areaId": signedIn,
  "POST /api/manager-links/:id/check-ins": signedIn,
  "GET /api/check-ins/:id": signedIn,
  "PUT /api/check-ins/:id": signedIn,
  "PUT /api/check-ins/:id/manager-plan": signedIn,
  "POST /api/check-ins/:id/comments": signedIn,
  "POST /api/check-ins/:id/agenda": signedIn,
  "POST /api/agenda-topics/:id/decision": signedIn,
  "GET /api/mentoring-log": signedIn,
  "POST /api/mentoring-log": signedIn,
  "PUT /api/mentoring-log/:id": signedIn,
  "DELETE /api/mentoring-log/:id": signedIn,
  "GET /api/engagements": signedIn,
  "POST /api/engagements": signedIn,
  "GET /api/engagements/:id": signedIn,
  "PUT /api/engagements/:id/agreement": signedIn,
  "POST /api/engagements/:id/agreement/accept": signedIn,
  "PUT /api/engagements/:id/intake/questions": signedIn,
  "PUT /api/engagements/:id/intake/answers": signedIn,
  "POST /api/engagements/:id/plan": signedIn,
  "POST /api/engagements/:id/sessions": signedIn,
  "POST /api/engagements/:id/notes": signedIn,
  "POST /api/engagements/:id/action-items": signedIn,
  "POST /api/engagements/:id/close": signedIn,
  "POST /api/engagements/:id/review": signedIn,
  "PUT /api/engagement-sessions/:id": signedIn,
  "POST /api/engagement-sessions/:id/cancel": signedIn,
  "GET /api/engagement-sessions/:id/calendar": signedIn,
  "PUT /api/engagement-notes/:id": signedIn,
  "DELETE /api/engagement-notes/:id": signedIn,
  "PUT /api/engagement-action-items/:id": signedIn,
  "POST /api/engagements/:id/decisions": signedIn,
  "DELETE /api/engagement-decisions/:id": signedIn,
  "POST /api/engagement-decisions/:id/comments": signedIn,
  "PUT /api/engagement-decision-comments/:id": signedIn,
  "GET /api/mentors/:id/reviews": signedIn,
  "GET /api/urgent-calls": signedIn,
  "POST /api/urgent-calls": signedIn,
  "GET /api/urgent-calls/:id": signedIn,
  "POST /api/urgent-calls/:id/accept": signedIn,
  "POST /api/urgent-calls/:id/withdraw": signedIn,
  "POST /api/urgent-calls/:id/session": signedIn,
  "GET /api/communities": signedIn,
  "POST /api/communities": signedIn,
  "GET /api/communities/:id": signedIn,
  "PUT /api/communities/:id": signedIn,
  "POST /api/communities/:id/join": signedIn,
  "POST /api/communities/:id/leave": signedIn,
  "PUT /api/communities/:id/notifications": signedIn,
  "GET /api/communities/:id/members": signedIn,
  "POST /api/communities/:id/members/:userId/remove": signedIn,
  "PUT /api/communities/:id/members/:userId/role": signedIn,
  "POST /api/communities/:id/channels": signedIn,
  "POST /api/communities/:id/applications": signedIn,
  "GET /api/communities/:id/applications": signedIn,
  "POST /api/communities/:id/applications/:applicationId/decision": signedIn,
  "POST /api/communities/:id/applications/:applicationId/answer": signedIn,
  "GET /api/communities/:id/threads": signedIn,
  "POST /api/communities/:id/threads": signedIn,
  "GET /api/communities/:id/moderation-log": signedIn,
  "GET /api/communities/:id/events": signedIn,
  "POST /api/communities/:id/events": signedIn,
  "GET /api/community-search": signedIn,
  "GET /api/threads/:id": signedIn,
  "POST /api/threads/:id/replies": signedIn,
  "PUT /api/posts/:id": signedIn,
  "GET /api/posts/:id/history": signedIn,
  "POST /api/posts/:id/flag": signedIn,
  "POST /api/posts/:id/hide": signedIn,
  "GET /api/events/:id": signedIn,
  "POST /api/events/:id/rsvp": signedIn,
  "DELETE /api/events/:id/rsvp": signedIn,
  "GET /api/calendar-feed": signedIn,
  "POST /api/calendar-feed/reset": signedIn,
  // A calendar file, not JSON: its content is parsed with ical.js in the communities tests.
  "GET /api/events/:id/calendar": { ...signedIn, member: "ok" },
  // A calendar app fetches the feed without a session: the secret link decides.
  "GET /api/calendar/:token": publicRoute,
  "GET /api/admin/users": adminOnly,
  "POST /api/admin/users/:id/disable": adminOnly,
  "POST /api/admin/users/:id/enable": adminOnly,
  "POST /api/admin/users/:id/confirm-email": adminOnly,
  "GET /api/admin/outbox": adminOnly,
  "GET /api/admin/outbox/:id": adminOnly,
  "GET /api/admin/jobs": adminOnly,
  "POST /api/admin/jobs/:id/retry": adminOnly,
  // Accounts (better-auth)
  "POST /api/auth/sign-up/email": accountRoute,
  "POST /api/auth/sign-in/email": accountRoute,
  "GET /api/auth/get-session": accountRoute,
  "POST /api/auth/get-session": notAllowed,
  "POST /api/auth/sign-out": accountRoute,
  "GET /api/auth/verify-email": accountRoute,
  "POST /api/auth/send-verification-email": accountRoute,
  "POST /api/auth/request-password-reset": accountRoute,
  "GET /api/auth/reset-password/:token": accountRoute,
  "POST /api/auth/reset-password": accountRoute,
  "GET /api/auth/ok": accountRoute,
  "GET /api/auth/error": accountRoute,
  "POST /api/auth/two-factor/verify-totp": accountRoute,
  "POST /api/auth/two-factor/verify-backup-code": accountRoute,
  "POST /api/auth/verify-password": signedInAccount,
  "POST /api/auth/change-password": signedInAccount,
  "POST /api/auth/update-user": signedInAccount,
  "POST /api/auth/delete-user": signedInAccount,
  "GET /api/auth/list-sessions": signedInAccount,
  "POST /api/auth/revoke-session": signedInAccount,
  "POST /api/auth/revoke-sessions": signedInAccount,
  "POST /api/auth/revoke-other-sessions": signedInAccount,
  "GET /api/auth/list-accounts": signedInAccount,
  "POST /api/auth/two-factor/get-totp-uri": signedInAccount,
  "POST /api/auth/two-factor/generate-backup-codes": signedInAccount,
  "POST /api/auth/two-factor/enable": signedInAccount,
  "POST /api/auth/two-factor/disable": signedInAccount,
  // Catch-alls: registered with `all` or a wildcard, each probed at the addresses below.
  "ALL /*": nowhere,
  "ALL /api/*": nowhere,
  "GET /api/auth/*": nowhere,
  "POST /api/auth/*": nowhere,
};

// What a catch-all answers is probed at addresses no named route serves.
const wildcardProbes: Record<string, [string, string][]> = {
  "ALL /*": [
    ["GET", "/no-such-page"],
    ["POST", "/no-such-page"],
  ],
  "ALL /api/*": [
    ["GET", "/api/no-such-route"],
    ["DELETE", "/api/profile"],
    ["PATCH", "/api/tours"],
  ],
  "GET /api/auth/*": [["GET", "/api/auth/no-such-route"]],
  "POST /api/auth/*": [["POST", "/api/auth/no-such-route"]],
};

const portfolioRole = {
  company: "Matrix Co",
  title: "PM",
  startsOn: "2020-01-01",
  stage: "pre_pmf",
  market: "consumer",
  vantage: "inside",
  work: ["feature"],
  peopleManaged: 0,
};
const matrixDecision = {
  dilemma: "Stay or go?",
  options: [{ label: "Stay" }, { label: "Go" }],
  decision: "Stay",
  decidedOn: "2025-01-01",
};

const storyEntrySample = {
  title: "Matrix project",
  actions: "I checked who may reach this route.",
  result: "Every route has a row.",
};
const thoughtSample = { kind: "post", title: "Matrix post", happenedOn: "2025-01-01" };

const diagnosisSample = { answers: { sponsor: "no" }, developmentArea: "Influencing executives" };
const healthCheckSample = { company: "Matrix Inc", subject: "employer", signs: { growth: "slowing" } };

const tourSample = {
  title: "Matrix tour",
  mission: "Check who may reach this route",
  startsOn: "2025-01-01",
  endsOn: "2025-12-31",
};

const matrixLogEntry = { menteeName: "Jo", where: "outside", startedOn: "2025-01-01" };

const programSample = { name: "Matrix program", description: "", publishMode: "introduction" };
const cohortSample = { name: "Matrix cohort", startsOn: "2026-03-02", endsOn: "2026-06-30" };

// Bodies that pass validation, so the access check is what decides the answer.
const sampleBodies: Record<string, unknown> = {
  "POST /api/communities": circleBody(),
  "PUT /api/communities/:id": { ...circleBody({ kind: undefined }), kind: undefined },
  "POST /api/communities/:id/join": { acceptNorms: true },
  "PUT /api/communities/:id/notifications": { delivery: "digest" },
  "POST /api/communities/:id/members/:userId/remove": { reason: "Matrix" },
  "PUT /api/communities/:id/members/:userId/role": { role: "moderator" },
  "POST /api/communities/:id/channels": { name: "Matrix channel" },
  "POST /api/communities/:id/applications": { answers: "I lead product." },
  "POST /api/communities/:id/applications/:applicationId/decision": { decision: "ask", message: "More?" },
  "POST /api/communities/:id/applications/:applicationId/answer": { answer: "Forty people." },
  "POST /api/communities/:id/threads": { title: "Matrix thread", body: "Hello" },
  "POST /api/communities/:id/events": eventBody(),
  "POST /api/threads/:id/replies": { body: "A reply" },
  "PUT /api/posts/:id": { body: "Edited" },
  "POST /api/posts/:id/flag": { reason: "off_topic" },
  "POST /api/posts/:id/hide": { hidden: true, reason: "Matrix" },
  "POST /api/programs": programSample,
  "PUT /api/programs/:id": programSample,
  "POST /api/programs/:id/admins": { email: "nobody@example.test" },
  "POST /api/programs/:id/cohorts": cohortSample,
  "PUT /api/cohorts/:id/settings": { settings: defaultCohortSettings },
  "POST /api/cohorts/:id/import": { csv: "email,name,role\n", apply: false },
  "POST /api/cohorts/:id/overrides": {
    kind: "capacity",
    mentorId: "unknown-id",
    capacity: 1,
    reason: "Matrix",
    version: 1,
  },
  "POST /api/my-programs/:id/join": { questionnaire: questionnaire() },
  "POST /api/program-matches/:id/meetings": { metOn: "2026-03-10" },
  "PUT /api/profile": { name: "Matrix Member", timeZone: "UTC" },
  "POST /api/lanes/assessments": {
    ratings: { crafting: 3, market: 2, organizational: 3, domain: 1, team: 2, growth: 4 },
  },
  "POST /api/feedback/requests": requestBody(),
  "PATCH /api/feedback/requests/:id": { minResponses: 4 },
  "POST /api/feedback/requests/:id/invitations": { links: 1 },
  "POST /api/feedback/requests/:id/thank-you": { message: "Thank you all." },
  "PUT /api/feedback/requests/:id/reflections/:questionKey": { heard: "I heard it." },
  "PUT /api/feedback/superpowers": { superpowers: ["storyteller"] },
  "POST /api/give/:token": answersMarked("matrix"),
  "PUT /api/notifications/preferences": { deliveries: { feedback_results_ready: "digest" } },
  "POST /api/tours": tourSample,
  "PUT /api/tours/order": { ids: [] },
  "PUT /api/tours/:id": tourSample,
  "POST /api/tours/:id/move": { position: 1 },
  "POST /api/tours/:id/end-early": { endedOn: "2025-06-30", reason: "The team was merged" },
  "POST /api/tours/:id/milestones": { title: "First hire", dueOn: "2025-03-31" },
  "PUT /api/tours/:id/milestones/:milestoneId": { title: "First hire", dueOn: "2025-03-31" },
  "POST /api/portfolio/roles": portfolioRole,
  "PUT /api/portfolio/roles/:id": portfolioRole,
  "PUT /api/target-role/checks/:itemId": { checked: true },
  "PUT /api/plan": {
    northStar: { role: "CPO", horizonYear: new Date().getUTCFullYear() + 5 },
    skipJob: null,
    nextJob: null,
  },
  "POST /api/plan/north-star/reached": { reachedOn: "2025-01-01" },
  "PUT /api/plan/act-three": {
    economics: { description: "Invest" },
    giving: { description: "Coach", forms: ["coaching"] },
  },
  "POST /api/decisions": matrixDecision,
  "PUT /api/decisions/:id": matrixDecision,
  "POST /api/decisions/:id/revisit": { revisitedOn: "2025-02-01", outcome: "Fine" },
  "POST /api/story/entries": storyEntrySample,
  "PUT /api/story/entries/:id": storyEntrySample,
  "POST /api/story/writing-check": { text: "We shipped it." },
  "PUT /api/story/press-release": { headline: "Matrix release" },
  "POST /api/story/thought-leadership": thoughtSample,
  "PUT /api/story/thought-leadership/:id": thoughtSample,
  "PUT /api/story/thought-leadership-cadence": { cadence: "monthly" },
  "POST /api/promotion-diagnoses": diagnosisSample,
  "POST /api/promotion-diagnoses/:id/moves": { kind: "feedback_request" },
  "POST /api/health-checks": healthCheckSample,
  "PUT /api/health-checks/:id": healthCheckSample,
  "POST /api/sharing/grants": { email: "matrix-grantee@example.test", parts: ["plan"] },
  "POST /api/managers/invitations": { email: "matrix-report@example.test" },
  "POST /api/manager-links/:id/accept": { version: 1 },
  "POST /api/manager-links/:id/decline": { version: 1 },
  "POST /api/manager-links/:id/cadence": { cadence: "weekly", version: 1 },
  "POST /api/manager-links/:id/cadence/agree": { version: 1 },
  "POST /api/manager-links/:id/areas": { area: "lanes" },
  "POST /api/manager-links/:id/check-ins": { heldOn: "2026-01-05", helpWith: "" },
  "PUT /api/check-ins/:id": { heldOn: "2026-01-05", helpWith: "", version: 1 },
  "PUT /api/check-ins/:id/manager-plan": { managerPlan: "I will ask.", version: 1 },
  "POST /api/check-ins/:id/comments": { body: "A comment" },
  "POST /api/check-ins/:id/agenda": { text: "A topic" },
  "POST /api/agenda-topics/:id/decision": { decision: "accepted", version: 1 },
  "PUT /api/mentors/me": mentorBody(),
  "POST /api/mentor-requests": {
    mentorId: "unknown-id",
    message: "Help me lead a team through others, please.",
  },
  "POST /api/mentor-requests/:id/decline": { reason: "My seats are taken this quarter" },
  "POST /api/mentor-requests/:id/ask": { question: "Which company stage are you at?" },
  "POST /api/mentor-requests/:id/answer": { answer: "Series B, eighty people." },
  "POST /api/mentoring-log": matrixLogEntry,
  "PUT /api/mentoring-log/:id": matrixLogEntry,
  "POST /api/engagements": { requestId: "unknown-id" },
  "PUT /api/engagements/:id/agreement": { ...agreementBody, version: 1 },
  "POST /api/engagements/:id/agreement/accept": { version: 1 },
  "PUT /api/engagements/:id/intake/questions": { questions: ["Why now?"], version: 1 },
  "PUT /api/engagements/:id/intake/answers": { answers: [], share: [], version: 1 },
  "POST /api/engagements/:id/plan": {
    goals: [{ text: "Lead", measure: "A team", lane: null, tourId: null, hurdle: null }],
    reason: "",
    version: 0,
  },
  "POST /api/engagements/:id/sessions": { startsAt: "2031-01-07T14:00:00.000Z", minutes: 30, agenda: "" },
  "POST /api/engagements/:id/notes": { body: "A note", shared: false, sessionId: null },
  "POST /api/engagements/:id/action-items": { text: "An action", dueOn: null },
  "POST /api/engagements/:id/close": { version: 1 },
  "POST /api/engagements/:id/review": { rating: 4, text: "Useful", quoteAllowed: false },
  "PUT /api/engagement-sessions/:id": {
    startsAt: "2031-01-07T14:00:00.000Z",
    minutes: 30,
    agenda: "",
    notice: "",
    version: 1,
  },
  "POST /api/engagement-sessions/:id/cancel": { reason: "Ill", version: 1 },
  "PUT /api/engagement-notes/:id": { body: "A note", shared: true, version: 1 },
  "PUT /api/engagement-action-items/:id": { text: "An action", dueOn: null, state: "done", version: 1 },
  "POST /api/engagements/:id/decisions": { decisionId: "unknown-id" },
  "POST /api/engagement-decisions/:id/comments": { body: "A comment" },
  "PUT /api/engagement-decision-comments/:id": { body: "A comment", version: 1 },
  "POST /api/urgent-calls": {
    kind: "offer",
    lane: null,
    dilemma: "An offer expires Friday.",
    decideBy: null,
  },
  "POST /api/urgent-calls/:id/session": { startsAt: "2031-01-07T14:00:00.000Z", minutes: 30 },
  "POST /api/auth/verify-password": { password: "wrong but well-formed" },
  "POST /api/account/delete": { password: "wrong but well-formed", confirm: true },
  "POST /api/auth/change-password": {
    currentPassword: "wrong but well-formed",
    newPassword: "another long passphrase",
  },
  "POST /api/auth/revoke-session": { token: "not-a-session" },
  "POST /api/auth/two-factor/get-totp-uri": { password: "wrong but well-formed" },
  "POST /api/auth/two-factor/generate-backup-codes": { password: "wrong but well-formed" },
  "POST /api/auth/two-factor/enable": { password: "wrong but well-formed" },
  "POST /api/auth/two-factor/disable": { password: "wrong but well-formed" },
};

let ctx: TestContext;
// Changes go with the version the same person reads just before, as the pages send them.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
let routes: Route[];
let schemas: Map<string, RouteSchemas>;
let people: {
  member: { id: string; email: string; password: string };
  admin: { email: string; password: string };
};
let disabledCookie: string;
let sequence = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  routes = await enumerateRoutes(ctx);
  schemas = routeSchemas(ctx);
  const member = await buildUser(ctx, { name: "Matrix Member" });
  const admin = await buildUser(ctx, { role: "admin" });
  const disabled = await buildUser(ctx);
  await ctx.request(`/api/admin/users/${disabled.id}/disable`, { body: {}, cookie: admin.cookie });
  disabledCookie = disabled.cookie;
  people = { member, admin };
});
afterAll(() => ctx.close());

// Each request gets a fresh session, so a route that signs out or revokes cannot disturb the next one.
function nextAddress(): string {
  sequence += 1;
  return `100.96.${sequence >> 8}.${sequence & 255}`;
}

async function cookieFor(role: Role): Promise<string | undefined> {
  const ip = nextAddress();
  if (role === "anonymous") return undefined;
  if (role === "disabled member") return disabledCookie;
  if (role === "another member") return (await buildUser(ctx)).cookie;
  const who = role === "instance admin" ? people.admin : people.member;
  return (await signIn(ctx, who.email, who.password, ip)).cookie;
}

describe("route × role matrix", () => {
  it("has an expected outcome for every route the app serves, and no stale rows", () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(
      keys.filter((k) => !(k in matrix)),
      "routes without a row",
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((k) => !keys.includes(k)),
      "rows for routes that do not exist",
    ).toEqual([]);
  });

  it("answers every route for every role as the matrix says", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const expected = matrix[key];
      if (!expected) continue;
      for (const role of roles) {
        const want = expected[role];
        const cookie = await cookieFor(role);
        const probes: [string, string, unknown][] = [];
        if (route.wildcard) {
          for (const [method, path] of wildcardProbes[key] ?? []) probes.push([method, path, {}]);
        } else if (want === "owner") {
          const { params, body } = await ownerRequest(key, cookie);
          probes.push([route.method, concretePath(route.path, params), body]);
        } else {
          const params = {
            id: role === "instance admin" ? people.member.id : "unknown-id",
            questionKey: "q1",
          };
          probes.push([route.method, concretePath(route.path, params), sampleBodies[key] ?? {}]);
        }
        for (const [method, path, body] of probes) {
          const response = await atVersion(path, {
            method,
            body: method === "GET" ? undefined : body,
            cookie,
            ip: nextAddress(),
          });
          const got = response.status;
          if (want === "owner") {
            const schema = schemas.get(key)?.response;
            const text = await response.text();
            if (got < 200 || got > 299)
              failures.push(`${key} as ${role}: expected a 2xx, got ${got} ${text}`);
            else if (!schema) failures.push(`${key}: no response schema to check its answer against`);
            else {
              const problem = misfit(schema, JSON.parse(text));
              if (problem) failures.push(`${key} as ${role}: the answer does not fit its schema: ${problem}`);
            }
          } else {
            const pass =
              got < 500 && (want === "ok" ? got !== 401 && got !== 403 && got !== 405 : got === want);
            if (!pass) failures.push(`${method} ${path} (${key}) as ${role}: expected ${want}, got ${got}`);
          }
        }
        if (route.path.startsWith("/api/admin/users/:id/") && role === "instance admin") {
          await ctx.request(`/api/admin/users/${people.member.id}/enable`, { body: {}, cookie });
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route times five roles, each a real sign-in and request: slow on a busy shared machine.
  }, 600_000);

  it("refuses an extra field in an answer, however deeply nested", () => {
    const tour = schemas.get("GET /api/tours/:id")?.response;
    if (!tour) throw new Error("no schema for GET /api/tours/:id");
    const valid = {
      id: "t1",
      position: 1,
      title: "T",
      mission: "M",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      renegotiateOn: null,
      lanes: [],
      experiences: [],
      status: "planned",
      endedOn: null,
      endReason: null,
      milestones: [
        { id: "m1", title: "M", dueOn: "2026-03-01", status: "planned", doneOn: null, version: 1 },
      ],
      warnings: [],
      version: 1,
    };
    expect(misfit(tour, valid)).toBeUndefined();
    expect(misfit(tour, { ...valid, ownerId: "u1" })).toMatch(/ownerId/);
    const leakyMilestone = { ...valid.milestones[0], tourId: "t1" };
    expect(misfit(tour, { ...valid, milestones: [leakyMilestone] })).toMatch(/tourId/);
  });
});

const today = isoDay();
const runningTour = {
  title: "Matrix tour",
  mission: "Check who may reach this route",
  startsOn: addDays(today, -60),
  endsOn: addDays(today, 300),
};
// What the owner sends where the sample body alone would meet a conflict rather than succeed.
const ownerBodies: Record<string, unknown> = {
  "PUT /api/tours/:id": runningTour,
  "POST /api/tours/:id/end-early": { endedOn: today, reason: "The team was merged" },
  "PATCH /api/feedback/requests/:id": { closesOn: addDays(today, 20) },
  "POST /api/feedback/requests/:id/invitations": { links: 1 },
  // The member mentors several people by then (the engagement routes seed them): room for all of them.
  "PUT /api/mentors/me": mentorBody({ capacity: 20 }),
};

/** The params and body with which the person a route serves succeeds, after making what it needs. */
async function ownerRequest(
  key: string,
  cookie: string | undefined,
): Promise<{ params: Record<string, string>; body: unknown }> {
  const path = key.slice(key.indexOf(" ") + 1);
  const params: Record<string, string> = {};
  const mine = (prefix: string) => path.startsWith(prefix) && cookie !== undefined;
  if (mine("/api/tours/:id")) {
    params.id = (await created("/api/tours", runningTour, cookie as string)).id;
    const tour = await created(
      `/api/tours/${params.id}/milestones`,
      { title: "First hire", dueOn: addDays(today, 30) },
      cookie as string,
    );
    params.milestoneId = tour.milestones[0].id;
  } else if (
    mine("/api/lanes/assessments/:id") ||
    mine("/api/portfolio/roles/:id") ||
    mine("/api/decisions/:id") ||
    mine("/api/story/entries/:id") ||
    mine("/api/promotion-diagnoses/:id") ||
    mine("/api/health-checks/:id")
  ) {
    const collection = path.slice(0, path.indexOf("/:id"));
    params.id = (await created(collection, sampleBodies[`POST ${collection}`], cookie as string)).id;
  } else if (mine("/api/story/thought-leadership/:id")) {
    params.id = (await created("/api/story/thought-leadership", thoughtSample, cookie as string)).items[0].id;
  } else if (mine("/api/feedback/requests/:id")) {
    params.id = await answeredFeedbackRequest(cookie as string);
    params.questionKey = "q1";
  } else if (path.startsWith("/api/give/:token")) {
    const receiver = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, receiver.cookie);
    [params.token] = (await copyLinks(ctx, receiver.cookie, id, 1)) as [string];
  } else if (mine("/api/notifications/:id")) {
    Object.assign(params, await owned["/api/notifications/"]?.(cookie as string));
  } else if (path.startsWith("/api/shared/:ownerId")) {
    const owner = await buildUser(ctx);
    await ctx.request("/api/plan", {
      method: "PUT",
      body: sampleBodies["PUT /api/plan"],
      cookie: owner.cookie,
    });
    await created("/api/lanes/assessments", sampleBodies["POST /api/lanes/assessments"], owner.cookie);
    await created("/api/portfolio/roles", portfolioRole, owner.cookie);
    await created("/api/story/entries", storyEntrySample, owner.cookie);
    const parts = ["plan", "lanes", "portfolio", "story"];
    await created("/api/sharing/grants", { email: people.member.email, parts }, owner.cookie);
    params.ownerId = owner.id;
  } else if (mine("/api/sharing/grants/:id")) {
    const reader = await buildUser(ctx);
    const shared = await created(
      "/api/sharing/grants",
      { email: reader.email, parts: ["plan"] },
      cookie as string,
    );
    params.id = shared.grants.find((g: { granteeEmail: string }) => g.granteeEmail === reader.email).id;
  } else if (path === "/api/mentors/:id") {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie);
    params.id = mentor.id;
  } else if (path === "/api/mentors/me/pause" || path === "/api/mentors/me/resume") {
    await ensureMentor(cookie as string);
  } else if (mine("/api/mentor-requests/:id")) {
    params.id = await matrixRequest(key, cookie as string);
  } else if (mine("/api/mentoring-log/:id")) {
    params.id = (await created("/api/mentoring-log", matrixLogEntry, cookie as string)).id;
  } else if (communityRoute(path) && cookie !== undefined) {
    Object.assign(params, await communityAsOwner(key, cookie));
  } else if (mine("/api/programs/:id") || mine("/api/cohorts/:id") || mine("/api/runs/:id")) {
    Object.assign(params, await programSeed(key, cookie as string));
  } else if (mine("/api/my-programs/:id") || mine("/api/program-matches/:id")) {
    Object.assign(params, await placeSeed(key.includes("program-matches"), cookie as string));
  } else if (path === "/api/target-role/checks/:itemId") {
    params.itemId = "apm.own-an-area.shipped-alone";
  } else if (path.startsWith("/api/admin/users/:id")) {
    params.id = people.member.id;
  } else if (path === "/api/admin/jobs/:id/retry") {
    params.id = (await enqueueJob(ctx.db, { kind: "matrix.dead", key: `matrix:${nextAddress()}` })) ?? "";
    await ctx.db.update(jobs).set({ state: "dead", attempts: 12 }).where(eq(jobs.id, params.id));
  } else if (path === "/api/admin/outbox/:id") {
    const outbox = await (await ctx.request("/api/admin/outbox", { cookie })).json();
    params.id = outbox.messages[0].id;
  }
  if (path.startsWith("/api/account/export/") && cookie !== undefined) {
    await created("/api/account/export", {}, cookie);
    await ctx.jobs.runDueJobs();
  }
  if (key === "POST /api/plan/north-star/reached") {
    await ctx.request("/api/plan", { method: "PUT", body: sampleBodies["PUT /api/plan"], cookie });
  }
  if (
    cookie !== undefined &&
    (path.startsWith("/api/engagement") || path.startsWith("/api/urgent-calls") || path.endsWith("/reviews"))
  ) {
    const seeded = await seedEngagementRoute(ctx, key, { ...people.member, cookie });
    return { params: seeded.params, body: seeded.body ?? {} };
  }
  if (cookie !== undefined && isManagerRoute(path)) {
    const seeded = await seedManagerRoute(ctx, key, { cookie, email: people.member.email });
    return { params: seeded.params, body: seeded.body ?? {} };
  }
  let body = ownerBodies[key] ?? sampleBodies[key] ?? {};
  if (key === "POST /api/mentor-requests") {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie);
    body = { ...(body as object), mentorId: mentor.id };
  }
  if (key === "PUT /api/communities/:id") {
    const { version } = await (await ctx.request(`/api/communities/${params.id}`, { cookie })).json();
    body = { ...(body as object), version };
  }
  if (key === "PUT /api/posts/:id") {
    const thread = await (await ctx.request(`/api/threads/${params.id}`, { cookie })).json();
    body = { ...(body as object), version: thread.post.version };
  }
  if (key === "POST /api/programs/:id/admins") body = { email: (await buildUser(ctx)).email };
  if (key === "POST /api/cohorts/:id/import")
    body = { csv: `email,name,role\n${uniqueEmail()},Jo,mentee\n`, apply: true };
  if (key === "POST /api/cohorts/:id/overrides") body = { ...(body as object), mentorId: params.mentorId };
  if (key === "PUT /api/tours/order") {
    await created("/api/tours", runningTour, cookie as string);
    const { tours } = await (await ctx.request("/api/tours", { cookie })).json();
    body = { ids: tours.map((t: { id: string }) => t.id).reverse() };
  }
  return { params, body };
}

const communityRoute = (path: string) =>
  ["/api/communities/:id", "/api/threads/:id", "/api/posts/:id", "/api/events/:id"].some((p) =>
    path.startsWith(p),
  );

/**
 * A circle the member organizes, with a thread, an event, a second member and a pending application:
 * what every circle route needs to succeed for its organizer.
 */
async function circleSeed(cookie: string): Promise<Seeded> {
  const circle = await created("/api/communities", circleBody(), cookie);
  const other = await buildUser(ctx);
  const otherApp = await created(
    `/api/communities/${circle.id}/applications`,
    { answers: "Me" },
    other.cookie,
  );
  await created(
    `/api/communities/${circle.id}/applications/${otherApp.myApplication.id}/decision`,
    { decision: "admit" },
    cookie,
  );
  await created(`/api/communities/${circle.id}/join`, { acceptNorms: true }, other.cookie);
  const applicant = await buildUser(ctx);
  const pending = await created(
    `/api/communities/${circle.id}/applications`,
    { answers: "Me" },
    applicant.cookie,
  );
  const thread = await created(
    `/api/communities/${circle.id}/threads`,
    { title: "Seed", body: "Seed" },
    cookie,
  );
  const event = await created(`/api/communities/${circle.id}/events`, eventBody({ capacity: 5 }), cookie);
  const id = { thread: thread.id, event: event.id };
  return {
    id: circle.id,
    userId: other.id,
    applicationId: pending.myApplication.id,
    threadId: id.thread,
    eventId: id.event,
  };
}

/** Someone else's circle the member applied to, with the organizers' question waiting for them. */
async function askedApplicant(cookie: string): Promise<Seeded> {
  const organizer = await buildUser(ctx);
  const circle = await created("/api/communities", circleBody(), organizer.cookie);
  const applied = await created(`/api/communities/${circle.id}/applications`, { answers: "Me" }, cookie);
  await created(
    `/api/communities/${circle.id}/applications/${applied.myApplication.id}/decision`,
    { decision: "ask", message: "More?" },
    organizer.cookie,
  );
  return { id: circle.id, applicationId: applied.myApplication.id };
}

async function communityAsOwner(key: string, cookie: string): Promise<Seeded> {
  const path = key.slice(key.indexOf(" ") + 1);
  if (key === "POST /api/communities/:id/applications") {
    const organizer = await buildUser(ctx);
    return { id: (await created("/api/communities", circleBody(), organizer.cookie)).id };
  }
  if (path === "/api/communities/:id/applications/:applicationId/answer") return askedApplicant(cookie);
  if (key === "POST /api/communities/:id/leave") {
    const organizer = await buildUser(ctx);
    const open = await created("/api/communities", openBody(), organizer.cookie);
    await created(`/api/communities/${open.id}/join`, { acceptNorms: true }, cookie);
    return { id: open.id };
  }
  const seed = await circleSeed(cookie);
  if (path.startsWith("/api/threads/") || path.startsWith("/api/posts/"))
    return { id: seed.threadId as string };
  if (path.startsWith("/api/events/")) return { id: seed.eventId as string };
  return seed;
}

/** A program the member runs, with a cohort; a run, a mentor or a second admin where the route needs one. */
async function programSeed(key: string, cookie: string): Promise<Seeded> {
  const program = await created("/api/programs", programSample, cookie);
  const cohort = await created(`/api/programs/${program.id}/cohorts`, cohortSample, cookie);
  if (key.startsWith("DELETE /api/programs/:id/admins")) {
    const other = await buildUser(ctx);
    await created(`/api/programs/${program.id}/admins`, { email: other.email }, cookie);
    return { id: program.id, userId: other.id };
  }
  if (key.startsWith("GET /api/runs/") || key.startsWith("POST /api/runs/")) {
    return { id: (await created(`/api/cohorts/${cohort.id}/runs`, {}, cookie)).id };
  }
  if (key === "POST /api/cohorts/:id/overrides" || key === "POST /api/cohorts/:id/publish") {
    const [mentee, mentor] = await buildParticipants(ctx, 1, 1);
    await created(
      `/api/cohorts/${cohort.id}/import`,
      { csv: csvOf([mentee as Member, mentor as Member]), apply: true },
      cookie,
    );
    await joinAll(ctx, [mentee as Member, mentor as Member]);
    if (key.endsWith("/publish")) await runToEnd(ctx, cohort.id, cookie);
    const { participants } = await (
      await ctx.request(`/api/cohorts/${cohort.id}/participants`, { cookie })
    ).json();
    const mentorId = participants.find((p: { role: string }) => p.role === "mentor").id;
    return { id: cohort.id, mentorId };
  }
  return { id: key.includes("/api/programs/") ? program.id : cohort.id };
}

/** The member's place in someone else's program; with `matched`, joined, matched with a mentor and published. */
async function placeSeed(matched: boolean, cookie: string): Promise<Seeded> {
  const me = await (await ctx.request("/api/me", { cookie, ip: nextAddress() })).json();
  const admin = await buildUser(ctx);
  const program = await created("/api/programs", programSample, admin.cookie);
  const cohortName = `Matrix cohort ${nextAddress()}`;
  const cohort = await created(
    `/api/programs/${program.id}/cohorts`,
    { ...cohortSample, name: cohortName },
    admin.cookie,
  );
  const [mentor] = await buildParticipants(ctx, 0, 1);
  const csv = `email,name,role,capacity\n${me.user.email},Matrix Member,mentee,\n${mentor?.email},Mentor,mentor,2\n`;
  await created(`/api/cohorts/${cohort.id}/import`, { csv, apply: true }, admin.cookie);
  const place = (await (await ctx.request("/api/my-programs", { cookie })).json()).participations.find(
    (p: { cohortName: string }) => p.cohortName === cohortName,
  );
  if (!matched) return { id: place.id };
  await created(
    `/api/my-programs/${place.id}/join`,
    { questionnaire: questionnaire({ level: "pm", timeZone: "Europe/Berlin" }) },
    cookie,
  );
  await joinAll(ctx, [mentor as Member]);
  const result = await runToEnd(ctx, cohort.id, admin.cookie);
  const preview = await (
    await ctx.request(`/api/cohorts/${cohort.id}/preview`, { cookie: admin.cookie })
  ).json();
  if (result.pairs.length === 0) throw new Error(`no pair: ${JSON.stringify({ run: result.run, preview })}`);
  await created(`/api/cohorts/${cohort.id}/publish`, {}, admin.cookie);
  const mine = await (await ctx.request("/api/my-programs", { cookie })).json();
  const pair = mine.participations.find((p: { id: string }) => p.id === place.id).matches[0];
  return { id: pair.pairId };
}

async function ensureMentor(cookie: string) {
  const mine = await (await ctx.request("/api/mentors/me", { cookie, ip: nextAddress() })).json();
  if (mine.version === 0) await becomeMentor(ctx, cookie, { capacity: 20 });
}

/** A request in the state the route's step needs, with the member on the side that takes the step. */
async function matrixRequest(key: string, cookie: string): Promise<string> {
  const other = await buildUser(ctx);
  if (key.endsWith("/answer") || key.endsWith("/withdraw")) {
    await becomeMentor(ctx, other.cookie);
    const { id } = await (await sendRequest(ctx, cookie, other.id)).json();
    if (key.endsWith("/answer"))
      await created(`/api/mentor-requests/${id}/ask`, { question: "More?" }, other.cookie);
    return id;
  }
  await ensureMentor(cookie);
  const { id } = await (
    await sendRequest(ctx, other.cookie, (await (await ctx.request("/api/me", { cookie })).json()).user.id)
  ).json();
  if (key.endsWith("/end")) await created(`/api/mentor-requests/${id}/accept`, {}, cookie);
  return id;
}

/** A request whose results are open: one giver invited by email, and k people who answered by link. */
async function answeredFeedbackRequest(cookie: string): Promise<string> {
  const { id } = await createFeedbackRequest(ctx, cookie);
  await created(`/api/feedback/requests/${id}/invitations`, { emails: ["invited@example.test"] }, cookie);
  for (const [index, token] of (await copyLinks(ctx, cookie, id, 3)).entries()) {
    await ctx.request(`/api/give/${token}`, { body: answersMarked(`giver ${index}`), ip: nextAddress() });
  }
  return id;
}

// Every route that names one of a member's own things, with a way to make one. A new such route
// without an entry here fails the test below, so ownership is checked for each of them.
type Seeded = Record<string, string>;
const owned: Record<string, (cookie: string) => Promise<Seeded>> = {
  "/api/lanes/assessments/": async (cookie) => ({
    id: (await created("/api/lanes/assessments", sampleBodies["POST /api/lanes/assessments"], cookie)).id,
  }),
  "/api/portfolio/roles/": async (cookie) => ({
    id: (await created("/api/portfolio/roles", portfolioRole, cookie)).id,
  }),
  "/api/decisions/": async (cookie) => ({ id: (await created("/api/decisions", matrixDecision, cookie)).id }),
  "/api/promotion-diagnoses/": async (cookie) => ({
    id: (await created("/api/promotion-diagnoses", diagnosisSample, cookie)).id,
  }),
  "/api/health-checks/": async (cookie) => ({
    id: (await created("/api/health-checks", healthCheckSample, cookie)).id,
  }),
  "/api/story/entries/": async (cookie) => ({
    id: (await created("/api/story/entries", storyEntrySample, cookie)).id,
  }),
  "/api/story/thought-leadership/": async (cookie) => ({
    id: (await created("/api/story/thought-leadership", thoughtSample, cookie)).items[0].id,
  }),
  "/api/tours/": async (cookie) => {
    const { id } = await created("/api/tours", tourSample, cookie);
    const tour = await created(
      `/api/tours/${id}/milestones`,
      { title: "First hire", dueOn: "2025-03-31" },
      cookie,
    );
    return { id, milestoneId: tour.milestones[0].id };
  },
  "/api/sharing/grants/": async (cookie) => ({
    id: (await created("/api/sharing/grants", { email: uniqueEmail("grantee"), parts: ["lanes"] }, cookie))
      .grants[0].id,
  }),
  // The owner may preview their own shared views; anyone they share nothing with finds nothing.
  "/api/shared/": async (cookie) => ({
    ownerId: (await (await ctx.request("/api/me", { cookie, ip: nextAddress() })).json()).user.id,
  }),
  "/api/notifications/": async (cookie) => {
    const me = await (await ctx.request("/api/me", { cookie, ip: nextAddress() })).json();
    const deliver = await ctx.db.transaction((tx) =>
      notify(ctx, tx, { userId: me.user.id, kind: "feedback_results_ready", title: "Matrix", body: "" }),
    );
    deliver();
    const [row] = await ctx.db.select().from(notifications).where(eq(notifications.userId, me.user.id));
    return { id: row?.id as string };
  },
  // The member is the mentor asked; the steps that are the mentee's answer 403 to them (see below).
  "/api/mentor-requests/": async (cookie) => {
    await ensureMentor(cookie);
    const mentee = await buildUser(ctx);
    const me = await (await ctx.request("/api/me", { cookie, ip: nextAddress() })).json();
    return { id: (await (await sendRequest(ctx, mentee.cookie, me.user.id)).json()).id };
  },
  "/api/communities/:id/applications/:applicationId/answer": askedApplicant,
  "/api/communities/": circleSeed,
  "/api/threads/": async (cookie) => ({ id: (await circleSeed(cookie)).threadId as string }),
  "/api/posts/": async (cookie) => ({ id: (await circleSeed(cookie)).threadId as string }),
  "/api/events/": async (cookie) => ({ id: (await circleSeed(cookie)).eventId as string }),
  "/api/cohorts/": async (cookie) => programSeed("GET /api/cohorts/:id", cookie),
  "/api/runs/": async (cookie) => programSeed("GET /api/runs/:id", cookie),
  "/api/programs/:id/cohorts": async (cookie) => programSeed("GET /api/programs/:id", cookie),
  "/api/programs/:id": async (cookie) => programSeed("GET /api/programs/:id", cookie),
  "/api/my-programs/": async (cookie) => placeSeed(false, cookie),
  "/api/program-matches/": async (cookie) => placeSeed(true, cookie),
  "/api/mentoring-log/": async (cookie) => ({
    id: (await created("/api/mentoring-log", matrixLogEntry, cookie)).id,
  }),
  // The member is the mentee (the mentor for the mentor's steps), with the thing in the state it needs.
  ...Object.fromEntries(
    [
      "/api/engagements/",
      "/api/engagement-sessions/",
      "/api/engagement-notes/",
      "/api/engagement-action-items/",
      "/api/engagement-decisions/",
      "/api/engagement-decision-comments/",
      "/api/urgent-calls/",
      "/api/manager-links/",
      "/api/check-ins/",
      "/api/agenda-topics/",
    ].map((prefix) => [prefix, async () => ({})]),
  ),
  "/api/feedback/requests/": async (cookie) => ({
    id: (await createFeedbackRequest(ctx, cookie)).id,
    questionKey: "q1",
  }),
};

async function created(path: string, body: unknown, cookie: string) {
  const response = await ctx.request(path, { body, cookie, ip: nextAddress() });
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`seeding ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

describe("a member's own things: another member and an instance admin find nothing", () => {
  it("answers 404 to anyone but the owner on every route that names one, and lets the owner through", async () => {
    // A circle's description, and applying or joining, are open to every member by design: they decide
    // there whether to apply. The communities tests walk these for outsiders and removed members.
    const openToMembers = [
      "GET /api/communities/:id",
      "POST /api/communities/:id/join",
      "POST /api/communities/:id/applications",
    ];
    const ownedRoutes = routes.filter(
      (r) =>
        r.path.includes("/:") &&
        !r.path.startsWith("/api/admin/") &&
        !r.path.startsWith("/api/auth/") &&
        !r.path.startsWith("/api/calendar/") &&
        !openToMembers.includes(`${r.method} ${r.path}`) &&
        // The instance admin may grant and revoke a program's admins (see the programs tests).
        !r.path.startsWith("/api/programs/:id/admins"),
    );
    const seedFor = (path: string) => Object.entries(owned).find(([prefix]) => path.startsWith(prefix))?.[1];
    const unseeded = ownedRoutes
      .filter(
        (r) =>
          !seedFor(r.path) &&
          !r.path.startsWith("/api/give/") &&
          !r.path.startsWith("/api/unsubscribe/") &&
          // A mentor's profile is open to every member by design (see the mentors tests).
          !r.path.startsWith("/api/mentors/") &&
          !r.path.startsWith("/api/calendar/") &&
          !r.path.includes("/checks/"),
      )
      .map((r) => `${r.method} ${r.path}`);
    expect(unseeded, "routes naming a member's thing with no way to make one here").toEqual([]);

    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    const admin = await signIn(ctx, people.admin.email, people.admin.password, nextAddress());
    const failures: string[] = [];
    for (const route of ownedRoutes) {
      const seed = seedFor(route.path);
      if (!seed) continue;
      const key = `${route.method} ${route.path}`;
      const engagementRoute =
        route.path.startsWith("/api/engagement") || route.path.startsWith("/api/urgent-calls/");
      const seeded = engagementRoute
        ? await seedEngagementRoute(ctx, key, owner)
        : isManagerRoute(route.path)
          ? await seedManagerRoute(ctx, key, owner)
          : null;
      const path = concretePath(route.path, seeded?.params ?? (await seed(owner.cookie)));
      const body = route.method === "GET" ? undefined : (seeded?.body ?? sampleBodies[key] ?? {});
      // The owner goes last, so a DELETE cannot hide a leak to the others.
      for (const [who, cookie] of [
        ["another member", other.cookie],
        ["instance admin", admin.cookie],
        ["owner", owner.cookie],
      ] as const) {
        const got = (await atVersion(path, { method: route.method, body, cookie, ip: nextAddress() })).status;
        // The owner's valid request succeeds, or meets its thing's state (a 409: nothing to remind yet).
        // On a mentoring request, a step that is the other side's is a 403 naming whose it is.
        const otherSide = route.path.startsWith("/api/mentor-requests/") && got === 403;
        // The sample override names a mentor the fresh cohort does not have: the owner is let through to validation.
        const validated = route.path.endsWith("/overrides") && got === 400;
        const pass = who === "owner" ? got < 300 || got === 409 || otherSide || validated : got === 404;
        if (!pass) failures.push(`${key} as ${who}: got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe("feedback: the receiver, another member, anyone signed out, and a giver's link", () => {
  // With the receiver's answer on a fresh request: nothing to remind, thank or reflect on yet is a 409.
  const requestRoutes: [string, string, unknown, number][] = [
    ["GET", "", undefined, 200],
    ["GET", "/results", undefined, 200],
    ["GET", "/export", undefined, 200],
    ["PATCH", "", { closesOn: requestBody().closesOn }, 200],
    ["POST", "/invitations", { links: 1 }, 200],
    ["PUT", "/reflections/q1", { heard: "" }, 409],
    ["POST", "/reminder", {}, 409],
    ["POST", "/thank-you", { message: "Thank you all." }, 409],
    ["POST", "/close", {}, 200],
    ["DELETE", "", undefined, 200],
  ];

  it("lets only the receiver at a request: another member gets 404, anyone signed out 401", async () => {
    const receiver = await buildUser(ctx);
    const other = await buildUser(ctx);
    const admin = await signIn(ctx, people.admin.email, people.admin.password, nextAddress());
    const { id } = await createFeedbackRequest(ctx, receiver.cookie);
    const failures: string[] = [];
    for (const [method, suffix, body, receiverStatus] of requestRoutes) {
      const path = `/api/feedback/requests/${id}${suffix}`;
      const expected: [string, string | undefined, number][] = [
        ["anonymous", undefined, 401],
        ["another member", other.cookie, 404],
        ["instance admin", admin.cookie, 404],
        ["receiver", receiver.cookie, receiverStatus],
      ];
      for (const [role, cookie, want] of expected) {
        const got = (await atVersion(path, { method, body, cookie, ip: nextAddress() })).status;
        if (got !== want) failures.push(`${method} ${path} as ${role}: expected ${want}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers a giver by the state of their link: valid, used, expired or unknown", async () => {
    const receiver = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, receiver.cookie);
    const [valid, used] = await copyLinks(ctx, receiver.cookie, id, 2);
    const expiring = await createFeedbackRequest(ctx, receiver.cookie);
    const [expired] = await copyLinks(ctx, receiver.cookie, expiring.id, 1);
    await ctx.request(`/api/give/${used}`, { body: answersMarked("first"), ip: nextAddress() });
    // Its closing date has passed.
    await ctx.db
      .update(feedbackRequests)
      .set({ closesOn: addDays(isoDay(), -1) })
      .where(eq(feedbackRequests.id, expiring.id));
    const cases: [string, string, string, number][] = [
      ["valid", valid as string, "open", 200],
      ["used", used as string, "used", 409],
      ["expired", expired as string, "closed", 409],
      ["unknown", "Z".repeat(43), "unknown", 404],
    ];
    const failures: string[] = [];
    for (const [label, token, status, postStatus] of cases) {
      const view = await ctx.request(`/api/give/${token}`, { ip: nextAddress() });
      const state = view.status === 200 ? (await view.json()).status : view.status;
      if (state !== status) failures.push(`GET with a ${label} link: expected ${status}, got ${state}`);
      const post = await ctx.request(`/api/give/${token}`, { body: answersMarked(label), ip: nextAddress() });
      if (post.status !== postStatus)
        failures.push(`POST with a ${label} link: expected ${postStatus}, got ${post.status}`);
    }
    expect(failures).toEqual([]);
    // The receiver's own routes stay closed to a giver, who holds a link but no session.
    expect((await ctx.request(`/api/feedback/requests/${id}`, { ip: nextAddress() })).status).toBe(401);
  });
});

// The manager and report columns: every managers route, for the manager of an active link, its report,
// its manager once the link has ended, and any other member. Each row runs on a fresh link with a
// check-in, a shared area and a topic the manager suggested; "ok" is any answer but 401/403/5xx.
type LinkRole = "manager" | "report" | "former manager" | "another member";
type LinkOutcome = 200 | 403 | 404 | 409 | "ok";
const linkRoles: LinkRole[] = ["manager", "report", "former manager", "another member"];
const linkRow = (manager: LinkOutcome, report: LinkOutcome, others: LinkOutcome = 404) => ({
  manager,
  report,
  "former manager": others,
  "another member": others,
});
const managerMatrix: Record<string, Record<LinkRole, LinkOutcome>> = {
  "GET /api/managers": linkRow(200, 200, 200),
  "POST /api/managers/invitations": linkRow("ok", "ok", "ok"),
  "GET /api/manager-links/:id": linkRow(200, 200),
  // Only the holder of the invited address answers, and only while it waits.
  "POST /api/manager-links/:id/accept": linkRow(404, 404),
  "POST /api/manager-links/:id/decline": linkRow(404, 404),
  "POST /api/manager-links/:id/end": linkRow(200, 200),
  "POST /api/manager-links/:id/cadence": linkRow(200, 200),
  // The manager proposed the cadence: the report agrees to it.
  "POST /api/manager-links/:id/cadence/agree": linkRow(409, 200),
  "POST /api/manager-links/:id/areas": linkRow(404, 200),
  "GET /api/manager-links/:id/areas/:areaId": linkRow(200, 200),
  "DELETE /api/manager-links/:id/areas/:areaId": linkRow(404, 200),
  "POST /api/manager-links/:id/check-ins": linkRow(404, 200),
  "GET /api/check-ins/:id": linkRow(200, 200),
  "PUT /api/check-ins/:id": linkRow(404, 200),
  "PUT /api/check-ins/:id/manager-plan": linkRow(200, 403),
  "POST /api/check-ins/:id/comments": linkRow(200, 200),
  "POST /api/check-ins/:id/agenda": linkRow(200, 200),
  "POST /api/agenda-topics/:id/decision": linkRow(404, 200),
};

describe("managers: the manager, the report and everyone else", () => {
  it("has a manager and report column for every managers route", () => {
    const keys = routes
      .filter((r) => r.path.startsWith("/api/managers") || isManagerRoute(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in managerMatrix))).toEqual([]);
    expect(Object.keys(managerMatrix).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("answers each side of a link as the matrix says", async () => {
    const failures: string[] = [];
    for (const [key, expected] of Object.entries(managerMatrix)) {
      const [method = "GET", template = ""] = key.split(" ");
      for (const role of linkRoles) {
        const manager = await buildUser(ctx);
        const { linkId, other: report } = await linkAs(ctx, manager, "manager");
        const post = (path: string, body: unknown, cookie: string) => created(path, body, cookie);
        const { areas } = await post(`/api/manager-links/${linkId}/areas`, { area: "lanes" }, report.cookie);
        const checkIn = await post(
          `/api/manager-links/${linkId}/check-ins`,
          { heldOn: "2026-01-05" },
          report.cookie,
        );
        const withTopic = await post(
          `/api/check-ins/${checkIn.id}/agenda`,
          { text: "Hiring" },
          manager.cookie,
        );
        const proposed = await post(
          `/api/manager-links/${linkId}/cadence`,
          { cadence: "weekly", version: 2 },
          manager.cookie,
        );
        if (role === "former manager") await post(`/api/manager-links/${linkId}/end`, {}, manager.cookie);
        const cookie =
          role === "manager" || role === "former manager"
            ? manager.cookie
            : role === "report"
              ? report.cookie
              : (await buildUser(ctx)).cookie;
        const id = template.startsWith("/api/check-ins/")
          ? checkIn.id
          : template.startsWith("/api/agenda-topics/")
            ? withTopic.agenda[0].id
            : linkId;
        const bodies: Record<string, unknown> = {
          ...sampleBodies,
          "POST /api/managers/invitations": { email: uniqueEmail("matrix-report") },
          "POST /api/manager-links/:id/accept": { version: proposed.link.version },
          "POST /api/manager-links/:id/decline": { version: proposed.link.version },
          "POST /api/manager-links/:id/cadence": { cadence: "monthly", version: proposed.link.version },
          "POST /api/manager-links/:id/cadence/agree": { version: proposed.link.version },
          "PUT /api/check-ins/:id": { heldOn: "2026-01-06", helpWith: "x", version: checkIn.version },
          "PUT /api/check-ins/:id/manager-plan": { managerPlan: "I will ask.", version: checkIn.version },
        };
        const path = concretePath(template, { id, areaId: areas[0].id });
        const got = (
          await ctx.request(path, {
            method,
            body: method === "GET" || method === "DELETE" ? undefined : (bodies[key] ?? {}),
            cookie,
            ip: nextAddress(),
          })
        ).status;
        const want = expected[role];
        const pass = want === "ok" ? got < 500 && got !== 401 && got !== 403 : got === want;
        if (!pass) failures.push(`${key} as ${role}: expected ${want}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
