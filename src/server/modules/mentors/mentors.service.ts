import type { ExperienceKey } from "../../../shared/experience.ts";
import { type LaneId, laneIds, lanes } from "../../../shared/lanes.ts";
import {
  type MentoringLogInput,
  type MentorProfileInput,
  type MentorRequestInput,
  type MentorSearchQuery,
  maxOpenRequests,
  requestExpiryHours,
} from "../../../shared/mentors.ts";
import { roleExperiences } from "../../../shared/portfolio.ts";
import { isTimeZone } from "../../../shared/profile.ts";
import { levelSteps, stepFrom } from "../../../shared/target-roles.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { isViolation, runAfterCommit } from "../../db/transaction.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { findCareerPlanRow } from "../career-plan/career-plan.repo.ts";
import { listLaneAssessmentRows } from "../lanes/lanes.repo.ts";
import { notify } from "../notifications/notifications.service.ts";
import { listPortfolioRoleRows } from "../portfolio/portfolio.repo.ts";
import { memberToday } from "../profile/member-today.ts";
import { findProfileRow } from "../profile/profile.repo.ts";
import { insertShareGrants } from "../sharing/sharing.repo.ts";
import { listCheckRows } from "../target-role/target-role.repo.ts";
import { expandAvailability, overlapHours } from "./availability.ts";
import { presentCard, presentLogEntry, presentProfile, presentRequest } from "./mentors.presenter.ts";
import {
  countExpiredSince,
  countOpenRequests,
  deleteLogRow,
  findLogRow,
  findMentorRow,
  findOpenRequestBetween,
  findRequestRow,
  freeSeat,
  insertLogRow,
  insertMentorProfile,
  insertMessage,
  insertRequest,
  listHeadlines,
  listLogRows,
  listMessageRows,
  listRequestRowsOf,
  listResponseSeconds,
  listUserNames,
  lockMember,
  type MentorProfileRow,
  type MentorRequestRow,
  type MentorWithName,
  recordResponse,
  searchMentorRows,
  setPaused,
  takeSeat,
  touchMentor,
  updateLogRow,
  updateMentorProfile,
  updateRequest,
} from "./mentors.repo.ts";
import { describeBasis, type MemberNeeds, suggestMentor } from "./suggestions.ts";

export const mentorJobKinds = { expire: "mentors.expire-request" } as const;

const hourMs = 3600_000;
const dayMs = 24 * hourMs;
type NotifyDeps = Pick<Deps, "db" | "mailer" | "config" | "auth">;

async function zoneOf(db: Db, userId: string): Promise<string> {
  const zone = (await findProfileRow(db, userId))?.timeZone;
  return zone && isTimeZone(zone) ? zone : "UTC";
}

function searchTextOf(
  name: string,
  input: Pick<MentorProfileInput, "headline" | "about" | "proof" | "lanes">,
) {
  return [
    name,
    input.headline,
    input.about,
    ...input.proof.map((item) => item.title),
    ...input.lanes.map((lane) => lanes[lane].label),
  ].join(" ");
}

async function experiencesOf(db: Db, userId: string): Promise<ExperienceKey[]> {
  const roles = await listPortfolioRoleRows(db, userId);
  return [...new Set(roles.flatMap((role) => roleExperiences(role)))];
}

function nextWeekSlots(row: MentorProfileRow, from: Date, days = 7) {
  return expandAvailability(row.weekly, row.away, row.timeZone, from, days);
}

async function presentCards(db: Db, rows: MentorWithName[], viewerZone: string, now = new Date()) {
  const responses = await listResponseSeconds(
    db,
    rows.map((r) => r.profile.userId),
  );
  return rows.map(({ profile, name }) =>
    presentCard(
      profile,
      name,
      responses.get(profile.userId) ?? [],
      overlapHours(nextWeekSlots(profile, now), viewerZone),
    ),
  );
}

