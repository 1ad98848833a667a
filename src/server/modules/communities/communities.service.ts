import type {
  CommunityCard,
  CommunityInput,
  CommunityUpdateInput,
  DecisionInput,
  MemberRole,
} from "../../../shared/communities.ts";
import type { Delivery, OptionalKind } from "../../../shared/notifications.ts";
import { requireAccess, requireCommunityAccess } from "../../access/require-access.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { isViolation, runAfterCommit } from "../../db/transaction.ts";
import { staleWriteError } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import type { Viewer } from "../../http/viewer.ts";
import { notify } from "../notifications/notifications.service.ts";
import { presentApplication, presentCard, presentMessages } from "./communities.presenter.ts";
import {
  activeMembersAmong,
  banNonMember,
  countOrganizers,
  deleteCommunityNotifications,
  deleteRsvpsOf,
  endMembership,
  findApplicationRow,
  findCommunityRow,
  findEventRow,
  findMemberRow,
  findOpenApplication,
  freeEventSeat,
  freeMemberPlace,
  insertApplication,
  insertApplicationMessage,
  insertChannel,
  insertCommunity,
  insertModeration,
  listActiveMembers,
  listApplicationMessages,
  listApplicationRows,
  listChannels,
  listCommunityRows,
  promoteNextWaiting,
  readCommunityFacts,
  setApplicationState,
  setMemberDelivery,
  setMemberRole,
  takeMemberPlace,
  updateCommunityRow,
  upsertActiveMember,
  withdrawCommunityMail,
} from "./communities.repo.ts";

export type CommunityDeps = Pick<Deps, "db" | "mailer" | "config" | "auth">;

/** Reads where the viewer stands in `communityId` now, for the policy to decide on. */
export const factsOf = (db: Db, communityId: string) => (viewer: Viewer) =>
  readCommunityFacts(db, communityId, viewer.userId);

/**
 * Tells members of a community something. Only people whose membership is active at this moment are
 * told, whatever list the caller passes, so nothing from inside reaches anyone outside; each member's
 * own email choice for the community applies.
 */
export async function notifyMembers(
  deps: CommunityDeps,
  tx: Db,
  communityId: string,
  userIds: string[],
  message: { kind: OptionalKind; title: string; body: string; link: string },
  later: (send: () => void) => void,
) {
  const members = await activeMembersAmong(tx, communityId, [...new Set(userIds)]);
  for (const member of members) {
    later(
      await notify(deps, tx, {
        userId: member.userId,
        ...message,
        communityId,
        communityDelivery: member.delivery,
      }),
    );
  }
}

function notFound() {
  return new AppError("NOT_FOUND", "There is no community with this id.");
}

function stateOf(
  role: MemberRole | null,
  state: string | null,
  application: string | null,
): CommunityCard["myState"] {
  if (state === "active" && role) return role;
  if (state === "banned") return "banned";
  if (application === "admitted") return "admitted";
  if (application === "pending" || application === "info_requested") return "applied";
  return "none";
}

export async function listCommunities(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "communityDirectory");
  const rows = await listCommunityRows(db, me.userId);
  return {
    communities: rows.map((r) => presentCard(r.community, stateOf(r.role, r.state, r.application))),
  };
}

export async function createCommunity(deps: CommunityDeps, viewer: Viewer | null, input: CommunityInput) {
  // Any member may start a community; they become its first organizer.
  const me = await requireAccess(deps.db, viewer, "create", "communityDirectory");
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    await insertCommunity(tx, {
      id,
      kind: input.kind,
      name: input.name,
      description: input.description,
      admissionCriteria: input.admissionCriteria,
      norms: input.norms,
      sizeLimit: input.sizeLimit,
      createdBy: me.userId,
      memberCount: 1,
    });
    await upsertActiveMember(tx, id, me.userId, "organizer", now);
    if (input.kind === "open") await insertChannel(tx, id, "General");
  });
  return getCommunity(deps.db, viewer, id);
}

export async function getCommunity(db: Db, viewer: Viewer | null, id: string) {
  const me = await requireCommunityAccess(db, viewer, "read", "community", factsOf(db, id));
  const row = await findCommunityRow(db, id);
  if (!row) throw notFound();
  const member = await findMemberRow(db, id, me.userId);
  const application = await findOpenApplication(db, id, me.userId);
  const active = member?.state === "active";
  const readable = active || (row.kind === "open" && member?.state !== "banned");
  const messages = application ? await listApplicationMessages(db, [application.id]) : [];
  return {
    ...presentCard(row, stateOf(member?.role ?? null, member?.state ?? null, application?.state ?? null)),
    admissionCriteria: row.admissionCriteria,
    norms: row.norms,
    sizeLimit: row.sizeLimit,
    myApplication: application
      ? { id: application.id, state: application.state, messages: presentMessages(messages) }
      : null,
    inside: readable
      ? {
          memberCount: row.memberCount,
          channels: await listChannels(db, id),
          notificationDelivery: (member?.delivery ?? "default") as "default" | Delivery,
        }
      : null,
    version: row.version,
  };
}

