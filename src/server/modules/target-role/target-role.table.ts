import { date, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "../../auth/auth.table.ts";
import { versionColumn } from "../../db/versioned-write.ts";

// One row per item ever ticked (unticking keeps the row, without a date, so its version goes on); the
// ids come from src/shared/target-roles.ts and span every level step, so a change of level keeps the
// ticks made for another step.
export const targetRoleChecks = pgTable(
  "target_role_checks",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemId: text("item_id").notNull(),
    checkedOn: date("checked_on", { mode: "string" }),
    version: versionColumn(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] })],
);