async function presentFullProfile(db: Db, viewerId: string, found: MentorWithName) {
  const now = new Date();
  const viewerZone = await zoneOf(db, viewerId);
  const [responses, experiences, myOpenRequestId] = [
    await listResponseSeconds(db, [found.profile.userId]),
    found.profile.showPortfolio ? await experiencesOf(db, found.profile.userId) : [],
    viewerId === found.profile.userId
      ? null
      : await findOpenRequestBetween(db, viewerId, found.profile.userId),
  ];
  return presentProfile(
    found.profile,
    found.name,
    responses.get(found.profile.userId) ?? [],
    overlapHours(nextWeekSlots(found.profile, now), viewerZone),
    { slots: nextWeekSlots(found.profile, now, 14), experiences, myOpenRequestId },
  );
}

// Mentor profiles

export async function getMyMentorProfile(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "mentorProfile", viewer?.userId);
  const found = await findMentorRow(db, me.userId);
  if (!found) return { profile: null, version: 0, activeMentees: 0 };
  return {
    profile: await presentFullProfile(db, me.userId, found),
    version: found.profile.version,
    activeMentees: found.profile.activeMentees,
  };
}

export async function saveMyMentorProfile(
  db: Db,
  viewer: Viewer | null,
  { version, ...input }: MentorProfileInput & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "mentorProfile", viewer?.userId);
  const name = (await listUserNames(db, [me.userId])).get(me.userId) ?? "";
  const values = {
    headline: input.headline,
    about: input.about,
    lanes: input.lanes,
    levels: input.levels,
    style: input.style,
    capacity: input.capacity,
    timeZone: input.timeZone,
    weekly: input.weekly,
    away: input.away,
    proof: input.proof,
    responseHours: input.responseHours,
    urgentCalls: input.urgentCalls,
    showPortfolio: input.showPortfolio,
    searchText: searchTextOf(name, input),
  };
  await db.transaction(async (tx) => {
    const current = await findMentorRow(tx, me.userId, { lock: true });
    if (current && input.capacity < current.profile.activeMentees) {
      throw new AppError(
        "VALIDATION",
        `You mentor ${current.profile.activeMentees} people now: keep the capacity at ${current.profile.activeMentees} or more, or end a mentoring first`,
        "capacity",
      );
    }
    if (version === 0 || !current) {
      await insertMentorProfile(tx, { userId: me.userId, ...values });
    } else {
      await updateMentorProfile(tx, me.userId, values, version);
    }
  });
  return getMyMentorProfile(db, viewer);
}

async function requireOwnMentorProfile(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "update", "mentorProfile", viewer?.userId);
  const found = await findMentorRow(db, me.userId);
  if (!found) throw new AppError("NOT_FOUND", "You have no mentor profile yet: create one first.");
  return me;
}

export async function pauseMyMentoring(db: Db, viewer: Viewer | null) {
  const me = await requireOwnMentorProfile(db, viewer);
  await setPaused(db, me.userId, "manual", new Date());
  return getMyMentorProfile(db, viewer);
}

export async function resumeMyMentoring(db: Db, viewer: Viewer | null) {
  const me = await requireOwnMentorProfile(db, viewer);
  await setPaused(db, me.userId, false, new Date());
  return getMyMentorProfile(db, viewer);
}

export async function getMentorProfile(db: Db, viewer: Viewer | null, mentorId: string) {
  const me = requireSignedIn(viewer);
  const found = await findMentorRow(db, mentorId);
  // Every member may open a mentor's profile; a missing one (or a disabled account's) is a 404.
  await requireAccess(db, me, "read", "mentorProfile", found && { userId: found.profile.userId });
  return presentFullProfile(db, me.userId, found as MentorWithName);
}

// Finding a mentor

export async function searchMentors(db: Db, viewer: Viewer | null, query: MentorSearchQuery) {
  const me = await requireAccess(db, viewer, "read", "mentorProfile", viewer?.userId);
  const rows = await searchMentorRows(db, {
    excludeUserId: me.userId,
    text: query.q,
    lanes: query.lanes,
    level: query.level,
    style: query.style,
  });
  const now = new Date();
  const available = query.available ? rows.filter((r) => nextWeekSlots(r.profile, now, 14).length > 0) : rows;
  const cards = await presentCards(db, available, await zoneOf(db, me.userId), now);
  const least = query.overlap === "good" ? 4 : query.overlap === "some" ? 1 : 0;
  return { mentors: cards.filter((card) => card.overlapHours >= least).slice(0, 50) };
}

