import { and, asc, eq } from "drizzle-orm";
import type { SharePart } from "../../../shared/sharing.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { shareGrants } from "./sharing.table.ts";

export type ShareGrantRow = typeof shareGrants.$inferSelect;

/** Emails are compared lower-cased on both sides, as people type them in any case. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export async function insertShareGrants(db: Db, ownerId: string, granteeEmail: string, parts: SharePart[]) {
  // Sharing a part again with the same person keeps the first grant and its date.
  await db
    .insert(shareGrants)
    .values(parts.map((part) => ({ id: newId(), ownerId, granteeEmail: normalEmail(granteeEmail), part })))
    .onConflictDoNothing();
}

export async function listGrantRowsOf(db: Db, ownerId: string) {
  return db
    .select()
    .from(shareGrants)
    .where(eq(shareGrants.ownerId, ownerId))
    .orderBy(asc(shareGrants.granteeEmail), asc(shareGrants.createdAt), asc(shareGrants.part));
}

export async function findGrantRow(db: Db, id: string) {
  const [row] = await db.select().from(shareGrants).where(eq(shareGrants.id, id));
  return row;
}

export async function deleteGrantRow(db: Db, id: string, ownerId: string) {
  const deleted = await db
    .delete(shareGrants)
    .where(and(eq(shareGrants.id, id), eq(shareGrants.ownerId, ownerId)))
    .returning({ id: shareGrants.id });
  return deleted.length > 0;
}

/** The parts `ownerId` shares with the holder of `granteeEmail` right now; a disabled owner shares nothing. */
export async function listSharedParts(db: Db, ownerId: string, granteeEmail: string): Promise<SharePart[]> {
  const rows = await db
    .select({ part: shareGrants.part })
    .from(shareGrants)
    .innerJoin(users, eq(users.id, shareGrants.ownerId))
    .where(
      and(
        eq(shareGrants.ownerId, ownerId),
        eq(shareGrants.granteeEmail, normalEmail(granteeEmail)),
        eq(users.disabled, false),
      ),
    );
  return rows.map((row) => row.part);
}

/** Every grant made to `granteeEmail`, with the name and email of the member who made it. */
export async function listGrantsTo(db: Db, granteeEmail: string) {
  return db
    .select({
      ownerId: shareGrants.ownerId,
      ownerName: users.name,
      ownerEmail: users.email,
      part: shareGrants.part,
      createdAt: shareGrants.createdAt,
    })
    .from(shareGrants)
    .innerJoin(users, eq(users.id, shareGrants.ownerId))
    .where(and(eq(shareGrants.granteeEmail, normalEmail(granteeEmail)), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(shareGrants.createdAt));
}

export async function findSharer(db: Db, ownerId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, ownerId));
  return row;
}
