import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type {
  CohortSettings,
  ParticipantRole,
  PublishMode,
  Questionnaire,
  RunPhase,
  RunState,
  RunStep,
  StoredExplanation,
} from "../../../shared/programs.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

export const programs = pgTable("programs", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  publishMode: text("publish_mode").$type<PublishMode>().notNull().default("introduction"),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  version: versionColumn(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The program admin role: one row per person per program, revoked by deleting it. */
export const programAdmins = pgTable(
  "program_admins",
  {
    programId: text("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.userId] }), index("program_admins_user_idx").on(t.userId)],
);

export const programCohorts = pgTable(
  "program_cohorts",
  {
    id: text("id").primaryKey(),
    programId: text("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    settings: jsonb("settings").$type<CohortSettings>().notNull(),
    /** The finished run whose pairs are reviewed and published. */
    currentRunId: text("current_run_id"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("program_cohorts_program_idx").on(t.programId, t.startsOn),
    check("program_cohorts_dates", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const programParticipants = pgTable(
  "program_participants",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => programCohorts.id, { onDelete: "cascade" }),
    /** Lower-cased: the participant joins with the Sidecar account confirmed at this address. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<ParticipantRole>().notNull(),
    /** Who this person reports to, by email, for the reporting-line rule. */
    managerEmail: text("manager_email"),
    /** Seats a mentor offers in this cohort. */
    capacity: integer("capacity").notNull().default(0),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    questionnaire: jsonb("questionnaire").$type<Questionnaire>(),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    importedLine: integer("imported_line"),
    /** One more on each change to the seats (a re-import or a seat change), so a stale seat change is refused. */
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("program_participants_email_idx").on(t.cohortId, t.email),
    index("program_participants_user_idx").on(t.userId),
    check("program_participants_capacity", sql`${t.capacity} between 0 and 20`),
  ],
);

/** Every change the program admin makes to a result, with who and why; pins and forbids feed the re-solve. */
export const programOverrides = pgTable(
  "program_overrides",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => programCohorts.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"pin" | "forbid" | "capacity">().notNull(),
    menteeId: text("mentee_id").references(() => programParticipants.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id").references(() => programParticipants.id, { onDelete: "cascade" }),
    capacity: integer("capacity"),
    reason: text("reason").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("program_overrides_cohort_idx").on(t.cohortId, t.createdAt)],
);

export const programRuns = pgTable(
  "program_runs",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => programCohorts.id, { onDelete: "cascade" }),
    state: text("state").$type<RunState>().notNull().default("queued"),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    phase: text("phase").$type<RunPhase>().notNull().default("queued"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    /** Every phase reached so far with its latest figures, so a phase that lasts a blink still shows. */
    steps: jsonb("steps").$type<RunStep[]>().notNull().default([]),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    /** The run whose duals this one started from, after an override. */
    previousRunId: text("previous_run_id"),
    menteeCount: integer("mentee_count"),
    mentorCount: integer("mentor_count"),
    feasiblePairs: integer("feasible_pairs"),
    excludedBy: jsonb("excluded_by").$type<Record<string, number>>(),
    matched: integer("matched"),
    score: integer("score"),
    greedyMatched: integer("greedy_matched"),
    greedyScore: integer("greedy_score"),
    certified: boolean("certified"),
    solveMs: integer("solve_ms"),
    /** The dual certificate, by participant id, kept to warm-start the next solve. */
    duals: jsonb("duals").$type<{
      mode: "participation" | "score";
      menteeCount: number;
      mentee: Record<string, number>;
      mentor: Record<string, number>;
    }>(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("program_runs_cohort_idx").on(t.cohortId, t.createdAt),
    // One run per cohort at a time, whichever process starts it.
    uniqueIndex("program_runs_one_live_idx").on(t.cohortId).where(sql`state in ('queued', 'running')`),
  ],
);

export const programPairs = pgTable(
  "program_pairs",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => programRuns.id, { onDelete: "cascade" }),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => programCohorts.id, { onDelete: "cascade" }),
    menteeId: text("mentee_id")
      .notNull()
      .references(() => programParticipants.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => programParticipants.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    pinned: boolean("pinned").notNull().default(false),
    explanation: jsonb("explanation").$type<StoredExplanation>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Set when the pair became a mentoring request at publish. */
    mentorRequestId: text("mentor_request_id"),
    /** Each side confirms the match; for health's "accepted". */
    menteeAcceptedAt: timestamp("mentee_accepted_at", { withTimezone: true }),
    mentorAcceptedAt: timestamp("mentor_accepted_at", { withTimezone: true }),
  },
  (t) => [
    index("program_pairs_run_idx").on(t.runId, t.score),
    uniqueIndex("program_pairs_mentee_idx").on(t.runId, t.menteeId),
    index("program_pairs_cohort_idx").on(t.cohortId, t.publishedAt),
  ],
);

/** A day a pair met, as either side recorded it: a date only, never what was said. */
export const programMeetings = pgTable(
  "program_meetings",
  {
    id: text("id").primaryKey(),
    pairId: text("pair_id")
      .notNull()
      .references(() => programPairs.id, { onDelete: "cascade" }),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => programCohorts.id, { onDelete: "cascade" }),
    metOn: date("met_on", { mode: "string" }).notNull(),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("program_meetings_pair_day_idx").on(t.pairId, t.metOn),
    index("program_meetings_cohort_idx").on(t.cohortId, t.metOn),
  ],
);
