import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

export const profiles = pgTable("profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  headline: text("headline").notNull().default(""),
  level: text("level", { enum: ["apm", "pm", "senior_pm", "group_pm", "director", "vp", "cpo"] }),
  track: text("track", { enum: ["ic", "manager"] }),
  company: text("company").notNull().default(""),
  timeZone: text("time_zone"),
  version: versionColumn(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
