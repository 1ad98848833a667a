import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import {
  type AgendaState,
  agendaStates,
  type Cadence,
  type CheckInArea,
  cadences,
  checkInAreas,
  type LinkState,
  linkStates,
} from "../../../shared/manager-words.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(", ")})`);

// An invitation names the report by email, so inviting answers the same whether or not the address
// has an account; the report's id is set when they accept.
export const managerLinks = pgTable(
  "manager_links",
  {
    id: text("id").primaryKey(),
    managerId: text("manager_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reportId: text("report_id").references(() => users.id, { onDelete: "cascade" }),
    reportEmail: text("report_email").notNull(),
    state: text("state").$type<LinkState>().notNull().default("invited"),
    cadence: text("cadence").$type<Cadence>(),
    proposedCadence: text("proposed_cadence").$type<Cadence>(),
    proposedBy: text("proposed_by").$type<"manager" | "report">(),
    nextReminderAt: timestamp("next_reminder_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    // One manager at a time: the database refuses a second active link for a report, under any race.
    uniqueIndex("manager_links_one_manager_idx").on(t.reportId).where(sql`state = 'active'`),
    // One open invitation or link per manager and address.
    uniqueIndex("manager_links_open_pair_idx")
      .on(t.managerId, t.reportEmail)
      .where(sql`state in ('invited', 'active')`),
    index("manager_links_email_idx").on(t.reportEmail),
    index("manager_links_manager_idx").on(t.managerId),
    check("manager_links_state", oneOf("state", linkStates)),
    check("manager_links_cadence", sql`cadence is null or ${oneOf("cadence", cadences)}`),
    check(
      "manager_links_proposed_cadence",
      sql`proposed_cadence is null or ${oneOf("proposed_cadence", cadences)}`,
    ),
    check("manager_links_not_self", sql`report_id is null or report_id <> manager_id`),
  ],
);

// What the report invites the manager into; deleting the row revokes it on the next request.
export const checkInAreaShares = pgTable(
  "check_in_area_shares",
  {
    id: text("id").primaryKey(),
    linkId: text("link_id")
      .notNull()
      .references(() => managerLinks.id, { onDelete: "cascade" }),
    area: text("area").$type<CheckInArea>().notNull(),
    /** The record shared (a tour, a decision…), or '' for a whole part (lanes, story). */
    targetId: text("target_id").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("check_in_area_shares_unique_idx").on(t.linkId, t.area, t.targetId),
    check("check_in_area_shares_area", oneOf("area", checkInAreas)),
  ],
);

export const checkIns = pgTable(
  "check_ins",
  {
    id: text("id").primaryKey(),
    linkId: text("link_id")
      .notNull()
      .references(() => managerLinks.id, { onDelete: "cascade" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    helpWith: text("help_with").notNull().default(""),
    managerPlan: text("manager_plan").notNull().default(""),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("check_ins_link_idx").on(t.linkId, t.heldOn)],
);

export const checkInComments = pgTable(
  "check_in_comments",
  {
    id: text("id").primaryKey(),
    checkInId: text("check_in_id")
      .notNull()
      .references(() => checkIns.id, { onDelete: "cascade" }),
    author: text("author").$type<"manager" | "report">().notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("check_in_comments_check_in_idx").on(t.checkInId, t.createdAt),
    check("check_in_comments_author", sql`author in ('manager', 'report')`),
  ],
);

export const agendaItems = pgTable(
  "check_in_agenda_items",
  {
    id: text("id").primaryKey(),
    checkInId: text("check_in_id")
      .notNull()
      .references(() => checkIns.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    state: text("state").$type<AgendaState>().notNull(),
    suggestedBy: text("suggested_by").$type<"manager" | "report">().notNull(),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("check_in_agenda_items_check_in_idx").on(t.checkInId, t.createdAt),
    check("check_in_agenda_items_state", oneOf("state", agendaStates)),
    check("check_in_agenda_items_by", sql`suggested_by in ('manager', 'report')`),
  ],
);
