import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { ExperienceKey } from "../../../shared/experience.ts";
import type { LaneId } from "../../../shared/lanes.ts";
import type { MilestoneStatus } from "../../../shared/tours.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

export const tours = pgTable(
  "tours",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    mission: text("mission").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    renegotiateOn: date("renegotiate_on", { mode: "string" }),
    lanes: jsonb("lanes").$type<LaneId[]>().notNull(),
    experiences: jsonb("experiences").$type<ExperienceKey[]>().notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    endReason: text("end_reason"),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tours_user_position_idx").on(t.userId, t.position),
    // Home reads only the tours still open; most of a long-standing member's tours are over.
    index("tours_user_open_idx").on(t.userId, t.endsOn).where(sql`${t.endedOn} is null`),
    check("tours_dates_in_order", sql`${t.endsOn} > ${t.startsOn}`),
    check(
      "tours_renegotiate_within",
      sql`${t.renegotiateOn} is null or ${t.renegotiateOn} between ${t.startsOn} and ${t.endsOn}`,
    ),
    check(
      "tours_ended_within",
      sql`(${t.endedOn} is null and ${t.endReason} is null) or (${t.endedOn} between ${t.startsOn} and ${t.endsOn} and ${t.endReason} is not null)`,
    ),
  ],
);

export const tourMilestones = pgTable(
  "tour_milestones",
  {
    id: text("id").primaryKey(),
    tourId: text("tour_id")
      .notNull()
      .references(() => tours.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").$type<MilestoneStatus>().notNull(),
    doneOn: date("done_on", { mode: "string" }),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tour_milestones_tour_idx").on(t.tourId, t.dueOn),
    check("tour_milestones_status", sql`${t.status} in ('planned', 'in_progress', 'done', 'missed')`),
    check("tour_milestones_done_date", sql`(${t.status} = 'done') = (${t.doneOn} is not null)`),
  ],
);

// The member's order of tours is edited as a whole, so it carries its own version; adding or deleting
// a tour changes the order too. A member who never had a tour has no row (version 0).
export const tourOrders = pgTable("tour_orders", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  version: versionColumn(),
});
