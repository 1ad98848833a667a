import { createRoute, z } from "@hono/zod-openapi";
import {
  adminPageQuery,
  adminUserChangedOutput,
  adminUserPageOutput,
  adminUserSearchQuery,
  outboxMessageReadOutput,
  outboxPageOutput,
} from "../../../shared/admin.ts";
import { createRouter, errorResponses, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  confirmUserEmail,
  disableUser,
  enableUser,
  getOutboxMessage,
  listOutbox,
  listUsers,
} from "./admin.service.ts";

const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
const getUsers = createRoute({
  operationId: "listUsers",
  security: signedInRoute,
  method: "get",
  path: "/api/admin/users",
  tags: ["Admin"],
  summary: "List users, optionally searching by name or email",
  request: {
    query: adminUserSearchQuery,
  },
  responses: {
    ...jsonResponse(adminUserPageOutput, "A page of users"),
    ...errorResponses(400, 401, 403),
  },
});

const userActionIds = {
  disable: "disableUser",
  enable: "enableUser",
  "confirm-email": "confirmUserEmail",
} as const;

const userAction = (action: keyof typeof userActionIds, summary: string) =>
  createRoute({
    operationId: userActionIds[action],
    security: signedInRoute,
    method: "post",
    path: `/api/admin/users/{id}/${action}`,
    tags: ["Admin"],
    summary,
    request: { params: idParam },
    responses: {
      ...jsonResponse(adminUserChangedOutput, "The updated user"),
      ...errorResponses(401, 403, 404, 409),
    },
  });

const getOutbox = createRoute({
  operationId: "listOutbox",
  security: signedInRoute,
  method: "get",
  path: "/api/admin/outbox",
  tags: ["Admin"],
  summary: "List the messages Sidecar has sent or kept",
  request: { query: adminPageQuery },
  responses: {
    ...jsonResponse(outboxPageOutput, "A page of messages"),
    ...errorResponses(400, 401, 403),
  },
});

const getOutboxItem = createRoute({
  operationId: "getOutboxMessage",
  security: signedInRoute,
  method: "get",
  path: "/api/admin/outbox/{id}",
  tags: ["Admin"],
  summary: "Read one message",
  request: { params: idParam },
  responses: {
    ...jsonResponse(outboxMessageReadOutput, "The message"),
    ...errorResponses(401, 403, 404),
  },
});

export function adminRoutes() {
  return createRouter()
    .openapi(getUsers, async (c) =>
      c.json(await listUsers(c.var.deps.db, c.var.viewer, c.req.valid("query")), 200),
    )
    .openapi(userAction("disable", "Disable a user and end their sessions at once"), async (c) =>
      c.json(await disableUser(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(userAction("enable", "Enable a disabled user"), async (c) =>
      c.json(await enableUser(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(
      userAction("confirm-email", "Confirm a user's email, for instances that cannot send mail"),
      async (c) => c.json(await confirmUserEmail(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(getOutbox, async (c) =>
      c.json(await listOutbox(c.var.deps.db, c.var.viewer, c.req.valid("query")), 200),
    )
    .openapi(getOutboxItem, async (c) =>
      c.json(await getOutboxMessage(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    );
}
