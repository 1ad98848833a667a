import { type LaneId, laneIds } from "../../../shared/lanes.ts";
import type { CohortSettings } from "../../../shared/programs.ts";
import type { Db } from "../../db/open.ts";
import type { CohortInput } from "../../matching/score-pairs.ts";
import type { CohortRow, OverrideRow, ParticipantRow } from "./programs.repo.ts";
import { listAllParticipants, listOverrides, listParticipantFacts } from "./programs.repo.ts";

type Ratings = Record<LaneId, number>;

function lanesByRating(ratings: Ratings, lowest: boolean): LaneId[] {
  const sorted = [...laneIds].sort((a, b) => (lowest ? ratings[a] - ratings[b] : ratings[b] - ratings[a]));
  return sorted.slice(0, 2);
}

export type BuiltCohort = {
  input: CohortInput;
  mentees: ParticipantRow[];
  mentors: ParticipantRow[];
  /** Participants left out: not joined, or no level or time zone anywhere in their data. */
  notReady: number;
  pins: { menteeId: string; mentorId: string }[];
  /** Seats per mentor after capacity overrides (and the mentor's free seats, when pairs become mentoring). */
  capacity: Map<string, number>;
  overrides: OverrideRow[];
};

/**
 * The cohort as the engine reads it: each joined participant's level and time zone from their profile,
 * lanes from their latest lane assessment (a mentee's two weakest, a mentor's two strongest) or their
 * mentor profile, availability from their mentor profile, and the questionnaire for the rest.
 */
export async function buildCohortInput(db: Db, cohort: CohortRow, mentoring: boolean): Promise<BuiltCohort> {
  const settings: CohortSettings = cohort.settings;
  const everyone = await listAllParticipants(db, cohort.id);
  const joined = everyone.filter((p) => p.userId && p.joinedAt && p.questionnaire);
  const facts = await listParticipantFacts(
    db,
    joined.map((p) => p.userId as string),
  );
  const profileOf = new Map(facts.profiles.map((p) => [p.userId, p]));
  const mentorOf = new Map(facts.mentors.map((p) => [p.userId, p]));
  const lanesOf = new Map(facts.lanes.map((p) => [p.userId, p as unknown as Ratings]));
  const overrides = (await listOverrides(db, cohort.id)).map((o) => o.override);
  const capacityOverride = new Map<string, number>();
  for (const o of overrides)
    if (o.kind === "capacity" && o.mentorId) capacityOverride.set(o.mentorId, o.capacity ?? 0);
  const idByEmail = new Map(everyone.map((p) => [p.email, p.id]));

  const ready: ParticipantRow[] = [];
  const people = new Map<string, Record<string, unknown>>();
  for (const p of joined) {
    const q = p.questionnaire;
    if (!q) continue;
    const profile = profileOf.get(p.userId as string);
    const mentorProfile = mentorOf.get(p.userId as string);
    const level = profile?.level ?? q.level;
    const timeZone = profile?.timeZone ?? mentorProfile?.timeZone ?? q.timeZone;
    if (!level || !timeZone) continue;
    ready.push(p);
    const ratings = lanesOf.get(p.userId as string);
    const fromMentorProfile =
      p.role === "mentor" && mentorProfile !== undefined && mentorProfile.weekly.length > 0;
    const rules = fromMentorProfile ? (mentorProfile?.weekly ?? []) : q.availability;
    // Availability is read in the zone it was written in: the mentor profile's, or the questionnaire's.
    const ruleZone = fromMentorProfile ? (mentorProfile?.timeZone ?? timeZone) : (q.timeZone ?? timeZone);
    const base = {
      id: p.id,
      level,
      timeZone: ruleZone,
      availability: rules.map((r) => ({ day: r.weekday - 1, start: r.start, end: r.end })),
      experience: { stages: q.stages, markets: q.markets },
      managerId: (p.managerEmail && idByEmail.get(p.managerEmail)) || null,
      goals: q.goals,
    };
    if (p.role === "mentee") {
      people.set(p.id, {
        ...base,
        focusLanes: q.lanes.length > 0 ? q.lanes : ratings ? lanesByRating(ratings, true) : [],
      });
    } else {
      const lanes = new Set<LaneId>([...q.lanes, ...(mentorProfile?.lanes ?? [])]);
      let seats = settings.rules.mentorCapacity
        ? (capacityOverride.get(p.id) ?? p.capacity)
        : Number.MAX_SAFE_INTEGER;
      // A mentoring pair takes a seat of the mentor's own profile: never offer more than it has free.
      if (mentoring)
        seats = Math.min(seats, mentorProfile ? mentorProfile.capacity - mentorProfile.activeMentees : 0);
      people.set(p.id, {
        ...base,
        lanes: lanes.size > 0 ? [...lanes] : ratings ? lanesByRating(ratings, false) : [],
        capacity: Math.max(0, seats),
      });
    }
  }
  const mentees = ready.filter((p) => p.role === "mentee");
  const mentors = ready.filter((p) => p.role === "mentor");
  const menteeCount = mentees.length;
  const capacity = new Map<string, number>();
  for (const m of mentors) {
    const person = people.get(m.id) as { capacity: number };
    person.capacity = Math.min(person.capacity, Math.max(menteeCount, 0));
    capacity.set(m.id, person.capacity);
  }
  const readyIds = new Set(ready.map((p) => p.id));
  const neverPair = settings.rules.neverPair
    ? overrides
        .filter((o) => o.kind === "forbid" && o.menteeId && o.mentorId)
        .map((o) => ({ menteeId: o.menteeId as string, mentorId: o.mentorId as string }))
    : [];
  // The latest pin of a mentee wins; pins of people who left are dropped.
  const pinOf = new Map<string, string>();
  for (const o of overrides)
    if (o.kind === "pin" && o.menteeId && o.mentorId && readyIds.has(o.menteeId) && readyIds.has(o.mentorId))
      pinOf.set(o.menteeId, o.mentorId);
  const input: CohortInput = {
    program: {
      weights: settings.weights,
      seniority: { minGap: settings.seniorityMinGap, maxGap: settings.seniorityMaxGap },
      rules: {
        separateReportingLines: settings.rules.reportingLine,
        requireAvailabilityOverlap: settings.rules.noAvailabilityOverlap,
        requireSeniority: settings.rules.notSeniorEnough,
        neverPair,
      },
      minimumOverlapMinutes: settings.minimumOverlapMinutes,
      timeZoneLimitHours: settings.timeZoneLimitHours,
      referenceDate: new Date(`${cohort.startsOn}T12:00:00Z`).toISOString(),
    },
    mentees: mentees.map((p) => people.get(p.id)) as CohortInput["mentees"],
    mentors: mentors.map((p) => people.get(p.id)) as CohortInput["mentors"],
  };
  return {
    input,
    mentees,
    mentors,
    notReady: everyone.length - ready.length,
    pins: [...pinOf].map(([menteeId, mentorId]) => ({ menteeId, mentorId })),
    capacity,
    overrides,
  };
}
