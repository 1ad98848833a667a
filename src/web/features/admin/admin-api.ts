import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AdminJobs, RetriedJob } from "../../../shared/jobs.ts";
import { api } from "../../api.ts";

export type AdminUser = {
  id: string;
  email: string;
  name: string;
  role: "member" | "admin";
  emailVerified: boolean;
  disabled: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
};
export type MessageStatus = "kept" | "queued" | "sending" | "sent" | "failed";
export type OutboxSummary = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  createdAt: string;
  status: MessageStatus;
  bodyRemovedAt: string | null;
};
export type OutboxMessage = OutboxSummary & {
  text: string;
  html: string | null;
  error?: string | null;
  sentAt?: string | null;
};
type Paged = { total: number; page: number; pageSize: number };

export const usersQuery = (q: string, page: number) =>
  queryOptions({
    queryKey: ["admin", "users", { q, page }],
    queryFn: () =>
      api.get<{ users: AdminUser[] } & Paged>(
        `/api/admin/users?${new URLSearchParams({ q, page: String(page) }).toString()}`,
      ),
    placeholderData: keepPreviousData,
  });

export const outboxQuery = (page: number) =>
  queryOptions({
    queryKey: ["admin", "outbox", { page }],
    queryFn: () => api.get<{ messages: OutboxSummary[] } & Paged>(`/api/admin/outbox?page=${page}`),
    placeholderData: keepPreviousData,
  });

export const outboxMessageQuery = (id: string) =>
  queryOptions({
    queryKey: ["admin", "outbox", "message", id],
    queryFn: () => api.get<{ message: OutboxMessage }>(`/api/admin/outbox/${encodeURIComponent(id)}`),
  });

export const jobsQuery = (page: number) =>
  queryOptions({
    queryKey: ["admin", "jobs", { page }],
    queryFn: () => api.get<AdminJobs>(`/api/admin/jobs?page=${page}`),
    placeholderData: keepPreviousData,
  });

export const retryJob = (id: string) =>
  api.post<RetriedJob>(`/api/admin/jobs/${encodeURIComponent(id)}/retry`);

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
