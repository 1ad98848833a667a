import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Delivery, NotificationKind } from "../../../shared/notifications.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    // How its email goes: sent at once, waiting for the daily digest, in a sent digest, or none.
    email: text("email", { enum: ["sent", "digest", "digested", "none"] }).notNull(),
    digestId: text("digest_id"),
    /** The community it came from, if any: leaving or removal takes these away with the membership. */
    communityId: text("community_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    // The header reads the unread count on every page: this keeps it one small index lookup.
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_community_idx").on(t.userId, t.communityId).where(sql`${t.communityId} is not null`),
    index("notifications_digest_due_idx").on(t.userId).where(sql`${t.email} = 'digest'`),
  ],
);

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    delivery: text("delivery").$type<Delivery>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// The version of a member's email choices as a whole: the page saves them together, and an unsubscribe
// link changes them too, so a page opened before either is refused rather than undoing it.
export const notificationSettings = pgTable("notification_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  version: versionColumn(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// One row per member and day a digest went out: the unique key keeps it to one, however many
// processes run the digest at once.
export const notificationDigests = pgTable(
  "notification_digests",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("notification_digests_user_day_idx").on(t.userId, t.day)],
);
