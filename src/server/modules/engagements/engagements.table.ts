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
import type {
  ActionItemState,
  Cadence,
  EngagementState,
  IntakeSharePart,
  PlanGoalInput,
} from "../../../shared/engagements.ts";
import type { LaneId } from "../../../shared/lanes.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";
import { decisions } from "../decisions/decisions.table.ts";
import { mentorRequests } from "../mentors/mentors.table.ts";

const tstzrange = customType<{ data: string }>({ dataType: () => "tstzrange" });

export const engagements = pgTable(
  "engagements",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => mentorRequests.id, { onDelete: "cascade" }),
    menteeId: text("mentee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state").$type<EngagementState>().notNull().default("agreeing"),
    goals: text("goals").notNull().default(""),
    cadence: text("cadence").$type<Cadence>().notNull().default("fortnightly"),
    lengthWeeks: integer("length_weeks").notNull().default(12),
    confidentiality: text("confidentiality").notNull().default(""),
    /** Each side's acceptance of the agreement as it stands; any change to it clears both. */
    menteeAcceptedAt: timestamp("mentee_accepted_at", { withTimezone: true }),
    mentorAcceptedAt: timestamp("mentor_accepted_at", { withTimezone: true }),
    intakeQuestions: jsonb("intake_questions").$type<string[]>().notNull().default([]),
    intakeAnswers: jsonb("intake_answers").$type<string[]>().notNull().default([]),
    /** The parts the intake shares with the mentor for the engagement's life, through sharing grants. */
    intakeShared: text("intake_shared").array().$type<IntakeSharePart[]>().notNull().default([]),
    /** Of those, the grants this engagement made (and so removes at close); older ones stay. */
    intakeGranted: text("intake_granted").array().$type<IntakeSharePart[]>().notNull().default([]),
    intakeAnsweredAt: timestamp("intake_answered_at", { withTimezone: true }),
    /** The last time a session was booked (or the engagement began): a stall is measured from here. */
    lastBookedAt: timestamp("last_booked_at", { withTimezone: true }).notNull().defaultNow(),
    closeStartedAt: timestamp("close_started_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One engagement per accepted request, whichever side starts it and however they race.
    uniqueIndex("engagements_request_idx").on(t.requestId),
    index("engagements_mentee_idx").on(t.menteeId),
    index("engagements_mentor_idx").on(t.mentorId),
  ],
);

export const planRevisions = pgTable(
  "engagement_plan_revisions",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    goals: jsonb("goals").$type<PlanGoalInput[]>().notNull(),
    reason: text("reason").notNull().default(""),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Two revisions written from the same one race for the next number: the database lets one through.
  (t) => [uniqueIndex("engagement_plan_revisions_number_idx").on(t.engagementId, t.number)],
);

export const urgentCallKinds = ["offer", "layoff", "conflict", "other"] as const;

/** A 911 call: an urgent dilemma offered to several mentors at once; the first to accept takes it. */
export const urgentCalls = pgTable(
  "urgent_calls",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<(typeof urgentCallKinds)[number]>().notNull(),
    lane: text("lane").$type<LaneId>(),
    dilemma: text("dilemma").notNull(),
    decideBy: timestamp("decide_by", { withTimezone: true }),
    promiseMinutes: integer("promise_minutes").notNull(),
    state: text("state").$type<"open" | "taken" | "unanswered" | "withdrawn">().notNull().default("open"),
    wave: integer("wave").notNull().default(1),
    takenBy: text("taken_by").references(() => users.id, { onDelete: "set null" }),
    takenAt: timestamp("taken_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("urgent_calls_member_idx").on(t.memberId, t.createdAt)],
);

/** Which mentors a call reached, in which wave. */
export const urgentCallOffers = pgTable(
  "urgent_call_offers",
  {
    callId: text("call_id")
      .notNull()
      .references(() => urgentCalls.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    wave: integer("wave").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("urgent_call_offers_pair_idx").on(t.callId, t.mentorId),
    index("urgent_call_offers_mentor_idx").on(t.mentorId),
  ],
);

export const engagementSessions = pgTable(
  "engagement_sessions",
  {
    id: text("id").primaryKey(),
    /** A session belongs to an engagement, or to a 911 call a mentor took. */
    engagementId: text("engagement_id").references(() => engagements.id, { onDelete: "cascade" }),
    urgentCallId: text("urgent_call_id").references(() => urgentCalls.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    menteeId: text("mentee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The booked time as a range, for the exclusion constraint in the migration (no double booking). */
    during: tstzrange("during").generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    agenda: text("agenda").notNull().default(""),
    state: text("state").$type<"booked" | "cancelled">().notNull().default("booked"),
    cancelReason: text("cancel_reason"),
    /** The calendar file's SEQUENCE: one more on every change, so calendars replace the event. */
    sequence: integer("sequence").notNull().default(0),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("engagement_sessions_engagement_idx").on(t.engagementId, t.startsAt),
    index("engagement_sessions_call_idx").on(t.urgentCallId),
    check("engagement_sessions_order", sql`${t.endsAt} > ${t.startsAt}`),
    check("engagement_sessions_owner", sql`(${t.engagementId} is null) <> (${t.urgentCallId} is null)`),
  ],
);

export const engagementNotes = pgTable(
  "engagement_notes",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => engagementSessions.id, { onDelete: "set null" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    shared: boolean("shared").notNull().default(false),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("engagement_notes_engagement_idx").on(t.engagementId, t.createdAt)],
);

export const actionItems = pgTable(
  "engagement_action_items",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    state: text("state").$type<ActionItemState>().notNull(),
    suggestedBy: text("suggested_by").$type<"mentee" | "mentor">().notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("engagement_action_items_engagement_idx").on(t.engagementId, t.createdAt)],
);

export const engagementReviews = pgTable(
  "engagement_reviews",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    side: text("side").$type<"mentee" | "mentor">().notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    text: text("text").notNull(),
    quoteAllowed: boolean("quote_allowed").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One review per side, written once: neither side can take one back or replace it after reading.
    uniqueIndex("engagement_reviews_side_idx").on(t.engagementId, t.side),
    index("engagement_reviews_mentor_idx").on(t.mentorId),
    check("engagement_reviews_rating", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A decision of the mentee's journal shared with the mentor of one engagement, read-only. The mentor
 * reads it while the share is not revoked and the engagement has not closed; the row stays after
 * either, so the journal still shows which engagement helped, with the mentor's comments.
 */
export const decisionShares = pgTable(
  "engagement_decision_shares",
  {
    id: text("id").primaryKey(),
    engagementId: text("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    decisionId: text("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("engagement_decision_shares_pair_idx").on(t.engagementId, t.decisionId),
    index("engagement_decision_shares_decision_idx").on(t.decisionId),
  ],
);

/** The mentor's comments on a shared decision; the mentee reads them in the journal. */
export const decisionComments = pgTable(
  "engagement_decision_comments",
  {
    id: text("id").primaryKey(),
    shareId: text("share_id")
      .notNull()
      .references(() => decisionShares.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("engagement_decision_comments_share_idx").on(t.shareId, t.createdAt)],
);
