import { createRoute, z } from "@hono/zod-openapi";
import { plainText } from "../../../shared/text.ts";
import { createRouter, errorResponses, jsonResponse } from "../../http/router.ts";
import { mailKinds, outboxStatuses } from "../mail/outbox.table.ts";
import {
  confirmUserEmail,
  disableUser,
  enableUser,
  getOutboxMessage,
  listOutbox,
  listUsers,
} from "./admin.service.ts";

const adminUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["member", "admin"]),
    emailVerified: z.boolean(),
    disabled: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("AdminUser");

const outboxSummary = z
  .object({
    id: z.string(),
    kind: z.enum(mailKinds),
    to: z.string(),
    subject: z.string(),
    status: z.enum(outboxStatuses),
    createdAt: z.string(),
    // Set once the message was delivered: its body, with any one-time link, is no longer stored.
    bodyRemovedAt: z.string().nullable(),
  })
  .openapi("OutboxSummary");

const outboxMessage = outboxSummary
  .extend({
    text: z.string(),
    html: z.string().nullable(),
    error: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .openapi("OutboxMessage");

const pageQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number" }).int().min(1).max(100_000).default(1),
});
const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
const paged = { total: z.number(), page: z.number(), pageSize: z.number() };

const getUsers = createRoute({
  method: "get",
  path: "/api/admin/users",
  tags: ["Admin"],
  summary: "List users, optionally searching by name or email",
  request: {
    query: pageQuery.extend({ q: plainText().max(200, "Keep the search under 200 characters").default("") }),
  },
  responses: {
    ...jsonResponse(z.object({ users: z.array(adminUser), ...paged }), "A page of users"),
    ...errorResponses(400, 401, 403),
  },
});

const userAction = (action: "disable" | "enable" | "confirm-email", summary: string) =>
  createRoute({
    method: "post",
    path: `/api/admin/users/{id}/${action}`,
    tags: ["Admin"],
    summary,
    request: { params: idParam },
    responses: {
      ...jsonResponse(z.object({ user: adminUser }), "The updated user"),
      ...errorResponses(401, 403, 404, 409),
    },
  });

const getOutbox = createRoute({
  method: "get",
  path: "/api/admin/outbox",
  tags: ["Admin"],
  summary: "List the messages Sidecar has sent or kept",
  request: { query: pageQuery },
  responses: {
    ...jsonResponse(z.object({ messages: z.array(outboxSummary), ...paged }), "A page of messages"),
    ...errorResponses(400, 401, 403),
  },
});

const getOutboxItem = createRoute({
  method: "get",
  path: "/api/admin/outbox/{id}",
  tags: ["Admin"],
  summary: "Read one message",
  request: { params: idParam },
  responses: {
    ...jsonResponse(z.object({ message: outboxMessage }), "The message"),
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
