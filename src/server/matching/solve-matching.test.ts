import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveWithHighs } from "../../../bench/highs-solver.ts";
import { certifyMatching } from "./certify-matching.ts";
import type { MatchingProblem, MatchMode } from "./matching-problem.ts";
import { bestScoreByMatchedCount } from "./reference-matching.ts";
import { solveMatching } from "./solve-matching.ts";
import { arbitraryCohort, type Pair, seededRandom, toProblem } from "./test-cohorts.ts";

const cohort = arbitraryCohort({ minMentees: 0, maxMentees: 9, minMentors: 0, minDensity: 0 });

function expected(problem: MatchingProblem, mode: MatchMode): { matched: number; score: number } {
  const best = bestScoreByMatchedCount(problem);
  if (mode === "participation") return { matched: best.length - 1, score: best[best.length - 1] as number };
  const top = Math.max(...best);
  return { matched: best.lastIndexOf(top), score: top };
}

function checkAgainstReference(
  problem: MatchingProblem,
  mode: MatchMode,
  candidateLimit?: number,
  start?: "zero" | "auction",
): void {
  const result = solveMatching(problem, { mode, candidateLimit, start });
  expect(certifyMatching(problem, mode, result)).toBeNull();
  expect({ matched: result.matched, score: result.score }).toEqual(expected(problem, mode));
}

