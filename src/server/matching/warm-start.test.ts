import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { certifyMatching } from "./certify-matching.ts";
import type { MatchingProblem, MatchMode } from "./matching-problem.ts";
import { bestScoreByMatchedCount } from "./reference-matching.ts";
import { solveMatching } from "./solve-matching.ts";
import { arbitraryCohort, type Pair, seededRandom, toProblem } from "./test-cohorts.ts";

function pairsOf(problem: MatchingProblem): Pair[] {
  return Array.from(problem.pairScore, (s, k) => [
    problem.pairMentee[k] as number,
    problem.pairMentor[k] as number,
    s,
  ]);
}

const cohort = arbitraryCohort({ minMentees: 1, maxMentees: 10, minMentors: 1, minDensity: 0.1 });

/** The changes a program admin makes between two runs, with the mentee and mentor indices kept. */
type Change =
  | { kind: "pin"; mentee: number; choice: number }
  | { kind: "forbid"; pair: number }
  | { kind: "capacity"; mentor: number; capacity: number }
  | { kind: "allow"; mentee: number; mentor: number; score: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("pin" as const), mentee: fc.nat(), choice: fc.nat() }),
  fc.record({ kind: fc.constant("forbid" as const), pair: fc.nat() }),
  fc.record({
    kind: fc.constant("capacity" as const),
    mentor: fc.nat(),
    capacity: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("allow" as const),
    mentee: fc.nat(),
    mentor: fc.nat(),
    score: fc.integer({ min: 0, max: 1000 }),
  }),
);

/**
 * Applies a change as the program module does: a pin takes the mentee's pairs out and gives its mentor
 * one seat less; a forbidden pair is left out; an allowed pair is added (or rescored).
 */
function applyChange(problem: MatchingProblem, c: Change): MatchingProblem {
  const n = problem.menteeCount;
  const capacity = Array.from(problem.capacity);
  let pairs = pairsOf(problem);
  if (c.kind === "pin") {
    const mentee = c.mentee % n;
    const own = pairs.filter((p) => p[0] === mentee);
    if (own.length === 0) return problem;
    const mentor = (own[c.choice % own.length] as Pair)[1];
    pairs = pairs.filter((p) => p[0] !== mentee);
    capacity[mentor] = Math.max(0, (capacity[mentor] as number) - 1);
  } else if (c.kind === "forbid") {
    if (pairs.length === 0) return problem;
    pairs.splice(c.pair % pairs.length, 1);
  } else if (c.kind === "capacity") {
    capacity[c.mentor % capacity.length] = c.capacity;
  } else {
    const mentee = c.mentee % n;
    const mentor = c.mentor % capacity.length;
    pairs = pairs.filter((p) => p[0] !== mentee || p[1] !== mentor);
    pairs.push([mentee, mentor, c.score]);
  }
  return toProblem(n, capacity, pairs);
}

function expected(problem: MatchingProblem, mode: MatchMode): { matched: number; score: number } {
  const best = bestScoreByMatchedCount(problem);
  if (mode === "participation") return { matched: best.length - 1, score: best[best.length - 1] as number };
  const top = Math.max(...best);
  return { matched: best.lastIndexOf(top), score: top };
}

describe("solveMatching with a warm start", () => {
  it("re-solves exactly after pins, forbidden pairs and capacity changes", () => {
    fc.assert(
      fc.property(
        cohort,
        fc.array(change, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<MatchMode>("participation", "score"),
        fc.integer({ min: 1, max: 4 }),
        (problem, changes, mode, candidateLimit) => {
          const before = solveMatching(problem, { mode, candidateLimit });
          const changed = changes.reduce(applyChange, problem);
          const warm = solveMatching(changed, {
            mode,
            candidateLimit,
            warmStart: { menteeDual: before.menteeDual, mentorDual: before.mentorDual },
          });
          expect(certifyMatching(changed, mode, warm)).toBeNull();
          const cold = solveMatching(changed, { mode, candidateLimit });
          expect({ matched: warm.matched, score: warm.score }).toEqual({
            matched: cold.matched,
            score: cold.score,
          });
          expect({ matched: warm.matched, score: warm.score }).toEqual(expected(changed, mode));
        },
      ),
      { numRuns: 2000, seed: 20261203 },
    );
  });

  it("stays exact from arbitrary duals, including ones from the other mode", () => {
    const dual = fc.oneof(
      fc.integer({ min: 0, max: 3_000_000 }),
      fc.constantFrom(0, -5, 0.5, 1e300, Number.POSITIVE_INFINITY, Number.NaN),
    );
    fc.assert(
      fc.property(
        cohort,
        fc.constantFrom<MatchMode>("participation", "score"),
        fc.array(dual, { minLength: 5, maxLength: 5 }),
        (problem, mode, values) => {
          const mentorDual = Float64Array.from(
            { length: problem.mentorCount },
            (_, j) => values[j % values.length] as number,
          );
          const menteeDual = new Float64Array(problem.menteeCount).fill(7);
          const result = solveMatching(problem, { mode, warmStart: { menteeDual, mentorDual } });
          expect(certifyMatching(problem, mode, result)).toBeNull();
          expect({ matched: result.matched, score: result.score }).toEqual(expected(problem, mode));
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("re-solves a contested cohort after a pin and a lowered capacity, certified", () => {
    const random = seededRandom(31);
    const menteeCount = 2000;
    const capacity = Array.from({ length: 300 }, () => 1 + Math.floor(random() * 8));
    const appeal = capacity.map(() => random());
    const pairs: Pair[] = [];
    for (let i = 0; i < menteeCount; i++)
      for (let j = 0; j < capacity.length; j++)
        if (random() < 0.08) pairs.push([i, j, Math.floor(600 * (appeal[j] as number) + 400 * random())]);
    const problem = toProblem(menteeCount, capacity, pairs);
    for (const mode of ["participation", "score"] as const) {
      const before = solveMatching(problem, { mode });
      const pinned = before.mentorOf.findIndex((j) => j >= 0);
      let changed = applyChange(problem, {
        kind: "pin",
        mentee: pinned,
        choice: pairs.filter((p) => p[0] === pinned).findIndex((p) => p[1] === before.mentorOf[pinned]),
      });
      const busiest = before.mentorOf[(pinned + 1) % menteeCount] as number;
      changed = applyChange(changed, { kind: "capacity", mentor: Math.max(0, busiest), capacity: 0 });
      const warm = solveMatching(changed, {
        mode,
        warmStart: { menteeDual: before.menteeDual, mentorDual: before.mentorDual },
      });
      expect(certifyMatching(changed, mode, warm)).toBeNull();
      const cold = solveMatching(changed, { mode });
      expect({ matched: warm.matched, score: warm.score }).toEqual({
        matched: cold.matched,
        score: cold.score,
      });
    }
  });

  it("rejects duals of another cohort's size", () => {
    const problem = toProblem(2, [1], [[0, 0, 5]]);
    expect(() =>
      solveMatching(problem, {
        mode: "score",
        warmStart: { menteeDual: new Float64Array(3), mentorDual: new Float64Array(1) },
      }),
    ).toThrow(RangeError);
  });
});
