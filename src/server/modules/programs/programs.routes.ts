import { createRoute, z } from "@hono/zod-openapi";
import {
  cohortInput,
  cohortOutput,
  cohortSettingsInput,
  healthOutput,
  importInput,
  importOutput,
  joinInput,
  meetingInput,
  myProgramsOutput,
  overrideInput,
  pageQuery,
  pairListOutput,
  participantListOutput,
  previewOutput,
  programAdminInput,
  programInput,
  programListOutput,
  programOutput,
  programUpdateInput,
  publishOutput,
  runOutput,
} from "../../../shared/programs.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  acceptMatch,
  addOverride,
  cancelRun,
  createCohort,
  createProgram,
  exportCohortHealth,
  getCohort,
  getCohortHealth,
  getProgram,
  getRunProgress,
  getRunResult,
  grantProgramAdmin,
  importParticipants,
  joinCohort,
  listCohortParticipants,
  listMyParticipations,
  listMyPrograms,
  previewRules,
  publishCohort,
  recordMeeting,
  revokeProgramAdmin,
  startRun,
  updateCohortSettings,
  updateProgram,
} from "./programs.service.ts";

const idText = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses");
const idParam = z.object({ id: idText });
const adminParam = z.object({ id: idText, userId: idText });
const tags = ["Programs"];
const mineTags = ["My programs"];
const csvOutput = z.object({ csv: z.string(), fileName: z.string() }).meta({ id: "HealthExport" });

