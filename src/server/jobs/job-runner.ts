import { randomBytes } from "node:crypto";
import { Cron } from "croner";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/open.ts";
import { describeFailure, type Logger } from "../logger.ts";
import { enqueueJob } from "./enqueue-job.ts";
import { jobs } from "./jobs.table.ts";

/** `now` is the time the run is for: the clock, or the time a test runs due jobs at. */
export type JobContext = { jobId: string; attempt: number; db: Db; now: Date };
/**
 * A handler resolves when its work is done, or with `{ runAgainAt }` to run again later (what it waits
 * for moved) without using up a try; it throws to be retried after a backoff.
 */
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<unknown>;

function runAgainAt(outcome: unknown): Date | undefined {
  const at = (outcome as { runAgainAt?: unknown } | undefined)?.runAgainAt;
  return at instanceof Date ? at : undefined;
}

export type JobOptions = {
  /** Tries before the job is dead; a process that stopped mid-run used up one. */
  maxAttempts?: number;
  /** The wait before the second try; each later one waits twice as long, up to maxBackoffSeconds. */
  backoffSeconds?: number;
  maxBackoffSeconds?: number;
  /** How long a run may take before another process may take the job over. */
  leaseSeconds?: number;
};

type Definition = Required<JobOptions> & { handler: JobHandler };

const defaults: Required<JobOptions> = {
  maxAttempts: 5,
  backoffSeconds: 30,
  maxBackoffSeconds: 3600,
  leaseSeconds: 300,
};

export type JobRunner = ReturnType<typeof createJobRunner>;

type ClaimedJob = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  claimToken: string;
};

/** The wait before the next try after `attempts` tries. */
export function backoffFor(
  attempts: number,
  options: Pick<Definition, "backoffSeconds" | "maxBackoffSeconds">,
) {
  return Math.min(options.maxBackoffSeconds, options.backoffSeconds * 2 ** Math.max(0, attempts - 1)) * 1000;
}

// Stored errors are read by the instance admin: addresses and links (a message's recipient, a
// one-time link) are cut out, whatever the failing library put in its message.
export function redactError(error: unknown): string {
  // A failed query's message lists its parameters, which can be anything a person wrote.
  if (error instanceof Error && ("params" in error || error.message.startsWith("Failed query"))) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return `${error.name}: a database query failed${typeof code === "string" ? ` (${code})` : ""}`;
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text
    .replace(/https?:\/\/\S+/gi, "[link]")
    .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[address]")
    .slice(0, 500);
}

