import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { FeedbackQuestion } from "../../../shared/feedback.ts";
import type { LaneId } from "../../../shared/lanes.ts";
import type { SuperpowerKey } from "../../../shared/superpowers.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

/** Per question: how many givers answered it and wait in the pool, and how many have been shown. */
export type QuestionTallies = Record<string, { pending: number; released: number }>;
/** Each question's reflection is edited on its own, so it carries its own version (none yet: 0). */
export type Reflections = Record<string, { heard: string; readOn: string | null; version?: number }>;

export const feedbackRequests = pgTable(
  "feedback_requests",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // A short name for the request, shown as its heading; requests from before titles have none.
    title: text("title"),
    purpose: text("purpose").notNull(),
    questions: jsonb("questions").$type<FeedbackQuestion[]>().notNull(),
    lanes: jsonb("lanes").$type<LaneId[]>().notNull(),
    minResponses: integer("min_responses").notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    // Counts the owner's changes to the settings (closing date, k, closing); answers leave it alone.
    version: versionColumn(),
    responseCount: integer("response_count").notNull().default(0),
    openedOn: date("opened_on", { mode: "string" }),
    tallies: jsonb("tallies").$type<QuestionTallies>().notNull().default({}),
    reflections: jsonb("reflections").$type<Reflections>().notNull().default({}),
    reminderSentOn: date("reminder_sent_on", { mode: "string" }),
    thankedOn: date("thanked_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("feedback_requests_user_created_idx").on(t.userId, t.createdAt),
    check("feedback_requests_min_responses_range", sql`${t.minResponses} between 3 and 10`),
  ],
);

// The receiver's side of a link: who was asked. Nothing here points at what anyone wrote.
export const feedbackInvitations = pgTable(
  "feedback_invitations",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    // The first email's link, kept valid after the one reminder brings a new one; both are used up together.
    previousTokenHash: text("previous_token_hash").unique(),
    email: text("email"),
    // The newest link for this address is not in the outbox yet; inviting the address again sends it.
    mailPending: boolean("mail_pending").notNull().default(false),
    usedOn: date("used_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("feedback_invitations_request_idx").on(t.requestId),
    uniqueIndex("feedback_invitations_request_email_idx").on(t.requestId, t.email),
  ],
);

// One row per paragraph or rating, never per response: there is no row that holds "one giver's answers".
// No date, no sequence, no link to an invitation; see docs/feedback-anonymity.md.
export const feedbackAnswers = pgTable(
  "feedback_answers",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    rating: integer("rating"),
    body: text("body"),
    released: boolean("released").notNull().default(false),
  },
  (t) => [
    index("feedback_answers_request_idx").on(t.requestId, t.released),
    check("feedback_answers_rating_range", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

export const superpowerChoices = pgTable("superpower_choices", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  superpowers: jsonb("superpowers").$type<SuperpowerKey[]>().notNull(),
  responses: jsonb("responses").$type<Partial<Record<SuperpowerKey, string>>>().notNull().default({}),
  version: versionColumn(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
