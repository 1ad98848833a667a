export const matchModes = ["participation", "score"] as const;
export type MatchMode = (typeof matchModes)[number];

export const maxPairScore = 1000;

/**
 * A cohort as flat typed arrays, so it can cross a worker boundary without copying object graphs.
 * Pair k links mentee pairMentee[k] to mentor pairMentor[k] with an integer score 0..1000; a pair that is
 * not listed is infeasible.
 */
export type MatchingProblem = {
  menteeCount: number;
  mentorCount: number;
  capacity: Int32Array;
  pairMentee: Int32Array;
  pairMentor: Int32Array;
  pairScore: Int32Array;
};

export type MatchingResult = {
  /** Mentor index per mentee, or -1 when the mentee stays unmatched. */
  mentorOf: Int32Array;
  matched: number;
  score: number;
  /**
   * The dual solution that proves optimality, in the solver's internal weights
   * (see internalWeight): every feasible pair has menteeDual + mentorDual >= weight.
   */
  menteeDual: Float64Array;
  mentorDual: Float64Array;
  /** Rounds of "solve on candidates, then price every other pair". */
  pricingRounds: number;
  /** Pairs the solver had to look at, out of all feasible pairs. */
  candidatePairs: number;
  /**
   * Where the mentor duals started: zero, auction prices (heavily contested cohorts), a warm start, or
   * auction prices given up for zero once repairing them had cost more than the budget.
   */
  startedFrom?: "zero" | "auction" | "warm" | "auction, then zero";
};

export type MatchingProgress = {
  phase: "preparing" | "matching" | "pricing" | "done";
  /** Mentees placed so far in this round, out of total. */
  done: number;
  total: number;
  round: number;
};

/**
 * Both objectives become one maximum-weight problem where leaving a mentee unmatched is worth 0.
 * Participation first: each match is worth more than any total score, so cardinality wins, then score.
 * Score first: the score is scaled so that one point beats any number of extra matches, and ties go
 * to the matching with more mentees placed.
 */
export function internalWeightScale(mode: MatchMode, menteeCount: number): { scale: number; bonus: number } {
  if (mode === "participation") return { scale: 1, bonus: maxPairScore * menteeCount + 1 };
  return { scale: menteeCount + 1, bonus: 1 };
}
