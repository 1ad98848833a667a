import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { type SharePart, shareParts } from "../../../shared/sharing.ts";
import { users } from "../../auth/auth.table.ts";

// A grant names the grantee by email, not by account, so sharing with an address answers the same
// whether or not it has an account: the grant reaches whoever signs in with that confirmed address.
export const shareGrants = pgTable(
  "share_grants",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    granteeEmail: text("grantee_email").notNull(),
    part: text("part").$type<SharePart>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("share_grants_owner_grantee_part_idx").on(t.ownerId, t.granteeEmail, t.part),
    index("share_grants_grantee_idx").on(t.granteeEmail),
    check("share_grants_part", sql.raw(`part in (${shareParts.map((part) => `'${part}'`).join(", ")})`)),
  ],
);
