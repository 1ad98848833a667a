import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { MemberRole, MemberState } from "../../../shared/communities.ts";
import type { Delivery } from "../../../shared/notifications.ts";
import type { CommunityFacts } from "../../access/rules.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { outbox } from "../mail/outbox.table.ts";
import { notifications } from "../notifications/notifications.table.ts";
import {
  calendarFeeds,
  communities,
  communityApplicationMessages,
  communityApplications,
  communityChannels,
  communityEventReminders,
  communityEvents,
  communityFlags,
  communityMembers,
  communityModerationLog,
  communityPostRevisions,
  communityPosts,
  communityRsvps,
} from "./communities.table.ts";

export type CommunityRow = typeof communities.$inferSelect;
export type MemberRow = typeof communityMembers.$inferSelect;
export type ApplicationRow = typeof communityApplications.$inferSelect;
export type ApplicationMessageRow = typeof communityApplicationMessages.$inferSelect;
export type PostRow = typeof communityPosts.$inferSelect;
export type EventRow = typeof communityEvents.$inferSelect;
export type RsvpRow = typeof communityRsvps.$inferSelect;

// Communities and membership

export async function findCommunityRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(communities).where(eq(communities.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function findMemberRow(db: Db, communityId: string, userId: string) {
  const [row] = await db
    .select()
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
  return row;
}

/** The access facts of one viewer in one community, in one statement; undefined for no community. */
export async function readCommunityFacts(
  db: Db,
  communityId: string,
  userId: string,
): Promise<CommunityFacts | undefined> {
  const [row] = await db
    .select({ kind: communities.kind, role: communityMembers.role, state: communityMembers.state })
    .from(communities)
    .leftJoin(
      communityMembers,
      and(eq(communityMembers.communityId, communities.id), eq(communityMembers.userId, userId)),
    )
    .where(eq(communities.id, communityId));
  if (!row) return undefined;
  return {
    kind: row.kind,
    activeRole: row.state === "active" ? row.role : null,
    banned: row.state === "banned",
  };
}

export async function insertCommunity(db: Db, values: typeof communities.$inferInsert) {
  const [row] = await db.insert(communities).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateCommunityRow(
  db: Db,
  id: string,
  values: Pick<CommunityRow, "name" | "description" | "admissionCriteria" | "norms" | "sizeLimit">,
) {
  await db
    .update(communities)
    .set({ ...values, version: sql`${communities.version} + 1`, updatedAt: new Date() })
    .where(eq(communities.id, id));
}

/** Takes one place in the community if the size limit allows: the check constraint settles any race. */
export async function takeMemberPlace(db: Db, communityId: string) {
  const [row] = await db
    .update(communities)
    .set({ memberCount: sql`${communities.memberCount} + 1` })
    .where(
      and(
        eq(communities.id, communityId),
        or(isNull(communities.sizeLimit), lt(communities.memberCount, communities.sizeLimit)),
      ),
    )
    .returning({ id: communities.id });
  return Boolean(row);
}

export async function freeMemberPlace(db: Db, communityId: string) {
  await db
    .update(communities)
    .set({ memberCount: sql`greatest(${communities.memberCount} - 1, 0)` })
    .where(eq(communities.id, communityId));
}

export async function upsertActiveMember(
  db: Db,
  communityId: string,
  userId: string,
  role: MemberRole,
  at: Date,
) {
  await db
    .insert(communityMembers)
    .values({ communityId, userId, role, state: "active", normsAcceptedAt: at, joinedAt: at })
    .onConflictDoUpdate({
      target: [communityMembers.communityId, communityMembers.userId],
      set: { role, state: "active", normsAcceptedAt: at, joinedAt: at, leftAt: null },
    });
}

/** Ends an active membership; true when it was active (so its place is freed exactly once). */
export async function endMembership(db: Db, communityId: string, userId: string, state: MemberState) {
  const [row] = await db
    .update(communityMembers)
    .set({ state, leftAt: new Date() })
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.userId, userId),
        eq(communityMembers.state, "active"),
      ),
    )
    .returning({ userId: communityMembers.userId });
  return Boolean(row);
}

export async function banNonMember(db: Db, communityId: string, userId: string) {
  await db
    .insert(communityMembers)
    .values({ communityId, userId, state: "banned", normsAcceptedAt: new Date(), leftAt: new Date() })
    .onConflictDoUpdate({
      target: [communityMembers.communityId, communityMembers.userId],
      set: { state: "banned", leftAt: new Date() },
    });
}

