import { z } from "zod";
import { isTimeZone, type Level, levelLabels, levels } from "../../shared/profile.ts";
import { type MatchingProblem, maxPairScore } from "./matching-problem.ts";

export const lanes = ["crafting", "market", "organizational", "domain", "team", "growth"] as const;
export const companyStages = ["pre_pmf", "smoke_to_fire", "fire_to_great"] as const;
export const markets = ["consumer", "b2b"] as const;
export const criteria = ["lanes", "goals", "seniority", "timeZone", "availability", "experience"] as const;
export type Criterion = (typeof criteria)[number];

const experienceLabels: Record<string, string> = {
  pre_pmf: "a company before product-market fit",
  smoke_to_fire: "a company finding its growth (smoke to fire)",
  fire_to_great: "a company scaling up (fire to great)",
  consumer: "consumer products",
  b2b: "business-to-business products",
};

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a 24-hour time such as 09:30");
const weeklySlot = z
  .object({ day: z.number().int().min(0).max(6), start: time, end: time })
  .refine((slot) => slot.start < slot.end, "A slot must end after it starts");

const participant = z.object({
  id: z.string().min(1),
  level: z.enum(levels),
  timeZone: z.string().refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin"),
  /** Weekly slots in the participant's own time zone; day 0 is Monday. */
  availability: z.array(weeklySlot).default([]),
  experience: z
    .object({
      stages: z.array(z.enum(companyStages)).default([]),
      markets: z.array(z.enum(markets)).default([]),
    })
    .default({ stages: [], markets: [] }),
  managerId: z.string().nullable().default(null),
});

export const menteeInput = participant.extend({
  focusLanes: z.array(z.enum(lanes)).default([]),
  goals: z.array(z.string().trim().min(1)).default([]),
});
export const mentorInput = participant.extend({
  lanes: z.array(z.enum(lanes)).default([]),
  goals: z.array(z.string().trim().min(1)).default([]),
  capacity: z.number().int().min(0),
});

const weight = z.number().min(0).max(100);
export const programInput = z
  .object({
    weights: z
      .object({
        lanes: weight.default(3),
        goals: weight.default(2),
        seniority: weight.default(2),
        timeZone: weight.default(1),
        availability: weight.default(1),
        experience: weight.default(1),
      })
      .default({ lanes: 3, goals: 2, seniority: 2, timeZone: 1, availability: 1, experience: 1 }),
    /** How many levels ahead the mentor should be. */
    seniority: z
      .object({
        minGap: z.number().int().min(0).max(6).default(1),
        maxGap: z.number().int().min(0).max(6).default(2),
      })
      .default({ minGap: 1, maxGap: 2 })
      .refine((gap) => gap.minGap <= gap.maxGap, "The smallest seniority gap must not exceed the largest"),
    rules: z
      .object({
        separateReportingLines: z.boolean().default(true),
        requireAvailabilityOverlap: z.boolean().default(true),
        requireSeniority: z.boolean().default(true),
        neverPair: z.array(z.object({ menteeId: z.string(), mentorId: z.string() })).default([]),
      })
      .default({
        separateReportingLines: true,
        requireAvailabilityOverlap: true,
        requireSeniority: true,
        neverPair: [],
      }),
    /** Minutes a week of shared availability that earn the full availability score, and count as overlap. */
    availabilityTargetMinutes: z.number().int().min(15).max(10_080).default(120),
    minimumOverlapMinutes: z.number().int().min(15).max(10_080).default(30),
    /** Hours apart at which the time-zone score reaches zero. */
    timeZoneLimitHours: z.number().min(1).max(12).default(8),
    /** Offsets change with daylight saving time: they are taken at this moment. */
    referenceDate: z.iso.datetime().optional(),
  })
  .default({
    weights: { lanes: 3, goals: 2, seniority: 2, timeZone: 1, availability: 1, experience: 1 },
    seniority: { minGap: 1, maxGap: 2 },
    rules: {
      separateReportingLines: true,
      requireAvailabilityOverlap: true,
      requireSeniority: true,
      neverPair: [],
    },
    availabilityTargetMinutes: 120,
    minimumOverlapMinutes: 30,
    timeZoneLimitHours: 8,
  });

export const cohortInput = z
  .object({ program: programInput, mentees: z.array(menteeInput), mentors: z.array(mentorInput) })
  .superRefine((cohort, context) => {
    const seen = new Set<string>();
    for (const person of [...cohort.mentees, ...cohort.mentors]) {
      if (seen.has(person.id))
        context.addIssue({ code: "custom", message: `Participant ${person.id} appears twice` });
      seen.add(person.id);
    }
  });
