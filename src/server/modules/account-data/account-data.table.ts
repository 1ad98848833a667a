import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { AccountExportState } from "../../../shared/account-data-words.ts";
import { users } from "../../auth/auth.table.ts";

/**
 * A member's export of all their own data, built by a job. The file is kept here (not on disk) so any
 * app process can hand it out, and only until `expiresAt`; deleting the account deletes it too.
 */
export const accountExports = pgTable(
  "account_exports",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state").$type<AccountExportState>().notNull().default("queued"),
    sectionsDone: integer("sections_done").notNull().default(0),
    sectionsTotal: integer("sections_total").notNull(),
    /** The export as JSON text, and the story as Markdown; null until ready and after expiry. */
    content: text("content"),
    storyMarkdown: text("story_markdown"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("account_exports_user_idx").on(t.userId, t.createdAt)],
);

/**
 * The stand-in for a deleted account: a user row with no email of theirs, no password and no profile,
 * named "A former member", that keeps what other people own pointing somewhere (a circle's threads,
 * the other side of an engagement). The member's own account row is deleted, with everything of theirs.
 */
export const formerMembers = pgTable("former_members", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
});