export function createJobRunner(deps: {
  db: Db;
  logger: Logger;
  /** How many handlers one process runs at a time. */
  concurrency?: number;
  pollMilliseconds?: number;
  /** How long stop() waits for running handlers before it gives up on them. */
  shutdownMilliseconds?: number;
}) {
  const { db, logger } = deps;
  const concurrency = deps.concurrency ?? 2;
  const pollMilliseconds = deps.pollMilliseconds ?? 1000;
  const shutdownMilliseconds = deps.shutdownMilliseconds ?? 8000;
  const definitions = new Map<string, Definition>();
  const periodic: { kind: string; pattern: string }[] = [];
  const running = new Set<Promise<void>>();
  const crons: Cron[] = [];
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;

  function register(kind: string, handler: JobHandler, options: JobOptions = {}) {
    if (definitions.has(kind)) throw new Error(`A handler for ${kind} is already registered.`);
    definitions.set(kind, { ...defaults, ...options, handler });
  }

  /**
   * Runs `handler` on every match of the cron pattern (UTC), once across all processes: each process's
   * tick queues a job keyed by the scheduled minute, and the key lets only the first one in.
   */
  function every(kind: string, pattern: string, handler: JobHandler, options: JobOptions = {}) {
    register(kind, handler, { maxAttempts: 1, ...options });
    periodic.push({ kind, pattern });
  }

  // Per kind, in SQL: how long a claim holds and how many tries a kind has.
  function perKind(pick: (definition: Definition) => number) {
    const cases = [...definitions].map(([kind, d]) => sql`when ${kind} then ${pick(d)}::int`);
    return sql`(case kind ${sql.join(cases, sql` `)} else ${pick({ ...defaults, handler: async () => {} })}::int end)`;
  }

  async function claim(at: Date, limit: number): Promise<ClaimedJob[]> {
    if (definitions.size === 0) return [];
    const kinds = sql.join(
      [...definitions.keys()].map((kind) => sql`${kind}`),
      sql`, `,
    );
    // A job still running past its lease with no tries left is dead: its process stopped on every try.
    await db.execute(sql`
      update ${jobs} set state = 'dead', locked_until = null, claim_token = null, updated_at = ${at},
        last_error = coalesce(last_error, 'The process running it stopped before it finished.')
      where kind in (${kinds}) and state = 'running' and locked_until < ${at}
        and attempts >= ${perKind((d) => d.maxAttempts)}
    `);
    const token = randomBytes(12).toString("base64url");
    const result = await db.execute(sql`
      update ${jobs} set state = 'running', attempts = attempts + 1, claim_token = ${token},
        locked_until = ${at}::timestamptz + make_interval(secs => ${perKind((d) => d.leaseSeconds)}),
        updated_at = ${at}
      where id in (
        select id from ${jobs}
        where kind in (${kinds})
          and ((state = 'queued' and run_at <= ${at}) or (state = 'running' and locked_until < ${at}))
        order by run_at
        limit ${limit}
        for update skip locked
      )
      returning id, kind, payload, attempts
    `);
    const rows = (result as unknown as { rows: Omit<ClaimedJob, "claimToken">[] }).rows;
    return rows.map((row) => ({ ...row, claimToken: token }));
  }

  async function finish(job: ClaimedJob, values: Partial<typeof jobs.$inferInsert>) {
    // Only the claim that ran it may record the outcome: a run that outlived its lease was taken over.
    await db
      .update(jobs)
      .set({ ...values, lockedUntil: null, claimToken: null, updatedAt: new Date() })
      .where(and(eq(jobs.id, job.id), eq(jobs.claimToken, job.claimToken)));
  }

  async function execute(job: ClaimedJob, at: Date) {
    const definition = definitions.get(job.kind);
    if (!definition) return;
    if (job.attempts > definition.maxAttempts) {
      await finish(job, { state: "dead", lastError: "The process running it stopped before it finished." });
      return;
    }
    try {
      const outcome = await definition.handler(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        db,
        now: at,
      });
      const later = runAgainAt(outcome);
      if (later) {
        await finish(job, { state: "queued", runAt: later, attempts: job.attempts - 1 });
      } else {
        await finish(job, { state: "done", lastError: null });
      }
    } catch (error) {
      const dead = job.attempts >= definition.maxAttempts;
      logger.warn(dead ? "job failed for the last time" : "job failed, will retry", {
        jobId: job.id,
        kind: job.kind,
        attempt: job.attempts,
        ...describeFailure(error),
      });
      await finish(job, {
        state: dead ? "dead" : "queued",
        lastError: redactError(error),
        runAt: dead
          ? undefined
          : new Date(Math.max(at.getTime(), Date.now()) + backoffFor(job.attempts, definition)),
      }).catch((failure) =>
        logger.error("job outcome could not be saved", { jobId: job.id, ...describeFailure(failure) }),
      );
    }
  }

  function track(work: Promise<void>) {
    const tracked = work.finally(() => running.delete(tracked));
    running.add(tracked);
    return tracked;
  }

  /**
   * Runs every job due at `at` (now by default), one after another, until none is left; jobs that fail
   * wait for their backoff, so they are not run again in the same call. For tests and scripts.
   */
  async function runDueJobs(options: { at?: Date } = {}) {
    const at = options.at ?? new Date();
    let ran = 0;
    for (let round = 0; round < 1000; round++) {
      const claimed = await claim(at, 10);
      if (claimed.length === 0) break;
      for (const job of claimed) {
        await track(execute(job, at));
        ran++;
      }
    }
    return ran;
  }

  async function poll() {
    if (stopping || definitions.size === 0) return;
    const free = concurrency - running.size;
    if (free <= 0) return;
    try {
      const claimed = await claim(new Date(), free);
      for (const job of claimed) {
        void track(execute(job, new Date())).then(() => wake());
      }
    } catch (error) {
      if (!stopping) logger.error("jobs could not be claimed", describeFailure(error));
    }
  }

  function schedule(delay: number) {
    if (!started || stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      polling = poll().finally(() => {
        polling = undefined;
        schedule(pollMilliseconds);
      });
    }, delay);
    timer.unref();
  }

  /** Looks for due jobs now instead of at the next poll; for work queued a moment ago. */
  function wake() {
    if (!polling) schedule(0);
  }

  return {
    register,
    every,
    runDueJobs,
    wake,
    start() {
      if (started) return;
      started = true;
      for (const { kind, pattern } of periodic) {
        const cron = new Cron(pattern, { timezone: "UTC", unref: true, catch: true }, async (self) => {
          const slot = self.currentRun() ?? new Date();
          await enqueueJob(db, { kind, key: `${kind}@${slot.toISOString()}`, runAt: slot }).catch((error) =>
            logger.error("periodic job could not be queued", { kind, ...describeFailure(error) }),
          );
          wake();
        });
        crons.push(cron);
      }
      schedule(0);
    },
    /** Stops claiming, then waits for running handlers, at most shutdownMilliseconds. */
    async stop() {
      stopping = true;
      clearTimeout(timer);
      for (const cron of crons) cron.stop();
      await polling;
      let timeout: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<"gave up">((resolve) => {
        timeout = setTimeout(() => resolve("gave up"), shutdownMilliseconds);
      });
      const outcome = await Promise.race([Promise.all([...running]).then(() => "done" as const), gaveUp]);
      clearTimeout(timeout);
      if (outcome === "gave up") {
        logger.warn("stopped with jobs still running; another process takes them over after their lease", {
          running: running.size,
        });
      }
    },
  };
}
