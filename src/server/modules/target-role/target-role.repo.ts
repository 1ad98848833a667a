import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/open.ts";
import { targetRoleChecks } from "./target-role.table.ts";

export async function listCheckRows(db: Db, userId: string) {
  return db.select().from(targetRoleChecks).where(eq(targetRoleChecks.userId, userId));
}

/** Ticking twice keeps the first date: the date says when the progress was made. */
export async function tickCheck(db: Db, userId: string, itemId: string, checkedOn: string) {
  // One statement, so an untick arriving in between cannot leave nothing to return.
  const [row] = await db
    .insert(targetRoleChecks)
    .values({ userId, itemId, checkedOn })
    .onConflictDoUpdate({
      target: [targetRoleChecks.userId, targetRoleChecks.itemId],
      set: { checkedOn: sql`${targetRoleChecks.checkedOn}` },
    })
    .returning();
  if (!row) throw new Error("an upsert always returns its row");
  return row;
}

export async function untickCheck(db: Db, userId: string, itemId: string) {
  await db
    .delete(targetRoleChecks)
    .where(and(eq(targetRoleChecks.userId, userId), eq(targetRoleChecks.itemId, itemId)));
}