export async function updateCommunity(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: CommunityUpdateInput,
) {
  await requireCommunityAccess(db, viewer, "update", "community", factsOf(db, id));
  await db.transaction(async (tx) => {
    const row = await findCommunityRow(tx, id, { lock: true });
    if (!row) throw notFound();
    if (row.version !== version) throw staleWriteError("community");
    if (row.kind === "circle" && input.sizeLimit === null) {
      throw new AppError("VALIDATION", "Set a size limit for a circle", "sizeLimit");
    }
    if (input.sizeLimit !== null && input.sizeLimit < row.memberCount) {
      throw new AppError(
        "VALIDATION",
        `The circle has ${row.memberCount} members: keep the limit at ${row.memberCount} or more`,
        "sizeLimit",
      );
    }
    await updateCommunityRow(tx, id, input);
  });
  return getCommunity(db, viewer, id);
}

// Joining and leaving

/**
 * Joins an open community, or takes up an admission to a circle. Either way the member accepts the
 * community's norms here, and a place is taken under the size limit by one conditional write.
 */
export async function joinCommunity(deps: CommunityDeps, viewer: Viewer | null, id: string) {
  const me = await requireCommunityAccess(deps.db, viewer, "read", "community", factsOf(deps.db, id));
  await runAfterCommit(deps, async (tx, later) => {
    const row = await findCommunityRow(tx, id);
    if (!row) throw notFound();
    const member = await findMemberRow(tx, id, me.userId);
    if (member?.state === "active") return;
    if (member?.state === "banned") {
      throw new AppError("FORBIDDEN", "You were banned from this community, so you cannot join it again.");
    }
    let application = null;
    if (row.kind === "circle") {
      application = await findOpenApplication(tx, id, me.userId);
      if (application?.state !== "admitted") {
        throw new AppError(
          "FORBIDDEN",
          "A circle admits people by application: apply first, and join once the organizers admit you.",
        );
      }
    }
    if (!(await takeMemberPlace(tx, id))) {
      throw new AppError(
        "CONFLICT",
        `${row.name} is full (${row.sizeLimit} members). Ask the organizers whether a place will open.`,
      );
    }
    await upsertActiveMember(tx, id, me.userId, "member", new Date());
    if (application) {
      await setApplicationState(tx, application.id, "joined");
      const organizers = (await listActiveMembers(tx, id)).filter((m) => m.role === "organizer");
      const name = (await listActiveMembers(tx, id)).find((m) => m.userId === me.userId)?.name ?? "A member";
      await notifyMembers(
        deps,
        tx,
        id,
        organizers.map((o) => o.userId),
        {
          kind: "community_application",
          title: `${name} joined ${row.name}`,
          body: "They accepted the circle's norms.",
          link: `/communities/${id}`,
        },
        later,
      );
    }
  });
  return getCommunity(deps.db, viewer, id);
}

/** Ends a membership: the place, RSVPs (promoting whoever waits) and notifications go with it. */
export async function closeMembership(
  tx: Db,
  communityId: string,
  userId: string,
  state: "left" | "removed" | "banned",
) {
  const ended = await endMembership(tx, communityId, userId, state);
  if (ended) await freeMemberPlace(tx, communityId);
  const dropped = await deleteRsvpsOf(tx, communityId, userId);
  const promoted: { eventId: string; userId: string }[] = [];
  for (const rsvp of dropped) {
    if (rsvp.status !== "going") continue;
    const next = await promoteNextWaiting(tx, rsvp.eventId);
    if (next) promoted.push({ eventId: rsvp.eventId, userId: next.userId });
    else await freeEventSeat(tx, rsvp.eventId);
  }
  await deleteCommunityNotifications(tx, communityId, userId);
  await withdrawCommunityMail(tx, communityId, userId);
  return { ended, promoted };
}

export async function leaveCommunity(deps: CommunityDeps, viewer: Viewer | null, id: string) {
  const me = await requireCommunityAccess(
    deps.db,
    viewer,
    "create",
    "communityContent",
    factsOf(deps.db, id),
  );
  await runAfterCommit(deps, async (tx, later) => {
    const member = await findMemberRow(tx, id, me.userId);
    if (member?.role === "organizer" && (await countOrganizers(tx, id)) <= 1) {
      throw new AppError(
        "CONFLICT",
        "You are this community's only organizer: make another member an organizer before you leave.",
      );
    }
    const { promoted } = await closeMembership(tx, id, me.userId, "left");
    await tellPromoted(deps, tx, promoted, later);
  });
  return getCommunity(deps.db, viewer, id);
}

