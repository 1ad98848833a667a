// The matching benchmark: seeded cohorts, our engine next to HiGHS (WASM) and LEMON (C++), each solver
// in its own process so its time and peak memory are its own. Usage:
//   npm run bench:matching [-- --only NAME] [--mode participation|score|both] [--skip-latency]
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { matchGreedily } from "../src/server/matching/match-greedily.ts";
import { type MatchMode, matchModes } from "../src/server/matching/matching-problem.ts";
import { parseMatchingInstance } from "../src/server/matching/parse-instance.ts";
import { type CohortSpec, generateCohort, writeInstance } from "./generate-cohort.ts";
import { measureServerLatency } from "./server-latency.ts";

const benchDir = dirname(fileURLToPath(import.meta.url));
const buildDir = join(benchDir, ".build");
const tsxLoader = ["--import", "tsx"];

type Instance = { name: string; spec: CohortSpec; highs: "run" | string };

const instances: Instance[] = [
  { name: "1k x 200, all feasible pairs", spec: { mentees: 1000, mentors: 200, seed: 1 }, highs: "run" },
  {
    name: "10k x 2k, top 50 each",
    spec: { mentees: 10_000, mentors: 2000, topCandidates: 50, seed: 2 },
    highs: "run",
  },
  {
    name: "10k x 2k, all feasible pairs",
    spec: { mentees: 10_000, mentors: 2000, seed: 2 },
    highs:
      "skipped: 8.9 million columns, where 0.5 million (top 50) take 17 s for score first and exceed the limit for participation",
  },
  {
    name: "100k x 20k, top 50 each",
    spec: { mentees: 100_000, mentors: 20_000, topCandidates: 50, sampledMentors: 250, seed: 3 },
    highs:
      "skipped: 4.8 million columns, where 0.5 million (top 50) take 17 s for score first and exceed the limit for participation",
  },
];

type Run = { matched: number; score: number; ms: number; maxRssKb: number; certified?: boolean };
type Outcome = { solver: string; run?: Run; note?: string };

const highsTimeLimitSeconds = 120;
const slowRunMs = 5000;

function fileName(instance: Instance): string {
  const { mentees, mentors, topCandidates, sampledMentors, seed } = instance.spec;
  return join(
    buildDir,
    `cohort-${mentees}-${mentors}-${topCandidates ?? "all"}-${sampledMentors ?? "all"}-${seed}.txt`,
  );
}

function runOnce(command: string, args: string[], timeoutMs: number): Run {
  const child = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 20 });
  if (child.error) throw child.error;
  if (child.status !== 0)
    throw new Error((child.stderr || `exit code ${child.status}`).trim().split("\n").at(-1));
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "") as Run;
}

/** The median of three runs, or one run when a single run already takes long. */
function measure(command: string, args: string[], timeoutMs = 30 * 60_000): Run {
  const first = runOnce(command, args, timeoutMs);
  if (first.ms > slowRunMs) return first;
  const runs = [first, runOnce(command, args, timeoutMs), runOnce(command, args, timeoutMs)];
  return runs.sort((a, b) => a.ms - b.ms)[1] as Run;
}

function buildLemonDriver(): string | undefined {
  if (!existsSync("/usr/include/lemon/network_simplex.h")) return undefined;
  const source = join(buildDir, "lemon-driver.cpp");
  const binary = join(buildDir, "lemon-driver");
  copyFileSync(join(benchDir, "lemon-driver.cpp"), source);
  if (!existsSync(binary) || statSync(binary).mtimeMs < statSync(source).mtimeMs)
    execFileSync("g++", ["-O2", "-std=c++11", "-o", binary, source, "-llemon"], { stdio: "inherit" });
  return binary;
}

