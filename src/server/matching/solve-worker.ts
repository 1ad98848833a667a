import { constants, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import type { MatchingProblem, MatchingProgress, MatchingResult } from "./matching-problem.ts";
import { type SolveMatchingOptions, solveMatching } from "./solve-matching.ts";
import { warmUpSolver } from "./warm-up.ts";

export type WorkerJob = {
  id: number;
  problem: MatchingProblem;
  options: Omit<SolveMatchingOptions, "onProgress">;
};
export type WorkerMessage =
  | { id: number; type: "progress"; progress: MatchingProgress }
  | { id: number; type: "result"; result: MatchingResult }
  | { id: number; type: "error"; message: string };

const port = parentPort;
if (port) {
  // On Linux a priority set from a thread applies to that thread only: the solve yields the CPU to the
  // server's own thread whenever it needs it, which keeps request latency flat on a small machine.
  try {
    setPriority(0, constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted here; the solve runs at normal priority.
  }
  // Compile the solver's hot loops now, at low priority and before any job, so the first cohort is
  // solved by compiled code as every later one is; a job posted meanwhile waits for it in the queue.
  warmUpSolver();
  port.on("message", ({ id, problem, options }: WorkerJob) => {
    try {
      const result = solveMatching(problem, {
        ...options,
        onProgress: (progress) =>
          port.postMessage({ id, type: "progress", progress } satisfies WorkerMessage),
      });
      const transfer = [
        result.mentorOf.buffer,
        result.menteeDual.buffer,
        result.mentorDual.buffer,
      ] as ArrayBuffer[];
      port.postMessage({ id, type: "result", result } satisfies WorkerMessage, transfer);
    } catch (error) {
      port.postMessage({
        id,
        type: "error",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
