import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { CompanyStage, Market, Vantage, WorkKind } from "../../../shared/experience.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

export const portfolioRoles = pgTable(
  "portfolio_roles",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    title: text("title").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    stage: text("stage").$type<CompanyStage>().notNull(),
    market: text("market").$type<Market>().notNull(),
    vantage: text("vantage").$type<Vantage>().notNull(),
    work: jsonb("work").$type<WorkKind[]>().notNull(),
    peopleManaged: integer("people_managed").notNull().default(0),
    wellKnownLogo: boolean("well_known_logo").notNull().default(false),
    notes: text("notes").notNull().default(""),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Home skips through it from one distinct kind of role to the next, so a member with a hundred
    // roles of one kind costs what one role does. The only index on the member's roles: beside a
    // smaller one, the planner would pick the smaller and sort every role.
    index("portfolio_roles_user_kind_idx").on(
      t.userId,
      t.stage,
      t.market,
      t.vantage,
      t.work,
      t.peopleManaged,
      t.wellKnownLogo,
    ),
    check("portfolio_roles_dates_in_order", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check("portfolio_roles_people_managed", sql`${t.peopleManaged} >= 0`),
  ],
);