export async function setMemberRole(db: Db, communityId: string, userId: string, role: MemberRole) {
  const [row] = await db
    .update(communityMembers)
    .set({ role })
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.userId, userId),
        eq(communityMembers.state, "active"),
      ),
    )
    .returning();
  return row;
}

export async function setMemberDelivery(
  db: Db,
  communityId: string,
  userId: string,
  delivery: Delivery | null,
) {
  await db
    .update(communityMembers)
    .set({ delivery })
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
}

export async function countOrganizers(db: Db, communityId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(communityMembers)
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.state, "active"),
        eq(communityMembers.role, "organizer"),
      ),
    );
  return row?.n ?? 0;
}

export async function listActiveMembers(db: Db, communityId: string) {
  return db
    .select({
      userId: communityMembers.userId,
      role: communityMembers.role,
      joinedAt: communityMembers.joinedAt,
      delivery: communityMembers.delivery,
      name: users.name,
    })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.state, "active"),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.name));
}

/** Of `userIds`, those who are active members of the community now, with their email choice for it. */
export async function activeMembersAmong(db: Db, communityId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: communityMembers.userId, delivery: communityMembers.delivery })
    .from(communityMembers)
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.state, "active"),
        inArray(communityMembers.userId, userIds),
      ),
    );
}

/** Every community a member may see listed: all of them, with where the viewer stands in each. */
export async function listCommunityRows(db: Db, userId: string) {
  return db
    .select({
      community: communities,
      role: communityMembers.role,
      state: communityMembers.state,
      application: communityApplications.state,
    })
    .from(communities)
    .leftJoin(
      communityMembers,
      and(eq(communityMembers.communityId, communities.id), eq(communityMembers.userId, userId)),
    )
    .leftJoin(
      communityApplications,
      and(
        eq(communityApplications.communityId, communities.id),
        eq(communityApplications.applicantId, userId),
        inArray(communityApplications.state, ["pending", "info_requested", "admitted"]),
      ),
    )
    .orderBy(asc(communities.name))
    .limit(200);
}

/** A member's notifications from a community go with their membership. */
export async function deleteCommunityNotifications(db: Db, communityId: string, userId: string) {
  await db
    .delete(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.communityId, communityId)));
}

/**
 * Mail from a community that has not gone out yet goes with the membership too: nothing written in the
 * circle reaches someone after they leave or are removed, even when the mail server was slow.
 */
export async function withdrawCommunityMail(db: Db, communityId: string, userId: string) {
  const email = db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  await db
    .delete(outbox)
    .where(
      and(
        eq(outbox.communityId, communityId),
        inArray(outbox.to, email),
        inArray(outbox.status, ["kept", "queued", "failed"]),
      ),
    );
}

export async function deleteRsvpsOf(db: Db, communityId: string, userId: string) {
  const events = db
    .select({ id: communityEvents.id })
    .from(communityEvents)
    .where(eq(communityEvents.communityId, communityId));
  return db
    .delete(communityRsvps)
    .where(and(eq(communityRsvps.userId, userId), inArray(communityRsvps.eventId, events)))
    .returning();
}

// Applications

