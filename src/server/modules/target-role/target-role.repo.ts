import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import { targetRoleChecks } from "./target-role.table.ts";

export async function listCheckRows(db: Db, userId: string) {
  return db.select().from(targetRoleChecks).where(eq(targetRoleChecks.userId, userId));
}

/**
 * Ticks or unticks one item at the version the member read. Ticking a ticked item keeps the first
 * date: the date says when the progress was made. Unticking keeps the row, so its version goes on.
 */
export async function writeCheck(
  db: Db,
  userId: string,
  itemId: string,
  checkedOn: string | null,
  version: number,
) {
  return writeVersioned(db, targetRoleChecks, {
    where: and(eq(targetRoleChecks.userId, userId), eq(targetRoleChecks.itemId, itemId)) as SQL,
    version,
    set: {
      checkedOn: checkedOn === null ? null : sql`coalesce(${targetRoleChecks.checkedOn}, ${checkedOn})`,
    },
    insert: { userId, itemId, checkedOn },
    what: "checklist item",
  });
}
