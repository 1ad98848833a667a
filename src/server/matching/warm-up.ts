import type { MatchingProblem, MatchMode } from "./matching-problem.ts";
import { solveMatching } from "./solve-matching.ts";

/**
 * A small contested cohort built from a fixed seed, grouped by mentee as the scoring module lists
 * pairs: mentors share a general appeal (worth `appealPoints` of the 1000), so mentees compete and
 * searches, pricing and seat repairs run. One mentor in twenty is in nobody's list, as in real cohorts.
 */
export function warmUpCohort(
  menteeCount = 800,
  mentorCount = 200,
  pairsPerMentee = 24,
  appealPoints = 300,
): MatchingProblem {
  let state = 0x9e3779b9;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const appeal = Float64Array.from({ length: mentorCount }, () => random());
  const capacity = Int32Array.from({ length: mentorCount }, () => 3 + Math.floor(random() * 6));
  const pairCount = menteeCount * pairsPerMentee;
  const pairMentee = new Int32Array(pairCount);
  const pairMentor = new Int32Array(pairCount);
  const pairScore = new Int32Array(pairCount);
  const used = new Int32Array(mentorCount).fill(-1);
  const listed = Math.max(pairsPerMentee, mentorCount - Math.floor(mentorCount / 20));
  let k = 0;
  for (let i = 0; i < menteeCount; i++) {
    for (let p = 0; p < pairsPerMentee; p++) {
      let j = Math.floor(random() * listed);
      while (used[j] === i) j = (j + 1) % listed;
      used[j] = i;
      pairMentee[k] = i;
      pairMentor[k] = j;
      pairScore[k] = Math.round(appealPoints * (appeal[j] as number) + (1000 - appealPoints) * random());
      k++;
    }
  }
  return { menteeCount, mentorCount, capacity, pairMentee, pairMentor, pairScore };
}

/**
 * Runs the solver on a small cohort so V8 has compiled its hot loops before the first real cohort
 * arrives: in a fresh process a 1,000-mentee cohort otherwise spends most of its time in the
 * interpreter (measured: about twice the compiled time). The matching worker calls this once when it
 * starts, off the request path; it takes a few tens of milliseconds and changes no result.
 */
export function warmUpSolver(): void {
  const cohort = warmUpCohort();
  // Heavily contested, with fewer seats than mentees: the auction start, its seat repairs and the
  // mentors nobody lists all run here, so a contested job does not compile them on its own time.
  const contested = warmUpCohort(1200, 200, 24, 900);
  const modes: MatchMode[] = ["participation", "score"];
  for (const mode of modes) {
    // Few candidates per mentee first, so pricing and seat repairs run too; then a warm re-solve with
    // a few seats taken away, then the ordinary solve.
    const first = solveMatching(cohort, { mode, candidateLimit: 4 });
    const fewerSeats = { ...cohort, capacity: cohort.capacity.map((c, j) => (j % 10 === 0 ? c - 1 : c)) };
    solveMatching(fewerSeats, {
      mode,
      warmStart: { menteeDual: first.menteeDual, mentorDual: first.mentorDual },
    });
    solveMatching(cohort, { mode });
    // Heavily contested cohorts start from auction prices: compile that path too.
    solveMatching(cohort, { mode, start: "auction" });
    // The mode as a job brings it (read from a request, a file or a database row), not as a literal:
    // V8 compiles string comparisons for the kinds of string it has seen, and a new kind deoptimizes.
    const jobMode = [...mode].join("") as MatchMode;
    for (let round = 0; round < 2; round++) solveMatching(contested, { mode: jobMode, start: "auction" });
  }
}