export type CohortInput = z.input<typeof cohortInput>;
type Cohort = z.output<typeof cohortInput>;
type Mentee = z.output<typeof menteeInput>;
type Mentor = z.output<typeof mentorInput>;

export const exclusionReasons = [
  "reportingLine",
  "noAvailabilityOverlap",
  "notSeniorEnough",
  "neverPair",
] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

export type CriterionScore = {
  criterion: Criterion;
  weight: number;
  /** How well the pair meets the criterion, 0 to 1. */
  value: number;
  /** Share of the pair's score, out of 1000, earned by this criterion. */
  points: number;
  text: string;
};

export type PairExplanation =
  | { feasible: true; score: number; criteria: CriterionScore[] }
  | { feasible: false; reasons: { reason: ExclusionReason; text: string }[] };

export type ScoredCohort = {
  problem: MatchingProblem;
  menteeIds: string[];
  mentorIds: string[];
  /** How many pairs each hard rule removed; a pair can be removed by several. */
  excludedBy: Record<ExclusionReason, number>;
  explainPair(menteeIndex: number, mentorIndex: number): PairExplanation;
};

const blockMinutes = 15;
const minutesPerWeek = 7 * 24 * 60;
const blocksPerWeek = minutesPerWeek / blockMinutes;

/** UTC offset in minutes of an IANA time zone at a moment, read from Intl ("GMT+05:30"). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? "");
  if (!match) throw new Error(`Cannot read the offset of ${timeZone}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

function minuteOfDay(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** Weekly availability as a bit per quarter hour of the UTC week. */
function availabilityBlocks(person: Mentee | Mentor, offset: number): Uint32Array {
  const bits = new Uint32Array(Math.ceil(blocksPerWeek / 32));
  for (const slot of person.availability) {
    const from = slot.day * 1440 + minuteOfDay(slot.start) - offset;
    const to = slot.day * 1440 + minuteOfDay(slot.end) - offset;
    for (let minute = Math.ceil(from / blockMinutes) * blockMinutes; minute < to; minute += blockMinutes) {
      const block = (((minute % minutesPerWeek) + minutesPerWeek) % minutesPerWeek) / blockMinutes;
      bits[block >> 5] = (bits[block >> 5] as number) | (1 << (block & 31));
    }
  }
  return bits;
}

function sharedMinutes(a: Uint32Array, b: Uint32Array): number {
  let blocks = 0;
  for (let k = 0; k < a.length; k++) {
    let word = (a[k] as number) & (b[k] as number);
    while (word) {
      word &= word - 1;
      blocks++;
    }
  }
  return blocks * blockMinutes;
}

function popcount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function formatHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return rounded === 1 ? "1 hour" : `${rounded} hours`;
}

const levelName = (level: Level) => levelLabels[level];

/** Everyone a person reports to, directly or not, among the ids the cohort knows. */
function chainsOfCommand(cohort: Cohort): Map<string, Set<string>> {
  const managerOf = new Map<string, string | null>();
  for (const person of [...cohort.mentees, ...cohort.mentors]) managerOf.set(person.id, person.managerId);
  const chains = new Map<string, Set<string>>();
  for (const id of managerOf.keys()) {
    const above = new Set<string>();
    for (
      let boss = managerOf.get(id);
      boss && !above.has(boss) && boss !== id;
      boss = managerOf.get(boss) ?? null
    )
      above.add(boss);
    chains.set(id, above);
  }
  return chains;
}

