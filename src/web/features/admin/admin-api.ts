import { keepPreviousData, queryOptions } from "@tanstack/react-query";
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
export type MessageStatus = "kept" | "sending" | "sent" | "failed";
export type OutboxSummary = {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
  status: MessageStatus;
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

export const statusLabels: Record<MessageStatus, { label: string; tone: string }> = {
  kept: { label: "Kept", tone: "badge" },
  sending: { label: "Sending", tone: "badge badge-accent" },
  sent: { label: "Sent", tone: "badge badge-success" },
  failed: { label: "Failed", tone: "badge badge-danger" },
};
