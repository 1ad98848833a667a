import { afterAll, describe, expect, it } from "vitest";
import { certifyMatching } from "./certify-matching.ts";
import type { MatchingProblem, MatchingProgress } from "./matching-problem.ts";
import { closeMatchingWorker, solveInWorker } from "./solve-in-worker.ts";
import { solveMatching } from "./solve-matching.ts";

function contestedCohort(menteeCount: number, mentorCount: number): MatchingProblem {
  const pairMentee: number[] = [];
  const pairMentor: number[] = [];
  const pairScore: number[] = [];
  for (let i = 0; i < menteeCount; i++)
    for (let c = 0; c < 20; c++) {
      const j = (i * 7 + c * 13) % mentorCount;
      if (pairMentee.length > 0 && pairMentee.at(-1) === i && pairMentor.includes(j, pairMentor.length - c))
        continue;
      pairMentee.push(i);
      pairMentor.push(j);
      pairScore.push((i * 31 + j * 17) % 1001);
    }
  return {
    menteeCount,
    mentorCount,
    capacity: Int32Array.from({ length: mentorCount }, (_, j) => 1 + (j % 6)),
    pairMentee: Int32Array.from(pairMentee),
    pairMentor: Int32Array.from(pairMentor),
    pairScore: Int32Array.from(pairScore),
  };
}

describe("solveInWorker", () => {
  afterAll(closeMatchingWorker);

  it("solves off the main thread, reports progress, and agrees with the in-process solver", async () => {
    const problem = contestedCohort(20_000, 3_000);
    const progress: MatchingProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const result = await solveInWorker(problem, {
      mode: "participation",
      onProgress: (p) => progress.push(p),
    });
    clearInterval(timer);

    const direct = solveMatching(problem, { mode: "participation" });
    expect({ matched: result.matched, score: result.score }).toEqual({
      matched: direct.matched,
      score: direct.score,
    });
    expect(certifyMatching(problem, "participation", result)).toBeNull();
    expect(progress.at(0)?.phase).toBe("preparing");
    expect(progress.at(-1)?.phase).toBe("done");
    expect(progress.some((p) => p.phase === "matching")).toBe(true);
    // The event loop kept turning while the worker solved.
    expect(ticks).toBeGreaterThan(0);
  });

  it("rejects an aborted solve and keeps solving the others", async () => {
    const controller = new AbortController();
    const problem = contestedCohort(2_000, 300);
    const running = solveInWorker(problem, { mode: "score", signal: controller.signal });
    const queued = solveInWorker(problem, { mode: "score" });
    controller.abort(new Error("cancelled by the admin"));
    await expect(running).rejects.toThrow("cancelled by the admin");
    expect((await queued).score).toBe(solveMatching(problem, { mode: "score" }).score);
  });

  it("passes a warm start to the worker and re-solves a changed cohort exactly", async () => {
    const problem = contestedCohort(3_000, 400);
    const before = await solveInWorker(problem, { mode: "participation" });
    const capacity = Int32Array.from(problem.capacity);
    const fullest = before.mentorOf[0] as number;
    capacity[fullest] = Math.max(0, (capacity[fullest] as number) - 2);
    const changed = { ...problem, capacity };
    const warmStart = { menteeDual: before.menteeDual, mentorDual: before.mentorDual };
    const warm = await solveInWorker(changed, { mode: "participation", warmStart });
    expect(certifyMatching(changed, "participation", warm)).toBeNull();
    expect(warm.score).toBe(solveMatching(changed, { mode: "participation" }).score);
  });

  it("solves cohorts one after another on the same worker", async () => {
    const problems = [contestedCohort(1_000, 100), contestedCohort(1_500, 200), contestedCohort(500, 40)];
    const results = await Promise.all(
      problems.map((problem) => solveInWorker(problem, { mode: "participation" })),
    );
    results.forEach((result, k) => {
      expect(certifyMatching(problems[k] as MatchingProblem, "participation", result)).toBeNull();
    });
  });
});
