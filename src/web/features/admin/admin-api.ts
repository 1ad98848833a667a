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

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

export function formatDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

export const statusLabels: Record<MessageStatus, { label: string; tone: string }> = {
  kept: { label: "Kept", tone: "badge" },
  sending: { label: "Sending", tone: "badge badge-accent" },
  sent: { label: "Sent", tone: "badge badge-success" },
  failed: { label: "Failed", tone: "badge badge-danger" },
};