function attempt(solver: string, run: () => Run): Outcome {
  try {
    return { solver, run: run() };
  } catch (error) {
    return { solver, note: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const format = (value: number, digits = 0) => value.toFixed(digits);
const megabytes = (kb: number) => format(kb / 1024);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const modeArg = args.includes("--mode") ? args[args.indexOf("--mode") + 1] : "both";
  const modes = modeArg === "both" ? [...matchModes] : [modeArg as MatchMode];
  mkdirSync(buildDir, { recursive: true });

  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${format(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  );
  const lemon = buildLemonDriver();
  if (!lemon)
    console.log("LEMON is not installed (apt-get install -y liblemon-dev): its columns are skipped.");

  for (const instance of instances) {
    if (only && !instance.name.includes(only)) continue;
    const file = fileName(instance);
    if (!existsSync(file)) await writeInstance(generateCohort(instance.spec), file);
    const problem = parseMatchingInstance(readFileSync(file));
    const greedy = matchGreedily(problem);
    console.log(
      `\n## ${instance.name}: ${problem.menteeCount} mentees, ${problem.mentorCount} mentors, ${problem.pairScore.length} pairs`,
    );
    for (const mode of modes) {
      const outcomes: Outcome[] = [];
      const engine = [...tsxLoader, join(benchDir, "run-solver.ts")];
      outcomes.push(
        attempt("sidecar (TypeScript)", () => measure(process.execPath, [...engine, "sidecar", file, mode])),
      );
      if (lemon) {
        for (const [label, algorithm] of [
          ["network simplex", "network-simplex"],
          ["cost scaling", "cost-scaling"],
        ] as const) {
          outcomes.push(attempt(`LEMON ${label}`, () => measure(lemon, [file, mode, algorithm])));
          // Participation first has two formulations; neither is faster for both algorithms, so run both.
          if (mode === "participation")
            outcomes.push(
              attempt(`LEMON ${label}, two-phase`, () =>
                measure(lemon, [file, mode, algorithm, "two-phase"]),
              ),
            );
        }
      } else outcomes.push({ solver: "LEMON", note: "skipped: liblemon-dev is not installed" });
      if (instance.highs === "run")
        outcomes.push(
          attempt("HiGHS simplex (WASM)", () =>
            runOnce(
              process.execPath,
              [...engine, "highs", file, mode, String(highsTimeLimitSeconds)],
              (highsTimeLimitSeconds + 120) * 1000,
            ),
          ),
        );
      else outcomes.push({ solver: "HiGHS simplex (WASM)", note: instance.highs });

      const ours = outcomes[0]?.run;
      const lemonRuns = outcomes
        .filter((o) => o.solver.startsWith("LEMON") && o.run)
        .map((o) => o.run as Run);
      const bestLemon = lemonRuns.length ? Math.min(...lemonRuns.map((r) => r.ms)) : undefined;
      console.log(`\n### mode: ${mode}`);
      console.log("| solver | matched | score | solve ms | peak MB | our time / theirs | same objective |");
      console.log("|---|---:|---:|---:|---:|---:|---|");
      for (const { solver, run, note } of outcomes) {
        if (!run) {
          console.log(`| ${solver} | | | | | | ${note} |`);
          continue;
        }
        const same =
          ours === undefined
            ? "?"
            : run === ours
              ? run.certified
                ? "proven by the dual"
                : "NOT PROVEN"
              : mode === "participation"
                ? run.matched === ours.matched && run.score === ours.score
                  ? "yes"
                  : "NO"
                : run.score === ours.score
                  ? "yes"
                  : "NO";
        const ratio = ours && run !== ours ? format(ours.ms / run.ms, 2) : "";
        console.log(
          `| ${solver} | ${run.matched} | ${run.score} | ${format(run.ms, 1)} | ${megabytes(run.maxRssKb)} | ${ratio} | ${same} |`,
        );
      }
      console.log(
        `| greedy (best pair first) | ${greedy.matched} | ${greedy.score} | | | | ${
          ours
            ? `${problem.menteeCount - greedy.matched} left unmatched, score ${format((100 * (greedy.score - ours.score)) / ours.score, 2)}%`
            : ""
        } |`,
      );
      if (ours && bestLemon !== undefined)
        console.log(`\nOur time / LEMON's best (${mode}): ${format(ours.ms / bestLemon, 2)}`);
    }
  }

  if (!args.includes("--skip-latency") && (!only || "10k x 2k, top 50 each".includes(only))) {
    const instance = instances[1] as Instance;
    const file = fileName(instance);
    if (!existsSync(file)) await writeInstance(generateCohort(instance.spec), file);
    const latency = await measureServerLatency(file);
    console.log(
      `\n## Server latency while a ${instance.name} cohort is solved on a worker thread\n` +
        `p99 idle ${format(latency.idleP99Ms, 2)} ms, p99 while solving ${format(latency.busyP99Ms, 2)} ms, ` +
        `ratio ${format(latency.ratio, 2)} (medians of five windows of ${latency.requests / 5} requests; ` +
        `${latency.solves} solves); during the worker's first solve after start: p99 ${format(latency.firstSolveP99Ms, 2)} ms`,
    );
  }
}

await main();