const list = createRoute({
  security: signedInRoute,
  operationId: "listMyPrograms",
  method: "get",
  path: "/api/programs",
  tags,
  summary: "The programs I run as a program admin",
  responses: { ...jsonResponse(programListOutput, "My programs"), ...errorResponses(401) },
});
const create = createRoute({
  security: signedInRoute,
  operationId: "createProgram",
  method: "post",
  path: "/api/programs",
  tags,
  summary: "Start a mentoring program; I become its first program admin",
  request: jsonBody(programInput),
  responses: { ...jsonResponse(programOutput, "The new program"), ...errorResponses(400, 401) },
});
const getOne = createRoute({
  security: signedInRoute,
  operationId: "getProgram",
  method: "get",
  path: "/api/programs/{id}",
  tags,
  summary: "A program I run: its admins and cohorts",
  request: { params: idParam },
  responses: { ...jsonResponse(programOutput, "The program"), ...errorResponses(401, 404) },
});
const update = createRoute({
  security: signedInRoute,
  operationId: "updateProgram",
  method: "put",
  path: "/api/programs/{id}",
  tags,
  summary: "Rename a program, or choose what a published pair becomes: an introduction or a mentoring",
  request: { params: idParam, ...jsonBody(programUpdateInput) },
  responses: { ...jsonResponse(programOutput, "The program"), ...errorResponses(400, 401, 404, 409) },
});
const grant = createRoute({
  security: signedInRoute,
  operationId: "grantProgramAdmin",
  method: "post",
  path: "/api/programs/{id}/admins",
  tags,
  summary: "Make a member a program admin (by a program admin or the instance admin)",
  request: { params: idParam, ...jsonBody(programAdminInput) },
  responses: { ...jsonResponse(programOutput, "The program"), ...errorResponses(400, 401, 404) },
});
const revoke = createRoute({
  security: signedInRoute,
  operationId: "revokeProgramAdmin",
  method: "delete",
  path: "/api/programs/{id}/admins/{userId}",
  tags,
  summary: "Take the program admin role back; effective on their next request",
  request: { params: adminParam },
  responses: { ...jsonResponse(programOutput, "The program"), ...errorResponses(401, 404, 409) },
});
const addCohort = createRoute({
  security: signedInRoute,
  operationId: "createCohort",
  method: "post",
  path: "/api/programs/{id}/cohorts",
  tags,
  summary: "Add a cohort with its dates, with the default criteria and rules",
  request: { params: idParam, ...jsonBody(cohortInput) },
  responses: { ...jsonResponse(cohortOutput, "The new cohort"), ...errorResponses(400, 401, 404) },
});
const cohort = createRoute({
  security: signedInRoute,
  operationId: "getCohort",
  method: "get",
  path: "/api/cohorts/{id}",
  tags,
  summary: "A cohort: settings, counts, the current and any live run, and every override with who and why",
  request: { params: idParam },
  responses: { ...jsonResponse(cohortOutput, "The cohort"), ...errorResponses(401, 404) },
});
const settings = createRoute({
  security: signedInRoute,
  operationId: "updateCohortSettings",
  method: "put",
  path: "/api/cohorts/{id}/settings",
  tags,
  summary: "Criteria weights and hard rules, each switchable",
  request: { params: idParam, ...jsonBody(cohortSettingsInput) },
  responses: { ...jsonResponse(cohortOutput, "The cohort"), ...errorResponses(400, 401, 404, 409) },
});
const participants = createRoute({
  security: signedInRoute,
  operationId: "listCohortParticipants",
  method: "get",
  path: "/api/cohorts/{id}/participants",
  tags,
  summary: "Participants of a cohort, a page at a time: who, which role, whether they joined",
  request: { params: idParam, query: pageQuery },
  responses: {
    ...jsonResponse(participantListOutput, "A page of participants"),
    ...errorResponses(400, 401, 404),
  },
});
const importRoute = createRoute({
  security: signedInRoute,
  operationId: "importParticipants",
  method: "post",
  path: "/api/cohorts/{id}/import",
  tags,
  summary:
    "Preview (apply false) or import (apply true) participants from CSV, with per-row errors by line and column; importing the same file again changes nothing",
  request: { params: idParam, ...jsonBody(importInput) },
  responses: {
    ...jsonResponse(importOutput, "What the file holds, and what was saved"),
    ...errorResponses(400, 401, 404),
  },
});
const preview = createRoute({
  security: signedInRoute,
  operationId: "previewCohortRules",
  method: "get",
  path: "/api/cohorts/{id}/preview",
  tags,
  summary: "How many pairs each hard rule removes with the saved settings",
  request: { params: idParam },
  responses: { ...jsonResponse(previewOutput, "The preview"), ...errorResponses(401, 404) },
});
const start = createRoute({
  security: signedInRoute,
  operationId: "startMatchingRun",
  method: "post",
  path: "/api/cohorts/{id}/runs",
  tags,
  summary: "Queue a matching run on the worker; one per cohort at a time (409 while one is under way)",
  request: { params: idParam },
  responses: { ...jsonResponse(runOutput, "The queued run"), ...errorResponses(401, 404, 409) },
});
const override = createRoute({
  security: signedInRoute,
  operationId: "addMatchingOverride",
  method: "post",
  path: "/api/cohorts/{id}/overrides",
  tags,
  summary:
    "Pin a pair, forbid a pair or change a mentor's seats, with the reason; the next run solves around it",
  request: { params: idParam, ...jsonBody(overrideInput) },
  responses: { ...jsonResponse(cohortOutput, "The cohort"), ...errorResponses(400, 401, 404, 409) },
});
const publish = createRoute({
  security: signedInRoute,
  operationId: "publishCohort",
  method: "post",
  path: "/api/cohorts/{id}/publish",
  tags,
  summary:
    "Publish the current pairs: both people are told who and why; in mentoring programs each pair becomes an accepted request",
  request: { params: idParam },
  responses: { ...jsonResponse(publishOutput, "What was published"), ...errorResponses(401, 404, 409) },
});
const health = createRoute({
  security: signedInRoute,
  operationId: "getCohortHealth",
  method: "get",
  path: "/api/cohorts/{id}/health",
  tags,
  summary: "Aggregates only: matches made and accepted, meetings held, stalled pairs by name, weekly figures",
  request: { params: idParam },
  responses: { ...jsonResponse(healthOutput, "The cohort's health"), ...errorResponses(401, 404) },
});
const healthCsv = createRoute({
  security: signedInRoute,
  operationId: "exportCohortHealth",
  method: "get",
  path: "/api/cohorts/{id}/health/export",
  tags,
  summary: "The health aggregates as CSV (no names)",
  request: { params: idParam },
  responses: { ...jsonResponse(csvOutput, "The CSV and a file name"), ...errorResponses(401, 404) },
});
const run = createRoute({
  security: signedInRoute,
  operationId: "getMatchingRun",
  method: "get",
  path: "/api/runs/{id}",
  tags,
  summary: "A run's progress, or its result: totals, the greedy baseline, and each pair's explanation",
  request: { params: idParam, query: pageQuery },
  responses: { ...jsonResponse(pairListOutput, "The run"), ...errorResponses(400, 401, 404) },
});
const progress = createRoute({
  security: signedInRoute,
  operationId: "getMatchingRunProgress",
  method: "get",
  path: "/api/runs/{id}/progress",
  tags,
  summary: "A run's state and every phase reached so far, read several times a second while it runs",
  request: { params: idParam },
  responses: { ...jsonResponse(runOutput, "The run"), ...errorResponses(401, 404) },
});
const cancel = createRoute({
  security: signedInRoute,
  operationId: "cancelMatchingRun",
  method: "post",
  path: "/api/runs/{id}/cancel",
  tags,
  summary: "Cancel a queued or running run, in whichever process runs it",
  request: { params: idParam },
  responses: { ...jsonResponse(runOutput, "The run"), ...errorResponses(401, 404, 409) },
});
const mine = createRoute({
  security: signedInRoute,
  operationId: "listMyProgramPlaces",
  method: "get",
  path: "/api/my-programs",
  tags: mineTags,
  summary: "Programs I am invited to or take part in, with my matches and why",
  responses: { ...jsonResponse(myProgramsOutput, "My places"), ...errorResponses(401) },
});
const join = createRoute({
  security: signedInRoute,
  operationId: "joinProgramCohort",
  method: "post",
  path: "/api/my-programs/{id}/join",
  tags: mineTags,
  summary: "Join a cohort I am invited to, answering the program's questions (again, to change them)",
  request: { params: idParam, ...jsonBody(joinInput) },
  responses: { ...jsonResponse(myProgramsOutput, "My places"), ...errorResponses(400, 401, 404) },
});
const accept = createRoute({
  security: signedInRoute,
  operationId: "acceptProgramMatch",
  method: "post",
  path: "/api/program-matches/{id}/accept",
  tags: mineTags,
  summary: "Confirm my match",
  request: { params: idParam },
  responses: { ...jsonResponse(myProgramsOutput, "My places"), ...errorResponses(401, 404) },
});
const met = createRoute({
  security: signedInRoute,
  operationId: "recordProgramMeeting",
  method: "post",
  path: "/api/program-matches/{id}/meetings",
  tags: mineTags,
  summary: "Record the day we met (only the date is kept)",
  request: { params: idParam, ...jsonBody(meetingInput) },
  responses: { ...jsonResponse(myProgramsOutput, "My places"), ...errorResponses(400, 401, 404) },
});

