import type { AdminUser, OutboxMessage, OutboxSummary } from "../../../shared/admin.ts";
import { hideRecipientLinks } from "../mail/recipient-links.ts";
import type { findOutboxRow, findUserRow, listOutboxRows } from "./admin.repo.ts";

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserRow>>>;
type OutboxSummaryRow = Awaited<ReturnType<typeof listOutboxRows>>["rows"][number];
type OutboxRow = NonNullable<Awaited<ReturnType<typeof findOutboxRow>>>;

export function presentUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerified,
    disabled: row.disabled,
    twoFactorEnabled: row.twoFactorEnabled,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentOutboxSummary(row: OutboxSummaryRow): OutboxSummary {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to,
    subject: row.subject,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    bodyRemovedAt: row.bodyRemovedAt?.toISOString() ?? null,
  };
}

export function presentOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    ...presentOutboxSummary(row),
    // A message not yet delivered still holds its one-time links; they are the recipient's alone.
    text: hideRecipientLinks(row.text),
    html: row.html === null ? row.html : hideRecipientLinks(row.html),
    error: row.error,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
