import {
  autoHideFlags,
  postLimits,
  type ReplyInput,
  type ThreadInput,
  threadsPageSize,
  trustedAfterDays,
} from "../../../shared/communities.ts";
import { requireAccess, requireCommunityAccess } from "../../access/require-access.ts";
import type { CommunityFacts } from "../../access/rules.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { runAfterCommit } from "../../db/transaction.ts";
import { staleWriteError } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { presentPost, presentThreadSummary } from "./communities.presenter.ts";
import {
  bumpThread,
  countRecentPosts,
  countTrustedFlags,
  findCommunityRow,
  findMemberRow,
  findPostRow,
  insertFlag,
  insertModeration,
  insertPost,
  insertRevision,
  listActiveMembers,
  listChannels,
  listModeration,
  listMyFlags,
  listRevisions,
  listThreadPosts,
  listThreadRows,
  type PostRow,
  readCommunityFacts,
  searchPostRows,
  setHidden,
  updatePostText,
} from "./communities.repo.ts";
import { type CommunityDeps, factsOf, notifyMembers } from "./communities.service.ts";

const hourMs = 3600_000;
const dayMs = 24 * hourMs;

const missingPost = () =>
  new AppError("NOT_FOUND", "There is nothing with this id among the communities you belong to.");

/**
 * The post and the viewer's standing in its community, once the policy lets them `action` on it. A post
 * in a circle the viewer is not in answers exactly like a post that does not exist.
 */
async function requirePost(
  db: Db,
  viewer: Viewer | null,
  postId: string,
  action: "read" | "create" | "manage",
) {
  const me = requireSignedIn(viewer);
  const post = await findPostRow(db, postId);
  let facts: CommunityFacts | undefined;
  await requireCommunityAccess(db, me, action, "communityContent", async (v) => {
    facts = post ? await readCommunityFacts(db, post.communityId, v.userId) : undefined;
    return facts;
  });
  const role = facts?.activeRole ?? null;
  return { me, post: post as PostRow, canModerate: role === "organizer" || role === "moderator" };
}

async function checkRateLimit(
  tx: Db,
  communityId: string,
  member: { userId: string; joinedAt: Date; role: string },
  now: Date,
) {
  const userId = member.userId;
  // Organizers and moderators run the place: the stricter limit is for people new to it.
  const isNew =
    member.role === "member" && now.getTime() - member.joinedAt.getTime() < postLimits.newMemberDays * dayMs;
  const limit = isNew ? postLimits.newMemberPerHour : postLimits.perHour;
  const recent = await countRecentPosts(tx, communityId, userId, new Date(now.getTime() - hourMs));
  if (recent >= limit) {
    throw new AppError(
      "RATE_LIMITED",
      isNew
        ? `New members post at most ${limit} times an hour in their first ${postLimits.newMemberDays} days. Try again later.`
        : `You can post at most ${limit} times an hour. Try again later.`,
      undefined,
      15 * 60,
    );
  }
}

async function authorNameOf(tx: Db, communityId: string, userId: string) {
  return (await listActiveMembers(tx, communityId)).find((m) => m.userId === userId)?.name ?? "A member";
}

export async function listThreads(
  db: Db,
  viewer: Viewer | null,
  communityId: string,
  query: { channel?: string; before?: string },
) {
  await requireCommunityAccess(db, viewer, "read", "communityContent", factsOf(db, communityId));
  const rows = await listThreadRows(db, communityId, {
    channelId: query.channel,
    before: query.before ? new Date(query.before) : undefined,
    limit: threadsPageSize,
  });
  const last = rows.at(-1);
  return {
    threads: rows.map((r) => presentThreadSummary(r.post, r.authorName)),
    nextBefore: rows.length === threadsPageSize && last ? last.post.lastActivityAt.toISOString() : null,
  };
}

