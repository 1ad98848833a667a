import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Delivery, NotificationKind } from "../../../shared/notifications.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import { profiles } from "../profile/profile.table.ts";
import {
  notificationDigests,
  notificationPreferences,
  notificationSettings,
  notifications,
} from "./notifications.table.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, "id">;
export type Page = { page: number; pageSize: number };

export async function insertNotification(db: Db, values: NewNotification) {
  const [row] = await db
    .insert(notifications)
    .values({ id: newId(), ...values })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function listNotificationRows(db: Db, userId: string, { page, pageSize }: Page) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

export async function countNotifications(db: Db, userId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return row?.value ?? 0;
}

/** Answered from the partial index of unread notifications alone. */
export function unreadCountQuery(db: Db, userId: string) {
  return db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function countUnread(db: Db, userId: string) {
  const [row] = await unreadCountQuery(db, userId);
  return row?.value ?? 0;
}

export async function findNotificationRow(db: Db, id: string) {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

export async function markNotificationRead(db: Db, id: string) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(eq(notifications.id, id))
    .returning();
  return row;
}

export async function markAllNotificationsRead(db: Db, userId: string) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function listPreferenceRows(db: Db, userId: string) {
  return db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

export async function findPreference(db: Db, userId: string, kind: NotificationKind) {
  const [row] = await db
    .select({ delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  return row?.delivery;
}

/** The version of a member's email choices; 0 while they never changed any. */
export async function findSettingsVersion(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ version: notificationSettings.version })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return row?.version ?? 0;
}

/** A change from the settings page: based on the version the page read, or refused. */
export async function claimSettingsVersion(db: Db, userId: string, version: number) {
  const row = await writeVersioned(db, notificationSettings, {
    where: eq(notificationSettings.userId, userId),
    version,
    set: { updatedAt: new Date() },
    insert: { userId },
    what: "set of email choices",
  });
  return row.version;
}

/** A change that need not be based on what anyone read (an unsubscribe link): the version moves on. */
export async function bumpSettingsVersion(db: Db, userId: string) {
  await db
    .insert(notificationSettings)
    .values({ userId })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { version: sql`${notificationSettings.version} + 1`, updatedAt: new Date() },
    });
}

export async function upsertPreferences(
  db: Db,
  userId: string,
  choices: { kind: NotificationKind; delivery: Delivery }[],
) {
  if (choices.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(choices.map((choice) => ({ userId, ...choice })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { delivery: sql`excluded.delivery`, updatedAt: new Date() },
    });
}

/** Members with notifications waiting for a digest, with their time zone. */
export async function listDigestRecipients(db: Db) {
  return db
    .selectDistinct({ userId: notifications.userId, timeZone: profiles.timeZone })
    .from(notifications)
    .leftJoin(profiles, eq(profiles.userId, notifications.userId))
    .where(eq(notifications.email, "digest"));
}

/** Claims the member's digest for the day; undefined when it was already claimed, by this process or another. */
export async function claimDigest(tx: Db, userId: string, day: string) {
  const [row] = await tx
    .insert(notificationDigests)
    .values({ id: newId(), userId, day })
    .onConflictDoNothing()
    .returning({ id: notificationDigests.id });
  return row?.id;
}

export async function takeDigestNotifications(tx: Db, userId: string, digestId: string) {
  const rows = await tx
    .update(notifications)
    .set({ email: "digested", digestId })
    .where(and(eq(notifications.userId, userId), eq(notifications.email, "digest")))
    .returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function findEmailOf(db: Db, userId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}