async function needsOf(db: Db, userId: string): Promise<MemberNeeds> {
  const [assessments, roles, profile, plan] = [
    await listLaneAssessmentRows(db, userId),
    await listPortfolioRoleRows(db, userId),
    await findProfileRow(db, userId),
    await findCareerPlanRow(db, userId),
  ];
  const latest = assessments[0];
  const level = profile?.level ?? null;
  return {
    ratings: latest
      ? (Object.fromEntries(laneIds.map((lane) => [lane, latest[lane]])) as Record<LaneId, number>)
      : null,
    worldClassLane: latest?.worldClassLane ?? null,
    covered: roles.length > 0 ? new Set(roles.flatMap((role) => roleExperiences(role))) : null,
    level,
    step: level ? stepFrom(level) : null,
    skipJob: plan?.skipJob
      ? {
          role: plan.skipJob.role,
          needs: plan.skipJob.needs.map((n) => ({ text: n.text, lane: n.lane, experience: n.experience })),
        }
      : null,
  };
}

/** Mentors taking requests, ranked for the member's own gaps, each with its reasons; none paused or full. */
export async function suggestMentors(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "mentorProfile", viewer?.userId);
  const needs = await needsOf(db, me.userId);
  const rows = await searchMentorRows(db, { excludeUserId: me.userId });
  const scored = [];
  for (const row of rows) {
    // A mentor already asked (or already mentoring the member) is in their requests, not suggested again.
    if (await findOpenRequestBetween(db, me.userId, row.profile.userId)) continue;
    const experiences = new Set(row.profile.showPortfolio ? await experiencesOf(db, row.profile.userId) : []);
    const { score, reasons } = suggestMentor(needs, {
      userId: row.profile.userId,
      lanes: row.profile.lanes,
      levels: row.profile.levels,
      style: row.profile.style,
      experiences,
    });
    if (score > 0) scored.push({ row, score, reasons });
  }
  const cards = await presentCards(
    db,
    scored.map((s) => s.row),
    await zoneOf(db, me.userId),
  );
  const suggestions = scored
    .map((s, index) => ({
      mentor: cards[index] as (typeof cards)[number],
      score: s.score,
      reasons: s.reasons,
    }))
    .sort((a, b) => b.score - a.score || b.mentor.overlapHours - a.mentor.overlapHours)
    .slice(0, 10);
  return { suggestions, basis: describeBasis(needs) };
}

// Requests

async function presentRequests(db: Db, viewerId: string, rows: MentorRequestRow[]) {
  const ids = rows.map((r) => r.id);
  const people = [...new Set(rows.flatMap((r) => [r.menteeId, r.mentorId]))];
  const [messages, names, headlines] = [
    await listMessageRows(db, ids),
    await listUserNames(db, people),
    await listHeadlines(
      db,
      rows.map((r) => r.mentorId),
    ),
  ];
  return rows.map((row) => presentRequest(row, viewerId, messages, names, headlines));
}

async function presentOne(db: Db, viewerId: string, row: MentorRequestRow) {
  const [presented] = await presentRequests(db, viewerId, [row]);
  return presented as NonNullable<typeof presented>;
}

function isUniqueViolation(error: unknown): boolean {
  return isViolation(error, "23505");
}

async function scheduleExpiry(tx: Db, row: MentorRequestRow) {
  if (!row.reachedMentorAt) return;
  await enqueueJob(tx, {
    kind: mentorJobKinds.expire,
    payload: { requestId: row.id, reach: row.reachCount },
    key: `${mentorJobKinds.expire}:${row.id}:${row.reachCount}`,
    runAt: new Date(row.reachedMentorAt.getTime() + requestExpiryHours * hourMs),
  });
}

