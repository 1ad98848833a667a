import { createRoute, z } from "@hono/zod-openapi";
import {
  notificationListOutput,
  notificationOutput,
  notificationsPageQuery,
  preferencesOutput,
  preferencesUpdateInput,
  unreadCountOutput,
  unsubscribeOutput,
} from "../../../shared/notifications.ts";
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonResponse,
  publicRoute,
  signedInRoute,
} from "../../http/router.ts";
import {
  getMyPreferences,
  getUnreadCount,
  listMyNotifications,
  readAllNotifications,
  readNotification,
  unsubscribe,
  updateMyPreferences,
  viewUnsubscribe,
} from "./notifications.service.ts";

const tags = ["Notifications"];
const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
const tokenParam = z.object({
  token: z.string().max(200, "This unsubscribe link is not valid. Check that you copied all of it."),
});

const list = createRoute({
  operationId: "listNotifications",
  security: signedInRoute,
  method: "get",
  path: "/api/notifications",
  tags,
  summary: "My notifications, newest first, a page at a time, with the unread count",
  request: { query: notificationsPageQuery },
  responses: {
    ...jsonResponse(notificationListOutput, "A page of notifications"),
    ...errorResponses(400, 401),
  },
});

const unreadCount = createRoute({
  operationId: "getUnreadNotificationCount",
  security: signedInRoute,
  method: "get",
  path: "/api/notifications/unread-count",
  tags,
  summary: "How many of my notifications are unread",
  responses: { ...jsonResponse(unreadCountOutput, "The unread count"), ...errorResponses(401) },
});

const markRead = createRoute({
  operationId: "markNotificationRead",
  security: signedInRoute,
  method: "post",
  path: "/api/notifications/{id}/read",
  tags,
  summary: "Mark one of my notifications read",
  request: { params: idParam },
  responses: {
    ...jsonResponse(notificationOutput, "The notification, read"),
    ...errorResponses(400, 401, 404),
  },
});

const markAllRead = createRoute({
  operationId: "markAllNotificationsRead",
  security: signedInRoute,
  method: "post",
  path: "/api/notifications/read-all",
  tags,
  summary: "Mark all my notifications read",
  responses: { ...jsonResponse(unreadCountOutput, "The unread count, now 0"), ...errorResponses(401) },
});

const getPreferences = createRoute({
  operationId: "getNotificationPreferences",
  security: signedInRoute,
  method: "get",
  path: "/api/notifications/preferences",
  tags,
  summary: "How Sidecar emails me about each kind of notification",
  responses: {
    ...jsonResponse(preferencesOutput, "One choice per kind"),
    ...errorResponses(401),
  },
});

const putPreferences = createRoute({
  operationId: "saveNotificationPreferences",
  security: signedInRoute,
  method: "put",
  path: "/api/notifications/preferences",
  tags,
  summary:
    "Choose, per kind, an email each time, a daily digest, or no email (in-app notifications are always kept; essential mail cannot be turned off)",
  request: jsonBody(preferencesUpdateInput),
  responses: {
    ...jsonResponse(preferencesOutput, "The choices now in force"),
    ...errorResponses(400, 401, 409),
  },
});

const viewUnsubscribeLink = createRoute({
  operationId: "viewUnsubscribeLink",
  security: publicRoute,
  method: "get",
  path: "/api/unsubscribe/{token}",
  tags,
  summary: "What an unsubscribe link turns off (no sign-in needed: the link is the credential)",
  request: { params: tokenParam },
  responses: {
    ...jsonResponse(unsubscribeOutput, "The kind of email and the current choice"),
    303: { description: "Asked for a page (Accept: text/html): the unsubscribe page that asks first" },
    ...errorResponses(400, 404),
  },
});

const oneClickUnsubscribe = createRoute({
  operationId: "unsubscribe",
  security: publicRoute,
  method: "post",
  path: "/api/unsubscribe/{token}",
  tags,
  summary:
    "Turn off the kind of email an unsubscribe link names (RFC 8058 one-click: a mail provider may POST the form body List-Unsubscribe=One-Click)",
  request: { params: tokenParam },
  responses: {
    ...jsonResponse(unsubscribeOutput, "The kind of email, now turned off"),
    ...errorResponses(400, 404),
  },
});

function prefersHtml(accept: string | undefined) {
  return Boolean(accept?.includes("text/html")) && !accept?.includes("application/json");
}

export function notificationsRoutes() {
  return createRouter()
    .openapi(list, async (c) =>
      c.json(await listMyNotifications(c.var.deps.db, c.var.viewer, c.req.valid("query")), 200),
    )
    .openapi(unreadCount, async (c) => c.json(await getUnreadCount(c.var.deps.db, c.var.viewer), 200))
    .openapi(markAllRead, async (c) => c.json(await readAllNotifications(c.var.deps.db, c.var.viewer), 200))
    .openapi(markRead, async (c) =>
      c.json(await readNotification(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(getPreferences, async (c) => c.json(await getMyPreferences(c.var.deps.db, c.var.viewer), 200))
    .openapi(putPreferences, async (c) =>
      c.json(await updateMyPreferences(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(viewUnsubscribeLink, async (c) => {
      const { token } = c.req.valid("param");
      // A mail client that opens the List-Unsubscribe address in a browser lands on the page that asks.
      if (prefersHtml(c.req.header("accept")))
        return c.redirect(`/unsubscribe/${encodeURIComponent(token)}`, 303);
      return c.json(await viewUnsubscribe(c.var.deps, token), 200);
    })
    .openapi(oneClickUnsubscribe, async (c) =>
      c.json(await unsubscribe(c.var.deps, c.req.valid("param").token), 200),
    );
}
