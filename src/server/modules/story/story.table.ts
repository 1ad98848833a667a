import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { LaneId } from "../../../shared/lanes.ts";
import type { Cadence, ThoughtKind } from "../../../shared/story.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";
import { portfolioRoles } from "../portfolio/portfolio.table.ts";

export const storyEntries = pgTable(
  "story_entries",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // A role removed from the portfolio leaves the story in place, unlinked.
    portfolioRoleId: text("portfolio_role_id").references(() => portfolioRoles.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    actions: text("actions").notNull(),
    skills: jsonb("skills").$type<LaneId[]>().notNull(),
    headwinds: text("headwinds").notNull().default(""),
    overcome: text("overcome").notNull().default(""),
    result: text("result").notNull().default(""),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("story_entries_user_idx").on(t.userId, t.createdAt)],
);

/** One press release per member, saved on first write (version 0 before). */
export const pressReleases = pgTable("press_releases", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  headline: text("headline").notNull().default(""),
  subhead: text("subhead").notNull().default(""),
  problem: text("problem").notNull().default(""),
  whatIDid: text("what_i_did").notNull().default(""),
  quote: text("quote").notNull().default(""),
  quoteBy: text("quote_by").notNull().default(""),
  whatsNext: text("whats_next").notNull().default(""),
  entryIds: jsonb("entry_ids").$type<string[]>().notNull(),
  version: versionColumn(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const thoughtLeadershipItems = pgTable(
  "thought_leadership_items",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ThoughtKind>().notNull(),
    title: text("title").notNull(),
    venue: text("venue").notNull().default(""),
    link: text("link").notNull().default(""),
    happenedOn: date("happened_on", { mode: "string" }).notNull(),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("thought_leadership_items_user_idx").on(t.userId, t.happenedOn),
    check("thought_leadership_items_kind", sql`${t.kind} in ('post', 'talk', 'answer')`),
  ],
);

/**
 * The cadence a member sets, and the due day a reminder was last sent for, so a slip is reminded of
 * once, not on every tick.
 */
export const thoughtLeadershipCadences = pgTable("thought_leadership_cadences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  cadence: text("cadence").$type<Cadence>(),
  remindedForDueOn: date("reminded_for_due_on", { mode: "string" }),
  startedOn: date("started_on", { mode: "string" }).notNull(),
  version: versionColumn(),
});
