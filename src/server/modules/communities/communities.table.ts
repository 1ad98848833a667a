import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type {
  ApplicationState,
  CommunityKind,
  EventMode,
  MemberRole,
  MemberState,
} from "../../../shared/communities.ts";
import type { Delivery } from "../../../shared/notifications.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const communities = pgTable(
  "communities",
  {
    id: text("id").primaryKey(),
    kind: text("kind").$type<CommunityKind>().notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    admissionCriteria: text("admission_criteria").notNull().default(""),
    norms: text("norms").notNull(),
    sizeLimit: integer("size_limit"),
    /** Active members now; moved only by conditional writes, held to the size limit by the check below. */
    memberCount: integer("member_count").notNull().default(0),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("communities_size", sql`${t.sizeLimit} is null or ${t.memberCount} <= ${t.sizeLimit}`),
    check("communities_circle_limit", sql`${t.kind} = 'open' or ${t.sizeLimit} is not null`),
  ],
);

/**
 * The membership grant: inside a community a member reads and writes only while their row is active.
 * Removal, leaving and banning change the state, and every request reads it afresh.
 */
export const communityMembers = pgTable(
  "community_members",
  {
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<MemberRole>().notNull().default("member"),
    state: text("state").$type<MemberState>().notNull().default("active"),
    normsAcceptedAt: timestamp("norms_accepted_at", { withTimezone: true }).notNull(),
    /** Overrides the member's per-kind email choice for this community; null follows it. */
    delivery: text("delivery").$type<Delivery>(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index("community_members_user_idx").on(t.userId, t.state),
  ],
);

export const communityApplications = pgTable(
  "community_applications",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    applicantId: text("applicant_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state").$type<ApplicationState>().notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("community_applications_community_idx").on(t.communityId, t.state),
    // One open application per person and circle, whatever the race.
    uniqueIndex("community_applications_open_idx")
      .on(t.communityId, t.applicantId)
      .where(sql`state in ('pending', 'info_requested', 'admitted')`),
  ],
);

export const communityApplicationMessages = pgTable(
  "community_application_messages",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => communityApplications.id, { onDelete: "cascade" }),
    from: text("sender").$type<"applicant" | "organizer">().notNull(),
    kind: text("kind").$type<"answers" | "question" | "answer" | "decline">().notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("community_application_messages_idx").on(t.applicationId, t.createdAt)],
);

export const communityChannels = pgTable(
  "community_channels",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("community_channels_name_idx").on(t.communityId, sql`lower(${t.name})`)],
);

/** A thread's opening post (thread_id null) and its replies (thread_id set), in one table. */
export const communityPosts = pgTable(
  "community_posts",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    channelId: text("channel_id").references(() => communityChannels.id, { onDelete: "set null" }),
    threadId: text("thread_id"),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title"),
    body: text("body").notNull(),
    hiddenReason: text("hidden_reason").$type<"moderator" | "flags">(),
    replyCount: integer("reply_count").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('english'::regconfig, coalesce("title", '') || ' ' || "body")`,
    ),
    edited: boolean("edited").notNull().default(false),
    version: versionColumn(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("community_posts_search_idx").using("gin", t.search),
    index("community_posts_threads_idx")
      .on(t.communityId, t.lastActivityAt)
      .where(sql`${t.threadId} is null`),
    index("community_posts_replies_idx").on(t.threadId, t.createdAt),
    index("community_posts_author_idx").on(t.communityId, t.authorId, t.createdAt),
  ],
);

/** What a post said before each edit, shown to everyone who may read the post. */
export const communityPostRevisions = pgTable(
  "community_post_revisions",
  {
    id: text("id").primaryKey(),
    postId: text("post_id")
      .notNull()
      .references(() => communityPosts.id, { onDelete: "cascade" }),
    title: text("title"),
    body: text("body").notNull(),
    editorId: text("editor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("community_post_revisions_post_idx").on(t.postId, t.editedAt)],
);

export const communityFlags = pgTable(
  "community_flags",
  {
    postId: text("post_id")
      .notNull()
      .references(() => communityPosts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    trusted: boolean("trusted").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

export const communityModerationLog = pgTable(
  "community_moderation_log",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    action: text("action").$type<"hide" | "unhide" | "auto_hide" | "remove" | "ban" | "role">().notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    targetUserId: text("target_user_id").references(() => users.id, { onDelete: "set null" }),
    postId: text("post_id").references(() => communityPosts.id, { onDelete: "set null" }),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("community_moderation_log_idx").on(t.communityId, t.createdAt)],
);

export const communityEvents = pgTable(
  "community_events",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    mode: text("mode").$type<EventMode>().notNull(),
    url: text("url").notNull().default(""),
    place: text("place").notNull().default(""),
    city: text("city").notNull().default(""),
    timeZone: text("time_zone").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    rrule: text("rrule"),
    capacity: integer("capacity"),
    /** People going now; moved only by conditional writes, held to capacity by the check below. */
    going: integer("going").notNull().default(0),
    /** The calendar SEQUENCE: one more each time the event changes. */
    sequence: integer("sequence").notNull().default(0),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("community_events_community_idx").on(t.communityId, t.startsAt),
    check(
      "community_events_seats",
      sql`${t.going} >= 0 and (${t.capacity} is null or ${t.going} <= ${t.capacity})`,
    ),
    check("community_events_times", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const communityRsvps = pgTable(
  "community_rsvps",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => communityEvents.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status").$type<"going" | "waitlisted">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index("community_rsvps_waitlist_idx").on(t.eventId, t.status, t.createdAt),
  ],
);

/** One reminder per occurrence of an event, however many processes look for due ones. */
export const communityEventReminders = pgTable(
  "community_event_reminders",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => communityEvents.id, { onDelete: "cascade" }),
    occurrence: timestamp("occurrence", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.occurrence] })],
);

/**
 * A member's private calendar feed: the link is the credential (calendar apps cannot sign in), so it is
 * long and random, shown only to its member, and replaced when they reset it.
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text("token").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
