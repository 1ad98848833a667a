import fc from "fast-check";
import type { MatchingProblem } from "./matching-problem.ts";

// Small cohorts for the engine's property tests, shared by every test file that needs them.

export type Pair = [mentee: number, mentor: number, score: number];

export function toProblem(menteeCount: number, capacity: number[], pairs: Pair[]): MatchingProblem {
  return {
    menteeCount,
    mentorCount: capacity.length,
    capacity: Int32Array.from(capacity),
    pairMentee: Int32Array.from(pairs, (p) => p[0]),
    pairMentor: Int32Array.from(pairs, (p) => p[1]),
    pairScore: Int32Array.from(pairs, (p) => p[2]),
  };
}

/** A small fast generator with a seed, so a failing cohort can be built again. */
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

/** Random cohorts of up to `maxMentees` mentees and five mentors, each pair present with some density. */
export function arbitraryCohort(bounds: {
  minMentees: number;
  maxMentees: number;
  minMentors: number;
  minDensity: number;
}) {
  return fc
    .record({
      menteeCount: fc.integer({ min: bounds.minMentees, max: bounds.maxMentees }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: bounds.minMentors, maxLength: 5 }),
      density: fc.double({ min: bounds.minDensity, max: 1, noNaN: true }),
      scoreRange: fc.constantFrom(1, 3, 1000),
      seed: fc.integer(),
    })
    .map(({ menteeCount, capacity, density, scoreRange, seed }) => {
      const random = seededRandom(seed);
      const pairs: Pair[] = [];
      for (let i = 0; i < menteeCount; i++)
        for (let j = 0; j < capacity.length; j++)
          if (random() < density) pairs.push([i, j, Math.floor(random() * (scoreRange + 1))]);
      return toProblem(menteeCount, capacity, pairs);
    });
}