export async function sendMentorRequest(deps: NotifyDeps, viewer: Viewer | null, input: MentorRequestInput) {
  const me = await requireAccess(deps.db, viewer, "create", "mentorRequest");
  if (input.mentorId === me.userId) {
    throw new AppError(
      "VALIDATION",
      "You cannot ask yourself to mentor you: pick another mentor",
      "mentorId",
    );
  }
  const row = await runAfterCommit(deps, async (tx, later) => {
    await lockMember(tx, me.userId);
    const mentor = await findMentorRow(tx, input.mentorId);
    if (!mentor) throw new AppError("NOT_FOUND", "There is no mentor with this id.");
    if (mentor.profile.paused) {
      throw new AppError(
        "CONFLICT",
        `${mentor.name} is not taking requests just now. Try one of your other suggestions.`,
      );
    }
    if (mentor.profile.activeMentees >= mentor.profile.capacity) {
      throw new AppError(
        "CONFLICT",
        `${mentor.name} has no free seat just now. Try one of your other suggestions.`,
      );
    }
    if ((await countOpenRequests(tx, me.userId)) >= maxOpenRequests) {
      throw new AppError(
        "CONFLICT",
        `You have ${maxOpenRequests} requests waiting for an answer. Wait for one, or withdraw one, before asking another mentor.`,
      );
    }
    const now = new Date();
    let created: MentorRequestRow;
    try {
      created = await insertRequest(tx, {
        id: newId(),
        menteeId: me.userId,
        mentorId: input.mentorId,
        share: input.share,
        reachedMentorAt: now,
        createdAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          "CONFLICT",
          `You already have a request with ${mentor.name} or are mentored by them.`,
        );
      }
      throw error;
    }
    await insertMessage(tx, created.id, "mentee", "request", input.message, now);
    // Sharing goes through the one sharing mechanism: the mentor sees the parts read-only, revocably.
    if (input.share.length > 0) await insertShareGrants(tx, me.userId, mentor.email, input.share);
    await scheduleExpiry(tx, created);
    const menteeName = (await listUserNames(tx, [me.userId])).get(me.userId) ?? "A member";
    later(
      await notify(deps, tx, {
        userId: input.mentorId,
        kind: "mentor_request_received",
        title: `${menteeName} asks you to mentor them`,
        body: `Accept, decline or ask for more information within ${requestExpiryHours} hours; after that the request expires.`,
        link: `/mentoring/requests/${created.id}`,
      }),
    );
    return created;
  });
  return presentOne(deps.db, me.userId, row);
}

export async function listMyMentorRequests(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "mentorRequest");
  const rows = await listRequestRowsOf(db, me.userId);
  const presented = await presentRequests(db, me.userId, rows);
  const sent = presented.filter((r) => r.side === "mentee");
  return {
    sent,
    received: presented.filter((r) => r.side === "mentor"),
    openSent: sent.filter((r) => r.state === "pending" || r.state === "info_requested").length,
    maxOpen: maxOpenRequests,
  };
}

type Side = "mentee" | "mentor" | "either";

/**
 * The request, for one of its two people; anyone else gets the same 404 as for a missing one. A step
 * that belongs to the other side (the mentee accepting, the mentor answering) is a 403 naming whose it is.
 */
async function requireRequest(db: Db, me: Viewer, id: string, side: Side, options: { lock?: boolean } = {}) {
  const row = await findRequestRow(db, id, options);
  const party = row && (row.mentorId === me.userId ? row.mentorId : row.menteeId);
  const found =
    (await requireAccess(db, me, "read", "mentorRequest", row && { userId: party as string })) && row;
  if (!found || side === "either") return found as MentorRequestRow;
  const actor = side === "mentee" ? found.menteeId : found.mentorId;
  if (actor !== me.userId) {
    throw new AppError(
      "FORBIDDEN",
      side === "mentee"
        ? "Only the member who sent this request can do this."
        : "Only the mentor asked can do this.",
    );
  }
  await requireAccess(db, me, "update", "mentorRequest", { userId: actor });
  return found;
}

export async function getMentorRequest(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  return presentOne(db, me.userId, await requireRequest(db, me, id, "either"));
}