export async function startThread(
  deps: CommunityDeps,
  viewer: Viewer | null,
  communityId: string,
  input: ThreadInput,
) {
  const me = await requireCommunityAccess(
    deps.db,
    viewer,
    "create",
    "communityContent",
    factsOf(deps.db, communityId),
  );
  const created = await runAfterCommit(deps, async (tx, later) => {
    const member = await findMemberRow(tx, communityId, me.userId);
    const community = await findCommunityRow(tx, communityId);
    if (!member || !community) throw missingPost();
    if (input.channelId && !(await listChannels(tx, communityId)).some((c) => c.id === input.channelId)) {
      throw new AppError("VALIDATION", "Pick one of this community's channels", "channelId");
    }
    const now = new Date();
    await checkRateLimit(tx, communityId, member, now);
    const post = await insertPost(tx, {
      id: newId(),
      communityId,
      channelId: input.channelId,
      authorId: me.userId,
      title: input.title,
      body: input.body,
      lastActivityAt: now,
      createdAt: now,
    });
    const author = await authorNameOf(tx, communityId, me.userId);
    const link = `/threads/${post.id}`;
    const mentioned = input.mentions.filter((id) => id !== me.userId);
    await notifyMembers(
      deps,
      tx,
      communityId,
      mentioned,
      {
        kind: "community_mention",
        title: `${author} mentioned you in ${community.name}`,
        body: input.title,
        link,
      },
      later,
    );
    // Circles are small: everyone hears of a new thread. Open communities are too large for that.
    if (community.kind === "circle") {
      const others = (await listActiveMembers(tx, communityId))
        .map((m) => m.userId)
        .filter((id) => id !== me.userId && !mentioned.includes(id));
      await notifyMembers(
        deps,
        tx,
        communityId,
        others,
        {
          kind: "community_thread",
          title: `New in ${community.name}: ${input.title}`,
          body: `Started by ${author}`,
          link,
        },
        later,
      );
    }
    return post;
  });
  return getThread(deps.db, viewer, created.id);
}

export async function getThread(db: Db, viewer: Viewer | null, threadId: string) {
  const { me, post, canModerate } = await requirePost(db, viewer, threadId, "read");
  if (post.threadId !== null) throw missingPost();
  const rows = await listThreadPosts(db, threadId);
  const flagged = await listMyFlags(
    db,
    me.userId,
    rows.map((r) => r.post.id),
  );
  const present = (r: (typeof rows)[number]) =>
    presentPost(r.post, r.authorName, { canModerate, flaggedByMe: flagged.has(r.post.id) });
  const opening = rows.find((r) => r.post.id === threadId);
  if (!opening) throw missingPost();
  return {
    id: post.id,
    communityId: post.communityId,
    channelId: post.channelId,
    post: present(opening),
    replies: rows.filter((r) => r.post.id !== threadId).map(present),
    canModerate,
  };
}

export async function replyToThread(
  deps: CommunityDeps,
  viewer: Viewer | null,
  threadId: string,
  input: ReplyInput,
) {
  const { me, post: thread } = await requirePost(deps.db, viewer, threadId, "create");
  if (thread.threadId !== null) throw missingPost();
  await runAfterCommit(deps, async (tx, later) => {
    const member = await findMemberRow(tx, thread.communityId, me.userId);
    const community = await findCommunityRow(tx, thread.communityId);
    if (!member || !community) throw missingPost();
    const now = new Date();
    await checkRateLimit(tx, thread.communityId, member, now);
    await insertPost(tx, {
      id: newId(),
      communityId: thread.communityId,
      channelId: thread.channelId,
      threadId,
      authorId: me.userId,
      body: input.body,
      createdAt: now,
      lastActivityAt: now,
    });
    await bumpThread(tx, threadId, now);
    const author = await authorNameOf(tx, thread.communityId, me.userId);
    const link = `/threads/${threadId}`;
    const mentioned = input.mentions.filter((id) => id !== me.userId);
    await notifyMembers(
      deps,
      tx,
      thread.communityId,
      mentioned,
      {
        kind: "community_mention",
        title: `${author} mentioned you in ${community.name}`,
        body: `In “${thread.title ?? ""}”`,
        link,
      },
      later,
    );
    if (thread.authorId !== me.userId && !mentioned.includes(thread.authorId)) {
      await notifyMembers(
        deps,
        tx,
        thread.communityId,
        [thread.authorId],
        {
          kind: "community_reply",
          title: `${author} replied to “${thread.title ?? ""}”`,
          body: community.name,
          link,
        },
        later,
      );
    }
  });
  return getThread(deps.db, viewer, threadId);
}

