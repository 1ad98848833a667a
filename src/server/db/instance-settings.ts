import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";
import type { Db } from "./open.ts";

export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

// Kept in the database so every app process on one PostgreSQL signs sessions with the same secret.
export async function loadAuthSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(instanceSettings)
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, "auth_secret"));
  if (!row) throw new Error("The instance secret could not be stored.");
  return row.value;
}

const instanceAdminKey = "instance_admin";

/**
 * Claims the instance for the account about to be created, when no account exists yet. The claim is
 * one row under a primary key, so of two first sign-ups racing exactly one wins: the database decides,
 * not the order in which the processes looked. An instance that already has accounts is never claimed.
 */
export async function claimFreshInstance(db: Db, userId: string): Promise<boolean> {
  const result = await db.execute(sql`
    insert into instance_settings (key, value)
    select ${instanceAdminKey}, ${userId}
    where not exists (select 1 from users)
    on conflict (key) do nothing
    returning key`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

/** Marks the instance as set up, so no later sign-up becomes its administrator (tests, seeded demos). */
export async function markInstanceClaimed(db: Db): Promise<void> {
  await db.insert(instanceSettings).values({ key: instanceAdminKey, value: "" }).onConflictDoNothing();
}
