// The matching benchmark: seeded cohorts at three levels of competition and three sizes (1k to 100k
// mentees), our engine next to LEMON (C++; network simplex and cost scaling) and, on the small cohorts,
// HiGHS (WASM); each solver in its own process so its time and peak memory are its own. Every one of our
// results is checked by its dual certificate. Usage:
//   npm run bench:matching [-- --only TEXT] [--mode participation|score|both] [--runs N]
//     [--two-phase] [--skip-resolve] [--skip-latency] [--skip-highs]
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { matchGreedily } from "../src/server/matching/match-greedily.ts";
import { type MatchMode, matchModes } from "../src/server/matching/matching-problem.ts";
import { parseMatchingInstance } from "../src/server/matching/parse-instance.ts";
import { type CohortSpec, type Competition, generateCohort, writeInstance } from "./generate-cohort.ts";
import { measureServerLatency } from "./server-latency.ts";

const benchDir = dirname(fileURLToPath(import.meta.url));
const buildDir = join(benchDir, ".build");
const tsxLoader = ["--import", "tsx"];

type Instance = { name: string; spec: CohortSpec; highs: boolean };

const sizes = [
  { label: "1k x 200", mentees: 1000, mentors: 200, seed: 11 },
  { label: "10k x 2k", mentees: 10_000, mentors: 2000, seed: 12 },
  { label: "100k x 20k", mentees: 100_000, mentors: 20_000, sampledMentors: 250, seed: 13 },
];
const competitionNames: Record<Competition, string> = {
  low: "low competition",
  medium: "contested",
  high: "heavily contested",
};

/** Every size at every competition level (each mentee's best 50 pairs), then the all-pairs cohorts. */
const instances: Instance[] = [
  ...sizes.flatMap(({ label, seed, ...size }) =>
    (["low", "medium", "high"] as const).map((competition) => ({
      name: `${label}, ${competitionNames[competition]}, top 50`,
      spec: { ...size, topCandidates: 50, competition, seed },
      highs: size.mentees <= 1000,
    })),
  ),
  {
    name: "1k x 200, contested, all feasible pairs",
    spec: { mentees: 1000, mentors: 200, seed: 1 },
    highs: true,
  },
  {
    name: "10k x 2k, contested, all feasible pairs",
    spec: { mentees: 10_000, mentors: 2000, seed: 2 },
    highs: false,
  },
];
/** The cohort the server-latency measurement solves: 10k x 2k, contested, top 50 (seed 2). */
const latencySpec: CohortSpec = { mentees: 10_000, mentors: 2000, topCandidates: 50, seed: 2 };

type Run = {
  matched: number;
  score: number;
  ms: number;
  /** Processor time of the solve (all of the process's threads), for a machine shared with others. */
  cpuMs?: number;
  maxRssKb: number;
  certified?: boolean;
  warmUpMs?: number;
  firstChoice?: number;
  topThree?: number;
  startedFrom?: string;
};
type Resolve = { warmMs: number; coldMs: number; certified: boolean; same: boolean };

const highsTimeLimitSeconds = 120;
/** Cohorts up to this many pairs also get a timing in a fresh process without the worker's warm-up. */
const coldColumnPairs = 1_000_000;
/** Shapes whose runs take longer than this are run once. */
const slowRunMs = 5000;

function fileName(spec: CohortSpec): string {
  const { mentees, mentors, topCandidates, sampledMentors, competition, seed } = spec;
  return join(
    buildDir,
    `cohort-${mentees}-${mentors}-${topCandidates ?? "all"}-${sampledMentors ?? "all"}-${competition ?? "medium"}-${seed}.txt`,
  );
}

function runJson<T>(command: string, args: string[], timeoutMs = 30 * 60_000): T {
  const child = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 20 });
  if (child.error) throw child.error;
  if (child.status !== 0)
    throw new Error((child.stderr || `exit code ${child.status}`).trim().split("\n").at(-1));
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "") as T;
}

function buildLemonDriver(): string | undefined {
  if (!existsSync("/usr/include/lemon/network_simplex.h")) return undefined;
  const source = join(buildDir, "lemon-driver.cpp");
  const binary = join(buildDir, "lemon-driver");
  const original = join(benchDir, "lemon-driver.cpp");
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(original).mtimeMs) return binary;
  copyFileSync(original, source);
  try {
    execFileSync("g++", ["-O2", "-std=c++11", "-o", binary, source, "-llemon"], { stdio: "inherit" });
  } catch (error) {
    console.log(
      `Could not compile the LEMON driver with g++ (${error instanceof Error ? error.message : error}).`,
    );
    return undefined;
  }
  return binary;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const format = (value: number, digits = 0) => value.toFixed(digits);