/** Only the author edits their words; what it said before stays in the history the community can read. */
export async function editPost(
  db: Db,
  viewer: Viewer | null,
  postId: string,
  input: { title?: string; body: string; version: number },
) {
  const { me, post } = await requirePost(db, viewer, postId, "create");
  if (post.authorId !== me.userId) {
    throw new AppError("FORBIDDEN", "Only the author can edit a post.");
  }
  await db.transaction(async (tx) => {
    const current = await findPostRow(tx, postId, { lock: true });
    if (!current) throw missingPost();
    if (current.version !== input.version) throw staleWriteError("post");
    await insertRevision(tx, current, me.userId);
    const updated = await updatePostText(tx, postId, input.version, {
      body: input.body,
      ...(current.threadId === null && input.title ? { title: input.title } : {}),
    });
    if (!updated) throw staleWriteError("post");
  });
  return getThread(db, viewer, post.threadId ?? post.id);
}

export async function getPostHistory(db: Db, viewer: Viewer | null, postId: string) {
  const { post, canModerate } = await requirePost(db, viewer, postId, "read");
  if (post.hiddenReason && !canModerate) return { revisions: [] };
  const rows = await listRevisions(db, postId);
  return {
    revisions: rows.map((r) => ({
      title: r.title,
      body: r.body,
      editorName: r.editorName,
      editedAt: r.editedAt.toISOString(),
    })),
  };
}

/**
 * A member flags a post. Flags from members trusted in the community (a week in, with a post of their
 * own) count toward hiding it automatically; a hidden post stays in its place, marked hidden.
 */
export async function flagPost(db: Db, viewer: Viewer | null, postId: string, reason: string) {
  const { me, post } = await requirePost(db, viewer, postId, "create");
  return db.transaction(async (tx) => {
    const member = await findMemberRow(tx, post.communityId, me.userId);
    if (!member) throw missingPost();
    const now = new Date();
    const veteran = now.getTime() - member.joinedAt.getTime() >= trustedAfterDays * dayMs;
    const posted = (await countRecentPosts(tx, post.communityId, me.userId, new Date(0))) > 0;
    const trusted = member.role !== "member" || (veteran && posted);
    await insertFlag(tx, { postId, userId: me.userId, reason, trusted });
    const locked = await findPostRow(tx, postId, { lock: true });
    let hidden = locked?.hiddenReason !== null;
    if (locked && !hidden && (await countTrustedFlags(tx, postId)) >= autoHideFlags) {
      await setHidden(tx, postId, "flags");
      await insertModeration(tx, {
        communityId: post.communityId,
        action: "auto_hide",
        postId,
        reason: `Flagged by ${autoHideFlags} trusted members`,
      });
      hidden = true;
    }
    return { flagged: true, hidden };
  });
}

export async function hidePost(
  db: Db,
  viewer: Viewer | null,
  postId: string,
  input: { hidden: boolean; reason: string },
) {
  const { me, post } = await requirePost(db, viewer, postId, "manage");
  await db.transaction(async (tx) => {
    await setHidden(tx, postId, input.hidden ? "moderator" : null);
    await insertModeration(tx, {
      communityId: post.communityId,
      action: input.hidden ? "hide" : "unhide",
      actorId: me.userId,
      targetUserId: post.authorId,
      postId,
      reason: input.reason,
    });
  });
  return getThread(db, viewer, post.threadId ?? post.id);
}

export async function getModerationLog(db: Db, viewer: Viewer | null, communityId: string) {
  await requireCommunityAccess(db, viewer, "manage", "communityContent", factsOf(db, communityId));
  const rows = await listModeration(db, communityId);
  return {
    entries: rows.map((r) => ({
      action: r.action,
      actorName: r.actorName,
      targetName: r.targetName,
      postId: r.postId,
      reason: r.reason,
      at: r.createdAt.toISOString(),
    })),
  };
}

/** Searches every thread and reply the viewer may read now, across their communities; nothing else. */
export async function searchCommunities(db: Db, viewer: Viewer | null, q: string) {
  const me = await requireAccess(db, viewer, "read", "communityDirectory");
  if (q.trim() === "") return { hits: [] };
  const rows = await searchPostRows(db, me.userId, q);
  return {
    hits: rows.map((r) => ({
      threadId: r.threadId,
      postId: r.postId,
      communityId: r.communityId,
      communityName: r.communityName,
      title: r.title,
      excerpt: r.excerpt,
    })),
  };
}