export async function findApplicationRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(communityApplications).where(eq(communityApplications.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function findOpenApplication(db: Db, communityId: string, applicantId: string) {
  const [row] = await db
    .select()
    .from(communityApplications)
    .where(
      and(
        eq(communityApplications.communityId, communityId),
        eq(communityApplications.applicantId, applicantId),
        inArray(communityApplications.state, ["pending", "info_requested", "admitted", "declined"]),
      ),
    )
    .orderBy(desc(communityApplications.createdAt))
    .limit(1);
  return row;
}

export async function insertApplication(db: Db, values: typeof communityApplications.$inferInsert) {
  const [row] = await db.insert(communityApplications).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function setApplicationState(db: Db, id: string, state: ApplicationRow["state"]) {
  const [row] = await db
    .update(communityApplications)
    .set({ state, updatedAt: new Date() })
    .where(eq(communityApplications.id, id))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

export async function insertApplicationMessage(
  db: Db,
  applicationId: string,
  from: ApplicationMessageRow["from"],
  kind: ApplicationMessageRow["kind"],
  text: string,
) {
  await db.insert(communityApplicationMessages).values({ id: newId(), applicationId, from, kind, text });
}

export async function listApplicationMessages(db: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(communityApplicationMessages)
    .where(inArray(communityApplicationMessages.applicationId, applicationIds))
    .orderBy(asc(communityApplicationMessages.createdAt));
}

export async function listApplicationRows(db: Db, communityId: string) {
  return db
    .select({ application: communityApplications, name: users.name })
    .from(communityApplications)
    .innerJoin(users, eq(users.id, communityApplications.applicantId))
    .where(
      and(
        eq(communityApplications.communityId, communityId),
        inArray(communityApplications.state, ["pending", "info_requested", "admitted"]),
      ),
    )
    .orderBy(asc(communityApplications.createdAt));
}

// Channels

export async function listChannels(db: Db, communityId: string) {
  return db
    .select({ id: communityChannels.id, name: communityChannels.name })
    .from(communityChannels)
    .where(eq(communityChannels.communityId, communityId))
    .orderBy(asc(communityChannels.name));
}

export async function insertChannel(db: Db, communityId: string, name: string) {
  const [row] = await db
    .insert(communityChannels)
    .values({ id: newId(), communityId, name })
    .onConflictDoNothing()
    .returning({ id: communityChannels.id, name: communityChannels.name });
  return row;
}

// Posts

export async function findPostRow(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(communityPosts).where(eq(communityPosts.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function insertPost(db: Db, values: typeof communityPosts.$inferInsert) {
  const [row] = await db.insert(communityPosts).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function bumpThread(db: Db, threadId: string, at: Date) {
  await db
    .update(communityPosts)
    .set({ replyCount: sql`${communityPosts.replyCount} + 1`, lastActivityAt: at })
    .where(eq(communityPosts.id, threadId));
}

export async function countRecentPosts(db: Db, communityId: string, authorId: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(communityPosts)
    .where(
      and(
        eq(communityPosts.communityId, communityId),
        eq(communityPosts.authorId, authorId),
        gte(communityPosts.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

export async function listThreadRows(
  db: Db,
  communityId: string,
  options: { channelId?: string; before?: Date; limit: number },
) {
  const conditions: SQL[] = [eq(communityPosts.communityId, communityId), isNull(communityPosts.threadId)];
  if (options.channelId) conditions.push(eq(communityPosts.channelId, options.channelId));
  if (options.before) conditions.push(lt(communityPosts.lastActivityAt, options.before));
  return db
    .select({ post: communityPosts, authorName: users.name })
    .from(communityPosts)
    .innerJoin(users, eq(users.id, communityPosts.authorId))
    .where(and(...conditions))
    .orderBy(desc(communityPosts.lastActivityAt))
    .limit(options.limit);
}

export async function listThreadPosts(db: Db, threadId: string) {
  return db
    .select({ post: communityPosts, authorName: users.name })
    .from(communityPosts)
    .innerJoin(users, eq(users.id, communityPosts.authorId))
    .where(or(eq(communityPosts.id, threadId), eq(communityPosts.threadId, threadId)))
    .orderBy(asc(communityPosts.createdAt));
}

export async function updatePostText(
  db: Db,
  id: string,
  version: number,
  values: { title?: string | null; body: string },
) {
  const [row] = await db
    .update(communityPosts)
    .set({ ...values, edited: true, updatedAt: new Date(), version: sql`${communityPosts.version} + 1` })
    .where(and(eq(communityPosts.id, id), eq(communityPosts.version, version)))
    .returning();
  return row;
}

export async function insertRevision(db: Db, post: PostRow, editorId: string) {
  await db
    .insert(communityPostRevisions)
    .values({ id: newId(), postId: post.id, title: post.title, body: post.body, editorId });
}

export async function listRevisions(db: Db, postId: string) {
  return db
    .select({
      title: communityPostRevisions.title,
      body: communityPostRevisions.body,
      editedAt: communityPostRevisions.editedAt,
      editorName: users.name,
    })
    .from(communityPostRevisions)
    .innerJoin(users, eq(users.id, communityPostRevisions.editorId))
    .where(eq(communityPostRevisions.postId, postId))
    .orderBy(desc(communityPostRevisions.editedAt));
}

export async function setHidden(db: Db, id: string, reason: "moderator" | "flags" | null) {
  await db
    .update(communityPosts)
    .set({ hiddenReason: reason, version: sql`${communityPosts.version} + 1` })
    .where(eq(communityPosts.id, id));
}

export async function insertFlag(
  db: Db,
  values: { postId: string; userId: string; reason: string; trusted: boolean },
) {
  const [row] = await db.insert(communityFlags).values(values).onConflictDoNothing().returning();
  return Boolean(row);
}

export async function countTrustedFlags(db: Db, postId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(communityFlags)
    .where(and(eq(communityFlags.postId, postId), eq(communityFlags.trusted, true)));
  return row?.n ?? 0;
}

export async function listMyFlags(db: Db, userId: string, postIds: string[]) {
  if (postIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ postId: communityFlags.postId })
    .from(communityFlags)
    .where(and(eq(communityFlags.userId, userId), inArray(communityFlags.postId, postIds)));
  return new Set(rows.map((r) => r.postId));
}

/**
 * Full-text search over what the searcher may read, and nothing else: the membership condition is in
 * the query itself, so a post from a circle they are not (or no longer) in is never even ranked.
 */
export async function searchPostRows(db: Db, userId: string, text: string) {
  const query = sql`websearch_to_tsquery('english', ${text})`;
  const readable = sql`(
    ${communityPosts.communityId} in (
      select ${communityMembers.communityId} from ${communityMembers}
      where ${communityMembers.userId} = ${userId} and ${communityMembers.state} = 'active'
    )
    or (${communities.kind} = 'open' and ${communityPosts.communityId} not in (
      select ${communityMembers.communityId} from ${communityMembers}
      where ${communityMembers.userId} = ${userId} and ${communityMembers.state} = 'banned'
    ))
  )`;
  const thread = sql`coalesce(${communityPosts.threadId}, ${communityPosts.id})`;
  return db
    .select({
      postId: communityPosts.id,
      threadId: sql<string>`${thread}`,
      communityId: communities.id,
      communityName: communities.name,
      title: sql<string>`(select p.title from community_posts p where p.id = ${thread})`,
      excerpt: sql<string>`ts_headline('english', ${communityPosts.body}, ${query}, 'MaxWords=30, MinWords=10, StartSel="", StopSel=""')`,
    })
    .from(communityPosts)
    .innerJoin(communities, eq(communities.id, communityPosts.communityId))
    .where(
      and(
        sql`${communityPosts.search} @@ ${query}`,
        isNull(communityPosts.hiddenReason),
        sql`(select p.hidden_reason from community_posts p where p.id = ${thread}) is null`,
        readable,
      ),
    )
    .orderBy(sql`ts_rank(${communityPosts.search}, ${query}) desc`)
    .limit(30);
}

export async function insertModeration(
  db: Db,
  values: Omit<typeof communityModerationLog.$inferInsert, "id">,
) {
  await db.insert(communityModerationLog).values({ id: newId(), ...values });
}

export async function listModeration(db: Db, communityId: string) {
  const actor = sql`(select name from users u where u.id = ${communityModerationLog.actorId})`;
  const target = sql`(select name from users u where u.id = ${communityModerationLog.targetUserId})`;
  return db
    .select({
      action: communityModerationLog.action,
      actorName: sql<string | null>`${actor}`,
      targetName: sql<string | null>`${target}`,
      postId: communityModerationLog.postId,
      reason: communityModerationLog.reason,
      createdAt: communityModerationLog.createdAt,
    })
    .from(communityModerationLog)
    .where(eq(communityModerationLog.communityId, communityId))
    .orderBy(desc(communityModerationLog.createdAt))
    .limit(200);
}

// Events

export async function insertEvent(db: Db, values: typeof communityEvents.$inferInsert) {
  const [row] = await db.insert(communityEvents).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findEventRow(db: Db, id: string) {
  const [row] = await db.select().from(communityEvents).where(eq(communityEvents.id, id));
  return row;
}

export async function listEventRows(db: Db, communityId: string, options: { city?: string; from: Date }) {
  const conditions: SQL[] = [
    eq(communityEvents.communityId, communityId),
    or(gte(communityEvents.endsAt, options.from), sql`${communityEvents.rrule} is not null`) as SQL,
  ];
  if (options.city) conditions.push(sql`lower(${communityEvents.city}) = lower(${options.city})`);
  return db
    .select()
    .from(communityEvents)
    .where(and(...conditions))
    .orderBy(asc(communityEvents.startsAt))
    .limit(100);
}

export async function listCities(db: Db, communityId: string) {
  const rows = await db
    .selectDistinct({ city: communityEvents.city })
    .from(communityEvents)
    .where(and(eq(communityEvents.communityId, communityId), ne(communityEvents.city, "")))
    .orderBy(asc(communityEvents.city));
  return rows.map((r) => r.city);
}

/** RSVP counts and the viewer's own RSVP with their place on the waitlist, for many events at once. */
export async function rsvpSummaries(db: Db, eventIds: string[], userId: string) {
  if (eventIds.length === 0)
    return new Map<string, { waitlisted: number; mine: RsvpRow | null; position: number | null }>();
  const rows = await db
    .select()
    .from(communityRsvps)
    .where(inArray(communityRsvps.eventId, eventIds))
    .orderBy(asc(communityRsvps.createdAt));
  const map = new Map<string, { waitlisted: number; mine: RsvpRow | null; position: number | null }>();
  for (const id of eventIds) map.set(id, { waitlisted: 0, mine: null, position: null });
  for (const row of rows) {
    const entry = map.get(row.eventId);
    if (!entry) continue;
    if (row.status === "waitlisted") entry.waitlisted += 1;
    if (row.userId === userId) {
      entry.mine = row;
      if (row.status === "waitlisted") entry.position = entry.waitlisted;
    }
  }
  return map;
}

/** A seat if one is free, in one conditional write: two people racing for the last seat cannot both win. */
export async function takeEventSeat(db: Db, eventId: string) {
  const [row] = await db
    .update(communityEvents)
    .set({ going: sql`${communityEvents.going} + 1` })
    .where(
      and(
        eq(communityEvents.id, eventId),
        or(isNull(communityEvents.capacity), lt(communityEvents.going, communityEvents.capacity)),
      ),
    )
    .returning({ id: communityEvents.id });
  return Boolean(row);
}

export async function freeEventSeat(db: Db, eventId: string) {
  await db
    .update(communityEvents)
    .set({ going: sql`${communityEvents.going} - 1` })
    .where(and(eq(communityEvents.id, eventId), gt(communityEvents.going, 0)));
}

export async function insertRsvp(db: Db, values: typeof communityRsvps.$inferInsert) {
  const [row] = await db.insert(communityRsvps).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findRsvp(db: Db, eventId: string, userId: string) {
  const [row] = await db
    .select()
    .from(communityRsvps)
    .where(and(eq(communityRsvps.eventId, eventId), eq(communityRsvps.userId, userId)));
  return row;
}

export async function deleteRsvp(db: Db, eventId: string, userId: string) {
  const [row] = await db
    .delete(communityRsvps)
    .where(and(eq(communityRsvps.eventId, eventId), eq(communityRsvps.userId, userId)))
    .returning();
  return row;
}

/**
 * The first person waiting, locked for the promotion; a concurrent cancellation skips them and takes
 * the next, so two freed seats go to two different people.
 */
export async function promoteNextWaiting(db: Db, eventId: string) {
  const [next] = await db
    .select()
    .from(communityRsvps)
    .where(and(eq(communityRsvps.eventId, eventId), eq(communityRsvps.status, "waitlisted")))
    .orderBy(asc(communityRsvps.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  if (!next) return undefined;
  await db
    .update(communityRsvps)
    .set({ status: "going" })
    .where(and(eq(communityRsvps.eventId, eventId), eq(communityRsvps.userId, next.userId)));
  return next;
}

export async function listGoing(db: Db, eventId: string) {
  return db
    .select({ userId: communityRsvps.userId })
    .from(communityRsvps)
    .where(and(eq(communityRsvps.eventId, eventId), eq(communityRsvps.status, "going")));
}

export async function claimReminder(db: Db, eventId: string, occurrence: Date) {
  const [row] = await db
    .insert(communityEventReminders)
    .values({ eventId, occurrence })
    .onConflictDoNothing()
    .returning();
  return Boolean(row);
}

export async function listEventsStartingBefore(db: Db, until: Date) {
  return db
    .select()
    .from(communityEvents)
    .where(or(lt(communityEvents.startsAt, until), sql`${communityEvents.rrule} is not null`))
    .limit(1000);
}

/**
 * The events in a member's calendar feed: those of communities where their membership is active now
 * and they are going (circle meetings: every meeting of their circles). Read afresh on every fetch.
 */
export async function listFeedEventRows(db: Db, userId: string) {
  return db
    .select({ event: communityEvents, communityName: communities.name })
    .from(communityEvents)
    .innerJoin(communities, eq(communities.id, communityEvents.communityId))
    .innerJoin(
      communityMembers,
      and(
        eq(communityMembers.communityId, communityEvents.communityId),
        eq(communityMembers.userId, userId),
        eq(communityMembers.state, "active"),
      ),
    )
    .leftJoin(
      communityRsvps,
      and(eq(communityRsvps.eventId, communityEvents.id), eq(communityRsvps.userId, userId)),
    )
    .where(or(eq(communityRsvps.status, "going"), sql`${communityEvents.rrule} is not null`))
    .orderBy(asc(communityEvents.startsAt))
    .limit(500);
}

// Calendar feeds

export async function findFeed(db: Db, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

export async function findFeedByToken(db: Db, token: string) {
  const [row] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.token, token), eq(users.disabled, false)));
  return row;
}

export async function saveFeedToken(db: Db, userId: string, token: string) {
  await db
    .insert(calendarFeeds)
    .values({ userId, token })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: new Date() } });
}