export function programsRoutes() {
  return createRouter()
    .openapi(list, async (c) => c.json(await listMyPrograms(c.var.deps.db, c.var.viewer), 200))
    .openapi(create, async (c) =>
      c.json(await createProgram(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getOne, async (c) =>
      c.json(await getProgram(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(update, async (c) =>
      c.json(
        await updateProgram(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(grant, async (c) =>
      c.json(
        await grantProgramAdmin(
          c.var.deps.db,
          c.var.viewer,
          c.req.valid("param").id,
          c.req.valid("json").email,
        ),
        200,
      ),
    )
    .openapi(revoke, async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json(await revokeProgramAdmin(c.var.deps.db, c.var.viewer, id, userId), 200);
    })
    .openapi(addCohort, async (c) =>
      c.json(
        await createCohort(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(cohort, async (c) =>
      c.json(await getCohort(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(settings, async (c) =>
      c.json(
        await updateCohortSettings(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(participants, async (c) =>
      c.json(
        await listCohortParticipants(
          c.var.deps.db,
          c.var.viewer,
          c.req.valid("param").id,
          c.req.valid("query").page,
        ),
        200,
      ),
    )
    .openapi(importRoute, async (c) =>
      c.json(
        await importParticipants(c.var.deps, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(preview, async (c) =>
      c.json(await previewRules(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(start, async (c) =>
      c.json(await startRun(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(override, async (c) =>
      c.json(
        await addOverride(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(publish, async (c) =>
      c.json(await publishCohort(c.var.deps, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(health, async (c) =>
      c.json(await getCohortHealth(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(healthCsv, async (c) =>
      c.json(await exportCohortHealth(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(run, async (c) =>
      c.json(
        await getRunResult(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("query").page),
        200,
      ),
    )
    .openapi(progress, async (c) =>
      c.json(await getRunProgress(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(cancel, async (c) =>
      c.json(await cancelRun(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(mine, async (c) => c.json(await listMyParticipations(c.var.deps.db, c.var.viewer), 200))
    .openapi(join, async (c) =>
      c.json(
        await joinCohort(
          c.var.deps.db,
          c.var.viewer,
          c.req.valid("param").id,
          c.req.valid("json").questionnaire,
        ),
        200,
      ),
    )
    .openapi(accept, async (c) =>
      c.json(await acceptMatch(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(met, async (c) =>
      c.json(
        await recordMeeting(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json").metOn),
        200,
      ),
    );
}
