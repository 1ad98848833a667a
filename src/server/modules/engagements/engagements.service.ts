import { TZDate } from "@date-fns/tz";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import {
  type AgreementInput,
  type actionItemInput,
  type actionItemUpdateInput,
  type bookSessionInput,
  type cancelSessionInput,
  type decisionCommentInput,
  type decisionCommentUpdateInput,
  type EngagementOutput,
  type IntakeSharePart,
  type intakeAnswersInput,
  type intakeQuestionsInput,
  type noteInput,
  type noteUpdateInput,
  type planRevisionInput,
  type rescheduleSessionInput,
  type reviewInput,
  reviewRevealDays,
  type shareDecisionInput,
  stallDays,
} from "../../../shared/engagements.ts";
import { isTimeZone } from "../../../shared/profile.ts";
import type { Versioned } from "../../../shared/version.ts";
import { authorize, requireAccess, requireSharedDecisionAccess } from "../../access/require-access.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { isViolation, runAfterCommit } from "../../db/transaction.ts";
import { staleWriteError } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { findDecisionRow } from "../decisions/decisions.repo.ts";
import { expandAvailability } from "../mentors/availability.ts";
import { findMentorRow, findRequestRow, freeSeat, updateRequest } from "../mentors/mentors.repo.ts";
import { notify } from "../notifications/notifications.service.ts";
import { insertShareGrants, listSharedParts, normalEmail } from "../sharing/sharing.repo.ts";
import { shareGrants } from "../sharing/sharing.table.ts";
import { tours } from "../tours/tours.table.ts";
import { sessionCalendarFile } from "./calendar-file.ts";
import {
  onClock,
  presentActionItem,
  presentNote,
  presentReview,
  presentRevision,
  presentSession,
  presentSharedDecision,
} from "./engagements.presenter.ts";
import {
  type DecisionShareRow,
  deleteNote,
  type EngagementRow,
  findActionItemRow,
  findDecisionCommentRow,
  findDecisionShareRow,
  findEngagementRow,
  findNoteRow,
  findSessionRow,
  insertActionItem,
  insertDecisionComment,
  insertEngagement,
  insertNote,
  insertPlanRevision,
  insertReview,
  insertSession,
  listActionItemRows,
  listBookedRangesOf,
  listDecisionComments,
  listEngagementRowsOf,
  listLiveSharedDecisions,
  listNextSessions,
  listPeople,
  listPlanRevisions,
  listRevealedMenteeReviews,
  listReviewRows,
  listSessionRows,
  listStartableRequests,
  listVisibleNotes,
  type ReviewRow,
  revokeDecisionShare,
  type SessionRow,
  updateActionItem,
  updateDecisionComment,
  updateEngagement,
  updateNote,
  updateSession,
  upsertDecisionShare,
} from "./engagements.repo.ts";

export type NotifyDeps = Pick<Deps, "db" | "mailer" | "config" | "auth">;
type Side = "mentee" | "mentor";

export const engagementJobKinds = {
  stall: "engagements.stall-check",
  due: "engagements.action-due",
  reveal: "engagements.reveal-reviews",
} as const;

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

function zone(value: string | null | undefined): string {
  return value && isTimeZone(value) ? value : "UTC";
}

function sideOf(row: EngagementRow, userId: string): Side {
  return row.mentorId === userId ? "mentor" : "mentee";
}

function otherOf(row: EngagementRow, userId: string): string {
  return row.mentorId === userId ? row.menteeId : row.mentorId;
}

/**
 * The engagement, for one of its two people; anyone else (an instance admin too) gets the same 404 as
 * for a missing one. `only` names the side a step belongs to: the other side gets a 403 saying whose.
 */
async function requireEngagement(
  db: Db,
  me: Viewer,
  id: string,
  options: { lock?: boolean; only?: Side; action?: "read" | "update" } = {},
) {
  const row = await findEngagementRow(db, id, { lock: options.lock });
  const party = row && (row.mentorId === me.userId ? row.mentorId : row.menteeId);
  const found = await requireAccess(
    db,
    me,
    options.action ?? "read",
    "engagement",
    row && { userId: party as string, row },
  );
  const side = sideOf(found.row, me.userId);
  if (options.only && side !== options.only) {
    throw new AppError(
      "FORBIDDEN",
      options.only === "mentee"
        ? "Only the mentee can do this: the decisions in a mentoring stay theirs."
        : "Only the mentor can do this.",
    );
  }
  return { row: found.row, side };
}

function requireState(row: EngagementRow, states: EngagementRow["state"][], doing: string) {
  if (states.includes(row.state)) return;
  const now: Record<EngagementRow["state"], string> = {
    agreeing: "both of you have not accepted the agreement yet",
    active: "the mentoring is in progress",
    closing: "the mentoring is closing",
    closed: "the mentoring is closed",
  };
  throw new AppError("CONFLICT", `You cannot ${doing} now: ${now[row.state]}.`);
}

async function scheduleStallCheck(tx: Db, row: EngagementRow, from: Date) {
  await enqueueJob(tx, {
    kind: engagementJobKinds.stall,
    payload: { engagementId: row.id },
    key: `${engagementJobKinds.stall}:${row.id}`,
    runAt: new Date(from.getTime() + stallDays * dayMs),
    replace: true,
  });
}

// Starting and listing

