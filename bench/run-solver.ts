// Runs one solver on one instance file in its own process, so its peak memory can be measured alone.
// Prints {"matched", "score", "ms", "maxRssKb"[, "certified", "firstChoice", "topThree"]} as one JSON line.
// "sidecar-resolve" instead times a re-solve after a small change, warm-started and cold, in one process.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { certifyMatching } from "../src/server/matching/certify-matching.ts";
import type { MatchingProblem, MatchingResult, MatchMode } from "../src/server/matching/matching-problem.ts";
import { parseMatchingInstance } from "../src/server/matching/parse-instance.ts";
import { solveMatching } from "../src/server/matching/solve-matching.ts";
import { warmUpSolver } from "../src/server/matching/warm-up.ts";
import { solveWithHighs } from "./highs-solver.ts";

const [solver, file, mode, timeLimit] = process.argv.slice(2) as [
  string,
  string,
  MatchMode,
  string | undefined,
];

/** How many matched mentees got their best-scored pair, and one of their three best (ties counted kindly). */
function choiceRanks(
  problem: MatchingProblem,
  result: MatchingResult,
): { firstChoice: number; topThree: number } {
  const { menteeCount: n, pairMentee, pairMentor, pairScore } = problem;
  const own = new Int32Array(n).fill(-1);
  for (let k = 0; k < pairScore.length; k++) {
    const i = pairMentee[k] as number;
    if (pairMentor[k] === result.mentorOf[i]) own[i] = pairScore[k] as number;
  }
  const better = new Int32Array(n);
  for (let k = 0; k < pairScore.length; k++) {
    const i = pairMentee[k] as number;
    if ((own[i] as number) >= 0 && (pairScore[k] as number) > (own[i] as number))
      better[i] = (better[i] as number) + 1;
  }
  let firstChoice = 0;
  let topThree = 0;
  for (let i = 0; i < n; i++) {
    if ((own[i] as number) < 0) continue;
    if (better[i] === 0) firstChoice++;
    if ((better[i] as number) < 3) topThree++;
  }
  return { firstChoice, topThree };
}

/**
 * The overrides a program admin makes before re-solving: pin one matched pair (its mentee's pairs go,
 * its mentor loses a seat), forbid another mentee's current pair, and take a seat from a third mentor.
 */
function smallChange(problem: MatchingProblem, result: MatchingResult): MatchingProblem {
  const n = problem.menteeCount;
  const matchedMentees: number[] = [];
  for (let i = 0; i < n && matchedMentees.length < 3; i += Math.max(1, Math.floor(n / 7)))
    if ((result.mentorOf[i] as number) >= 0) matchedMentees.push(i);
  const [pinned = -1, forbidden = -1, shrunk = -1] = matchedMentees;
  const capacity = Int32Array.from(problem.capacity);
  const lower = (j: number) => {
    if (j >= 0) capacity[j] = Math.max(0, (capacity[j] as number) - 1);
  };
  if (pinned >= 0) lower(result.mentorOf[pinned] as number);
  if (shrunk >= 0) lower(result.mentorOf[shrunk] as number);
  const keep = new Uint8Array(problem.pairScore.length);
  let kept = 0;
  for (let k = 0; k < keep.length; k++) {
    const i = problem.pairMentee[k] as number;
    if (i === pinned) continue;
    if (i === forbidden && problem.pairMentor[k] === result.mentorOf[i]) continue;
    keep[k] = 1;
    kept++;
  }
  const pick = (a: Int32Array) => {
    const out = new Int32Array(kept);
    let at = 0;
    for (let k = 0; k < keep.length; k++) if (keep[k]) out[at++] = a[k] as number;
    return out;
  };
  return {
    menteeCount: n,
    mentorCount: problem.mentorCount,
    capacity,
    pairMentee: pick(problem.pairMentee),
    pairMentor: pick(problem.pairMentor),
    pairScore: pick(problem.pairScore),
  };
}

// "sidecar" starts as the server's matching worker does: it warms the solver up on a small built-in cohort
// (warmUpSolver, once per worker) before its first job. That time is reported apart, as LEMON's
// compilation is; "sidecar-cold" skips it and shows what a fresh process without it pays.
let warmUpMs: number | undefined;
if (solver === "sidecar") {
  const at = performance.now();
  warmUpSolver();
  warmUpMs = performance.now() - at;
}
const problem = parseMatchingInstance(readFileSync(file));
const startedAt = performance.now();
const cpuAt = process.cpuUsage();
if (solver === "sidecar" || solver === "sidecar-cold") {
  const result = solveMatching(problem, { mode });
  const ms = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuAt);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssKb = process.resourceUsage().maxRSS;
  const certified = certifyMatching(problem, mode, result) === null;
  const ranks = choiceRanks(problem, result);
  console.log(
    JSON.stringify({
      matched: result.matched,
      score: result.score,
      ms,
      cpuMs,
      maxRssKb,
      certified,
      warmUpMs,
      startedFrom: result.startedFrom,
      ...ranks,
    }),
  );
} else if (solver === "sidecar-resolve") {
  const first = solveMatching(problem, { mode });
  const changed = smallChange(problem, first);
  const warmStart = { menteeDual: first.menteeDual, mentorDual: first.mentorDual };
  const timed = (warm: boolean) => {
    const at = performance.now();
    const result = solveMatching(changed, warm ? { mode, warmStart } : { mode });
    return { ms: performance.now() - at, result };
  };
  // Alternate warm and cold so both see the same compiled code and the same machine load.
  const warmRuns: number[] = [];
  const coldRuns: number[] = [];
  let certified = true;
  let same = true;
  const rounds = Number(timeLimit ?? 3);
  for (let r = 0; r < rounds; r++) {
    const warm = timed(true);
    const cold = timed(false);
    warmRuns.push(warm.ms);
    coldRuns.push(cold.ms);
    certified &&=
      certifyMatching(changed, mode, warm.result) === null &&
      certifyMatching(changed, mode, cold.result) === null;
    same &&= warm.result.matched === cold.result.matched && warm.result.score === cold.result.score;
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  console.log(JSON.stringify({ warmMs: median(warmRuns), coldMs: median(coldRuns), certified, same }));
} else if (solver === "highs") {
  try {
    const result = await solveWithHighs(problem, mode, Number(timeLimit ?? Number.POSITIVE_INFINITY));
    const ms = performance.now() - startedAt;
    console.log(JSON.stringify({ ...result, ms, maxRssKb: process.resourceUsage().maxRSS }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
} else {
  console.error(`unknown solver ${solver}`);
  process.exitCode = 2;
}