export async function tellPromoted(
  deps: CommunityDeps,
  tx: Db,
  promoted: { eventId: string; userId: string }[],
  later: (send: () => void) => void,
) {
  for (const { eventId, userId } of promoted) {
    const event = await findEventRow(tx, eventId);
    if (!event) continue;
    await notifyMembers(
      deps,
      tx,
      event.communityId,
      [userId],
      {
        kind: "community_event",
        title: `A place opened for you: ${event.title}`,
        body: "Someone cancelled, so you moved from the waitlist to going. Cancel if you can no longer come.",
        link: `/events/${event.id}`,
      },
      later,
    );
  }
}

export async function listMembers(db: Db, viewer: Viewer | null, id: string) {
  await requireCommunityAccess(db, viewer, "read", "communityContent", factsOf(db, id));
  const rows = await listActiveMembers(db, id);
  return {
    members: rows.map((m) => ({
      userId: m.userId,
      name: m.name,
      role: m.role,
      joinedAt: m.joinedAt.toISOString(),
    })),
  };
}

/**
 * An organizer removes a member (or, with `ban`, keeps them from joining again). It takes effect on
 * their next request, everywhere: every path reads the membership row this changes.
 */
export async function removeMember(
  deps: CommunityDeps,
  viewer: Viewer | null,
  id: string,
  userId: string,
  input: { ban: boolean; reason: string },
) {
  const me = await requireCommunityAccess(deps.db, viewer, "manage", "community", factsOf(deps.db, id));
  if (userId === me.userId) {
    throw new AppError("CONFLICT", "Leave the community instead of removing yourself.");
  }
  await runAfterCommit(deps, async (tx, later) => {
    const member = await findMemberRow(tx, id, userId);
    if (!member || (member.state !== "active" && !input.ban)) {
      throw new AppError("NOT_FOUND", "This person is not a member of the community.");
    }
    const { promoted } = await closeMembership(tx, id, userId, input.ban ? "banned" : "removed");
    if (input.ban && member.state !== "active") await banNonMember(tx, id, userId);
    await insertModeration(tx, {
      communityId: id,
      action: input.ban ? "ban" : "remove",
      actorId: me.userId,
      targetUserId: userId,
      reason: input.reason,
    });
    await tellPromoted(deps, tx, promoted, later);
  });
  return listMembers(deps.db, viewer, id);
}

export async function setRole(db: Db, viewer: Viewer | null, id: string, userId: string, role: MemberRole) {
  const me = await requireCommunityAccess(db, viewer, "manage", "community", factsOf(db, id));
  await db.transaction(async (tx) => {
    if (userId === me.userId && role !== "organizer" && (await countOrganizers(tx, id)) <= 1) {
      throw new AppError("CONFLICT", "Name another organizer before you step down: a community needs one.");
    }
    const updated = await setMemberRole(tx, id, userId, role);
    if (!updated) throw new AppError("NOT_FOUND", "This person is not a member of the community.");
    await insertModeration(tx, {
      communityId: id,
      action: "role",
      actorId: me.userId,
      targetUserId: userId,
      reason: `Now ${role}`,
    });
  });
  return listMembers(db, viewer, id);
}

export async function setCommunityDelivery(
  db: Db,
  viewer: Viewer | null,
  id: string,
  delivery: "default" | Delivery,
) {
  const me = await requireCommunityAccess(db, viewer, "create", "communityContent", factsOf(db, id));
  await setMemberDelivery(db, id, me.userId, delivery === "default" ? null : delivery);
  return getCommunity(db, viewer, id);
}

export async function addChannel(db: Db, viewer: Viewer | null, id: string, name: string) {
  await requireCommunityAccess(db, viewer, "manage", "communityContent", factsOf(db, id));
  const created = await insertChannel(db, id, name);
  if (!created) throw new AppError("CONFLICT", `There is already a channel named ${name}.`, "name");
  return getCommunity(db, viewer, id);
}

// Applications

