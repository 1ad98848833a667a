import { and, asc, desc, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import { users } from "../../auth/auth.table.ts";
import type { Db } from "../../db/open.ts";
import {
  communities,
  communityApplicationMessages,
  communityApplications,
  communityEvents,
  communityMembers,
  communityPosts,
  communityRsvps,
} from "../communities/communities.table.ts";
import { profileColumns } from "../profile/profile.repo.ts";
import { profiles } from "../profile/profile.table.ts";
import { accountExports, formerMembers } from "./account-data.table.ts";

export type AccountExportRow = typeof accountExports.$inferSelect;

/** The member as a signed-in request would see them, for the export job (which has no request). */
export async function findMemberForExport(db: Db, userId: string) {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      emailVerified: users.emailVerified,
      twoFactorEnabled: users.twoFactorEnabled,
      role: users.role,
      createdAt: users.createdAt,
      ...profileColumns,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

export async function findLatestExport(db: Db, userId: string) {
  const [row] = await db
    .select()
    .from(accountExports)
    .where(eq(accountExports.userId, userId))
    .orderBy(desc(accountExports.createdAt))
    .limit(1);
  return row;
}

export async function findExportStatus(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: accountExports.id,
      state: accountExports.state,
      sectionsDone: accountExports.sectionsDone,
      sectionsTotal: accountExports.sectionsTotal,
      createdAt: accountExports.createdAt,
      readyAt: accountExports.readyAt,
      expiresAt: accountExports.expiresAt,
    })
    .from(accountExports)
    .where(eq(accountExports.userId, userId))
    .orderBy(desc(accountExports.createdAt))
    .limit(1);
  return row;
}

export async function findExportRow(db: Db, id: string) {
  const [row] = await db.select().from(accountExports).where(eq(accountExports.id, id));
  return row;
}

export async function insertExport(db: Db, row: typeof accountExports.$inferInsert) {
  await db.insert(accountExports).values(row);
}

/** Only a running export moves on: one that was deleted with its account stays gone. */
export async function markExportProgress(db: Db, id: string, sectionsDone: number) {
  await db
    .update(accountExports)
    .set({ state: "running", sectionsDone })
    .where(and(eq(accountExports.id, id), inArray(accountExports.state, ["queued", "running"])));
}

export async function markExportReady(
  db: Db,
  id: string,
  values: { content: string; storyMarkdown: string; readyAt: Date; expiresAt: Date; sectionsDone: number },
) {
  const rows = await db
    .update(accountExports)
    .set({ state: "ready", ...values })
    .where(and(eq(accountExports.id, id), inArray(accountExports.state, ["queued", "running"])))
    .returning({ id: accountExports.id });
  return rows.length > 0;
}

export async function markExportFailed(db: Db, id: string) {
  await db.update(accountExports).set({ state: "failed" }).where(eq(accountExports.id, id));
}

/** Finished files past their date are emptied; the row stays so the page can say it expired. */
export async function expireExports(db: Db, now: Date) {
  await db
    .update(accountExports)
    .set({ state: "expired", content: null, storyMarkdown: null })
    .where(and(eq(accountExports.state, "ready"), lt(accountExports.expiresAt, now)));
}

/** A member's older exports go when a new one starts: one file at a time is kept. */
export async function deleteOlderExports(db: Db, userId: string, keepId: string) {
  await db
    .delete(accountExports)
    .where(and(eq(accountExports.userId, userId), ne(accountExports.id, keepId)));
}

// Communities, as the member's own: only what they wrote or chose, never others' posts.

export async function listMyMemberships(db: Db, userId: string) {
  return db
    .select({
      communityId: communityMembers.communityId,
      communityName: communities.name,
      kind: communities.kind,
      role: communityMembers.role,
      state: communityMembers.state,
      joinedAt: communityMembers.joinedAt,
      leftAt: communityMembers.leftAt,
    })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(eq(communityMembers.userId, userId))
    .orderBy(asc(communityMembers.joinedAt));
}

export async function listMyApplications(db: Db, userId: string) {
  const rows = await db
    .select({
      id: communityApplications.id,
      communityId: communityApplications.communityId,
      communityName: communities.name,
      state: communityApplications.state,
      createdAt: communityApplications.createdAt,
    })
    .from(communityApplications)
    .innerJoin(communities, eq(communities.id, communityApplications.communityId))
    .where(eq(communityApplications.applicantId, userId))
    .orderBy(asc(communityApplications.createdAt));
  const messages = rows.length
    ? await db
        .select({
          applicationId: communityApplicationMessages.applicationId,
          kind: communityApplicationMessages.kind,
          text: communityApplicationMessages.text,
          createdAt: communityApplicationMessages.createdAt,
        })
        .from(communityApplicationMessages)
        .where(
          and(
            inArray(
              communityApplicationMessages.applicationId,
              rows.map((r) => r.id),
            ),
            eq(communityApplicationMessages.from, "applicant"),
          ),
        )
        .orderBy(asc(communityApplicationMessages.createdAt))
    : [];
  return rows.map((row) => ({ ...row, messages: messages.filter((m) => m.applicationId === row.id) }));
}

export async function listMyPosts(db: Db, userId: string) {
  return db
    .select({
      id: communityPosts.id,
      communityId: communityPosts.communityId,
      communityName: communities.name,
      threadId: communityPosts.threadId,
      title: communityPosts.title,
      body: communityPosts.body,
      hiddenReason: communityPosts.hiddenReason,
      edited: communityPosts.edited,
      createdAt: communityPosts.createdAt,
      updatedAt: communityPosts.updatedAt,
    })
    .from(communityPosts)
    .innerJoin(communities, eq(communities.id, communityPosts.communityId))
    .where(eq(communityPosts.authorId, userId))
    .orderBy(asc(communityPosts.createdAt));
}

export async function listMyRsvps(db: Db, userId: string) {
  return db
    .select({
      eventId: communityRsvps.eventId,
      eventTitle: communityEvents.title,
      startsAt: communityEvents.startsAt,
      status: communityRsvps.status,
    })
    .from(communityRsvps)
    .innerJoin(communityEvents, eq(communityEvents.id, communityRsvps.eventId))
    .where(eq(communityRsvps.userId, userId))
    .orderBy(asc(communityEvents.startsAt));
}

// Deletion

/** Holds the account's row until the deletion commits: a write that needs it waits, then finds it gone. */
export async function lockAccount(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .leftJoin(formerMembers, eq(formerMembers.userId, users.id))
    .where(and(eq(users.id, userId), isNull(formerMembers.userId)))
    .for("update", { of: users });
  return row;
}

export async function insertFormerMember(db: Db, id: string, name: string) {
  await db.insert(users).values({
    id,
    name,
    email: `former-${id.toLowerCase()}@deleted.invalid`,
    emailVerified: false,
    disabled: true,
    role: "member",
  });
  await db.insert(formerMembers).values({ userId: id });
}

export async function deleteAccountRow(db: Db, userId: string) {
  await db.delete(users).where(eq(users.id, userId));
}
