import loadHighs from "highs";
import {
  type MatchingProblem,
  type MatchMode,
  maxPairScore,
} from "../src/server/matching/matching-problem.ts";

/**
 * The cohort as a linear program for HiGHS: one column per pair, one row per mentee (at most 1) and per
 * mentor (at most its capacity). The constraint matrix is totally unimodular, so a simplex vertex is an
 * integral matching.
 */
export async function solveWithHighs(
  problem: MatchingProblem,
  mode: MatchMode,
  timeLimitSeconds = Number.POSITIVE_INFINITY,
): Promise<{ matched: number; score: number }> {
  const highs = await loadHighs();
  const { menteeCount: n, mentorCount: m, capacity, pairMentee, pairMentor, pairScore } = problem;
  const pairCount = pairScore.length;
  const starts = new Int32Array(pairCount + 1);
  const indices = new Int32Array(2 * pairCount);
  for (let k = 0; k < pairCount; k++) {
    starts[k + 1] = 2 * (k + 1);
    indices[2 * k] = pairMentee[k] as number;
    indices[2 * k + 1] = n + (pairMentor[k] as number);
  }
  const rowUpper = new Float64Array(n + m);
  rowUpper.fill(1, 0, n);
  for (let j = 0; j < m; j++) rowUpper[n + j] = capacity[j] as number;
  const model = highs.createModel({
    numCols: pairCount,
    numRows: n + m,
    sense: highs.constants.objectiveSense.maximize,
    // Participation first: every match is worth more than any total score (HiGHS's own lexicographic
    // objectives give the same answer, about twenty times slower on these degenerate programs).
    colCost: Float64Array.from(pairScore, (s) => (mode === "participation" ? s + maxPairScore * n + 1 : s)),
    colLower: new Float64Array(pairCount),
    colUpper: new Float64Array(pairCount).fill(1),
    rowLower: new Float64Array(n + m),
    rowUpper,
    matrix: {
      format: "csc",
      numRows: n + m,
      numCols: pairCount,
      starts,
      indices,
      values: new Float64Array(2 * pairCount).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false, solver: "simplex" });
    if (Number.isFinite(timeLimitSeconds)) model.options.set({ time_limit: timeLimitSeconds });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
      throw new Error(
        model.getModelStatus() === highs.constants.modelStatus.timeLimit
          ? `no optimum within the ${timeLimitSeconds} s time limit`
          : `HiGHS stopped without an optimum (status ${model.getModelStatus()})`,
      );
    const values = model.getSolution().colValue;
    let matched = 0;
    let score = 0;
    for (let k = 0; k < pairCount; k++)
      if ((values[k] as number) > 0.5) {
        matched++;
        score += pairScore[k] as number;
      }
    return { matched, score };
  } finally {
    model.dispose();
  }
}
