import { createRoute, z } from "@hono/zod-openapi";
import {
  cadenceUpdateInput,
  deletedOutput,
  pressReleaseMarkdownOutput,
  pressReleaseOutput,
  pressReleaseUpdateInput,
  storyEntryInput,
  storyEntryListOutput,
  storyEntryOutput,
  storyEntryUpdateInput,
  thoughtInput,
  thoughtLogOutput,
  thoughtUpdateInput,
  writingCheckInput,
  writingCheckOutput,
} from "../../../shared/story.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  addStoryEntry,
  checkWriting,
  editStoryEntry,
  editThought,
  exportMyPressRelease,
  getMyPressRelease,
  getMyThoughtLog,
  getStoryEntry,
  listMyStory,
  logThought,
  removeStoryEntry,
  removeThought,
  saveMyPressRelease,
  setMyCadence,
} from "./story.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
const tags = ["Career story"];

const listEntries = createRoute({
  operationId: "listStoryEntries",
  security: signedInRoute,
  method: "get",
  path: "/api/story/entries",
  tags,
  summary:
    "My career story: one entry per role or project, oldest first, each with the writing check's advice",
  responses: { ...jsonResponse(storyEntryListOutput, "My story entries"), ...errorResponses(401) },
});

const createEntry = createRoute({
  operationId: "addStoryEntry",
  security: signedInRoute,
  method: "post",
  path: "/api/story/entries",
  tags,
  summary:
    "Write a story entry: the problem, what I did, skills built, headwinds, how I overcame them, the result",
  request: jsonBody(storyEntryInput),
  responses: { ...jsonResponse(storyEntryOutput, "The saved entry"), ...errorResponses(400, 401) },
});

const readEntry = createRoute({
  operationId: "getStoryEntry",
  security: signedInRoute,
  method: "get",
  path: "/api/story/entries/{id}",
  tags,
  summary: "One of my story entries",
  request: { params: idParam },
  responses: { ...jsonResponse(storyEntryOutput, "The entry"), ...errorResponses(400, 401, 404) },
});