function stateConflict(row: MentorRequestRow, doing: string) {
  const now: Record<string, string> = {
    pending: "it waits for the mentor",
    info_requested: "it waits for the mentee's answer",
    accepted: "it was accepted",
    declined: "it was declined",
    expired: "it expired",
    withdrawn: "it was withdrawn",
    ended: "the mentoring ended",
  };
  return new AppError("CONFLICT", `This request cannot be ${doing} now: ${now[row.state]}.`);
}

async function recordAnswerTime(tx: Db, row: MentorRequestRow, at: Date) {
  await touchMentor(tx, row.mentorId, at);
  if (!row.reachedMentorAt) return;
  const seconds = Math.max(0, Math.round((at.getTime() - row.reachedMentorAt.getTime()) / 1000));
  await recordResponse(tx, row.mentorId, row.id, seconds, at);
}

async function nameOf(tx: Db, userId: string) {
  return (await listUserNames(tx, [userId])).get(userId) ?? "Your mentor";
}

export async function acceptMentorRequest(deps: NotifyDeps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const row = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireRequest(tx, me, id, "mentor", { lock: true });
    if (found.state !== "pending" && found.state !== "info_requested") throw stateConflict(found, "accepted");
    if (!(await takeSeat(tx, found.mentorId))) {
      throw new AppError(
        "CONFLICT",
        "All your seats are taken: end a mentoring or raise your capacity before accepting another mentee.",
      );
    }
    const now = new Date();
    await recordAnswerTime(tx, found, now);
    const updated = await updateRequest(tx, id, { state: "accepted", reachedMentorAt: null });
    later(
      await notify(deps, tx, {
        userId: found.menteeId,
        kind: "mentor_request_answered",
        title: `${await nameOf(tx, found.mentorId)} accepted your request`,
        body: "You have a mentor. Agree how and when you will meet.",
        link: `/mentoring/requests/${id}`,
      }),
    );
    return updated;
  });
  return presentOne(deps.db, me.userId, row);
}

export async function declineMentorRequest(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: { reason: string },
) {
  const me = requireSignedIn(viewer);
  const row = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireRequest(tx, me, id, "mentor", { lock: true });
    if (found.state !== "pending" && found.state !== "info_requested") throw stateConflict(found, "declined");
    const now = new Date();
    await recordAnswerTime(tx, found, now);
    if (input.reason) await insertMessage(tx, id, "mentor", "decline", input.reason, now);
    const updated = await updateRequest(tx, id, { state: "declined", reachedMentorAt: null, closedAt: now });
    later(
      await notify(deps, tx, {
        userId: found.menteeId,
        kind: "mentor_request_answered",
        title: `${await nameOf(tx, found.mentorId)} declined your request`,
        body: input.reason
          ? `Their reason: ${input.reason}\nYour suggestions show other mentors to ask.`
          : "Your suggestions show other mentors to ask.",
        link: "/mentors",
      }),
    );
    return updated;
  });
  return presentOne(deps.db, me.userId, row);
}

export async function askAboutMentorRequest(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: { question: string },
) {
  const me = requireSignedIn(viewer);
  const row = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireRequest(tx, me, id, "mentor", { lock: true });
    if (found.state !== "pending") throw stateConflict(found, "asked about");
    const now = new Date();
    await recordAnswerTime(tx, found, now);
    await insertMessage(tx, id, "mentor", "question", input.question, now);
    // The clock stops while the mentee owes the answer; it starts again when they give it.
    const updated = await updateRequest(tx, id, { state: "info_requested", reachedMentorAt: null });
    later(
      await notify(deps, tx, {
        userId: found.menteeId,
        kind: "mentor_info_requested",
        title: `${await nameOf(tx, found.mentorId)} asks for more information`,
        body: `Their question: ${input.question}`,
        link: `/mentoring/requests/${id}`,
      }),
    );
    return updated;
  });
  return presentOne(deps.db, me.userId, row);
}

