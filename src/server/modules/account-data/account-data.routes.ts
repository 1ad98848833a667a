import { createRoute } from "@hono/zod-openapi";
import {
  accountDataExport,
  accountDeletedOutput,
  accountExportStatusOutput,
  deleteAccountInput,
  storyMarkdownOutput,
} from "../../../shared/account-data.ts";
import { clientIpOf } from "../../app.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  deleteMyAccount,
  downloadMyAccountExport,
  downloadMyStoryMarkdown,
  getMyAccountExport,
  requestAccountExport,
} from "./account-data.service.ts";

const tags = ["Your data"];

const getStatus = createRoute({
  operationId: "getAccountExport",
  security: signedInRoute,
  method: "get",
  path: "/api/account/export",
  tags,
  summary: "My latest export of all my data: its state and progress",
  responses: {
    ...jsonResponse(accountExportStatusOutput, "The latest export, or null"),
    ...errorResponses(401),
  },
});

const startExport = createRoute({
  operationId: "startAccountExport",
  security: signedInRoute,
  method: "post",
  path: "/api/account/export",
  tags,
  summary:
    "Start building an export of all my data (or get the one being built); an email says when it is ready",
  responses: { ...jsonResponse(accountExportStatusOutput, "The export being built"), ...errorResponses(401) },
});

const download = createRoute({
  operationId: "downloadAccountExport",
  security: signedInRoute,
  method: "get",
  path: "/api/account/export/download",
  tags,
  summary: "Download my ready export as a JSON file (kept for a limited time)",
  responses: {
    ...jsonResponse(accountDataExport, "All my data, section by section (see docs/account-data.md)"),
    ...errorResponses(401, 404),
  },
});

const story = createRoute({
  operationId: "downloadAccountStoryMarkdown",
  security: signedInRoute,
  method: "get",
  path: "/api/account/export/story",
  tags,
  summary: "My career story from the ready export, as Markdown",
  responses: {
    ...jsonResponse(storyMarkdownOutput, "The Markdown and a file name"),
    ...errorResponses(401, 404),
  },
});

const remove = createRoute({
  operationId: "deleteAccount",
  security: signedInRoute,
  method: "post",
  path: "/api/account/delete",
  tags,
  summary:
    "Delete my account and all my data, confirmed with my password (and my authenticator code under two-factor sign-in)",
  request: jsonBody(deleteAccountInput),
  responses: {
    ...jsonResponse(accountDeletedOutput, "Deleted; every session of the account has ended"),
    ...errorResponses(400, 401, 429),
  },
});

export function accountDataRoutes() {
  return createRouter()
    .openapi(getStatus, async (c) => c.json(await getMyAccountExport(c.var.deps.db, c.var.viewer), 200))
    .openapi(startExport, async (c) => c.json(await requestAccountExport(c.var.deps.db, c.var.viewer), 200))
    .openapi(download, async (c) => {
      const file = await downloadMyAccountExport(c.var.deps.db, c.var.viewer);
      c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
      return c.json(accountDataExport.parse(JSON.parse(file.content ?? "{}")), 200);
    })
    .openapi(story, async (c) => c.json(await downloadMyStoryMarkdown(c.var.deps.db, c.var.viewer), 200))
    .openapi(remove, async (c) => {
      const { deps } = c.var;
      const ip = clientIpOf(deps.config.trustedProxyHops)(c);
      return c.json(
        await deleteMyAccount(deps, c.var.viewer, c.req.valid("json"), { headers: c.req.raw.headers, ip }),
        200,
      );
    });
}