export async function listMyEngagements(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "engagement", viewer?.userId);
  const [rows, startable] = [
    await listEngagementRowsOf(db, me.userId),
    await listStartableRequests(db, me.userId),
  ];
  const people = await listPeople(db, [
    ...rows.flatMap((r) => [r.menteeId, r.mentorId]),
    ...startable.flatMap((r) => [r.menteeId, r.mentorId]),
  ]);
  const next = await listNextSessions(
    db,
    rows.map((r) => r.id),
    new Date(),
  );
  const personOf = (id: string) => {
    const p = people.get(id);
    return { userId: id, name: p?.name ?? "", timeZone: zone(p?.timeZone) };
  };
  return {
    engagements: rows.map((row) => ({
      id: row.id,
      requestId: row.requestId,
      side: sideOf(row, me.userId),
      state: row.state,
      other: personOf(otherOf(row, me.userId)),
      nextSessionAt: next.get(row.id)?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    startable: startable.map((r) => ({
      requestId: r.id,
      side: (r.mentorId === me.userId ? "mentor" : "mentee") as Side,
      other: personOf(r.mentorId === me.userId ? r.menteeId : r.mentorId),
    })),
  };
}

/**
 * Starts the engagement of an accepted request, from either side. Any accepted request will do,
 * whether a member asked the mentor or a mentoring program paired them. One per request: the unique
 * index settles two sides starting it at once.
 */
export async function startEngagement(deps: NotifyDeps, viewer: Viewer | null, input: { requestId: string }) {
  const me = await requireAccess(deps.db, viewer, "create", "engagement");
  const id = await runAfterCommit(deps, async (tx, later) => {
    const request = await findRequestRow(tx, input.requestId, { lock: true });
    const party = request && (request.mentorId === me.userId ? request.mentorId : request.menteeId);
    const found = await requireAccess(
      tx,
      me,
      "create",
      "engagement",
      request && { userId: party as string, request },
    );
    if (found.request.state !== "accepted") {
      throw new AppError("CONFLICT", "Only an accepted request can start a mentoring engagement.");
    }
    const now = new Date();
    let row: EngagementRow;
    try {
      row = await tx.transaction((inner) =>
        insertEngagement(inner, {
          id: newId(),
          requestId: found.request.id,
          menteeId: found.request.menteeId,
          mentorId: found.request.mentorId,
          goals: "",
          confidentiality:
            "What we say in sessions stays between us. Either of us may share what we learned, never what the other said, without asking first.",
          lastBookedAt: now,
          createdAt: now,
        }),
      );
    } catch (error) {
      if (isViolation(error, "23505")) {
        throw new AppError(
          "CONFLICT",
          "This request already has its engagement: open it from your mentoring.",
        );
      }
      throw error;
    }
    const people = await listPeople(tx, [me.userId]);
    later(
      await notify(deps, tx, {
        userId: otherOf(row, me.userId),
        kind: "engagement_update",
        title: `${people.get(me.userId)?.name ?? "Your mentoring partner"} started your mentoring engagement`,
        body: "Agree its goals, cadence, length and confidentiality first: nothing else starts before both of you accept.",
        link: `/engagements/${row.id}`,
      }),
    );
    return row.id;
  });
  return getEngagement(deps.db, viewer, id);
}

// Reading one

function subtractBooked(
  slots: { start: string; end: string }[],
  booked: { startsAt: Date; endsAt: Date }[],
): { start: number; end: number }[] {
  let free = slots.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
  for (const b of booked) {
    const [bs, be] = [b.startsAt.getTime(), b.endsAt.getTime()];
    free = free.flatMap((s) => {
      if (be <= s.start || bs >= s.end) return [s];
      const parts = [];
      if (bs > s.start) parts.push({ start: s.start, end: bs });
      if (be < s.end) parts.push({ start: be, end: s.end });
      return parts;
    });
  }
  return free.filter((s) => s.end - s.start >= 30 * minuteMs);
}

async function freeSlots(db: Db, row: EngagementRow, zones: { mentee: string; mentor: string }, now: Date) {
  const mentor = await findMentorRow(db, row.mentorId);
  if (!mentor) return [];
  const slots = expandAvailability(
    mentor.profile.weekly,
    mentor.profile.away,
    mentor.profile.timeZone,
    now,
    14,
  );
  const booked = await listBookedRangesOf(db, row.mentorId, row.menteeId, now);
  // Free times start on a quarter hour, as people book them.
  const quarter = 15 * minuteMs;
  const rounded = subtractBooked(slots, booked)
    .map((s) => ({ start: Math.ceil(s.start / quarter) * quarter, end: s.end }))
    .filter((s) => s.end - s.start >= 30 * minuteMs);
  return rounded.map((s) => ({
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    menteeClock: `${onClock(new Date(s.start), zones.mentee)} – ${onClock(new Date(s.end), zones.mentee).slice(15, 20)}`,
    mentorClock: `${onClock(new Date(s.start), zones.mentor)} – ${onClock(new Date(s.end), zones.mentor).slice(15, 20)}`,
  }));
}

function revealAt(row: EngagementRow): Date | null {
  return row.closeStartedAt ? new Date(row.closeStartedAt.getTime() + reviewRevealDays * dayMs) : null;
}

function reviewsRevealed(row: EngagementRow, reviews: ReviewRow[], now: Date): boolean {
  const at = revealAt(row);
  return row.state === "closed" || reviews.length === 2 || (at !== null && at.getTime() <= now.getTime());
}

async function presentEngagement(db: Db, viewerId: string, row: EngagementRow): Promise<EngagementOutput> {
  const now = new Date();
  const people = await listPeople(db, [row.menteeId, row.mentorId]);
  const zones = {
    mentee: zone(people.get(row.menteeId)?.timeZone),
    mentor: zone(people.get(row.mentorId)?.timeZone),
  };
  const nameOf = (id: string) => people.get(id)?.name ?? "";
  const [revisions, sessions, notes, items, reviews] = [
    await listPlanRevisions(db, row.id),
    await listSessionRows(db, row.id),
    await listVisibleNotes(db, row.id, viewerId),
    await listActionItemRows(db, row.id),
    await listReviewRows(db, row.id),
  ];
  const side = sideOf(row, viewerId);
  const mine = reviews.find((r) => r.side === side) ?? null;
  const theirs = reviews.find((r) => r.side !== side) ?? null;
  const revealed = reviewsRevealed(row, reviews, now);
  const presented = revisions.map((r) => presentRevision(r, nameOf(r.authorId)));
  // A closed engagement shares nothing any more: its mentor reads no decision through it.
  const shared = row.state === "closed" ? [] : await listLiveSharedDecisions(db, row.id, row.menteeId);
  const comments = await listDecisionComments(
    db,
    shared.map((d) => d.shareId),
  );
  return {
    id: row.id,
    requestId: row.requestId,
    side,
    state: row.state,
    mentee: { userId: row.menteeId, name: nameOf(row.menteeId), timeZone: zones.mentee },
    mentor: { userId: row.mentorId, name: nameOf(row.mentorId), timeZone: zones.mentor },
    agreement: {
      goals: row.goals,
      cadence: row.cadence,
      lengthWeeks: row.lengthWeeks,
      confidentiality: row.confidentiality,
      menteeAcceptedAt: row.menteeAcceptedAt?.toISOString() ?? null,
      mentorAcceptedAt: row.mentorAcceptedAt?.toISOString() ?? null,
    },
    intake: {
      questions: row.intakeQuestions,
      answers: row.intakeAnswers,
      shared: row.intakeShared,
      answeredAt: row.intakeAnsweredAt?.toISOString() ?? null,
    },
    plan: { current: presented[0] ?? null, history: presented },
    sessions: sessions.map((s) => presentSession(s, zones)),
    slots: row.state === "active" ? await freeSlots(db, row, zones, now) : [],
    notes: notes.map((n) => presentNote(n, viewerId, nameOf(n.authorId))),
    actionItems: items.map(presentActionItem),
    decisions: shared.map((d) =>
      presentSharedDecision(
        d,
        comments.filter((c) => c.shareId === d.shareId),
        viewerId,
      ),
    ),
    reviews: {
      mine: mine && presentReview(mine, nameOf(mine.authorId)),
      theirsIn: theirs !== null,
      revealed,
      revealsAt: revealAt(row)?.toISOString() ?? null,
      // The other side's review stays on the server until both are in or the 14 days have passed.
      theirs: theirs && revealed ? presentReview(theirs, nameOf(theirs.authorId)) : null,
    },
    closeStartedAt: row.closeStartedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export async function getEngagement(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const { row } = await requireEngagement(db, me, id);
  return presentEngagement(db, me.userId, row);
}

async function tellOther(
  deps: NotifyDeps,
  tx: Db,
  row: EngagementRow,
  actorId: string,
  what: (name: string) => { title: string; body: string },
) {
  const name = (await listPeople(tx, [actorId])).get(actorId)?.name ?? "Your mentoring partner";
  return notify(deps, tx, {
    userId: otherOf(row, actorId),
    kind: "engagement_update",
    ...what(name),
    link: `/engagements/${row.id}`,
  });
}

// Agreement

export async function saveAgreement(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: AgreementInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { lock: true, action: "update" });
    requireState(row, ["agreeing"], "change the agreement");
    // A changed agreement must be accepted again by both: each acceptance was of the old text.
    const updated = await updateEngagement(
      tx,
      id,
      { ...input, menteeAcceptedAt: null, mentorAcceptedAt: null },
      version,
    );
    if (!updated) throw staleWriteError("agreement");
    later(
      await tellOther(deps, tx, row, me.userId, (name) => ({
        title: `${name} proposed the terms of your mentoring`,
        body: "Read the goals, cadence, length and confidentiality, then accept them or change them.",
      })),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

export async function acceptAgreement(deps: NotifyDeps, viewer: Viewer | null, id: string, input: Versioned) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row, side } = await requireEngagement(tx, me, id, { lock: true, action: "update" });
    requireState(row, ["agreeing"], "accept the agreement");
    // What is accepted is the version read: a change made since must be read first.
    if (row.version !== input.version) throw staleWriteError("agreement");
    if (!row.goals.trim() || !row.confidentiality.trim()) {
      throw new AppError("CONFLICT", "Write the goals and the confidentiality terms before accepting.");
    }
    const now = new Date();
    const mentee = side === "mentee" ? now : row.menteeAcceptedAt;
    const mentor = side === "mentor" ? now : row.mentorAcceptedAt;
    const both = mentee !== null && mentor !== null;
    const updated = await updateEngagement(
      tx,
      id,
      {
        menteeAcceptedAt: mentee,
        mentorAcceptedAt: mentor,
        ...(both ? { state: "active" as const, lastBookedAt: now } : {}),
      },
      input.version,
    );
    if (!updated) throw staleWriteError("agreement");
    if (both) await scheduleStallCheck(tx, updated, now);
    later(
      await tellOther(deps, tx, row, me.userId, (name) =>
        both
          ? {
              title: `${name} accepted the agreement: your mentoring has begun`,
              body: "Next: the intake, the plan, and your first session.",
            }
          : { title: `${name} accepted the agreement`, body: "Accept it too, or change it, to begin." },
      ),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

// Intake

export async function saveIntakeQuestions(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof intakeQuestionsInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { lock: true, only: "mentor", action: "update" });
    requireState(row, ["agreeing", "active"], "change the intake questions");
    const updated = await updateEngagement(tx, id, { intakeQuestions: input.questions }, input.version);
    if (!updated) throw staleWriteError("intake");
    later(
      await tellOther(deps, tx, row, me.userId, (name) => ({
        title: `${name} asks you intake questions`,
        body: `${input.questions.length} questions wait for your answers in the intake.`,
      })),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

/**
 * The mentee answers the intake and chooses what of their record the mentor may read for the
 * engagement's life: lanes, portfolio, both or neither. Sharing goes through the sharing grants, so
 * revoking either way (here, on the sharing page, or at close-out) works on every path at once.
 */
export async function saveIntakeAnswers(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof intakeAnswersInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { lock: true, only: "mentee", action: "update" });
    requireState(row, ["agreeing", "active"], "answer the intake");
    if (input.answers.length > row.intakeQuestions.length) {
      throw new AppError(
        "VALIDATION",
        "There are more answers than questions: reload the intake.",
        "answers",
      );
    }
    const mentor = (await listPeople(tx, [row.mentorId])).get(row.mentorId);
    if (!mentor)
      throw new AppError("NOT_FOUND", "There is no mentoring engagement with this id among yours.");
    const before = new Set(await listSharedParts(tx, row.menteeId, mentor.email));
    const added = input.share.filter((part) => !before.has(part));
    if (added.length > 0) await insertShareGrants(tx, row.menteeId, mentor.email, added);
    // Parts this engagement shared and the mentee no longer wants shared are revoked now.
    const dropped = row.intakeGranted.filter((part) => !input.share.includes(part));
    await revokeGrants(tx, row.menteeId, mentor.email, dropped);
    const granted = [...new Set([...row.intakeGranted.filter((p) => !dropped.includes(p)), ...added])];
    const updated = await updateEngagement(
      tx,
      id,
      {
        intakeAnswers: input.answers,
        intakeShared: input.share,
        intakeGranted: granted,
        intakeAnsweredAt: new Date(),
      },
      input.version,
    );
    if (!updated) throw staleWriteError("intake");
    later(
      await tellOther(deps, tx, row, me.userId, (name) => ({
        title: `${name} answered the intake`,
        body: input.share.length
          ? `They share their ${input.share.join(" and ")} with you, read-only, for the mentoring's life.`
          : "They share nothing else from their record for now.",
      })),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

async function revokeGrants(tx: Db, ownerId: string, email: string, parts: IntakeSharePart[]) {
  for (const part of parts) {
    await tx
      .delete(shareGrants)
      .where(
        and(
          eq(shareGrants.ownerId, ownerId),
          eq(shareGrants.granteeEmail, normalEmail(email)),
          eq(shareGrants.part, part),
        ),
      );
  }
}

// Plan

/**
 * A new revision of the plan. The first is the plan itself; every later one says why it changed, and
 * the history keeps them all. Two people revising from the same revision race for the next number,
 * and the unique index lets only one through.
 */
export async function revisePlan(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof planRevisionInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { action: "update" });
    requireState(row, ["active"], "revise the plan");
    if (input.version > 0 && !input.reason.trim()) {
      throw new AppError("VALIDATION", "Say why the plan changes: the history keeps the reason.", "reason");
    }
    for (const [index, goal] of input.goals.entries()) {
      if (!goal.tourId) continue;
      const [tour] = await tx
        .select({ id: tours.id })
        .from(tours)
        .where(and(eq(tours.id, goal.tourId), eq(tours.userId, row.menteeId)));
      if (!tour) {
        throw new AppError("VALIDATION", "Pick one of the mentee's tours of duty", `goals.${index}.tourId`);
      }
    }
    const [latest] = await listPlanRevisions(tx, id);
    if ((latest?.number ?? 0) !== input.version) throw staleWriteError("plan");
    const inserted = await insertPlanRevision(tx, {
      engagementId: id,
      number: input.version + 1,
      goals: input.goals,
      reason: input.reason,
      authorId: me.userId,
    });
    if (!inserted) throw staleWriteError("plan");
    later(
      await tellOther(deps, tx, row, me.userId, (name) => ({
        title:
          input.version === 0 ? `${name} wrote your mentoring plan` : `${name} revised your mentoring plan`,
        body: input.reason ? `Why: ${input.reason}` : "Read the goals and their measures.",
      })),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

// Sessions

function requireInAvailability(slots: { start: string; end: string }[], start: Date, end: Date) {
  const fits = slots.some(
    (s) => Date.parse(s.start) <= start.getTime() && end.getTime() <= Date.parse(s.end),
  );
  if (!fits) {
    throw new AppError(
      "VALIDATION",
      "This time is outside the mentor's availability: pick one of the free times shown.",
      "startsAt",
    );
  }
}

async function checkBookable(tx: Db, mentorId: string, start: Date, end: Date, now: Date) {
  if (start.getTime() <= now.getTime()) {
    throw new AppError("VALIDATION", "Pick a time in the future.", "startsAt");
  }
  const mentor = await findMentorRow(tx, mentorId);
  if (!mentor) throw new AppError("CONFLICT", "Your mentor no longer has a mentor profile to book against.");
  const days = Math.ceil((end.getTime() - now.getTime()) / dayMs) + 1;
  const slots = expandAvailability(
    mentor.profile.weekly,
    mentor.profile.away,
    mentor.profile.timeZone,
    now,
    days,
  );
  requireInAvailability(slots, start, end);
}

const doubleBooked = () =>
  new AppError(
    "CONFLICT",
    "This time was just booked, or overlaps another session of one of you. Pick another free time.",
    "startsAt",
  );

/** Writes that can meet the exclusion constraint: its violation is the double booking it refuses. */
async function guarded<T>(tx: Db, write: (inner: Db) => Promise<T>): Promise<T> {
  try {
    // A savepoint, so the refused statement does not abort the caller's transaction on PostgreSQL.
    return await tx.transaction(write);
  } catch (error) {
    if (isViolation(error, "23P01")) throw doubleBooked();
    throw error;
  }
}

export async function sessionCalendarOf(deps: Pick<Deps, "config">, db: Db, session: SessionRow) {
  const people = await listPeople(db, [session.mentorId, session.menteeId]);
  const person = (id: string) => ({ name: people.get(id)?.name ?? "", email: people.get(id)?.email ?? "" });
  const link = session.engagementId
    ? `/engagements/${session.engagementId}`
    : `/urgent-calls/${session.urgentCallId}`;
  return sessionCalendarFile(
    session,
    { mentor: person(session.mentorId), mentee: person(session.menteeId) },
    {
      title: `Mentoring: ${person(session.menteeId).name} with ${person(session.mentorId).name}`,
      baseUrl: deps.config.baseUrl,
      host: new URL(deps.config.baseUrl).host,
      link,
    },
  );
}

/** Both people hear of every booking, change and cancellation, each on their own clock, with the file. */
export async function tellSessionChange(
  deps: NotifyDeps,
  tx: Db,
  session: SessionRow,
  what: "booked" | "moved" | "cancelled",
  note: string,
) {
  const file = await sessionCalendarOf(deps, tx, session);
  const people = await listPeople(tx, [session.mentorId, session.menteeId]);
  const sends: (() => void)[] = [];
  const link = session.engagementId
    ? `/engagements/${session.engagementId}`
    : `/urgent-calls/${session.urgentCallId}`;
  for (const userId of [session.menteeId, session.mentorId]) {
    const other = people.get(userId === session.menteeId ? session.mentorId : session.menteeId)?.name ?? "";
    const when = onClock(session.startsAt, zone(people.get(userId)?.timeZone));
    sends.push(
      await notify(deps, tx, {
        userId,
        kind: "engagement_session",
        title:
          what === "booked"
            ? `Session with ${other} booked: ${when}`
            : what === "moved"
              ? `Session with ${other} moved to ${when}`
              : `Session with ${other} on ${when} cancelled`,
        body: [
          `${when}, ${Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / minuteMs)} minutes.`,
          ...(note ? [note] : []),
          "The calendar file is attached; it updates the same event in your calendar.",
        ].join("\n"),
        link,
        attachments: [
          {
            filename: file.filename,
            contentType: `text/calendar; charset=utf-8; method=${file.method}`,
            content: file.content,
          },
        ],
      }),
    );
  }
  return () => {
    for (const send of sends) send();
  };
}

export async function bookSession(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof bookSessionInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { action: "update" });
    requireState(row, ["active"], "book a session");
    const now = new Date();
    const start = new Date(input.startsAt);
    const end = new Date(start.getTime() + input.minutes * minuteMs);
    await checkBookable(tx, row.mentorId, start, end, now);
    const session = await guarded(tx, (inner) =>
      insertSession(inner, {
        engagementId: id,
        mentorId: row.mentorId,
        menteeId: row.menteeId,
        startsAt: start,
        endsAt: end,
        agenda: input.agenda,
      }),
    );
    const updated = await updateEngagement(tx, id, { lastBookedAt: now });
    if (updated) await scheduleStallCheck(tx, updated, now);
    later(
      await tellSessionChange(deps, tx, session, "booked", input.agenda ? `Agenda: ${input.agenda}` : ""),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

async function requireSession(db: Db, me: Viewer, id: string) {
  const row = await findSessionRow(db, id);
  const party = row && (row.mentorId === me.userId ? row.mentorId : row.menteeId);
  const found = await requireAccess(db, me, "read", "engagement", row && { userId: party as string, row });
  return found.row;
}

async function presentOneSession(db: Db, session: SessionRow) {
  const people = await listPeople(db, [session.mentorId, session.menteeId]);
  return presentSession(session, {
    mentee: zone(people.get(session.menteeId)?.timeZone),
    mentor: zone(people.get(session.mentorId)?.timeZone),
  });
}

export async function rescheduleSession(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof rescheduleSessionInput>,
) {
  const me = requireSignedIn(viewer);
  const session = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireSession(tx, me, id);
    if (found.state !== "booked")
      throw new AppError("CONFLICT", "This session was cancelled: book a new one.");
    const now = new Date();
    const start = new Date(input.startsAt);
    const end = new Date(start.getTime() + input.minutes * minuteMs);
    if (found.engagementId) await checkBookable(tx, found.mentorId, start, end, now);
    else if (start.getTime() <= now.getTime())
      throw new AppError("VALIDATION", "Pick a time in the future.", "startsAt");
    const updated = await guarded(tx, (inner) =>
      updateSession(inner, id, { startsAt: start, endsAt: end, agenda: input.agenda }, input.version),
    );
    if (!updated) throw staleWriteError("session");
    later(await tellSessionChange(deps, tx, updated, "moved", input.notice));
    return updated;
  });
  return presentOneSession(deps.db, session);
}

export async function cancelSession(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof cancelSessionInput>,
) {
  const me = requireSignedIn(viewer);
  const session = await runAfterCommit(deps, async (tx, later) => {
    const found = await requireSession(tx, me, id);
    if (found.state !== "booked") throw new AppError("CONFLICT", "This session is already cancelled.");
    const updated = await updateSession(
      tx,
      id,
      { state: "cancelled", cancelReason: input.reason },
      input.version,
    );
    if (!updated) throw staleWriteError("session");
    later(await tellSessionChange(deps, tx, updated, "cancelled", `Why: ${input.reason}`));
    return updated;
  });
  return presentOneSession(deps.db, session);
}

export async function getSessionCalendar(
  deps: Pick<Deps, "db" | "config">,
  viewer: Viewer | null,
  id: string,
) {
  const me = requireSignedIn(viewer);
  const session = await requireSession(deps.db, me, id);
  return sessionCalendarOf(deps, deps.db, session);
}

/** Nudges both people when no session was booked for 21 days; checks again 21 days later. */
export async function checkStall(deps: NotifyDeps, engagementId: string, now: Date) {
  return runAfterCommit(deps, async (tx, later) => {
    const row = await findEngagementRow(tx, engagementId, { lock: true });
    if (row?.state !== "active") return undefined;
    const due = row.lastBookedAt.getTime() + stallDays * dayMs;
    if (due > now.getTime()) return { runAgainAt: new Date(due) };
    const upcoming = (await listSessionRows(tx, row.id)).some(
      (s) => s.state === "booked" && s.startsAt.getTime() > now.getTime(),
    );
    if (!upcoming) {
      const people = await listPeople(tx, [row.menteeId, row.mentorId]);
      for (const userId of [row.menteeId, row.mentorId]) {
        const other = people.get(otherOf(row, userId))?.name ?? "";
        later(
          await notify(deps, tx, {
            userId,
            kind: "engagement_stalled",
            title: `No session with ${other} for ${stallDays} days`,
            body: "Book the next session from your engagement page, or close the mentoring if it has done its work.",
            link: `/engagements/${row.id}`,
          }),
        );
      }
    }
    return { runAgainAt: new Date(now.getTime() + stallDays * dayMs) };
  });
}

// Notes

export async function addNote(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof noteInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { action: "update" });
    requireState(row, ["active", "closing"], "write a note");
    if (input.sessionId) {
      const session = await findSessionRow(tx, input.sessionId);
      if (session?.engagementId !== id) {
        throw new AppError("VALIDATION", "Pick one of this engagement's sessions", "sessionId");
      }
    }
    await insertNote(tx, {
      engagementId: id,
      sessionId: input.sessionId,
      authorId: me.userId,
      body: input.body,
      shared: input.shared,
    });
    // Only a shared note is announced, and never with its text: the notice says that, not what.
    if (input.shared) {
      later(
        await tellOther(deps, tx, row, me.userId, (name) => ({
          title: `${name} shared a session note with you`,
          body: "Read it on your engagement page.",
        })),
      );
    }
  });
  return getEngagement(deps.db, viewer, id);
}

async function requireOwnNote(db: Db, me: Viewer, id: string, action: "update" | "delete") {
  const note = await findNoteRow(db, id);
  // The other person's note, private or shared, cannot be changed by them: the same 404 as missing.
  return requireAccess(db, me, action, "engagementNote", note && { userId: note.authorId, note });
}

export async function updateSessionNote(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof noteUpdateInput>,
) {
  const me = requireSignedIn(viewer);
  const engagementId = await runAfterCommit(deps, async (tx, later) => {
    const { note } = await requireOwnNote(tx, me, id, "update");
    const { row } = await requireEngagement(tx, me, note.engagementId);
    const updated = await updateNote(
      tx,
      id,
      me.userId,
      { body: input.body, shared: input.shared },
      input.version,
    );
    if (!updated) throw staleWriteError("note");
    if (input.shared && !note.shared) {
      later(
        await tellOther(deps, tx, row, me.userId, (name) => ({
          title: `${name} shared a session note with you`,
          body: "Read it on your engagement page.",
        })),
      );
    }
    return note.engagementId;
  });
  return getEngagement(deps.db, viewer, engagementId);
}

export async function deleteSessionNote(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const { note } = await requireOwnNote(db, me, id, "delete");
  await deleteNote(db, id, me.userId);
  return { id: note.id };
}

// Decisions the mentee shares

/**
 * The share, reached through its engagement: a stranger (an instance admin too) finds nothing, and the
 * other side of the engagement is told whose step it is.
 */
async function requireDecisionShare(db: Db, me: Viewer, shareId: string, only: Side) {
  const share = await findDecisionShareRow(db, shareId);
  const { row } = await requireEngagement(db, me, share?.engagementId ?? "", { only, action: "update" });
  return { share: share as DecisionShareRow, row };
}

function shareHolds(share: DecisionShareRow) {
  return async () => ({
    mentorId: share.mentorId,
    live: share.revokedAt === null && share.state !== "closed" && share.ownerId === share.menteeId,
  });
}

/**
 * The mentee shares one decision of their journal with the mentor, read-only, for the engagement's
 * life. Sharing one already shared changes nothing; sharing one again after a revoke opens it again.
 */
export async function shareDecision(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof shareDecisionInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { lock: true, only: "mentee", action: "update" });
    requireState(row, ["active", "closing"], "share a decision");
    const decision = await findDecisionRow(tx, input.decisionId);
    // Only a decision of the mentee's own journal can be shared; anyone else's is as if missing.
    if (!decision || !(await authorize(tx, me, "read", "decision", decision.userId))) {
      throw new AppError("VALIDATION", "Pick one of the decisions in your journal", "decisionId");
    }
    const opened = await upsertDecisionShare(tx, id, decision.id);
    if (!opened) return;
    later(
      await tellOther(deps, tx, row, me.userId, (name) => ({
        title: `${name} shared a decision with you`,
        body: "Read it and comment on it on your engagement page. The decision stays theirs: only they change it.",
      })),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

/** The mentee stops sharing a decision: the mentor's next request no longer finds it. */
export async function unshareDecision(deps: NotifyDeps, viewer: Viewer | null, shareId: string) {
  const me = requireSignedIn(viewer);
  const { share } = await requireDecisionShare(deps.db, me, shareId, "mentee");
  if (!(await revokeDecisionShare(deps.db, shareId))) {
    throw new AppError("CONFLICT", "You already stopped sharing this decision.");
  }
  return getEngagement(deps.db, viewer, share.engagementId);
}

/** The mentor comments on a decision shared with them; the mentee reads it in their journal. */
export async function commentOnDecision(
  deps: NotifyDeps,
  viewer: Viewer | null,
  shareId: string,
  input: z.infer<typeof decisionCommentInput>,
) {
  const me = requireSignedIn(viewer);
  const engagementId = await runAfterCommit(deps, async (tx, later) => {
    const { share, row } = await requireDecisionShare(tx, me, shareId, "mentor");
    await requireSharedDecisionAccess(tx, me, "create", share.ownerId, shareHolds(share));
    await insertDecisionComment(tx, shareId, me.userId, input.body);
    const name = (await listPeople(tx, [me.userId])).get(me.userId)?.name ?? "Your mentor";
    later(
      await notify(deps, tx, {
        userId: row.menteeId,
        kind: "decision_comment",
        title: `${name} commented on a decision you shared`,
        body: `${input.body.length > 600 ? `${input.body.slice(0, 600)}…` : input.body}\n\nRead it beside your decision in your journal.`,
        link: `/decisions/${share.decisionId}`,
      }),
    );
    return row.id;
  });
  return getEngagement(deps.db, viewer, engagementId);
}

/** The mentor changes their comment at the version they read, while the share holds. */
export async function updateDecisionCommentOf(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof decisionCommentUpdateInput>,
) {
  const me = requireSignedIn(viewer);
  const comment = await findDecisionCommentRow(deps.db, id);
  const { share } = await requireDecisionShare(deps.db, me, comment?.shareId ?? "", "mentor");
  await requireSharedDecisionAccess(deps.db, me, "create", share.ownerId, shareHolds(share));
  // Someone else's comment answers like a missing one.
  if (comment?.authorId !== me.userId) {
    throw new AppError("NOT_FOUND", "There is no comment with this id among yours.");
  }
  const updated = await updateDecisionComment(deps.db, id, me.userId, input.body, input.version);
  if (!updated) throw staleWriteError("comment");
  return getEngagement(deps.db, viewer, share.engagementId);
}

// Action items

async function scheduleDueReminder(tx: Db, item: { id: string; dueOn: string | null }, menteeZone: string) {
  if (!item.dueOn) return;
  const [y, m, d] = item.dueOn.split("-").map(Number) as [number, number, number];
  const at = new TZDate(y, m - 1, d, 9, 0, menteeZone);
  await enqueueJob(tx, {
    kind: engagementJobKinds.due,
    payload: { itemId: item.id, dueOn: item.dueOn },
    key: `${engagementJobKinds.due}:${item.id}:${item.dueOn}`,
    runAt: new Date(at.getTime()),
  });
}

/** The mentee commits to an action; a mentor's action is a suggestion until the mentee takes it up. */
export async function addActionItem(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof actionItemInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row, side } = await requireEngagement(tx, me, id, { action: "update" });
    requireState(row, ["active"], "add an action");
    const item = await insertActionItem(tx, {
      engagementId: id,
      text: input.text,
      dueOn: input.dueOn,
      state: side === "mentee" ? "committed" : "suggested",
      suggestedBy: side,
    });
    if (side === "mentee") {
      const zoneOfMentee = zone((await listPeople(tx, [row.menteeId])).get(row.menteeId)?.timeZone);
      await scheduleDueReminder(tx, item, zoneOfMentee);
    } else {
      later(
        await tellOther(deps, tx, row, me.userId, (name) => ({
          title: `${name} suggests an action`,
          body: `“${input.text}”. Commit to it, change it, or leave it: the choice is yours.`,
        })),
      );
    }
  });
  return getEngagement(deps.db, viewer, id);
}

const transitions: Record<string, string[]> = {
  suggested: ["suggested", "committed", "declined"],
  committed: ["committed", "done", "not_done"],
  done: ["done", "committed"],
  not_done: ["not_done", "committed"],
  declined: ["declined", "committed"],
};

export async function updateActionItemOf(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof actionItemUpdateInput>,
) {
  const me = requireSignedIn(viewer);
  const item = await findActionItemRow(deps.db, id);
  // The item is reached through its engagement: a stranger finds nothing; the mentor is told whose it is.
  const { row } = await requireEngagement(deps.db, me, item?.engagementId ?? "", {
    only: "mentee",
    action: "update",
  });
  const found = item as NonNullable<typeof item>;
  requireState(row, ["active", "closing"], "change an action");
  if (!transitions[found.state]?.includes(input.state)) {
    throw new AppError(
      "CONFLICT",
      `An action that is ${found.state.replace("_", " ")} cannot become ${input.state.replace("_", " ")}.`,
      "state",
    );
  }
  await runAfterCommit(deps, async (tx) => {
    const updated = await updateActionItem(
      tx,
      id,
      {
        text: input.text,
        dueOn: input.dueOn,
        state: input.state,
        doneAt: input.state === "done" ? new Date() : null,
      },
      input.version,
    );
    if (!updated) throw staleWriteError("action");
    if (updated.state === "committed") {
      const zoneOfMentee = zone((await listPeople(tx, [row.menteeId])).get(row.menteeId)?.timeZone);
      await scheduleDueReminder(tx, updated, zoneOfMentee);
    }
  });
  return getEngagement(deps.db, viewer, row.id);
}

export async function remindActionItem(deps: NotifyDeps, itemId: string, dueOn: string) {
  return runAfterCommit(deps, async (tx, later) => {
    const item = await findActionItemRow(tx, itemId);
    if (item?.state !== "committed" || item.dueOn !== dueOn) return;
    const row = await findEngagementRow(tx, item.engagementId);
    if (row?.state !== "active") return;
    later(
      await notify(deps, tx, {
        userId: row.menteeId,
        kind: "action_item_due",
        title: `Due today: ${item.text}`,
        body: "Mark it done or not done on your engagement page; either is worth talking about in your next session.",
        link: `/engagements/${row.id}`,
      }),
    );
  });
}

// Close-out

export async function startCloseOut(deps: NotifyDeps, viewer: Viewer | null, id: string, input: Versioned) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row } = await requireEngagement(tx, me, id, { lock: true, action: "update" });
    requireState(row, ["active", "agreeing"], "close the mentoring");
    const now = new Date();
    const updated = await updateEngagement(tx, id, { state: "closing", closeStartedAt: now }, input.version);
    if (!updated) throw staleWriteError("engagement");
    await enqueueJob(tx, {
      kind: engagementJobKinds.reveal,
      payload: { engagementId: id },
      key: `${engagementJobKinds.reveal}:${id}`,
      runAt: new Date(now.getTime() + reviewRevealDays * dayMs),
    });
    later(
      await tellOther(deps, tx, row, me.userId, (name) => ({
        title: `${name} began closing your mentoring`,
        body: `Write your review. Neither of you sees the other's until both are in, or ${reviewRevealDays} days have passed.`,
      })),
    );
  });
  return getEngagement(deps.db, viewer, id);
}

