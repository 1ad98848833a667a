import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { LaneEvidence, LaneId } from "../../../shared/lanes.ts";
import { users } from "../../auth/auth.table.ts";

const rating = (name: string) => integer(name).notNull();

export const laneAssessments = pgTable(
  "lane_assessments",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    crafting: rating("crafting"),
    market: rating("market"),
    organizational: rating("organizational"),
    domain: rating("domain"),
    team: rating("team"),
    growth: rating("growth"),
    evidence: jsonb("evidence").$type<LaneEvidence>().notNull(),
    domainName: text("domain_name").notNull().default(""),
    worldClassLane: text("world_class_lane").$type<LaneId>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("lane_assessments_user_created_idx").on(t.userId, t.createdAt),
    check(
      "lane_assessments_ratings_range",
      sql`${t.crafting} between 1 and 5 and ${t.market} between 1 and 5 and ${t.organizational} between 1 and 5 and ${t.domain} between 1 and 5 and ${t.team} between 1 and 5 and ${t.growth} between 1 and 5`,
    ),
  ],
);