/** Per-person facts of a cohort, computed once, and the per-pair rules and scores read from them. */
function prepareCohort(input: CohortInput) {
  const cohort = cohortInput.parse(input);
  const { program, mentees, mentors } = cohort;
  const at = program.referenceDate ? new Date(program.referenceDate) : new Date();
  const menteeOffset = mentees.map((p) => utcOffsetMinutes(p.timeZone, at));
  const mentorOffset = mentors.map((p) => utcOffsetMinutes(p.timeZone, at));
  const menteeBlocks = mentees.map((p, i) => availabilityBlocks(p, menteeOffset[i] as number));
  const mentorBlocks = mentors.map((p, j) => availabilityBlocks(p, mentorOffset[j] as number));
  const mentorGoals = mentors.map((p) => new Set(p.goals.map((goal) => goal.toLowerCase())));
  const chains = chainsOfCommand(cohort);
  const totalWeight = criteria.reduce((sum, criterion) => sum + program.weights[criterion], 0);

  // Per-person facts as numbers, so scoring millions of pairs builds no strings or arrays.
  const bitsOf = (values: readonly string[], all: readonly string[]) =>
    values.reduce((bits, value) => bits | (1 << all.indexOf(value)), 0);
  const experienceKinds = [...companyStages, ...markets];
  const menteeLevel = mentees.map((p) => levels.indexOf(p.level));
  const mentorLevel = mentors.map((p) => levels.indexOf(p.level));
  const menteeLanes = mentees.map((p) => bitsOf(p.focusLanes, lanes));
  const mentorLanes = mentors.map((p) => bitsOf(p.lanes, lanes));
  const menteeLacks = mentees.map(
    (p) =>
      ((1 << experienceKinds.length) - 1) &
      ~bitsOf([...p.experience.stages, ...p.experience.markets], experienceKinds),
  );
  const mentorHas = mentors.map((p) =>
    bitsOf([...p.experience.stages, ...p.experience.markets], experienceKinds),
  );
  const menteeGoals = mentees.map((p) => p.goals.map((goal) => goal.toLowerCase()));
  const menteeIdOf = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIdOf = new Map(mentors.map((p, j) => [p.id, j]));
  const bossesOf = (id: string) => chains.get(id) ?? new Set<string>();
  const values = new Float64Array(criteria.length);

  /** The six criteria's values for a pair, in the order of `criteria`, into `values`. */
  function pairValues(i: number, j: number): Float64Array {
    const focus = menteeLanes[i] as number;
    values[0] = focus === 0 ? 0 : popcount(focus & (mentorLanes[j] as number)) / popcount(focus);
    const goals = menteeGoals[i] as string[];
    const helps = mentorGoals[j] as Set<string>;
    let shared = 0;
    for (const goal of goals) if (helps.has(goal)) shared++;
    values[1] = goals.length === 0 ? 0 : shared / goals.length;
    const gap = (mentorLevel[j] as number) - (menteeLevel[i] as number);
    const { minGap, maxGap } = program.seniority;
    values[2] =
      gap < minGap
        ? 0
        : gap <= maxGap
          ? 1
          : Math.max(0, 1 - (gap - maxGap) / (levels.length - 1 - maxGap || 1));
    const apart = Math.abs((menteeOffset[i] as number) - (mentorOffset[j] as number));
    values[3] = Math.max(0, 1 - Math.min(apart, 1440 - apart) / 60 / program.timeZoneLimitHours);
    const overlap = sharedMinutes(menteeBlocks[i] as Uint32Array, mentorBlocks[j] as Uint32Array);
    values[4] = Math.min(1, overlap / program.availabilityTargetMinutes);
    const lacks = menteeLacks[i] as number;
    values[5] = lacks === 0 ? 0 : popcount(lacks & (mentorHas[j] as number)) / popcount(lacks);
    return values;
  }

  /** Which hard rules remove a pair, one bit per entry of `exclusionReasons`. */
  function excludedBits(i: number, j: number): number {
    const { rules, seniority } = program;
    let bits = 0;
    if (rules.separateReportingLines) {
      const menteeId = (mentees[i] as Mentee).id;
      const mentorId = (mentors[j] as Mentor).id;
      if (bossesOf(menteeId).has(mentorId) || bossesOf(mentorId).has(menteeId)) bits |= 1;
    }
    if (
      rules.requireAvailabilityOverlap &&
      sharedMinutes(menteeBlocks[i] as Uint32Array, mentorBlocks[j] as Uint32Array) <
        program.minimumOverlapMinutes
    )
      bits |= 2;
    if (rules.requireSeniority && (mentorLevel[j] as number) - (menteeLevel[i] as number) < seniority.minGap)
      bits |= 4;
    if (neverPairs.has(i * mentors.length + j)) bits |= 8;
    return bits;
  }

  const neverPairs = new Set<number>();
  for (const pair of program.rules.neverPair) {
    const i = menteeIdOf.get(pair.menteeId);
    const j = mentorIdOf.get(pair.mentorId);
    if (i !== undefined && j !== undefined) neverPairs.add(i * mentors.length + j);
  }

  function scoreOfValues(pairValuesOf: Float64Array): number {
    if (totalWeight === 0) return 0;
    let sum = 0;
    criteria.forEach((criterion, k) => {
      sum += program.weights[criterion] * (pairValuesOf[k] as number);
    });
    return Math.min(maxPairScore, Math.round((maxPairScore * sum) / totalWeight));
  }

  function exclusions(i: number, j: number): { reason: ExclusionReason; text: string }[] {
    const mentee = mentees[i] as Mentee;
    const mentor = mentors[j] as Mentor;
    const { minGap } = program.seniority;
    const texts: Record<ExclusionReason, () => string> = {
      reportingLine: () => "You are in the same reporting line.",
      noAvailabilityOverlap: () =>
        `Your weekly availability overlaps by less than ${formatMinutes(program.minimumOverlapMinutes)}.`,
      notSeniorEnough: () =>
        `The mentor (${levelName(mentor.level)}) is not at least ${minGap} level${minGap === 1 ? "" : "s"} ahead of you (${levelName(mentee.level)}).`,
      neverPair: () => "The program admin asked never to pair you.",
    };
    const bits = excludedBits(i, j);
    return exclusionReasons
      .filter((_, bit) => bits & (1 << bit))
      .map((reason) => ({ reason, text: texts[reason]() }));
  }

  function criterionScores(i: number, j: number): CriterionScore[] {
    const mentee = mentees[i] as Mentee;
    const mentor = mentors[j] as Mentor;
    const scores: { criterion: Criterion; value: number; text: string }[] = [];
    const numbers = Array.from(pairValues(i, j));

    const sharedLanes = mentee.focusLanes.filter((lane) => mentor.lanes.includes(lane));
    scores.push({
      criterion: "lanes",
      value: numbers[0] as number,
      text:
        mentee.focusLanes.length === 0
          ? "You have not chosen focus lanes yet."
          : sharedLanes.length === 0
            ? `Shares none of your ${mentee.focusLanes.length} focus lanes.`
            : `Shares ${sharedLanes.length} of your ${mentee.focusLanes.length} focus lanes: ${listWords(sharedLanes)}.`,
    });

    const goals = mentorGoals[j] as Set<string>;
    const sharedGoals = mentee.goals.filter((goal) => goals.has(goal.toLowerCase()));
    scores.push({
      criterion: "goals",
      value: numbers[1] as number,
      text:
        mentee.goals.length === 0
          ? "You have not listed goals yet."
          : sharedGoals.length === 0
            ? `Helps with none of your ${mentee.goals.length} goals.`
            : `Helps with ${sharedGoals.length} of your ${mentee.goals.length} goals: ${listWords(sharedGoals)}.`,
    });

    const gap = levels.indexOf(mentor.level) - levels.indexOf(mentee.level);
    const { minGap, maxGap } = program.seniority;
    const ahead = gap === 1 ? "1 level" : `${Math.abs(gap)} levels`;
    const range = minGap === maxGap ? `${minGap}` : `${minGap} to ${maxGap}`;
    scores.push({
      criterion: "seniority",
      value: numbers[2] as number,
      text:
        gap <= 0
          ? `${levelName(mentor.level)}, not ahead of you (${levelName(mentee.level)}).`
          : `${levelName(mentor.level)}, ${ahead} ahead of you (${levelName(mentee.level)}); the program prefers ${range} levels.`,
    });

    const apartMinutes = Math.abs((menteeOffset[i] as number) - (mentorOffset[j] as number));
    const apartHours = Math.min(apartMinutes, 1440 - apartMinutes) / 60;
    scores.push({
      criterion: "timeZone",
      value: numbers[3] as number,
      text:
        apartHours === 0
          ? `Same clock time as you (${mentor.timeZone}).`
          : `${formatHours(apartHours)} apart (${mentor.timeZone}, you are in ${mentee.timeZone}).`,
    });

    const overlap = sharedMinutes(menteeBlocks[i] as Uint32Array, mentorBlocks[j] as Uint32Array);
    scores.push({
      criterion: "availability",
      value: numbers[4] as number,
      text:
        overlap === 0
          ? "No weekly availability in common."
          : `${formatMinutes(overlap)} of weekly availability in common.`,
    });

    const lacking = [
      ...companyStages.filter((stage) => !mentee.experience.stages.includes(stage)),
      ...markets.filter((market) => !mentee.experience.markets.includes(market)),
    ];
    const brings = lacking.filter(
      (kind) =>
        mentor.experience.stages.includes(kind as (typeof companyStages)[number]) ||
        mentor.experience.markets.includes(kind as (typeof markets)[number]),
    );
    scores.push({
      criterion: "experience",
      value: numbers[5] as number,
      text:
        lacking.length === 0
          ? "You already have experience of every company stage and market."
          : brings.length === 0
            ? "Has none of the experience you lack."
            : `Brings experience you lack: ${listWords(brings.map((kind) => experienceLabels[kind] as string))}.`,
    });

    return scores.map((score) => {
      const weightOf = program.weights[score.criterion];
      const points = totalWeight === 0 ? 0 : (maxPairScore * weightOf * score.value) / totalWeight;
      return { ...score, weight: weightOf, points: Math.round(points * 10) / 10 };
    });
  }

  function explainPair(i: number, j: number): PairExplanation {
    if (!mentees[i] || !mentors[j]) throw new RangeError(`No pair for mentee ${i} and mentor ${j}`);
    const reasons = exclusions(i, j);
    if (reasons.length > 0) return { feasible: false, reasons };
    return { feasible: true, score: scoreOfValues(pairValues(i, j)), criteria: criterionScores(i, j) };
  }

  return { mentees, mentors, excludedBits, pairValues, scoreOfValues, explainPair };
}

