import type { z } from "zod";
import type {
  cohortOutput,
  myParticipationOutput,
  overrideOutput,
  pairOutput,
  participantOutput,
  programOutput,
  RunOutput,
} from "../../../shared/programs.ts";
import type {
  CohortRow,
  listParticipationRows,
  listPublishedPairsOf,
  OverrideRow,
  PairRow,
  ParticipantRow,
  ProgramRow,
  RunRow,
} from "./programs.repo.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentProgram(
  program: ProgramRow,
  admins: { userId: string; name: string; email: string }[],
  cohorts: {
    id: string;
    name: string;
    startsOn: string;
    endsOn: string;
    publishedAt: Date | null;
    participants: number;
  }[],
): z.infer<typeof programOutput> {
  return {
    id: program.id,
    name: program.name,
    description: program.description,
    publishMode: program.publishMode,
    version: program.version,
    admins: admins.map((a) => ({ userId: a.userId, name: a.name, email: a.email })),
    cohorts: cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      publishedAt: iso(c.publishedAt),
      participants: Number(c.participants),
    })),
  };
}

export function presentRun(run: RunRow): RunOutput {
  return {
    id: run.id,
    state: run.state,
    phase: run.phase,
    done: run.progressDone,
    total: run.progressTotal,
    steps: run.steps,
    cancelRequested: run.cancelRequested,
    warmStarted: run.previousRunId !== null,
    menteeCount: run.menteeCount,
    mentorCount: run.mentorCount,
    feasiblePairs: run.feasiblePairs,
    matched: run.matched,
    score: run.score,
    greedyMatched: run.greedyMatched,
    greedyScore: run.greedyScore,
    certified: run.certified,
    solveMs: run.solveMs,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: iso(run.finishedAt),
  };
}

export function presentOverride(
  o: OverrideRow,
  byName: string,
  names: Map<string, string>,
): z.infer<typeof overrideOutput> {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "A former participant" } : null);
  return {
    id: o.id,
    kind: o.kind,
    mentee: person(o.menteeId),
    mentor: person(o.mentorId),
    capacity: o.capacity,
    reason: o.reason,
    byName,
    createdAt: o.createdAt.toISOString(),
  };
}

export function presentCohort(
  cohort: CohortRow,
  program: ProgramRow,
  counts: { mentees: number; mentors: number; joined: number; seats: number },
  current: RunRow | null,
  live: RunRow | null,
  overrides: z.infer<typeof overrideOutput>[],
): z.infer<typeof cohortOutput> {
  return {
    id: cohort.id,
    programId: program.id,
    programName: program.name,
    publishMode: program.publishMode,
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    settings: cohort.settings,
    version: cohort.version,
    publishedAt: iso(cohort.publishedAt),
    counts: {
      mentees: Number(counts.mentees),
      mentors: Number(counts.mentors),
      joined: Number(counts.joined),
      seats: Number(counts.seats),
    },
    currentRun: current ? presentRun(current) : null,
    liveRun: live ? presentRun(live) : null,
    overrides,
  };
}

export function presentParticipant(p: ParticipantRow): z.infer<typeof participantOutput> {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    role: p.role,
    managerEmail: p.managerEmail,
    capacity: p.capacity,
    joined: p.joinedAt !== null,
  };
}

const explanationOf = (pair: PairRow) => ({
  criteria: pair.explanation.criteria.map((c) => ({
    criterion: c.criterion,
    weight: c.weight,
    value: c.value,
    points: Math.round(c.points),
    text: c.text,
  })),
});

export function presentPair(row: {
  pair: PairRow;
  menteeName: string;
  mentorName: string;
  mentorSeats: number;
  mentorVersion: number;
}): z.infer<typeof pairOutput> {
  return {
    id: row.pair.id,
    mentee: { id: row.pair.menteeId, name: row.menteeName },
    mentor: { id: row.pair.mentorId, name: row.mentorName },
    mentorSeats: { seats: Number(row.mentorSeats), version: Number(row.mentorVersion) },
    score: row.pair.score,
    pinned: row.pair.pinned,
    explanation: explanationOf(row.pair),
  };
}

export function presentMyParticipations(
  rows: Awaited<ReturnType<typeof listParticipationRows>>,
  pairs: Awaited<ReturnType<typeof listPublishedPairsOf>>,
  userId: string,
): z.infer<typeof myParticipationOutput>[] {
  return rows.map((r) => {
    const p = r.participant;
    const joined = p.userId === userId && p.joinedAt !== null;
    const matches = joined
      ? pairs
          .filter((x) => x.pair.menteeId === p.id || x.pair.mentorId === p.id)
          .map((x) => {
            const asMentee = x.pair.menteeId === p.id;
            return {
              pairId: x.pair.id,
              with: asMentee
                ? { name: x.mentorName, email: x.mentorEmail, role: "mentor" as const }
                : { name: x.mentee.name, email: x.mentee.email, role: "mentee" as const },
              score: x.pair.score,
              explanation: explanationOf(x.pair),
              accepted: (asMentee ? x.pair.menteeAcceptedAt : x.pair.mentorAcceptedAt) !== null,
              lastMetOn: x.lastMetOn,
              mentorRequestId: x.pair.mentorRequestId,
            };
          })
      : [];
    return {
      id: p.id,
      programName: r.programName,
      cohortName: r.cohortName,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      role: p.role,
      joined,
      questionnaire: joined ? p.questionnaire : null,
      matches,
    };
  });
}

type ReviewFigure = { revealed: number; averaged: number; averageRating: number | null };

/** Aggregates only: counts per week and totals, review averages over whole groups, and no participant's name. */
export function presentHealthCsv(figures: {
  matchesMade: number;
  accepted: number;
  sessionsHeld: number;
  meetingsRecorded: number;
  stalled: number;
  weekly: { week: string; matches: number; accepted: number; sessions: number; meetings: number }[];
  reviews: { byMentees: ReviewFigure; byMentors: ReviewFigure };
}): string {
  const average = (r: ReviewFigure) =>
    `${r.averageRating ?? "not shown until 5 are revealed"},${r.averaged},${r.revealed}`;
  const lines = [
    "week,matches made,matches accepted,sessions held,meetings recorded by participants",
    ...figures.weekly.map((w) => `${w.week},${w.matches},${w.accepted},${w.sessions},${w.meetings}`),
    `total,${figures.matchesMade},${figures.accepted},${figures.sessionsHeld},${figures.meetingsRecorded}`,
    `stalled pairs (no session or meeting in 21 days),${figures.stalled},,,`,
    "",
    "close-out reviews,average rating (of 5),reviews averaged,reviews revealed",
    `by mentees,${average(figures.reviews.byMentees)}`,
    `by mentors,${average(figures.reviews.byMentors)}`,
  ];
  return `${lines.join("\r\n")}\r\n`;
}
