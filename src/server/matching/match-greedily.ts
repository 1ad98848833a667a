import { type MatchingProblem, maxPairScore } from "./matching-problem.ts";

/**
 * The baseline other tools ship: take pairs from the highest score down and keep each one whose mentee
 * is still free and whose mentor still has a seat. Fast, but neither the most matches nor the best total.
 */
export function matchGreedily(problem: MatchingProblem): {
  mentorOf: Int32Array;
  matched: number;
  score: number;
} {
  const { menteeCount, capacity, pairMentee, pairMentor, pairScore } = problem;
  const firstOfScore = new Int32Array(maxPairScore + 2);
  for (let k = 0; k < pairScore.length; k++) {
    const slot = maxPairScore - (pairScore[k] as number) + 1;
    firstOfScore[slot] = (firstOfScore[slot] as number) + 1;
  }
  for (let s = 1; s < firstOfScore.length; s++)
    firstOfScore[s] = (firstOfScore[s] as number) + (firstOfScore[s - 1] as number);
  const order = new Int32Array(pairScore.length);
  for (let k = 0; k < pairScore.length; k++) {
    const slot = maxPairScore - (pairScore[k] as number);
    order[firstOfScore[slot] as number] = k;
    firstOfScore[slot] = (firstOfScore[slot] as number) + 1;
  }
  const mentorOf = new Int32Array(menteeCount).fill(-1);
  const seatsLeft = Int32Array.from(capacity);
  let matched = 0;
  let score = 0;
  for (let r = 0; r < order.length; r++) {
    const k = order[r] as number;
    const i = pairMentee[k] as number;
    const j = pairMentor[k] as number;
    if (mentorOf[i] !== -1 || (seatsLeft[j] as number) <= 0) continue;
    mentorOf[i] = j;
    seatsLeft[j] = (seatsLeft[j] as number) - 1;
    matched++;
    score += pairScore[k] as number;
  }
  return { mentorOf, matched, score };
}
