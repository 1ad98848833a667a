import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AdminUser, OutboxMessage, OutboxSummary } from "../../../shared/admin.ts";
import { api, call } from "../../api.ts";

export type { AdminUser, OutboxMessage, OutboxSummary };
export type MessageStatus = OutboxSummary["status"];

export const usersQuery = (q: string, page: number) =>
  queryOptions({
    queryKey: ["admin", "users", { q, page }],
    queryFn: () => call(api.admin.users.$get({ query: { q, page: String(page) } })),
    placeholderData: keepPreviousData,
  });

export const outboxQuery = (page: number) =>
  queryOptions({
    queryKey: ["admin", "outbox", { page }],
    queryFn: () => call(api.admin.outbox.$get({ query: { page: String(page) } })),
    placeholderData: keepPreviousData,
  });

export const outboxMessageQuery = (id: string) =>
  queryOptions({
    queryKey: ["admin", "outbox", "message", id],
    queryFn: () => call(api.admin.outbox[":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });

export const statusLabels: Record<MessageStatus, { label: string; tone: string }> = {
  kept: { label: "Kept", tone: "badge" },
  sending: { label: "Sending", tone: "badge badge-accent" },
  sent: { label: "Sent", tone: "badge badge-success" },
  failed: { label: "Failed", tone: "badge badge-danger" },
};