/** Ends the engagement for good: the mentoring request ends, the seat is free, the intake's shares end. */
async function finishEngagement(tx: Db, row: EngagementRow, now: Date) {
  await updateEngagement(tx, row.id, { state: "closed", closedAt: now });
  const request = await findRequestRow(tx, row.requestId, { lock: true });
  if (request?.state === "accepted") {
    await freeSeat(tx, row.mentorId);
    await updateRequest(tx, row.requestId, { state: "ended", closedAt: now });
  }
  const mentor = (await listPeople(tx, [row.mentorId])).get(row.mentorId);
  if (mentor) await revokeGrants(tx, row.menteeId, mentor.email, row.intakeGranted);
}

async function tellRevealed(deps: NotifyDeps, tx: Db, row: EngagementRow) {
  const sends: (() => void)[] = [];
  for (const userId of [row.menteeId, row.mentorId]) {
    sends.push(
      await notify(deps, tx, {
        userId,
        kind: "engagement_reviews",
        title: "Your mentoring's reviews are revealed",
        body: "Read what the other person wrote on your engagement page.",
        link: `/engagements/${row.id}`,
      }),
    );
  }
  return () => {
    for (const send of sends) send();
  };
}

export async function writeReview(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof reviewInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const { row, side } = await requireEngagement(tx, me, id, { lock: true, action: "update" });
    requireState(row, ["closing", "closed"], "write a review");
    const inserted = await insertReview(tx, {
      engagementId: id,
      mentorId: row.mentorId,
      side,
      authorId: me.userId,
      rating: input.rating,
      text: input.text,
      // Only the mentee's review is quoted on the mentor's profile, and only with their leave.
      quoteAllowed: side === "mentee" && input.quoteAllowed,
    });
    if (!inserted) throw new AppError("CONFLICT", "You already wrote your review; it cannot be changed.");
    const reviews = await listReviewRows(tx, id);
    const now = new Date();
    if (reviews.length === 2 && row.state === "closing") {
      await finishEngagement(tx, row, now);
      later(await tellRevealed(deps, tx, row));
    }
  });
  return getEngagement(deps.db, viewer, id);
}