export async function answerMentorRequest(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: { answer: string },
) {
  const me = requireSignedIn(viewer);
  const row = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireRequest(tx, me, id, "mentee", { lock: true });
    if (found.state !== "info_requested") throw stateConflict(found, "answered");
    const now = new Date();
    await insertMessage(tx, id, "mentee", "answer", input.answer, now);
    const updated = await updateRequest(tx, id, {
      state: "pending",
      reachedMentorAt: now,
      reachCount: found.reachCount + 1,
    });
    await scheduleExpiry(tx, updated);
    later(
      await notify(deps, tx, {
        userId: found.mentorId,
        kind: "mentor_request_received",
        title: `${await nameOf(tx, found.menteeId)} answered your question`,
        body: `Accept or decline within ${requestExpiryHours} hours; after that the request expires.`,
        link: `/mentoring/requests/${id}`,
      }),
    );
    return updated;
  });
  return presentOne(deps.db, me.userId, row);
}

export async function withdrawMentorRequest(deps: NotifyDeps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const row = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireRequest(tx, me, id, "mentee", { lock: true });
    if (found.state !== "pending" && found.state !== "info_requested")
      throw stateConflict(found, "withdrawn");
    const updated = await updateRequest(tx, id, {
      state: "withdrawn",
      reachedMentorAt: null,
      closedAt: new Date(),
    });
    later(
      await notify(deps, tx, {
        userId: found.mentorId,
        kind: "mentor_request_closed",
        title: `${await nameOf(tx, found.menteeId)} withdrew their request`,
        body: "Nothing waits for your answer on it any more.",
        link: `/mentoring/requests/${id}`,
      }),
    );
    return updated;
  });
  return presentOne(deps.db, me.userId, row);
}

export async function endMentoring(deps: NotifyDeps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const row = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireRequest(tx, me, id, "either", { lock: true });
    if (found.state !== "accepted") throw stateConflict(found, "ended");
    await freeSeat(tx, found.mentorId);
    const updated = await updateRequest(tx, id, { state: "ended", closedAt: new Date() });
    const other = found.menteeId === me.userId ? found.mentorId : found.menteeId;
    later(
      await notify(deps, tx, {
        userId: other,
        kind: "mentor_request_closed",
        title: `${await nameOf(tx, me.userId)} ended your mentoring`,
        body: "The mentoring is closed. Your record and anything you still share stay as they are.",
        link: `/mentoring/requests/${id}`,
      }),
    );
    return updated;
  });
  return presentOne(deps.db, me.userId, row);
}

/**
 * Expires a request 48 hours after it last reached the mentor, tells both sides, and pauses a mentor
 * whose requests keep expiring. Safe to run again: it re-reads the request under a lock.
 */
export async function expireMentorRequest(deps: NotifyDeps, requestId: string, reach: number, now: Date) {
  return runAfterCommit(deps, async (tx, later) => {
    const row = await findRequestRow(tx, requestId, { lock: true });
    if (row?.state !== "pending" || row.reachCount !== reach || !row.reachedMentorAt) return undefined;
    const due = new Date(row.reachedMentorAt.getTime() + requestExpiryHours * hourMs);
    if (due.getTime() > now.getTime()) return { runAgainAt: due };
    await updateRequest(tx, requestId, { state: "expired", closedAt: now });
    const mentorName = await nameOf(tx, row.mentorId);
    later(
      await notify(deps, tx, {
        userId: row.menteeId,
        kind: "mentor_request_expired",
        title: `Your request to ${mentorName} expired unanswered`,
        body: `${mentorName} did not answer within ${requestExpiryHours} hours. Your suggestions show other mentors who take requests now.`,
        link: "/mentors",
      }),
    );
    later(
      await notify(deps, tx, {
        userId: row.mentorId,
        kind: "mentor_request_expired",
        title: `A request from ${await nameOf(tx, row.menteeId)} expired`,
        body: `It waited ${requestExpiryHours} hours without an answer, so the member was pointed to other mentors.`,
        link: `/mentoring/requests/${requestId}`,
      }),
    );
    const { expiredRequests, windowDays } = deps.config.mentorAutoPause;
    if (expiredRequests > 0) {
      const mentor = await findMentorRow(tx, row.mentorId, { lock: true });
      // Counted from the window's start, or from the last resume: a mentor who resumed starts afresh.
      const windowStart = now.getTime() - windowDays * dayMs;
      const since = new Date(Math.max(windowStart, mentor?.profile.resumedAt?.getTime() ?? windowStart));
      const expired = await countExpiredSince(tx, row.mentorId, since);
      if (mentor && !mentor.profile.paused && expired >= expiredRequests) {
        await setPaused(tx, row.mentorId, "unresponsive", now);
        later(
          await notify(deps, tx, {
            userId: row.mentorId,
            kind: "mentor_paused",
            title: "Your mentor profile is paused",
            body: `${expired} requests to you expired unanswered in the last ${windowDays} days, so members are no longer offered you. When you can answer again, resume taking requests on your mentor profile.`,
            link: "/mentoring/profile",
          }),
        );
      }
    }
    return undefined;
  });
}

