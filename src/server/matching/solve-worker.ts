import { constants, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { MatchingProblem, MatchingProgress, MatchingResult } from "./matching-problem.ts";
import {
  type CohortInput,
  countRuleExclusions,
  type ExclusionReason,
  explainPairs,
  type PairExplanation,
  scorePairs,
} from "./score-pairs.ts";
import { type SolveMatchingOptions, solveMatching } from "./solve-matching.ts";
import { warmUpSolver } from "./warm-up.ts";

/** A cohort scored on the worker: everything of ScoredCohort that can cross a thread (not explainPair). */
export type ScoredProblem = {
  problem: MatchingProblem;
  menteeIds: string[];
  mentorIds: string[];
  excludedBy: Record<ExclusionReason, number>;
};
export type RuleExclusions = ReturnType<typeof countRuleExclusions>;

export type WorkerTask =
  | { task: "solve"; problem: MatchingProblem; options: Omit<SolveMatchingOptions, "onProgress"> }
  | { task: "score"; input: CohortInput }
  | { task: "explain"; input: CohortInput; pairs: { i: number; j: number }[] }
  | { task: "countExclusions"; input: CohortInput };
export type WorkerJob = WorkerTask & { id: number };
export type ScoringProgressMessage = { phase: "scoring"; done: number; total: number };
export type WorkerMessage =
  | { id: number; type: "progress"; progress: MatchingProgress | ScoringProgressMessage }
  | {
      id: number;
      type: "result";
      result: MatchingResult | ScoredProblem | PairExplanation[] | RuleExclusions;
    }
  | { id: number; type: "error"; message: string };

const port = parentPort;
if (port) {
  // On Linux a priority set from a thread applies to that thread only: the work yields the CPU to the
  // server's own thread whenever it needs it, which keeps request latency flat on a small machine.
  try {
    setPriority(0, constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted here; the work runs at normal priority.
  }
  // Compile the solver's hot loops now, at low priority and before any job, so the first cohort is
  // solved by compiled code as every later one is; a job posted meanwhile waits for it in the queue.
  if ((workerData as { warmUp?: boolean } | undefined)?.warmUp !== false) warmUpSolver();
  port.on("message", (job: WorkerJob) => {
    const { id } = job;
    try {
      if (job.task === "solve") {
        const result = solveMatching(job.problem, {
          ...job.options,
          onProgress: (progress) =>
            port.postMessage({ id, type: "progress", progress } satisfies WorkerMessage),
        });
        const transfer = [
          result.mentorOf.buffer,
          result.menteeDual.buffer,
          result.mentorDual.buffer,
        ] as ArrayBuffer[];
        port.postMessage({ id, type: "result", result } satisfies WorkerMessage, transfer);
      } else if (job.task === "score") {
        const scored = scorePairs(job.input, (done, total) =>
          port.postMessage({
            id,
            type: "progress",
            progress: { phase: "scoring", done, total },
          } satisfies WorkerMessage),
        );
        const { problem, menteeIds, mentorIds, excludedBy } = scored;
        const transfer = [
          problem.capacity.buffer,
          problem.pairMentee.buffer,
          problem.pairMentor.buffer,
          problem.pairScore.buffer,
        ] as ArrayBuffer[];
        const result: ScoredProblem = { problem, menteeIds, mentorIds, excludedBy };
        port.postMessage({ id, type: "result", result } satisfies WorkerMessage, transfer);
      } else if (job.task === "explain") {
        port.postMessage({
          id,
          type: "result",
          result: explainPairs(job.input, job.pairs),
        } satisfies WorkerMessage);
      } else {
        port.postMessage({
          id,
          type: "result",
          result: countRuleExclusions(job.input),
        } satisfies WorkerMessage);
      }
    } catch (error) {
      port.postMessage({
        id,
        type: "error",
        message: error instanceof Error ? error.message : String(error),
      } satisfies WorkerMessage);
    }
  });
}
