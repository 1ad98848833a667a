import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { EquityInput, HealthCheckInput, HealthSubject } from "../../../shared/health-check.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";
import { decisions } from "../decisions/decisions.table.ts";

export const healthChecks = pgTable(
  "company_health_checks",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    subject: text("subject").$type<HealthSubject>().notNull(),
    signs: jsonb("signs").$type<HealthCheckInput["signs"]>().notNull(),
    signNotes: text("sign_notes").notNull().default(""),
    equity: jsonb("equity").$type<EquityInput | null>(),
    reasons: jsonb("reasons").$type<HealthCheckInput["reasons"]>().notNull(),
    // A deleted decision leaves the check in place, unlinked.
    decisionId: text("decision_id").references(() => decisions.id, { onDelete: "set null" }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("company_health_checks_user_idx").on(t.userId, t.createdAt)],
);
