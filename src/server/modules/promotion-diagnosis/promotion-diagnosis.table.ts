import { date, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type {
  AnswerValue,
  Diagnosis,
  DiagnosisQuestionId,
  MoveKind,
} from "../../../shared/promotion-diagnosis.ts";
import { users } from "../../auth/auth.table.ts";

/**
 * Each run of the check is kept as it was, with the verdicts and the evidence of that day, so the
 * history shows how the picture changed. A run is never edited; the moves made from it are added.
 */
export const promotionDiagnoses = pgTable(
  "promotion_diagnoses",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    takenOn: date("taken_on", { mode: "string" }).notNull(),
    answers: jsonb("answers").$type<Partial<Record<DiagnosisQuestionId, AnswerValue>>>().notNull(),
    monthsAtLevel: integer("months_at_level"),
    developmentArea: text("development_area").notNull().default(""),
    notes: text("notes").notNull().default(""),
    causes: jsonb("causes").$type<Diagnosis["causes"]>().notNull(),
    summary: text("summary").notNull(),
    created: jsonb("created")
      .$type<{ kind: MoveKind; id: string; label: string; createdAt: string }[]>()
      .notNull()
      .default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("promotion_diagnoses_user_idx").on(t.userId, t.createdAt)],
);
