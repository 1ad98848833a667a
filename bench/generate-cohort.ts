import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { MatchingProblem } from "../src/server/matching/matching-problem.ts";

/** A seeded generator, so every run benchmarks the same cohorts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type CohortSpec = {
  mentees: number;
  mentors: number;
  /** Keep each mentee's best pairs only; undefined keeps every feasible pair. */
  topCandidates?: number;
  /** Distinct mentors each mentee is compared with; undefined compares with every mentor. */
  sampledMentors?: number;
  /** How much mentees compete for the same mentors; "medium" when undefined. */
  competition?: Competition;
  seed: number;
};

export const competitionLevels = ["low", "medium", "high"] as const;
export type Competition = (typeof competitionLevels)[number];

/**
 * What each competition level changes. Low: tastes are personal (a large random part of each score, no
 * general appeal) and mentors offer about twice the seats needed, so most mentees get their first choice.
 * High: a mentor's general appeal dominates every mentee's ranking and seats barely cover the cohort.
 */
const competitionProfiles: Record<
  Competition,
  { structure: number; appeal: number; taste: number; minSeats: number; maxSeats: number }
> = {
  low: { structure: 0.5, appeal: 0, taste: 450, minSeats: 2, maxSeats: 20 },
  medium: { structure: 1, appeal: 200, taste: 100, minSeats: 1, maxSeats: 11 },
  high: { structure: 0.6, appeal: 500, taste: 40, minSeats: 1, maxSeats: 9 },
};

type People = { level: Int8Array; zone: Int8Array; lanes: Uint8Array };

function pick(random: () => number, weights: number[]): number {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    r -= weights[k] as number;
    if (r < 0) return k;
  }
  return weights.length - 1;
}

function makePeople(random: () => number, count: number, levels: number[]): People {
  const level = new Int8Array(count);
  const zone = new Int8Array(count);
  const lanes = new Uint8Array(count);
  // People cluster in a few regions of time zones, as staff of real companies do.
  const regions = [-8, -5, 0, 1, 2, 5, 8];
  for (let p = 0; p < count; p++) {
    level[p] = pick(random, levels);
    zone[p] =
      ((regions[pick(random, [3, 4, 2, 4, 1, 2, 2])] as number) + Math.floor(random() * 3) - 1 + 24) % 24;
    let mask = 0;
    while (mask === 0) for (let lane = 0; lane < 6; lane++) if (random() < 0.35) mask |= 1 << lane;
    lanes[p] = mask;
  }
  return { level, zone, lanes };
}

function popcount(x: number): number {
  let count = 0;
  for (let y = x; y; y &= y - 1) count++;
  return count;
}

/**
 * A synthetic cohort shaped like the scoring module's output: hard rules (mentor at least one level
 * ahead, at most six hours apart) remove about three quarters of all pairs, and scores mix lane overlap,
 * time-zone distance, seniority gap and a mentor's general appeal, so popular mentors are contested.
 * Mentors offer 1 to 11 seats (6 on average), more than enough for everyone in total.
 */
export function generateCohort(spec: CohortSpec): MatchingProblem {
  const random = seededRandom(spec.seed);
  const profile = competitionProfiles[spec.competition ?? "medium"];
  const mentees = makePeople(random, spec.mentees, [25, 30, 25, 12, 6, 2, 0]);
  const mentors = makePeople(random, spec.mentors, [0, 10, 20, 25, 20, 15, 10]);
  const appeal = Float64Array.from({ length: spec.mentors }, () => random() ** 2);
  const seatRange = profile.maxSeats - profile.minSeats + 1;
  const capacity = Int32Array.from(
    { length: spec.mentors },
    () => profile.minSeats + Math.floor(random() * seatRange),
  );

  let size = 1 << 20;
  let pairMentee = new Int32Array(size);
  let pairMentor = new Int32Array(size);
  let pairScore = new Int32Array(size);
  let pairs = 0;
  const rowMentor: number[] = [];
  const rowScore: number[] = [];
  const seen = new Int32Array(spec.mentors).fill(-1);
  for (let i = 0; i < spec.mentees; i++) {
    rowMentor.length = 0;
    rowScore.length = 0;
    const compared = spec.sampledMentors ?? spec.mentors;
    for (let s = 0; s < compared; s++) {
      const j = spec.sampledMentors === undefined ? s : Math.floor(random() * spec.mentors);
      if (seen[j] === i) continue;
      seen[j] = i;
      const gap = (mentors.level[j] as number) - (mentees.level[i] as number);
      const hours = Math.abs((mentors.zone[j] as number) - (mentees.zone[i] as number));
      const apart = Math.min(hours, 24 - hours);
      if (gap < 1 || apart > 6) continue;
      const lanes =
        popcount((mentees.lanes[i] as number) & (mentors.lanes[j] as number)) /
        popcount(mentees.lanes[i] as number);
      const score =
        profile.structure * (400 * lanes + 150 * (1 - apart / 6) + 150 * (gap <= 2 ? 1 : 0.4)) +
        profile.appeal * (appeal[j] as number) +
        profile.taste * random();
      rowMentor.push(j);
      rowScore.push(Math.round(score));
    }
    let order = rowMentor.map((_, k) => k);
    if (spec.topCandidates !== undefined)
      order = order
        .sort((a, b) => (rowScore[b] as number) - (rowScore[a] as number))
        .slice(0, spec.topCandidates);
    if (pairs + order.length > size) {
      size *= 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      pairMentee = grow(pairMentee);
      pairMentor = grow(pairMentor);
      pairScore = grow(pairScore);
    }
    for (const k of order) {
      pairMentee[pairs] = i;
      pairMentor[pairs] = rowMentor[k] as number;
      pairScore[pairs] = rowScore[k] as number;
      pairs++;
    }
  }
  return {
    menteeCount: spec.mentees,
    mentorCount: spec.mentors,
    capacity,
    pairMentee: pairMentee.slice(0, pairs),
    pairMentor: pairMentor.slice(0, pairs),
    pairScore: pairScore.slice(0, pairs),
  };
}

/** Writes the CLI's text format. */
export async function writeInstance(problem: MatchingProblem, path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`${problem.menteeCount} ${problem.mentorCount} ${problem.pairScore.length}\n`);
  await write(`${Array.from(problem.capacity).join(" ")}\n`);
  const chunk: string[] = [];
  for (let k = 0; k < problem.pairScore.length; k++) {
    chunk.push(`${problem.pairMentee[k]} ${problem.pairMentor[k]} ${problem.pairScore[k]}\n`);
    if (chunk.length === 50000) {
      await write(chunk.join(""));
      chunk.length = 0;
    }
  }
  await write(chunk.join(""));
  out.end();
  await once(out, "finish");
}