describe("solveMatching", () => {
  it("places the most mentees first, then the best score, in participation mode", () => {
    // Mentor 0 is everybody's favourite but has one seat; greedy would leave mentee 1 alone.
    const problem = toProblem(
      2,
      [1, 1],
      [
        [0, 0, 900],
        [0, 1, 800],
        [1, 0, 1000],
      ],
    );
    const result = solveMatching(problem, { mode: "participation" });
    expect(Array.from(result.mentorOf)).toEqual([1, 0]);
    expect(result.score).toBe(1800);
  });

  it("prefers a higher total over more matches in score mode", () => {
    const problem = toProblem(
      2,
      [1],
      [
        [0, 0, 900],
        [1, 0, 100],
      ],
    );
    const result = solveMatching(problem, { mode: "score" });
    expect(Array.from(result.mentorOf)).toEqual([0, -1]);
  });

  it("matches an independent solver on thousands of tiny cohorts, in both modes", () => {
    fc.assert(
      fc.property(
        cohort,
        fc.constantFrom<MatchMode>("participation", "score"),
        fc.integer({ min: 1, max: 4 }),
        (problem, mode, limit) => {
          checkAgainstReference(problem, mode, limit);
        },
      ),
      { numRuns: 3000, seed: 20240605 },
    );
  });

  it("reaches the same optimum from auction prices as from zero, on tiny cohorts", () => {
    fc.assert(
      fc.property(
        cohort,
        fc.constantFrom<MatchMode>("participation", "score"),
        fc.integer({ min: 1, max: 4 }),
        (problem, mode, limit) => {
          checkAgainstReference(problem, mode, limit, "auction");
        },
      ),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  it("gives auction prices up for zero once their repair exceeds its budget, and stays exact", () => {
    let gaveUp = 0;
    fc.assert(
      fc.property(
        cohort,
        fc.constantFrom<MatchMode>("participation", "score"),
        fc.integer({ min: 1, max: 4 }),
        (problem, mode, limit) => {
          const result = solveMatching(problem, {
            mode,
            candidateLimit: limit,
            start: "auction",
            auctionRepairBudget: 0,
          });
          if (result.startedFrom === "auction, then zero") gaveUp++;
          expect(certifyMatching(problem, mode, result)).toBeNull();
          expect({ matched: result.matched, score: result.score }).toEqual(expected(problem, mode));
        },
      ),
      { numRuns: 1000, seed: 20261205 },
    );
    expect(gaveUp).toBeGreaterThan(20);
  });

  it("keeps the auction's prices on a heavily contested cohort, where repairing them is cheap", () => {
    // Everybody ranks the same mentors first and there are half as many seats as mentees.
    const random = seededRandom(7);
    const mentorCount = 60;
    const appeal = Array.from({ length: mentorCount }, () => random());
    const pairs: Pair[] = [];
    for (let i = 0; i < 400; i++)
      for (let j = 0; j < mentorCount; j++)
        if (random() < 0.5) pairs.push([i, j, Math.round(900 * (appeal[j] as number) + 100 * random())]);
    const problem = toProblem(
      400,
      Array.from({ length: mentorCount }, (_, j) => 1 + (j % 6)),
      pairs,
    );
    for (const mode of ["participation", "score"] as const) {
      const fromAuction = solveMatching(problem, { mode });
      const fromZero = solveMatching(problem, { mode, start: "zero" });
      expect(fromAuction.startedFrom).toBe("auction");
      expect(certifyMatching(problem, mode, fromAuction)).toBeNull();
      expect(certifyMatching(problem, mode, fromZero)).toBeNull();
      expect({ matched: fromAuction.matched, score: fromAuction.score }).toEqual({
        matched: fromZero.matched,
        score: fromZero.score,
      });
    }
  });

  it("finds the same optimum whatever order the pairs come in", () => {
    fc.assert(
      fc.property(
        cohort,
        fc.integer(),
        fc.constantFrom<MatchMode>("participation", "score"),
        (problem, seed, mode) => {
          const random = seededRandom(seed);
          const order = Array.from(problem.pairScore, (_, k) => k);
          for (let k = order.length - 1; k > 0; k--) {
            const r = Math.floor(random() * (k + 1));
            [order[k], order[r]] = [order[r] as number, order[k] as number];
          }
          const shuffled: MatchingProblem = {
            ...problem,
            pairMentee: Int32Array.from(order, (k) => problem.pairMentee[k] as number),
            pairMentor: Int32Array.from(order, (k) => problem.pairMentor[k] as number),
            pairScore: Int32Array.from(order, (k) => problem.pairScore[k] as number),
          };
          const result = solveMatching(shuffled, { mode, candidateLimit: 2 });
          expect(certifyMatching(shuffled, mode, result)).toBeNull();
          expect({ matched: result.matched, score: result.score }).toEqual(expected(problem, mode));
        },
      ),
      { numRuns: 1000, seed: 99 },
    );
  });

  it("sorts a mentee's row of more than two million pairs", () => {
    const mentorCount = (1 << 21) + 3;
    const pairMentee = new Int32Array(mentorCount + 2);
    const pairMentor = new Int32Array(mentorCount + 2);
    const pairScore = new Int32Array(mentorCount + 2);
    for (let j = 0; j < mentorCount; j++) {
      pairMentor[j] = j;
      pairScore[j] = (j * 7919) % 1000;
    }
    // Mentee 1 wants only the two mentors mentee 0 likes best (score 999), so one of them must yield.
    const best = [];
    for (let j = 0; j < mentorCount && best.length < 2; j++) if (pairScore[j] === 999) best.push(j);
    pairMentee.fill(1, mentorCount);
    pairMentor.set(best, mentorCount);
    pairScore.set([1000, 1000], mentorCount);
    const problem: MatchingProblem = {
      menteeCount: 2,
      mentorCount,
      capacity: new Int32Array(mentorCount).fill(1),
      pairMentee,
      pairMentor,
      pairScore,
    };
    const result = solveMatching(problem, { mode: "score" });
    expect(certifyMatching(problem, "score", result)).toBeNull();
    expect(result.score).toBe(1999);
  });

  it("matches an independent solver on small cohorts with contested mentors", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 300; run++) {
      const menteeCount = 10 + Math.floor(random() * 30);
      const capacity = Array.from({ length: 2 + Math.floor(random() * 10) }, () => Math.floor(random() * 4));
      const popularity = capacity.map(() => random());
      const pairs: Pair[] = [];
      for (let i = 0; i < menteeCount; i++)
        capacity.forEach((_, j) => {
          if (random() < 0.2 + 0.6 * (popularity[j] as number))
            pairs.push([i, j, Math.floor(1000 * (popularity[j] as number) * random())]);
        });
      const problem = toProblem(menteeCount, capacity, pairs);
      for (const mode of ["participation", "score"] as const) {
        checkAgainstReference(problem, mode, 1 + (run % 5));
        checkAgainstReference(problem, mode, 1 + (run % 5), "auction");
      }
    }
  });

  it("agrees with the HiGHS linear-programming solver on medium cohorts", async () => {
    const random = seededRandom(11);
    for (let run = 0; run < 12; run++) {
      const menteeCount = 100 + Math.floor(random() * 200);
      const capacity = Array.from({ length: 10 + Math.floor(random() * 40) }, () => Math.floor(random() * 6));
      const pairs: Pair[] = [];
      for (let i = 0; i < menteeCount; i++)
        capacity.forEach((_, j) => {
          if (random() < 0.15) pairs.push([i, j, Math.floor(random() * 1001)]);
        });
      const problem = toProblem(menteeCount, capacity, pairs);
      for (const mode of ["participation", "score"] as const) {
        const result = solveMatching(problem, { mode, candidateLimit: 3 });
        expect(certifyMatching(problem, mode, result)).toBeNull();
        const reference = await solveWithHighs(problem, mode);
        expect(result.score).toBe(reference.score);
        if (mode === "participation") expect(result.matched).toBe(reference.matched);
      }
    }
  });

  it("proves its answer by the dual on larger cohorts where most pairs start outside the candidates", () => {
    const random = seededRandom(23);
    for (let run = 0; run < 6; run++) {
      const menteeCount = 3000;
      const mentorCount = 400;
      const appeal = Array.from({ length: mentorCount }, () => random());
      const capacity = Array.from({ length: mentorCount }, () => Math.floor(random() * (run < 3 ? 12 : 6)));
      const pairs: Pair[] = [];
      for (let i = 0; i < menteeCount; i++)
        for (let j = 0; j < mentorCount; j++)
          if (random() < 0.1) pairs.push([i, j, Math.floor(600 * (appeal[j] as number) + 400 * random())]);
      const problem = toProblem(menteeCount, capacity, pairs);
      for (const mode of ["participation", "score"] as const) {
        const result = solveMatching(problem, { mode, candidateLimit: 4 });
        expect(certifyMatching(problem, mode, result)).toBeNull();
        expect(result.pricingRounds).toBeGreaterThan(1);
      }
    }
  });
});
