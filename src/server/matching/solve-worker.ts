import { parentPort, workerData } from "node:worker_threads";
import type { MatchingProblem, MatchingResult } from "./matching-problem.ts";
import { type SolveMatchingOptions, solveMatching } from "./solve-matching.ts";

export type WorkerRequest = { problem: MatchingProblem; options: Omit<SolveMatchingOptions, "onProgress"> };
export type WorkerMessage =
  | { type: "progress"; progress: Parameters<NonNullable<SolveMatchingOptions["onProgress"]>>[0] }
  | { type: "result"; result: MatchingResult }
  | { type: "error"; message: string };

const port = parentPort;
if (port) {
  const { problem, options } = workerData as WorkerRequest;
  try {
    const result = solveMatching(problem, {
      ...options,
      onProgress: (progress) => port.postMessage({ type: "progress", progress } satisfies WorkerMessage),
    });
    const transfer = [
      result.mentorOf.buffer,
      result.menteeDual.buffer,
      result.mentorDual.buffer,
    ] as ArrayBuffer[];
    port.postMessage({ type: "result", result } satisfies WorkerMessage, transfer);
  } catch (error) {
    port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
}