// Mentoring others

/** The next-level checks a mentoring log can show progress on, with what in the log supports each. */
const logChecks: {
  checkId: string;
  supports: (
    entries: { startedOn: string; endedOn: string | null; handedOver: string }[],
    today: string,
  ) => string | null;
}[] = [
  {
    checkId: "pm.beyond-team.mentored",
    supports: (entries, today) => {
      const long = entries.find(
        (e) => Date.parse(e.endedOn ?? today) - Date.parse(e.startedOn) >= 90 * dayMs,
      );
      return long ? "Your log has a mentoring of three months or more" : null;
    },
  },
  {
    checkId: "senior_pm.through-others.mentoring",
    supports: (entries, today) =>
      entries.some((e) => e.startedOn <= today && (e.endedOn === null || e.endedOn >= today))
        ? "Your log has someone you mentor now"
        : null,
  },
  {
    checkId: "senior_pm.through-others.handed-over",
    supports: (entries) =>
      entries.some((e) => e.handedOver.trim() !== "") ? "Your log records work you handed over" : null,
  },
];

export async function getMyMentoringLog(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "mentoringLog");
  const [rows, checks, today] = [
    await listLogRows(db, me.userId),
    await listCheckRows(db, me.userId),
    await memberToday(db, me.userId),
  ];
  const texts = new Map(
    Object.values(levelSteps).flatMap((step) =>
      step.hurdles.flatMap((hurdle) => hurdle.checks.map((check) => [check.id, check.text] as const)),
    ),
  );
  const profile = await findProfileRow(db, me.userId);
  const prefix = profile?.level ? `${profile.level}.` : null;
  const byId = new Map(checks.map((c) => [c.itemId, c]));
  return {
    entries: rows.map(presentLogEntry),
    nextLevel: logChecks
      .filter((c) => prefix !== null && c.checkId.startsWith(prefix))
      .map((c) => {
        const because = c.supports(rows, today);
        const saved = byId.get(c.checkId);
        return {
          checkId: c.checkId,
          text: texts.get(c.checkId) ?? c.checkId,
          supported: because !== null,
          because: because ?? "Nothing in your log shows this yet",
          checkedOn: saved?.checkedOn ?? null,
          version: saved?.version ?? 0,
        };
      }),
  };
}

export async function addMentoringLogEntry(db: Db, viewer: Viewer | null, input: MentoringLogInput) {
  const me = await requireAccess(db, viewer, "create", "mentoringLog");
  return presentLogEntry(await insertLogRow(db, me.userId, input));
}

export async function updateMentoringLogEntry(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: MentoringLogInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  await requireAccess(db, me, "update", "mentoringLog", await findLogRow(db, id));
  return presentLogEntry(await updateLogRow(db, id, input, version));
}

export async function deleteMentoringLogEntry(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await requireAccess(db, me, "delete", "mentoringLog", await findLogRow(db, id));
  await deleteLogRow(db, id);
  return { id };
}

export function registerMentorJobs(runner: JobRunner, deps: Deps) {
  runner.register(mentorJobKinds.expire, (payload, { now }) =>
    expireMentorRequest(deps, String(payload.requestId), Number(payload.reach), now),
  );
}