function noExclusions(): Record<ExclusionReason, number> {
  return Object.fromEntries(exclusionReasons.map((reason) => [reason, 0])) as Record<ExclusionReason, number>;
}

function countExcluded(excludedBy: Record<ExclusionReason, number>, excluded: number): void {
  exclusionReasons.forEach((reason, bit) => {
    if (excluded & (1 << bit)) excludedBy[reason]++;
  });
}

/** Reports the mentees scored so far, out of all, every this many mentees. */
export type ScoringProgress = (done: number, total: number) => void;
const progressEveryMentees = 100;

/**
 * Scores every mentee–mentor pair of a cohort from the program's criteria weights, removes pairs the hard
 * rules forbid, and returns the matching problem with an explanation, criterion by criterion, for any pair.
 * Scoring a large cohort takes seconds: the server calls it on the matching worker (scoreInWorker).
 */
export function scorePairs(input: CohortInput, onProgress?: ScoringProgress): ScoredCohort {
  const { mentees, mentors, excludedBits, pairValues, scoreOfValues, explainPair } = prepareCohort(input);
  const pairMentee: number[] = [];
  const pairMentor: number[] = [];
  const pairScore: number[] = [];
  const excludedBy = noExclusions();
  for (let i = 0; i < mentees.length; i++) {
    if (onProgress && i % progressEveryMentees === 0) onProgress(i, mentees.length);
    for (let j = 0; j < mentors.length; j++) {
      const excluded = excludedBits(i, j);
      if (excluded !== 0) {
        countExcluded(excludedBy, excluded);
        continue;
      }
      pairMentee.push(i);
      pairMentor.push(j);
      pairScore.push(scoreOfValues(pairValues(i, j)));
    }
  }
  onProgress?.(mentees.length, mentees.length);

  return {
    problem: {
      menteeCount: mentees.length,
      mentorCount: mentors.length,
      capacity: Int32Array.from(mentors, (mentor) => mentor.capacity),
      pairMentee: Int32Array.from(pairMentee),
      pairMentor: Int32Array.from(pairMentor),
      pairScore: Int32Array.from(pairScore),
    },
    menteeIds: mentees.map((p) => p.id),
    mentorIds: mentors.map((p) => p.id),
    excludedBy,
    explainPair,
  };
}

/**
 * How many pairs each hard rule removes and how many remain, as scorePairs counts them, without scoring
 * the pairs that remain (the rules preview needs only the counts).
 */
export function countRuleExclusions(input: CohortInput): {
  feasiblePairs: number;
  excludedBy: Record<ExclusionReason, number>;
} {
  const { mentees, mentors, excludedBits } = prepareCohort(input);
  const excludedBy = noExclusions();
  let feasiblePairs = 0;
  for (let i = 0; i < mentees.length; i++)
    for (let j = 0; j < mentors.length; j++) {
      const excluded = excludedBits(i, j);
      if (excluded === 0) feasiblePairs++;
      else countExcluded(excludedBy, excluded);
    }
  return { feasiblePairs, excludedBy };
}

/** Explanations of chosen pairs only: the per-person facts are computed again, the other pairs are not. */
export function explainPairs(input: CohortInput, pairs: { i: number; j: number }[]): PairExplanation[] {
  const { explainPair } = prepareCohort(input);
  return pairs.map(({ i, j }) => explainPair(i, j));
}
