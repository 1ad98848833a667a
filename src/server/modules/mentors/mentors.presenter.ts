import type { ExperienceKey } from "../../../shared/experience.ts";
import {
  type MentorCard,
  type MentoringLogEntry,
  type MentorProfile,
  type MentorRequest,
  requestExpiryHours,
  type Slot,
} from "../../../shared/mentors.ts";
import type {
  MentoringLogRow,
  MentorMessageRow,
  MentorProfileRow,
  MentorRequestRow,
} from "./mentors.repo.ts";

const hourMs = 3600_000;

/** What measured answer times say, in words; with fewer than three answers it says so instead of guessing. */
export function responseSummary(seconds: readonly number[]) {
  if (seconds.length < 3) {
    return {
      answered: seconds.length,
      medianHours: null,
      summary: "Too few answered requests yet to say how fast they answer",
    };
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const hours = Math.round((median / 3600) * 10) / 10;
  const summary =
    hours <= 1
      ? "Usually answers within an hour"
      : hours <= 6
        ? "Usually answers within a few hours"
        : hours <= 24
          ? "Usually answers within a day"
          : "Usually answers within two days";
  return { answered: seconds.length, medianHours: hours, summary: `${summary} (${seconds.length} answers)` };
}

export function presentCard(
  row: MentorProfileRow,
  name: string,
  responses: readonly number[],
  overlapHours: number,
): MentorCard {
  return {
    userId: row.userId,
    name,
    headline: row.headline,
    lanes: [...row.lanes],
    levels: [...row.levels],
    style: row.style,
    timeZone: row.timeZone,
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.activeMentees),
    paused: row.paused,
    urgentCalls: row.urgentCalls,
    responseHours: row.responseHours,
    responses: responseSummary(responses),
    overlapHours,
    lastActiveOn: row.lastActiveAt.toISOString().slice(0, 10),
  };
}

export function presentProfile(
  row: MentorProfileRow,
  name: string,
  responses: readonly number[],
  overlapHours: number,
  extra: { slots: Slot[]; experiences: ExperienceKey[]; myOpenRequestId: string | null },
): MentorProfile {
  return {
    ...presentCard(row, name, responses, overlapHours),
    about: row.about,
    weekly: row.weekly.map((rule) => ({ weekday: rule.weekday, start: rule.start, end: rule.end })),
    away: row.away.map((period) => ({ from: period.from, to: period.to })),
    proof: row.proof.map((item) => ({ kind: item.kind, title: item.title, url: item.url })),
    experiences: row.showPortfolio ? extra.experiences : [],
    showPortfolio: row.showPortfolio,
    slots: extra.slots,
    pausedReason: row.pausedReason ?? null,
    myOpenRequestId: extra.myOpenRequestId,
  };
}

export function presentRequest(
  row: MentorRequestRow,
  viewerId: string,
  messages: readonly MentorMessageRow[],
  names: Map<string, string>,
  headlines: Map<string, string>,
): MentorRequest {
  const waitingOnMentor = row.state === "pending" && row.reachedMentorAt !== null;
  return {
    id: row.id,
    side: row.menteeId === viewerId ? "mentee" : "mentor",
    state: row.state,
    mentee: { id: row.menteeId, name: names.get(row.menteeId) ?? "A former member" },
    mentor: {
      id: row.mentorId,
      name: names.get(row.mentorId) ?? "A former member",
      headline: headlines.get(row.mentorId) ?? "",
    },
    messages: messages
      .filter((m) => m.requestId === row.id)
      .map((m) => ({ from: m.from, kind: m.kind, text: m.text, at: m.createdAt.toISOString() })),
    share: [...row.share],
    createdAt: row.createdAt.toISOString(),
    reachedMentorAt: row.reachedMentorAt?.toISOString() ?? null,
    expiresAt:
      waitingOnMentor && row.reachedMentorAt
        ? new Date(row.reachedMentorAt.getTime() + requestExpiryHours * hourMs).toISOString()
        : null,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export function presentLogEntry(row: MentoringLogRow): MentoringLogEntry {
  return {
    id: row.id,
    menteeName: row.menteeName,
    where: row.where,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    focus: row.focus,
    handedOver: row.handedOver,
    version: row.version,
  };
}
