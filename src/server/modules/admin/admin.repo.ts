import { and, count, desc, eq, ilike, notExists, or } from "drizzle-orm";
import { sessions, users } from "../../auth/auth.table.ts";
import type { Db } from "../../db/open.ts";
import { formerMembers } from "../account-data/account-data.table.ts";
import { outbox } from "../mail/outbox.table.ts";

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  emailVerified: users.emailVerified,
  disabled: users.disabled,
  twoFactorEnabled: users.twoFactorEnabled,
  createdAt: users.createdAt,
};

export type Page = { page: number; pageSize: number };

export async function listUserRows(db: Db, query: string, { page, pageSize }: Page) {
  const pattern = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  // The stand-ins of deleted accounts ("A former member") are no one to manage.
  const people = notExists(db.select().from(formerMembers).where(eq(formerMembers.userId, users.id)));
  const where = query ? and(people, or(ilike(users.email, pattern), ilike(users.name, pattern))) : people;
  const [rows, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function findUserRow(db: Db, id: string) {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function findUserRowByEmail(db: Db, email: string) {
  const [row] = await db.select(userColumns).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function setUserDisabled(db: Db, id: string, disabled: boolean) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabled, updatedAt: new Date() }).where(eq(users.id, id));
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
  });
}

export async function setUserRole(db: Db, id: string, role: "member" | "admin") {
  await db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id));
}

export async function markEmailVerified(db: Db, id: string) {
  await db.update(users).set({ emailVerified: true, updatedAt: new Date() }).where(eq(users.id, id));
}

const outboxSummary = {
  id: outbox.id,
  kind: outbox.kind,
  to: outbox.to,
  subject: outbox.subject,
  status: outbox.status,
  createdAt: outbox.createdAt,
  bodyRemovedAt: outbox.bodyRemovedAt,
};

export async function listOutboxRows(db: Db, { page, pageSize }: Page) {
  const [rows, [total]] = await Promise.all([
    db
      .select(outboxSummary)
      .from(outbox)
      .orderBy(desc(outbox.createdAt), outbox.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(outbox),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function findOutboxRow(db: Db, id: string) {
  const [row] = await db
    .select({
      ...outboxSummary,
      text: outbox.text,
      html: outbox.html,
      error: outbox.error,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(eq(outbox.id, id));
  return row;
}
