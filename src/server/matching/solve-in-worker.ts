import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { MatchingProblem, MatchingResult } from "./matching-problem.ts";
import type { SolveMatchingOptions } from "./solve-matching.ts";
import type { WorkerJob, WorkerMessage } from "./solve-worker.ts";

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
  problem: MatchingProblem;
  options: SolveInWorkerOptions;
  resolve: (result: MatchingResult) => void;
  reject: (reason: unknown) => void;
};

/**
 * One long-lived worker solves one cohort at a time. Starting a worker costs more main-thread time than
 * a solve's messages, so it is started once (prepareMatchingWorker at boot, or the first solve) and kept.
 */
let worker: Worker | undefined;
let running: Job | undefined;
let runningOn: Worker | undefined;
const waiting: Job[] = [];
let nextJobId = 1;

function startWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(workerBootstrap, { eval: true });
  started.unref();
  started.on("message", (message: WorkerMessage) => {
    const job = running;
    if (!job || runningOn !== started || message.id !== job.id) return;
    if (message.type === "progress") {
      job.options.onProgress?.(message.progress);
      return;
    }
    finish(job);
    if (message.type === "result") job.resolve(message.result);
    else job.reject(new Error(`matching failed: ${message.message}`));
  });
  const fail = (error: Error) => {
    if (worker === started) worker = undefined;
    const job = running;
    if (job && runningOn === started) {
      finish(job);
      job.reject(error);
    }
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the matching worker stopped with code ${code}`)));
  worker = started;
  return started;
}

function finish(job: Job): void {
  job.options.signal?.removeEventListener("abort", abortJob);
  if (running === job) {
    running = undefined;
    worker?.unref();
  }
  runNext();
}

function runNext(): void {
  if (running) return;
  const job = waiting.shift();
  if (!job) return;
  running = job;
  const target = startWorker();
  runningOn = target;
  // A running solve keeps the process alive; an idle worker does not.
  target.ref();
  const { onProgress: _, signal: __, ...options } = job.options;
  target.postMessage({ id: job.id, problem: job.problem, options } satisfies WorkerJob);
}

function abortJob(this: AbortSignal): void {
  const job = running?.options.signal === this ? running : waiting.find((j) => j.options.signal === this);
  if (!job) return;
  if (job === running) {
    // A synchronous solve cannot be interrupted: stop its thread; the next solve starts a fresh one.
    const stopped = worker;
    worker = undefined;
    running = undefined;
    void stopped?.terminate();
    job.reject(this.reason);
    runNext();
  } else {
    waiting.splice(waiting.indexOf(job), 1);
    job.reject(this.reason);
  }
}

/** Starts the worker ahead of the first solve, so that solve pays no start-up cost. */
export function prepareMatchingWorker(): void {
  startWorker();
}

/** Stops the worker, for shutdown; pending solves are rejected. */
export async function closeMatchingWorker(): Promise<void> {
  const stopped = worker;
  worker = undefined;
  for (const job of waiting.splice(0)) job.reject(new Error("the matching worker was closed"));
  await stopped?.terminate();
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
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(options.signal.reason);
      return;
    }
    options.signal?.addEventListener("abort", abortJob, { once: true });
    waiting.push({ id: nextJobId++, problem, options, resolve, reject });
    runNext();
  });
}
