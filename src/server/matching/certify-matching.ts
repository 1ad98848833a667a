import {
  internalWeightScale,
  type MatchingProblem,
  type MatchingResult,
  type MatchMode,
} from "./matching-problem.ts";

/**
 * Checks a result against the raw problem with nothing borrowed from the solver but its numbers:
 * the assignment is feasible, and the duals prove by linear-programming duality that no assignment
 * does better. Returns why the proof fails, or null when it holds.
 */
export function certifyMatching(
  problem: MatchingProblem,
  mode: MatchMode,
  result: MatchingResult,
): string | null {
  const { menteeCount: n, mentorCount: m, capacity, pairMentee, pairMentor, pairScore } = problem;
  const { mentorOf, menteeDual: u, mentorDual: v } = result;
  const { scale, bonus } = internalWeightScale(mode, n);
  const degree = new Int32Array(m);
  for (let k = 0; k < pairMentor.length; k++) {
    const j = pairMentor[k] as number;
    degree[j] = (degree[j] as number) + 1;
  }

  const load = new Int32Array(m);
  const pairOf = new Int32Array(n).fill(-1);
  let score = 0;
  let matched = 0;
  for (let k = 0; k < pairScore.length; k++) {
    const i = pairMentee[k] as number;
    const j = pairMentor[k] as number;
    const w = scale * (pairScore[k] as number) + bonus;
    const slack = (u[i] as number) + (v[j] as number) - w;
    if (slack < 0) return `pair ${k} (mentee ${i}, mentor ${j}) is not covered by the dual: slack ${slack}`;
    if (mentorOf[i] === j && (pairOf[i] as number) < 0 && slack === 0) pairOf[i] = k;
  }
  for (let i = 0; i < n; i++) {
    if ((u[i] as number) < 0) return `mentee ${i} has a negative dual`;
    const j = mentorOf[i] as number;
    if (j < 0) {
      if (u[i] !== 0) return `mentee ${i} is unmatched but its dual is ${u[i]}`;
      continue;
    }
    if (j >= m) return `mentee ${i} is matched to unknown mentor ${j}`;
    const k = pairOf[i] as number;
    if (k < 0) return `mentee ${i} is matched to mentor ${j} by no tight feasible pair`;
    load[j] = (load[j] as number) + 1;
    matched++;
    score += pairScore[k] as number;
  }
  for (let j = 0; j < m; j++) {
    const seats = Math.min(capacity[j] as number, degree[j] as number);
    if ((load[j] as number) > (capacity[j] as number)) return `mentor ${j} is over capacity`;
    if ((v[j] as number) < 0) return `mentor ${j} has a negative dual`;
    if ((v[j] as number) > 0 && load[j] !== seats) return `mentor ${j} has a free seat but a positive dual`;
  }
  if (matched !== result.matched) return `reported ${result.matched} matched, found ${matched}`;
  if (score !== result.score) return `reported score ${result.score}, found ${score}`;
  return null;
}
