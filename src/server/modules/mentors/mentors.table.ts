import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { LaneId } from "../../../shared/lanes.ts";
import type {
  AvailabilityRule,
  AwayPeriod,
  MentorStyle,
  ProofKind,
  RequestState,
} from "../../../shared/mentors.ts";
import type { Level } from "../../../shared/profile.ts";
import type { SharePart } from "../../../shared/sharing.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";
import { programCohorts } from "../programs/programs.table.ts";

const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

export type ProofItem = { kind: ProofKind; title: string; url: string | null };

export const mentorProfiles = pgTable(
  "mentor_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    headline: text("headline").notNull(),
    about: text("about").notNull().default(""),
    lanes: text("lanes").array().$type<LaneId[]>().notNull(),
    levels: text("levels").array().$type<Level[]>().notNull(),
    style: text("style").$type<MentorStyle>().notNull(),
    capacity: integer("capacity").notNull(),
    /** Accepted mentees now; moved only by conditional writes, and the check below holds it to capacity. */
    activeMentees: integer("active_mentees").notNull().default(0),
    timeZone: text("time_zone").notNull(),
    weekly: jsonb("weekly").$type<AvailabilityRule[]>().notNull().default([]),
    away: jsonb("away").$type<AwayPeriod[]>().notNull().default([]),
    proof: jsonb("proof").$type<ProofItem[]>().notNull().default([]),
    responseHours: integer("response_hours").notNull(),
    urgentCalls: boolean("urgent_calls").notNull().default(false),
    showPortfolio: boolean("show_portfolio").notNull().default(true),
    paused: boolean("paused").notNull().default(false),
    pausedReason: text("paused_reason").$type<"manual" | "unresponsive">(),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    /** Expiries before the last resume do not count toward pausing again. */
    resumedAt: timestamp("resumed_at", { withTimezone: true }),
    /** What free-text search reads: name, headline, about, proof and lanes, written with the profile. */
    searchText: text("search_text").notNull().default(""),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('english'::regconfig, "search_text")`),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }).notNull().defaultNow(),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mentor_profiles_search_idx").using("gin", t.search),
    check("mentor_profiles_seats", sql`${t.activeMentees} >= 0 and ${t.activeMentees} <= ${t.capacity}`),
    check("mentor_profiles_capacity", sql`${t.capacity} between 1 and 20`),
  ],
);

export const mentorRequests = pgTable(
  "mentor_requests",
  {
    id: text("id").primaryKey(),
    menteeId: text("mentee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state").$type<RequestState>().notNull().default("pending"),
    share: text("share").array().$type<SharePart[]>().notNull().default([]),
    /** The last time the request reached the mentor; its 48 hours run from here. Null while the mentee owes an answer. */
    reachedMentorAt: timestamp("reached_mentor_at", { withTimezone: true }),
    /** How many times it reached the mentor, so each reach has its own expiry job. */
    reachCount: integer("reach_count").notNull().default(1),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Set when a program's published match made this request; null for a request a member sent. */
    programCohortId: text("program_cohort_id").references(() => programCohorts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mentor_requests_mentee_idx").on(t.menteeId, t.state),
    index("mentor_requests_mentor_idx").on(t.mentorId, t.state),
    // One live request between two people at a time, whatever the race.
    uniqueIndex("mentor_requests_live_pair_idx")
      .on(t.menteeId, t.mentorId)
      .where(sql`state in ('pending', 'info_requested', 'accepted')`),
    check("mentor_requests_not_self", sql`${t.menteeId} <> ${t.mentorId}`),
  ],
);

export const mentorRequestMessages = pgTable(
  "mentor_request_messages",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => mentorRequests.id, { onDelete: "cascade" }),
    from: text("sender").$type<"mentee" | "mentor">().notNull(),
    kind: text("kind").$type<"request" | "question" | "answer" | "decline">().notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mentor_request_messages_request_idx").on(t.requestId, t.createdAt)],
);

/** How long a mentor took to answer each time a request reached them: measured, never estimated. */
export const mentorResponses = pgTable(
  "mentor_responses",
  {
    id: text("id").primaryKey(),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestId: text("request_id")
      .notNull()
      .references(() => mentorRequests.id, { onDelete: "cascade" }),
    seconds: integer("seconds").notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mentor_responses_mentor_idx").on(t.mentorId, t.respondedAt)],
);

export const mentoringLog = pgTable(
  "mentoring_log",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    menteeName: text("mentee_name").notNull(),
    where: text("where_mentored").$type<"sidecar" | "outside">().notNull(),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    focus: text("focus").notNull().default(""),
    handedOver: text("handed_over").notNull().default(""),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mentoring_log_user_idx").on(t.userId, t.startedOn),
    check("mentoring_log_dates", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);
