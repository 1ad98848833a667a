import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { MatchingProblem, MatchingProgress, MatchingResult } from "./matching-problem.ts";
import type { SolveMatchingOptions } from "./solve-matching.ts";
import type { WorkerMessage, WorkerRequest } from "./solve-worker.ts";

// The app runs its TypeScript source through tsx, under vitest as under the tsx CLI; a worker thread
// does not inherit a loader registered in the parent, so it registers tsx's own before importing.
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

/**
 * Solves on a worker thread so a large cohort never blocks the server's event loop. The problem's
 * typed arrays are copied once into the worker; the result's arrays are transferred back without copying.
 */
export function solveInWorker(
  problem: MatchingProblem,
  options: SolveInWorkerOptions,
): Promise<MatchingResult> {
  const { onProgress, signal, ...solveOptions } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const worker = new Worker(workerBootstrap, {
      eval: true,
      workerData: { problem, options: solveOptions } satisfies WorkerRequest,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", abort);
      outcome();
      void worker.terminate();
    };
    const abort = () => finish(() => reject(signal?.reason));
    signal?.addEventListener("abort", abort, { once: true });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress?.(message.progress as MatchingProgress);
      else if (message.type === "result") finish(() => resolve(message.result));
      else finish(() => reject(new Error(`matching failed: ${message.message}`)));
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new Error(`matching worker stopped with code ${code}`))));
  });
}
