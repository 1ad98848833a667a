import { eq } from "drizzle-orm";
import type { RunPhase, RunStep } from "../../../shared/programs.ts";
import type { Db } from "../../db/open.ts";
import type { Deps } from "../../http/router.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { describeFailure } from "../../logger.ts";
import { certifyMatching } from "../../matching/certify-matching.ts";
import { matchGreedily } from "../../matching/match-greedily.ts";
import type { MatchingProblem, MatchingResult } from "../../matching/matching-problem.ts";
import type { PairExplanation } from "../../matching/score-pairs.ts";
import {
  explainInWorker,
  scoreInWorker,
  solveInWorker,
  withReferenceDate,
} from "../../matching/solve-in-worker.ts";
import { buildCohortInput } from "./cohort-input.ts";
import {
  claimRun,
  findCohort,
  findProgram,
  findRun,
  insertPairs,
  newId,
  type RunRow,
  updateRun,
} from "./programs.repo.ts";
import { programCohorts } from "./programs.table.ts";

export const matchJobKind = "programs.match";
const progressEveryMs = 200;

type Duals = NonNullable<RunRow["duals"]>;

/** Leaves pinned mentees out of the solve and takes their seats from their mentors: the rest is solved around them. */
function withoutPins(problem: MatchingProblem, pinnedMentees: Set<number>, seatsTaken: Map<number, number>) {
  const keep: number[] = [];
  for (let k = 0; k < problem.pairMentee.length; k++)
    if (!pinnedMentees.has(problem.pairMentee[k] as number)) keep.push(k);
  const capacity = Int32Array.from(problem.capacity);
  for (const [j, taken] of seatsTaken) capacity[j] = Math.max(0, (capacity[j] as number) - taken);
  return {
    menteeCount: problem.menteeCount,
    mentorCount: problem.mentorCount,
    capacity,
    pairMentee: Int32Array.from(keep, (k) => problem.pairMentee[k] as number),
    pairMentor: Int32Array.from(keep, (k) => problem.pairMentor[k] as number),
    pairScore: Int32Array.from(keep, (k) => problem.pairScore[k] as number),
  } satisfies MatchingProblem;
}

function storedExplanation(explained: PairExplanation) {
  if (explained.feasible) return { criteria: explained.criteria };
  return {
    criteria: explained.reasons.map((r) => ({
      criterion: "seniority" as const,
      weight: 0,
      value: 0,
      points: 0,
      text: `Pinned by the program admin although: ${r.text}`,
    })),
  };
}

/**
 * Runs one matching run: scores the cohort, solves it on the matching worker with live progress, checks
 * the dual certificate, computes the greedy baseline beside it, and stores every pair with its explanation.
 * A cancel asked for from any process is seen within a fraction of a second and stops the worker.
 */