const megabytes = (kb: number) => format(kb / 1024);

type Solver = { label: string; lemon: boolean; run: () => Run };
type Measured = { label: string; lemon: boolean; runs: Run[]; note?: string };
type SummaryRow = {
  shape: string;
  mode: MatchMode;
  ours?: number;
  lemonBest?: number;
  lemonBestLabel?: string;
  ratio?: number;
  cold?: number;
  coldRatio?: number;
  warmUpMs?: number;
  certified: string;
  firstChoice: string;
  resolve?: Resolve;
};

/**
 * Runs every solver once per round, one after the other, so each round's ratio compares times taken
 * under the same machine load; reports medians over rounds (the machine is shared and noisy).
 */
function measureRounds(
  solvers: Solver[],
  rounds: number,
): { measured: Measured[]; ratios: number[]; coldRatios: number[]; cpuRatios: number[] } {
  const measured: Measured[] = solvers.map(({ label, lemon }) => ({ label, lemon, runs: [] }));
  const ratios: number[] = [];
  const coldRatios: number[] = [];
  const cpuRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let oursCpu: number | undefined;
    let bestLemonCpu = Number.POSITIVE_INFINITY;
    let ours: number | undefined;
    let cold: number | undefined;
    let bestLemon = Number.POSITIVE_INFINITY;
    solvers.forEach((solver, k) => {
      const entry = measured[k] as Measured;
      if (entry.note) return;
      try {
        const run = solver.run();
        entry.runs.push(run);
        if (k === 0) {
          ours = run.ms;
          oursCpu = run.cpuMs;
        }
        if (solver.lemon && run.cpuMs !== undefined) bestLemonCpu = Math.min(bestLemonCpu, run.cpuMs);
        if (solver.label.startsWith("sidecar, cold")) cold = run.ms;
        if (solver.lemon) bestLemon = Math.min(bestLemon, run.ms);
      } catch (error) {
        entry.note = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    });
    if (ours !== undefined && Number.isFinite(bestLemon)) ratios.push(ours / bestLemon);
    if (cold !== undefined && Number.isFinite(bestLemon)) coldRatios.push(cold / bestLemon);
    if (oursCpu !== undefined && Number.isFinite(bestLemonCpu)) cpuRatios.push(oursCpu / bestLemonCpu);
    const slow = measured.some((m) => m.runs.some((r) => r.ms > slowRunMs));
    if (slow && round === 0) break;
  }
  return { measured, ratios, coldRatios, cpuRatios };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = option("--only");
  const modeArg = option("--mode") ?? "both";
  const modes = modeArg === "both" ? [...matchModes] : [modeArg as MatchMode];
  const rounds = Number(option("--runs") ?? 3);
  const twoPhase = args.includes("--two-phase");
  mkdirSync(buildDir, { recursive: true });

  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${format(totalmem() / 2 ** 30)} GB, Node ${process.version}; load average at start ${loadavg()
      .map((l) => format(l, 2))
      .join(" ")}`,
  );
  const lemon = buildLemonDriver();
  if (!lemon)
    console.log(
      "LEMON is not installed (on Debian or Ubuntu: apt-get install -y liblemon-dev g++): its columns and the ratios are skipped.",
    );

  const summary: SummaryRow[] = [];
  for (const instance of instances) {
    if (only && !instance.name.includes(only)) continue;
    const file = fileName(instance.spec);
    if (!existsSync(file)) await writeInstance(generateCohort(instance.spec), file);
    const problem = parseMatchingInstance(readFileSync(file));
    const greedy = matchGreedily(problem);
    let seats = 0;
    for (const c of problem.capacity) seats += c;
    console.log(
      `\n## ${instance.name}: ${problem.menteeCount} mentees, ${problem.mentorCount} mentors, ${problem.pairScore.length} pairs, ${format(seats / problem.menteeCount, 2)} seats per mentee`,
    );
    for (const mode of modes) {
      const engine = [...tsxLoader, join(benchDir, "run-solver.ts")];
      const solvers: Solver[] = [
        {
          label: "sidecar (TypeScript, warmed up at worker start)",
          lemon: false,
          run: () => runJson<Run>(process.execPath, [...engine, "sidecar", file, mode]),
        },
      ];
      // The server's matching worker warms the solver up on a small built-in cohort when it starts, before
      // its first job (warmUpSolver), as LEMON's code is compiled before it runs; the ratios use that. A
      // fresh process that skips the warm-up runs mostly interpreted code below a second; it is shown too.
      if (problem.pairScore.length <= coldColumnPairs)
        solvers.push({
          label: "sidecar, cold (fresh process, no warm-up)",
          lemon: false,
          run: () => runJson<Run>(process.execPath, [...engine, "sidecar-cold", file, mode]),
        });
      if (lemon)
        for (const [label, algorithm] of [
          ["network simplex", "network-simplex"],
          ["cost scaling", "cost-scaling"],
        ] as const) {
          solvers.push({
            label: `LEMON ${label}`,
            lemon: true,
            run: () => runJson<Run>(lemon, [file, mode, algorithm]),
          });
          // Participation first also has a two-phase formulation (most matches by a preflow, then a flow
          // of that value). It was never the faster one on these cohorts and takes minutes on the largest,
          // so it runs only when asked.
          if (mode === "participation" && twoPhase)
            solvers.push({
              label: `LEMON ${label}, two-phase`,
              lemon: true,
              run: () => runJson<Run>(lemon, [file, mode, algorithm, "two-phase"]),
            });
        }
      const { measured, ratios, coldRatios, cpuRatios } = measureRounds(solvers, rounds);
      const highs: Measured = { label: "HiGHS simplex (WASM)", lemon: false, runs: [] };
      if (instance.highs && !args.includes("--skip-highs")) {
        try {
          highs.runs.push(
            runJson<Run>(
              process.execPath,
              [...engine, "highs", file, mode, String(highsTimeLimitSeconds)],
              (highsTimeLimitSeconds + 120) * 1000,
            ),
          );
        } catch (error) {
          highs.note = `failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      } else highs.note = "skipped on cohorts above 1k mentees (17 s to 120 s and more at 10k)";
      measured.push(highs);

      const oursRuns = measured[0]?.runs ?? [];
      const coldRuns = measured.find((m) => m.label.startsWith("sidecar, cold"))?.runs ?? [];
      const warmUps = oursRuns.flatMap((r) => (r.warmUpMs === undefined ? [] : [r.warmUpMs]));
      const warmUpMs = warmUps.length ? median(warmUps) : undefined;
      const ours = oursRuns.length ? median(oursRuns.map((r) => r.ms)) : undefined;
      const reference = oursRuns[0];
      const certified = oursRuns.length
        ? [...oursRuns, ...coldRuns].every((r) => r.certified)
          ? "certified"
          : "NOT CERTIFIED"
        : "no run";
      console.log(`\n### mode: ${mode}`);
      console.log(
        `| solver | matched | score | solve ms (median of ${oursRuns.length}) | peak MB | our time / theirs | same objective |`,
      );
      console.log("|---|---:|---:|---:|---:|---:|---|");
      let lemonBest: number | undefined;
      let lemonBestLabel: string | undefined;
      for (const { label, lemon: isLemon, runs, note } of measured) {
        const run = runs[0];
        if (!run) {
          console.log(`| ${label} | | | | | | ${note ?? ""} |`);
          continue;
        }
        const ms = median(runs.map((r) => r.ms));
        if (isLemon && (lemonBest === undefined || ms < lemonBest)) {
          lemonBest = ms;
          lemonBestLabel = label;
        }
        const isOurs = label.startsWith("sidecar");
        const same =
          reference === undefined
            ? "?"
            : isOurs
              ? certified === "certified"
                ? "proven by the dual certificate"
                : "DUAL CERTIFICATE FAILED"
              : (mode === "participation" ? run.matched === reference.matched : true) &&
                  run.score === reference.score
                ? "yes"
                : "NO";
        const ratio = ours !== undefined && !isOurs ? format(ours / ms, 2) : "";
        console.log(
          `| ${label} | ${run.matched} | ${run.score} | ${format(ms, 1)} | ${megabytes(Math.max(...runs.map((r) => r.maxRssKb)))} | ${ratio} | ${same} |`,
        );
      }
      const firstChoice =
        reference?.firstChoice !== undefined
          ? `${format((100 * reference.firstChoice) / problem.menteeCount)}% / ${format((100 * (reference.topThree ?? 0)) / problem.menteeCount)}%`
          : "";
      console.log(
        `| greedy (best pair first) | ${greedy.matched} | ${greedy.score} | | | | ${
          reference
            ? `${problem.menteeCount - greedy.matched} left unmatched, score ${format((100 * (greedy.score - reference.score)) / reference.score, 2)}%`
            : ""
        } |`,
      );
      if (reference)
        console.log(
          `\nCompetition: ${reference.matched} of ${problem.menteeCount} matched; first choice / one of the top three: ${firstChoice}`,
        );
      const ratio = ratios.length ? median(ratios) : undefined;
      if (ratio !== undefined)
        console.log(
          `Our time / LEMON's best (${lemonBestLabel}), median of ${ratios.length} same-round ratios: ${format(ratio, 2)}; dual certificate: ${certified}`,
        );
      else console.log(`Dual certificate: ${certified}`);
      if (warmUpMs !== undefined)
        console.log(`The worker's warm-up at start (not in our solve time): ${format(warmUpMs, 1)} ms`);
      if (cpuRatios.length) {
        const cpu = (runs: Run[]) => median(runs.map((r) => r.cpuMs ?? Number.NaN));
        const lemonCpu = Math.min(
          ...measured.filter((m) => m.lemon && m.runs.length).map((m) => cpu(m.runs)),
        );
        console.log(
          `Processor time: ours ${format(cpu(oursRuns), 1)} ms (started from ${reference?.startedFrom ?? "?"}), LEMON's best ${format(lemonCpu, 1)} ms; ours / LEMON's best, median of ${cpuRatios.length} same-round ratios: ${format(median(cpuRatios), 2)}`,
        );
      }
      const coldRatio = coldRatios.length ? median(coldRatios) : undefined;
      if (coldRatio !== undefined)
        console.log(`Cold (fresh process, no warm-up) / LEMON's best: ${format(coldRatio, 2)}`);

      let resolve: Resolve | undefined;
      if (!args.includes("--skip-resolve") && instance.spec.topCandidates !== undefined) {
        try {
          resolve = runJson<Resolve>(process.execPath, [
            ...engine,
            "sidecar-resolve",
            file,
            mode,
            String(ours !== undefined && ours > slowRunMs ? 1 : rounds),
          ]);
          console.log(
            `Re-solve after a pin, a forbidden pair and a seat taken away: warm start ${format(resolve.warmMs, 1)} ms, cold ${format(resolve.coldMs, 1)} ms, warm / cold ${format(resolve.warmMs / resolve.coldMs, 2)}; ${resolve.certified ? "both certified" : "CERTIFICATE FAILED"}${resolve.same ? "" : ", OBJECTIVES DIFFER"}`,
          );
        } catch (error) {
          console.log(`Re-solve failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      summary.push({
        shape: instance.name,
        mode,
        ours,
        lemonBest,
        lemonBestLabel,
        ratio,
        cold: coldRuns.length ? median(coldRuns.map((r) => r.ms)) : undefined,
        coldRatio,
        warmUpMs,
        certified,
        firstChoice,
        resolve,
      });
    }
  }

  console.log(
    "\n## Summary (medians; the ratio is the median of per-round ratios, each round running every solver back to back)\n",
  );
  console.log(
    "| shape | mode | first choice / top three | ours ms | LEMON best ms | ours / LEMON best | cold, no warm-up ms (ratio) | warm-up ms | certificate | re-solve warm / cold ms |",
  );
  console.log("|---|---|---|---:|---:|---:|---:|---:|---|---|");
  for (const row of summary)
    console.log(
      `| ${row.shape} | ${row.mode} | ${row.firstChoice} | ${row.ours === undefined ? "" : format(row.ours, 1)} | ${
        row.lemonBest === undefined
          ? ""
          : `${format(row.lemonBest, 1)} (${row.lemonBestLabel?.replace("LEMON ", "")})`
      } | ${row.ratio === undefined ? "" : format(row.ratio, 2)} | ${
        row.cold === undefined
          ? ""
          : `${format(row.cold, 1)}${row.coldRatio === undefined ? "" : ` (${format(row.coldRatio, 2)})`}`
      } | ${row.warmUpMs === undefined ? "" : format(row.warmUpMs, 0)} | ${row.certified} | ${
        row.resolve
          ? `${format(row.resolve.warmMs, 1)} / ${format(row.resolve.coldMs, 1)} (${format(row.resolve.warmMs / row.resolve.coldMs, 2)})`
          : ""
      } |`,
    );
  const failed = summary.filter((row) => row.certified !== "certified");
  if (failed.length) {
    console.log(`\n${failed.length} results were not certified by their dual.`);
    process.exitCode = 1;
  }

  if (!args.includes("--skip-latency") && !only) {
    const file = fileName(latencySpec);
    if (!existsSync(file)) await writeInstance(generateCohort(latencySpec), file);
    const latency = await measureServerLatency(file);
    console.log(
      "\n## Server latency while a 10k x 2k, contested, top 50 cohort is solved on a worker thread\n" +
        `p99 idle ${format(latency.idleP99Ms, 2)} ms, p99 while solving ${format(latency.busyP99Ms, 2)} ms, ` +
        `ratio ${format(latency.ratio, 2)} (medians of five windows of ${latency.requests / 5} requests; ` +
        `${latency.solves} solves); during the worker's first solve after start: p99 ${format(latency.firstSolveP99Ms, 2)} ms`,
    );
  }
}

await main();