export async function applyToCircle(deps: CommunityDeps, viewer: Viewer | null, id: string, answers: string) {
  const me = await requireCommunityAccess(deps.db, viewer, "read", "community", factsOf(deps.db, id));
  await runAfterCommit(deps, async (tx, later) => {
    const row = await findCommunityRow(tx, id);
    if (!row) throw notFound();
    if (row.kind !== "circle") {
      throw new AppError("CONFLICT", "Anyone can join an open community: join it instead of applying.");
    }
    const member = await findMemberRow(tx, id, me.userId);
    if (member?.state === "active")
      throw new AppError("CONFLICT", "You are already a member of this circle.");
    if (member?.state === "banned" || member?.state === "removed") {
      throw new AppError(
        "FORBIDDEN",
        "The organizers removed you from this circle, so you cannot apply again.",
      );
    }
    const existing = await findOpenApplication(tx, id, me.userId);
    if (existing && existing.state !== "declined") {
      throw new AppError("CONFLICT", "You already applied: the organizers will answer here.");
    }
    let application: Awaited<ReturnType<typeof insertApplication>>;
    try {
      application = await insertApplication(tx, { id: newId(), communityId: id, applicantId: me.userId });
    } catch (error) {
      if (isViolation(error, "23505")) {
        throw new AppError("CONFLICT", "You already applied: the organizers will answer here.");
      }
      throw error;
    }
    await insertApplicationMessage(tx, application.id, "applicant", "answers", answers);
    const organizers = (await listActiveMembers(tx, id)).filter((m) => m.role === "organizer");
    await notifyMembers(
      deps,
      tx,
      id,
      organizers.map((o) => o.userId),
      {
        kind: "community_application",
        title: `A new application to ${row.name}`,
        body: "Admit, decline with a reason, or ask for more.",
        link: `/communities/${id}/applications`,
      },
      later,
    );
  });
  return getCommunity(deps.db, viewer, id);
}

export async function listApplications(db: Db, viewer: Viewer | null, id: string) {
  await requireCommunityAccess(db, viewer, "read", "communityApplications", factsOf(db, id));
  const rows = await listApplicationRows(db, id);
  const messages = await listApplicationMessages(
    db,
    rows.map((r) => r.application.id),
  );
  return {
    applications: rows.map((r) =>
      presentApplication(
        r.application,
        r.name,
        messages.filter((m) => m.applicationId === r.application.id),
      ),
    ),
  };
}

export async function decideApplication(
  deps: CommunityDeps,
  viewer: Viewer | null,
  id: string,
  applicationId: string,
  input: DecisionInput,
) {
  await requireCommunityAccess(deps.db, viewer, "manage", "communityApplications", factsOf(deps.db, id));
  await runAfterCommit(deps, async (tx, later) => {
    const application = await findApplicationRow(tx, applicationId, { lock: true });
    if (!application || application.communityId !== id) {
      throw new AppError("NOT_FOUND", "There is no application with this id in this circle.");
    }
    if (application.state !== "pending" && application.state !== "info_requested") {
      throw new AppError("CONFLICT", `This application was already answered: it is ${application.state}.`);
    }
    const row = await findCommunityRow(tx, id);
    const name = row?.name ?? "the circle";
    const next =
      input.decision === "admit" ? "admitted" : input.decision === "decline" ? "declined" : "info_requested";
    await setApplicationState(tx, applicationId, next);
    if (input.message) {
      await insertApplicationMessage(
        tx,
        applicationId,
        "organizer",
        input.decision === "ask" ? "question" : "decline",
        input.message,
      );
    }
    const title =
      input.decision === "admit"
        ? `You are admitted to ${name}`
        : input.decision === "decline"
          ? `${name} declined your application`
          : `${name}'s organizers ask for more`;
    const body =
      input.decision === "admit"
        ? "Read and accept the circle's norms to join."
        : input.decision === "decline"
          ? "Open it to read their reason."
          : "Answer their question so they can decide.";
    later(
      await notify(deps, tx, {
        userId: application.applicantId,
        kind: "community_application",
        title,
        body,
        link: `/communities/${id}`,
      }),
    );
  });
  return listApplications(deps.db, viewer, id);
}

export async function answerApplication(
  deps: CommunityDeps,
  viewer: Viewer | null,
  id: string,
  applicationId: string,
  answer: string,
) {
  const me = await requireCommunityAccess(deps.db, viewer, "read", "community", factsOf(deps.db, id));
  await runAfterCommit(deps, async (tx, later) => {
    const application = await findApplicationRow(tx, applicationId, { lock: true });
    if (!application || application.communityId !== id || application.applicantId !== me.userId) {
      throw new AppError("NOT_FOUND", "There is no application with this id among yours.");
    }
    if (application.state !== "info_requested") {
      throw new AppError("CONFLICT", "The organizers asked you nothing that waits for an answer.");
    }
    await insertApplicationMessage(tx, applicationId, "applicant", "answer", answer);
    await setApplicationState(tx, applicationId, "pending");
    const organizers = (await listActiveMembers(tx, id)).filter((m) => m.role === "organizer");
    await notifyMembers(
      deps,
      tx,
      id,
      organizers.map((o) => o.userId),
      {
        kind: "community_application",
        title: "An applicant answered your question",
        body: "Admit, decline with a reason, or ask for more.",
        link: `/communities/${id}/applications`,
      },
      later,
    );
  });
  return getCommunity(deps.db, viewer, id);
}
