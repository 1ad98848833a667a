import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

export type DecisionOption = { label: string; servesSkipJob: string };

export const decisions = pgTable(
  "decisions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dilemma: text("dilemma").notNull(),
    options: jsonb("options").$type<DecisionOption[]>().notNull(),
    decision: text("decision").notNull(),
    reason: text("reason").notNull().default(""),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    revisitOn: date("revisit_on", { mode: "string" }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("decisions_user_idx").on(t.userId, t.decidedOn),
    // The decisions due for a revisit, in the order home and the journal show them, without the rest.
    index("decisions_user_revisit_idx")
      .on(t.userId, t.revisitOn, t.decidedOn, t.id)
      .where(sql`${t.revisitOn} is not null`),
    check("decisions_revisit_after_decided", sql`${t.revisitOn} is null or ${t.revisitOn} > ${t.decidedOn}`),
  ],
);

export const decisionRevisits = pgTable(
  "decision_revisits",
  {
    id: text("id").primaryKey(),
    decisionId: text("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    revisitedOn: date("revisited_on", { mode: "string" }).notNull(),
    outcome: text("outcome").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decision_revisits_decision_idx").on(t.decisionId, t.revisitedOn)],
);
