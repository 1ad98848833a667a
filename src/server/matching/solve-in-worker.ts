import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { MatchingProblem, MatchingProgress, MatchingResult } from "./matching-problem.ts";
import type { CohortInput, PairExplanation } from "./score-pairs.ts";
import type { SolveMatchingOptions } from "./solve-matching.ts";
import type {
  RuleExclusions,
  ScoredProblem,
  ScoringProgressMessage,
  WorkerJob,
  WorkerMessage,
  WorkerTask,
} from "./solve-worker.ts";

// The app runs its TypeScript source through tsx, under vitest as under the tsx CLI; a worker thread
// does not inherit a loader registered in the parent, so it imports its entry through tsx's own API.
const tsxApi = resolveEsmExport("tsx", "./esm/api");
const workerEntry = new URL("./solve-worker.ts", import.meta.url).href;
const workerBootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(workerEntry)}, ${JSON.stringify(workerEntry)}))`;

function resolveEsmExport(packageName: string, subpath: string): string {
  const manifestPath = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const target = manifest.exports[subpath]?.import.default;
  if (!target) throw new Error(`${packageName} has no ES module export ${subpath}`);
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}

export type SolveInWorkerOptions = SolveMatchingOptions & { signal?: AbortSignal };

type Job = {
  id: number;
  task: WorkerTask;
  signal: AbortSignal | undefined;
  onProgress: ((progress: never) => void) | undefined;
  resolve: (result: never) => void;
  reject: (reason: unknown) => void;
};

/**
 * A lane is one long-lived worker thread that runs one job at a time, in order. Starting a worker costs
 * more main-thread time than a job's messages, so it is started once (at boot, or by its first job) and
 * kept. Matching runs (scoring, solving, explaining) share one lane; the rules preview has its own, so a
 * preview never waits behind a long solve.
 */
class WorkerLane {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private runningOn: Worker | undefined;
  private readonly waiting: Job[] = [];
  private nextJobId = 1;

  constructor(private readonly warmUp: boolean) {}

  start(): Worker {
    if (this.worker) return this.worker;
    const started = new Worker(workerBootstrap, { eval: true, workerData: { warmUp: this.warmUp } });
    started.unref();
    started.on("message", (message: WorkerMessage) => {
      const job = this.running;
      if (!job || this.runningOn !== started || message.id !== job.id) return;
      if (message.type === "progress") {
        (job.onProgress as ((progress: unknown) => void) | undefined)?.(message.progress);
        return;
      }
      this.finish(job);
      if (message.type === "result") (job.resolve as (result: unknown) => void)(message.result);
      else job.reject(new Error(`matching failed: ${message.message}`));
    });
    const fail = (error: Error) => {
      if (this.worker === started) this.worker = undefined;
      const job = this.running;
      if (job && this.runningOn === started) {
        this.finish(job);
        job.reject(error);
      }
    };
    started.on("error", fail);
    started.on("exit", (code) => fail(new Error(`the matching worker stopped with code ${code}`)));
    this.worker = started;
    return started;
  }

  private finish(job: Job): void {
    job.signal?.removeEventListener("abort", this.abortJob);
    if (this.running === job) {
      this.running = undefined;
      this.worker?.unref();
    }
    this.runNext();
  }

  private runNext(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = job;
    const target = this.start();
    this.runningOn = target;
    // A running job keeps the process alive; an idle worker does not.
    target.ref();
    target.postMessage({ ...job.task, id: job.id } satisfies WorkerJob);
  }

  private readonly abortJob = (event: Event): void => {
    const signal = event.target as AbortSignal;
    const job =
      this.running?.signal === signal ? this.running : this.waiting.find((j) => j.signal === signal);
    if (!job) return;
    if (job === this.running) {
      // A synchronous job cannot be interrupted: stop its thread; the next job starts a fresh one.
      const stopped = this.worker;
      this.worker = undefined;
      this.running = undefined;
      void stopped?.terminate();
      job.reject(signal.reason);
      this.runNext();
    } else {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      job.reject(signal.reason);
    }
  };

  async close(): Promise<void> {
    const stopped = this.worker;
    this.worker = undefined;
    for (const job of this.waiting.splice(0)) job.reject(new Error("the matching worker was closed"));
    await stopped?.terminate();
  }

  run<Result, Progress = never>(
    task: WorkerTask,
    options: { signal?: AbortSignal; onProgress?: (progress: Progress) => void },
  ): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      signal?.addEventListener("abort", this.abortJob, { once: true });
      this.waiting.push({ id: this.nextJobId++, task, signal, onProgress, resolve, reject });
      this.runNext();
    });
  }
}

const matchingLane = new WorkerLane(true);
const previewLane = new WorkerLane(false);

/** Starts the worker ahead of the first solve, so that solve pays no start-up cost. */
export function prepareMatchingWorker(): void {
  matchingLane.start();
}

/** Stops the workers, for shutdown; pending jobs are rejected. */
export async function closeMatchingWorker(): Promise<void> {
  await Promise.all([matchingLane.close(), previewLane.close()]);
}

/**
 * Solves on a worker thread so a large cohort never blocks the server's event loop, reporting progress
 * through onProgress. The problem's arrays (and a warm start's duals) are copied to the worker once, so the
 * caller keeps them; the result's are transferred.
 */
export function solveInWorker(
  problem: MatchingProblem,
  options: SolveInWorkerOptions,
): Promise<MatchingResult> {
  const { onProgress, signal, ...rest } = options;
  return matchingLane.run<MatchingResult, MatchingProgress>(
    { task: "solve", problem, options: rest },
    { signal, onProgress },
  );
}

/** Gives the cohort a fixed reference date, so scoring and explaining on separate jobs read the same offsets. */
export function withReferenceDate(input: CohortInput, at = new Date()): CohortInput {
  if (input.program?.referenceDate) return input;
  return { ...input, program: { ...input.program, referenceDate: at.toISOString() } };
}

/**
 * Scores every pair of a cohort (scorePairs) on the matching worker, with progress per mentee scored:
 * a cohort of thousands takes seconds that the server's event loop does not wait for.
 */
export function scoreInWorker(
  input: CohortInput,
  options: { signal?: AbortSignal; onProgress?: (progress: ScoringProgressMessage) => void } = {},
): Promise<ScoredProblem> {
  return matchingLane.run<ScoredProblem, ScoringProgressMessage>({ task: "score", input }, options);
}

/** Explains chosen pairs of a cohort (as scorePairs' explainPair) on the matching worker. */
export function explainInWorker(
  input: CohortInput,
  pairs: { i: number; j: number }[],
  options: { signal?: AbortSignal } = {},
): Promise<PairExplanation[]> {
  return matchingLane.run<PairExplanation[]>({ task: "explain", input, pairs }, options);
}

/**
 * Counts the pairs each hard rule removes (countRuleExclusions) on the preview worker, which never waits
 * behind a matching run. The signal bounds how long a caller waits.
 */
export function countExclusionsInWorker(
  input: CohortInput,
  options: { signal?: AbortSignal } = {},
): Promise<RuleExclusions> {
  return previewLane.run<RuleExclusions>({ task: "countExclusions", input }, options);
}