/** Fourteen days after the close-out began, whatever is in is revealed and the engagement closes. */
export async function revealReviews(deps: NotifyDeps, engagementId: string, now: Date) {
  return runAfterCommit(deps, async (tx, later) => {
    const row = await findEngagementRow(tx, engagementId, { lock: true });
    if (row?.state !== "closing" || !row.closeStartedAt) return undefined;
    const due = row.closeStartedAt.getTime() + reviewRevealDays * dayMs;
    if (due > now.getTime()) return { runAgainAt: new Date(due) };
    await finishEngagement(tx, row, now);
    later(await tellRevealed(deps, tx, row));
    return undefined;
  });
}

/** What a mentor's mentees said, once revealed: aggregates, and quotes only where the mentee allowed. */
export async function getMentorReviews(db: Db, viewer: Viewer | null, mentorId: string) {
  const me = requireSignedIn(viewer);
  const mentor = await findMentorRow(db, mentorId);
  await requireAccess(db, me, "read", "mentorReviews", mentor && { userId: mentor.profile.userId });
  const rows = await listRevealedMenteeReviews(db, mentorId, new Date(Date.now() - reviewRevealDays * dayMs));
  const average = rows.length ? rows.reduce((sum, r) => sum + r.rating, 0) / rows.length : null;
  return {
    mentorId,
    reviews: rows.length,
    averageRating: average === null ? null : Math.round(average * 10) / 10,
    quotes: rows
      .filter((r) => r.quoteAllowed)
      .slice(0, 10)
      .map((r) => ({ text: r.text, rating: r.rating, on: r.createdAt.toISOString().slice(0, 10) })),
  };
}

export function registerEngagementJobs(runner: JobRunner, deps: Deps) {
  runner.register(engagementJobKinds.stall, (payload, { now }) =>
    checkStall(deps, String(payload.engagementId), now),
  );
  runner.register(engagementJobKinds.due, (payload) =>
    remindActionItem(deps, String(payload.itemId), String(payload.dueOn)),
  );
  runner.register(engagementJobKinds.reveal, (payload, { now }) =>
    revealReviews(deps, String(payload.engagementId), now),
  );
}
