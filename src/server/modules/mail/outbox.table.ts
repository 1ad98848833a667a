import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const mailKinds = [
  "verification",
  "password-reset",
  "security",
  "feedback-invitation",
  "feedback-reminder",
  "thank-you",
  "manager-invitation",
  "notification",
  "other",
] as const;
export type MailKind = (typeof mailKinds)[number];

/** A file sent with a message, such as a calendar invitation; its text is kept until delivery. */
export type MailAttachment = { filename: string; contentType: string; content: string };

export const outboxStatuses = ["kept", "queued", "sending", "sent", "failed"] as const;

export const outbox = pgTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: mailKinds }).notNull().default("other"),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    attachments: jsonb("attachments").$type<MailAttachment[]>(),
    status: text("status", { enum: outboxStatuses }).notNull(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // Mail about a community: leaving it, removal or a ban withdraws what has not gone out yet.
    communityId: text("community_id"),
    // Once delivered, the body (with its one-time links) and headers are erased from the outbox.
    bodyRemovedAt: timestamp("body_removed_at", { withTimezone: true }),
  },
  (t) => [index("outbox_created_at_idx").on(t.createdAt), index("outbox_status_idx").on(t.status)],
);
