// Runs one solver on one instance file in its own process, so its peak memory can be measured alone.
// Prints {"matched", "score", "ms", "maxRssKb"[, "certified"]} as one JSON line.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { certifyMatching } from "../src/server/matching/certify-matching.ts";
import type { MatchMode } from "../src/server/matching/matching-problem.ts";
import { parseMatchingInstance } from "../src/server/matching/parse-instance.ts";
import { solveMatching } from "../src/server/matching/solve-matching.ts";
import { solveWithHighs } from "./highs-solver.ts";

const [solver, file, mode, timeLimit] = process.argv.slice(2) as [
  string,
  string,
  MatchMode,
  string | undefined,
];
const problem = parseMatchingInstance(readFileSync(file));
const startedAt = performance.now();
if (solver === "sidecar") {
  const result = solveMatching(problem, { mode });
  const ms = performance.now() - startedAt;
  const maxRssKb = process.resourceUsage().maxRSS;
  const certified = certifyMatching(problem, mode, result) === null;
  console.log(JSON.stringify({ matched: result.matched, score: result.score, ms, maxRssKb, certified }));
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
