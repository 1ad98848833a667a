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

export const jobsQuery = (page: number) =>
  queryOptions({
    queryKey: ["admin", "jobs", { page }],
    queryFn: () => call(api.admin.jobs.$get({ query: { page: String(page) } })),
    placeholderData: keepPreviousData,
  });

export const retryJob = (id: string) =>
  call(api.admin.jobs[":id"].retry.$post({ param: { id: encodeURIComponent(id) } }));

/** What each kind of background work is, in words; an unknown kind shows as itself. */
export const jobKindLabels: Record<string, string> = {
  "mail.deliver": "Email delivery",
  "mail.requeue": "Retry of undelivered email",
  "feedback.close": "Feedback request closing",
  "feedback.auto-reminder": "Automatic feedback reminder",
  "feedback.send-reminder": "Feedback reminder emails",
  "jobs.prune": "Clean-up of finished jobs",
};

export const mailKindLabels: Record<string, string> = {
  verification: "Email confirmation",
  "password-reset": "Password reset",
  security: "Security notice",
  "feedback-invitation": "Feedback invitation",
  "feedback-reminder": "Feedback reminder",
  "thank-you": "Thank-you",
  notification: "Notification",
  other: "Other",
};
export const statusLabels: Record<MessageStatus, { label: string; tone: string }> = {
  kept: { label: "Kept", tone: "badge" },
  queued: { label: "Waiting to send", tone: "badge" },
  sending: { label: "Sending", tone: "badge badge-accent" },
  sent: { label: "Sent", tone: "badge badge-success" },
  failed: { label: "Failed", tone: "badge badge-danger" },
};
