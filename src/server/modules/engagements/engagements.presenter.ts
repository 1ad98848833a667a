import { TZDate } from "@date-fns/tz";
import type { z } from "zod";
import type { DecisionCommentOutput } from "../../../shared/decisions.ts";
import type {
  actionItemOutput,
  noteOutput,
  planRevisionOutput,
  reviewOutput,
  SharedDecisionOutput,
  sessionOutput,
  urgentCallOutput,
} from "../../../shared/engagements.ts";
import type {
  ActionItemRow,
  DecisionCommentListRow,
  NoteRow,
  PlanRevisionRow,
  ReviewRow,
  SessionRow,
  SharedDecisionListRow,
  UrgentCallRow,
} from "./engagements.repo.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant on someone's own clock, e.g. "Tue 2026-03-10 15:00 (Europe/Berlin)". */
export function onClock(instant: Date, timeZone: string): string {
  const here = new TZDate(instant.getTime(), timeZone);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][here.getDay()];
  return `${day} ${here.getFullYear()}-${pad(here.getMonth() + 1)}-${pad(here.getDate())} ${pad(here.getHours())}:${pad(here.getMinutes())} (${timeZone})`;
}

export function presentSession(
  row: SessionRow,
  zones: { mentee: string; mentor: string },
): z.infer<typeof sessionOutput> {
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    minutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    agenda: row.agenda,
    state: row.state,
    cancelReason: row.cancelReason,
    sequence: row.sequence,
    menteeClock: onClock(row.startsAt, zones.mentee),
    mentorClock: onClock(row.startsAt, zones.mentor),
    version: row.version,
  };
}

export function presentNote(row: NoteRow, viewerId: string, authorName: string): z.infer<typeof noteOutput> {
  return {
    id: row.id,
    sessionId: row.sessionId,
    body: row.body,
    shared: row.shared,
    mine: row.authorId === viewerId,
    authorName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentActionItem(row: ActionItemRow): z.infer<typeof actionItemOutput> {
  return {
    id: row.id,
    text: row.text,
    dueOn: row.dueOn,
    state: row.state,
    suggestedBy: row.suggestedBy,
    doneAt: row.doneAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function presentRevision(
  row: PlanRevisionRow,
  authorName: string,
): z.infer<typeof planRevisionOutput> {
  return {
    number: row.number,
    goals: row.goals.map((g) => ({
      text: g.text,
      measure: g.measure,
      lane: g.lane,
      tourId: g.tourId,
      hurdle: g.hurdle,
    })),
    reason: row.reason,
    authorName,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentReview(row: ReviewRow, authorName: string): z.infer<typeof reviewOutput> {
  return {
    side: row.side,
    authorName,
    rating: row.rating,
    text: row.text,
    quoteAllowed: row.quoteAllowed,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentUrgentCall(
  row: UrgentCallRow,
  viewerId: string,
  names: Map<string, string>,
  sessions: z.infer<typeof sessionOutput>[],
  offeredTo: number,
): z.infer<typeof urgentCallOutput> {
  const mine = row.memberId === viewerId;
  const takenByMe = row.takenBy === viewerId;
  return {
    id: row.id,
    side: mine ? "member" : "mentor",
    memberName: names.get(row.memberId) ?? "A member",
    kind: row.kind,
    lane: row.lane,
    dilemma: row.dilemma,
    decideBy: row.decideBy?.toISOString() ?? null,
    promiseMinutes: row.promiseMinutes,
    state: row.state,
    wave: row.wave,
    // Another mentor learns only that the call was taken, not by whom.
    takenByName: row.takenBy && (mine || takenByMe) ? (names.get(row.takenBy) ?? null) : null,
    takenByMe,
    takenAt: row.takenAt?.toISOString() ?? null,
    offeredTo: mine ? offeredTo : null,
    answerBy: new Date(row.createdAt.getTime() + row.wave * row.promiseMinutes * 60_000).toISOString(),
    sessions: mine || takenByMe ? sessions : [],
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentDecisionComment(row: DecisionCommentListRow, viewerId: string): DecisionCommentOutput {
  return {
    id: row.id,
    body: row.body,
    authorName: row.authorName,
    mine: row.authorId === viewerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Only the fields a share shows: the revisits and the revisit date stay the mentee's. */
export function presentSharedDecision(
  row: SharedDecisionListRow,
  comments: DecisionCommentListRow[],
  viewerId: string,
): SharedDecisionOutput {
  return {
    shareId: row.shareId,
    decisionId: row.decisionId,
    dilemma: row.dilemma,
    options: row.options.map((o) => ({ label: o.label, servesSkipJob: o.servesSkipJob })),
    decision: row.decision,
    reason: row.reason,
    decidedOn: row.decidedOn,
    sharedAt: row.sharedAt.toISOString(),
    comments: comments.map((c) => presentDecisionComment(c, viewerId)),
  };
}