const putEntry = createRoute({
  operationId: "updateStoryEntry",
  security: signedInRoute,
  method: "put",
  path: "/api/story/entries/{id}",
  tags,
  summary: "Change one of my story entries",
  request: { params: idParam, ...jsonBody(storyEntryUpdateInput) },
  responses: {
    ...jsonResponse(storyEntryOutput, "The changed entry"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const deleteEntry = createRoute({
  operationId: "deleteStoryEntry",
  security: signedInRoute,
  method: "delete",
  path: "/api/story/entries/{id}",
  tags,
  summary: "Delete one of my story entries",
  request: { params: idParam },
  responses: {
    ...jsonResponse(deletedOutput, "The id of the deleted entry"),
    ...errorResponses(400, 401, 404),
  },
});

const postCheck = createRoute({
  operationId: "checkWriting",
  security: signedInRoute,
  method: "post",
  path: "/api/story/writing-check",
  tags,
  summary:
    "Check a text for “we” statements, passive voice and vague claims, with the reason and a rewrite around “I” where one fits. Advice only: nothing is stored",
  request: jsonBody(writingCheckInput),
  responses: {
    ...jsonResponse(writingCheckOutput, "The flags, sentence by sentence"),
    ...errorResponses(400, 401),
  },
});

const readRelease = createRoute({
  operationId: "getPressRelease",
  security: signedInRoute,
  method: "get",
  path: "/api/story/press-release",
  tags,
  summary: "My press release for my career, with a draft drawn from my entries and skip job for empty fields",
  responses: { ...jsonResponse(pressReleaseOutput, "My press release"), ...errorResponses(401) },
});

const putRelease = createRoute({
  operationId: "savePressRelease",
  security: signedInRoute,
  method: "put",
  path: "/api/story/press-release",
  tags,
  summary: "Save my press release (version 0 the first time)",
  request: jsonBody(pressReleaseUpdateInput),
  responses: { ...jsonResponse(pressReleaseOutput, "The saved release"), ...errorResponses(400, 401, 409) },
});

const markdownRelease = createRoute({
  operationId: "exportPressRelease",
  security: signedInRoute,
  method: "get",
  path: "/api/story/press-release/markdown",
  tags,
  summary: "My press release as Markdown, the same text the printable page shows",
  responses: {
    ...jsonResponse(pressReleaseMarkdownOutput, "The Markdown and a file name"),
    ...errorResponses(401),
  },
});

const readLog = createRoute({
  operationId: "getThoughtLeadershipLog",
  security: signedInRoute,
  method: "get",
  path: "/api/story/thought-leadership",
  tags,
  summary: "My thought-leadership log, newest first, with my cadence and progress against it",
  responses: { ...jsonResponse(thoughtLogOutput, "My log"), ...errorResponses(401) },
});

const postThought = createRoute({
  operationId: "logThoughtLeadership",
  security: signedInRoute,
  method: "post",
  path: "/api/story/thought-leadership",
  tags,
  summary: "Log a post, talk or answered question, with its link and date",
  request: jsonBody(thoughtInput),
  responses: { ...jsonResponse(thoughtLogOutput, "My log with the new item"), ...errorResponses(400, 401) },
});

const putThought = createRoute({
  operationId: "updateThoughtLeadership",
  security: signedInRoute,
  method: "put",
  path: "/api/story/thought-leadership/{id}",
  tags,
  summary: "Change one item of my thought-leadership log",
  request: { params: idParam, ...jsonBody(thoughtUpdateInput) },
  responses: { ...jsonResponse(thoughtLogOutput, "My log"), ...errorResponses(400, 401, 404, 409) },
});

const deleteThought = createRoute({
  operationId: "deleteThoughtLeadership",
  security: signedInRoute,
  method: "delete",
  path: "/api/story/thought-leadership/{id}",
  tags,
  summary: "Remove one item of my thought-leadership log",
  request: { params: idParam },
  responses: { ...jsonResponse(thoughtLogOutput, "My log"), ...errorResponses(400, 401, 404) },
});

const putCadence = createRoute({
  operationId: "setThoughtLeadershipCadence",
  security: signedInRoute,
  method: "put",
  path: "/api/story/thought-leadership-cadence",
  tags,
  summary:
    "Set how often I mean to post, talk or answer (null for no cadence); a reminder comes when it slips. Send cadenceVersion as version",
  request: jsonBody(cadenceUpdateInput),
  responses: { ...jsonResponse(thoughtLogOutput, "My log"), ...errorResponses(400, 401, 409) },
});

export function storyRoutes() {
  return createRouter()
    .openapi(listEntries, async (c) => c.json(await listMyStory(c.var.deps.db, c.var.viewer), 200))
    .openapi(createEntry, async (c) =>
      c.json(await addStoryEntry(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(readEntry, async (c) =>
      c.json(await getStoryEntry(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(putEntry, async (c) =>
      c.json(
        await editStoryEntry(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(deleteEntry, async (c) =>
      c.json(await removeStoryEntry(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(postCheck, async (c) =>
      c.json(await checkWriting(c.var.deps.db, c.var.viewer, c.req.valid("json").text), 200),
    )
    .openapi(readRelease, async (c) => c.json(await getMyPressRelease(c.var.deps.db, c.var.viewer), 200))
    .openapi(putRelease, async (c) =>
      c.json(await saveMyPressRelease(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(markdownRelease, async (c) =>
      c.json(await exportMyPressRelease(c.var.deps.db, c.var.viewer), 200),
    )
    .openapi(readLog, async (c) => c.json(await getMyThoughtLog(c.var.deps.db, c.var.viewer), 200))
    .openapi(postThought, async (c) =>
      c.json(await logThought(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(putThought, async (c) =>
      c.json(
        await editThought(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(deleteThought, async (c) =>
      c.json(await removeThought(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(putCadence, async (c) =>
      c.json(await setMyCadence(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    );
}