export async function runMatching(db: Db, runId: string, logger: Pick<Deps["logger"], "warn">) {
  const run = await claimRun(db, runId);
  if (!run) return;
  const controller = new AbortController();
  let latest: { phase: RunPhase; done: number; total: number } = { phase: "scoring", done: 0, total: 0 };
  // Every phase reached, with its latest figures: a phase that takes a blink still reaches the page.
  const steps: RunStep[] = [];
  let written = "";
  let writing: Promise<unknown> = Promise.resolve();
  const flush = () => {
    const key = `${latest.phase}:${latest.done}:${latest.total}:${steps.length}`;
    const changes = {
      phase: latest.phase,
      progressDone: latest.done,
      progressTotal: latest.total,
      steps: steps.map((s) => ({ ...s })),
    };
    writing = writing.then(async () => {
      const row = key === written ? await findRun(db, runId) : await updateRun(db, runId, changes);
      written = key;
      if (row?.cancelRequested) controller.abort(new Error("cancelled"));
    });
    return writing;
  };
  /** Records progress; a new phase is written at once, progress within a phase every tick. */
  const report = (phase: RunStep["phase"], done: number, total: number, round = 1) => {
    latest = { phase, done, total };
    const last = steps.at(-1);
    if (last?.phase === phase && last.round === round) {
      last.done = done;
      last.total = total;
      return;
    }
    if (last) {
      last.finished = true;
      // Placing ends with every free mentee looked at, whatever the last report said.
      if (last.phase === "matching" || last.phase === "scoring") last.done = last.total;
    }
    steps.push({ phase, done, total, round, finished: false });
    void flush().catch(() => {});
  };
  const timer = setInterval(() => void flush().catch(() => {}), progressEveryMs);
  try {
    const cohort = await findCohort(db, run.cohortId);
    const program = cohort && (await findProgram(db, cohort.programId));
    if (!cohort || !program) throw new Error("The cohort was deleted");
    const built = await buildCohortInput(db, cohort, program.publishMode === "mentoring");
    // Scoring every pair of a large cohort takes seconds: it runs on the matching worker, with progress.
    const input = withReferenceDate(built.input);
    const scored = await scoreInWorker(input, {
      signal: controller.signal,
      onProgress: (progress) => report("scoring", progress.done, progress.total),
    });
    const mode = cohort.settings.mode;
    const menteeIndex = new Map(scored.menteeIds.map((id, i) => [id, i]));
    const mentorIndex = new Map(scored.mentorIds.map((id, j) => [id, j]));
    const pins = built.pins
      .map((p) => ({ i: menteeIndex.get(p.menteeId), j: mentorIndex.get(p.mentorId) }))
      .filter((p): p is { i: number; j: number } => p.i !== undefined && p.j !== undefined);
    const seatsTaken = new Map<number, number>();
    for (const p of pins) seatsTaken.set(p.j, (seatsTaken.get(p.j) ?? 0) + 1);
    const problem = withoutPins(scored.problem, new Set(pins.map((p) => p.i)), seatsTaken);
    report("matching", 0, problem.menteeCount);

    // Warm start from the previous run's duals when they price the same problem (same mode, same mentees).
    const previous = cohort.currentRunId ? await findRun(db, cohort.currentRunId) : undefined;
    const previousDuals = previous?.duals;
    let warmStart: { menteeDual: Float64Array; mentorDual: Float64Array } | undefined;
    if (previousDuals && previousDuals.mode === mode && previousDuals.menteeCount === problem.menteeCount) {
      warmStart = {
        menteeDual: Float64Array.from(scored.menteeIds, (id) => previousDuals.mentee[id] ?? 0),
        mentorDual: Float64Array.from(scored.mentorIds, (id) => previousDuals.mentor[id] ?? 0),
      };
    }
    const started = performance.now();
    const result: MatchingResult = await solveInWorker(problem, {
      mode,
      signal: controller.signal,
      onProgress: (progress) => {
        // "preparing" builds the solver's rows: shown as placing, none placed yet.
        if (progress.phase === "preparing") report("matching", 0, progress.total, 1);
        else if (progress.phase === "done") report("saving", 0, progress.total, progress.round);
        else report(progress.phase, progress.done, progress.total, Math.max(1, progress.round));
      },
      warmStart,
    });
    const solveMs = Math.round(performance.now() - started);
    const certified = certifyMatching(problem, mode, result) === null;
    const greedy = matchGreedily(problem);
    report("saving", 0, problem.menteeCount, steps.at(-1)?.round ?? 1);

    const pairs: { i: number; j: number; pinned: boolean }[] = pins.map((p) => ({ ...p, pinned: true }));
    for (let i = 0; i < result.mentorOf.length; i++) {
      const j = result.mentorOf[i] as number;
      if (j >= 0) pairs.push({ i, j, pinned: false });
    }
    const explanations = await explainInWorker(input, pairs, { signal: controller.signal });
    const rows = pairs.map(({ i, j, pinned }, k) => {
      const explained = explanations[k] as PairExplanation;
      return {
        id: newId(),
        runId,
        cohortId: cohort.id,
        menteeId: scored.menteeIds[i] as string,
        mentorId: scored.mentorIds[j] as string,
        score: explained.feasible ? explained.score : 0,
        pinned,
        explanation: storedExplanation(explained),
      };
    });
    const pinScore = rows.filter((r) => r.pinned).reduce((sum, r) => sum + r.score, 0);
    const duals: Duals = {
      mode,
      menteeCount: problem.menteeCount,
      mentee: Object.fromEntries(scored.menteeIds.map((id, i) => [id, result.menteeDual[i] as number])),
      mentor: Object.fromEntries(scored.mentorIds.map((id, j) => [id, result.mentorDual[j] as number])),
    };
    clearInterval(timer);
    await writing;
    for (const step of steps) step.finished = true;
    await db.transaction(async (tx) => {
      // A cancel that arrived after the solve finished still wins: nothing is stored.
      const current = await findRun(tx, runId);
      if (current?.state !== "running" || current.cancelRequested) {
        await updateRun(tx, runId, { state: "cancelled", phase: "done", finishedAt: new Date() });
        return;
      }
      await insertPairs(tx, rows);
      await updateRun(tx, runId, {
        state: "done",
        phase: "done",
        progressDone: problem.menteeCount,
        progressTotal: problem.menteeCount,
        steps,
        menteeCount: problem.menteeCount,
        mentorCount: problem.mentorCount,
        feasiblePairs: scored.problem.pairScore.length,
        excludedBy: scored.excludedBy,
        matched: result.matched + pins.length,
        score: result.score + pinScore,
        greedyMatched: greedy.matched + pins.length,
        greedyScore: greedy.score + pinScore,
        certified,
        solveMs,
        duals,
        finishedAt: new Date(),
      });
      await tx.update(programCohorts).set({ currentRunId: runId }).where(eq(programCohorts.id, cohort.id));
    });
  } catch (error) {
    clearInterval(timer);
    await writing.catch(() => {});
    const cancelled = controller.signal.aborted;
    if (!cancelled) logger.warn("a matching run failed", { runId, ...describeFailure(error) });
    await updateRun(db, runId, {
      state: cancelled ? "cancelled" : "failed",
      phase: "done",
      error: cancelled ? null : "The run could not finish. Check the participants' data and run it again.",
      finishedAt: new Date(),
    });
  } finally {
    clearInterval(timer);
  }
}

export function registerProgramJobs(runner: JobRunner, deps: Deps) {
  // One try: a failed run is reported on the page, and the admin starts another.
  runner.register(matchJobKind, (payload) => runMatching(deps.db, String(payload.runId), deps.logger), {
    maxAttempts: 2,
    leaseSeconds: 1800,
  });
}
