import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const jobStates = ["queued", "running", "done", "dead"] as const;
export type JobState = (typeof jobStates)[number];

export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    // Names one occurrence ("feedback.close:<request id>"): while a job with the key waits, runs or is
    // done, the same key is not queued again; a dead job frees it.
    key: text("key"),
    state: text("state", { enum: jobStates }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    // A running job whose lease has passed belonged to a process that stopped: another one takes it.
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    claimToken: text("claim_token"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("jobs_due_idx").on(t.state, t.runAt),
    uniqueIndex("jobs_key_idx").on(t.key).where(sql`${t.state} <> 'dead'`),
  ],
);
