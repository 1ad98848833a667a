import { date, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type {
  ActThreeInput,
  NextJobInput,
  NorthStarInput,
  SkipJobInput,
} from "../../../shared/career-plan.ts";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

// One plan per member. Each part is validated as a whole at the boundary and saved as a whole,
// so it lives in one jsonb value rather than a column per field.
export const careerPlans = pgTable("career_plans", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  northStar: jsonb("north_star").$type<NorthStarInput>(),
  northStarReachedOn: date("north_star_reached_on", { mode: "string" }),
  skipJob: jsonb("skip_job").$type<SkipJobInput>(),
  nextJob: jsonb("next_job").$type<NextJobInput>(),
  actThree: jsonb("act_three").$type<ActThreeInput>(),
  version: versionColumn(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
