import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { createLogger } from "../logger.ts";
import { enqueueJob } from "./enqueue-job.ts";
import { createJobRunner, type JobHandler, type JobOptions } from "./job-runner.ts";
import { jobs } from "./jobs.table.ts";

let ctx: TestContext;
const logs: string[] = [];
const logger = createLogger("debug", (line) => logs.push(line));
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

let sequence = 0;
/** A runner of its own with one kind of its own, so no other test's jobs are touched. */
function runnerFor(handler: JobHandler, options: JobOptions = {}) {
  sequence += 1;
  const kind = `test.kind-${sequence}`;
  const runner = createJobRunner({ db: ctx.db, logger });
  runner.register(kind, handler, options);
  return { runner, kind };
}

async function jobRow(id: string | null) {
  const [row] = await ctx.db
    .select()
    .from(jobs)
    .where(eq(jobs.id, id ?? ""));
  if (!row) throw new Error("no such job");
  return row;
}

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const seconds = (n: number) => n * 1000;

describe("the job runner", () => {
  it("claims a due job, runs it once with its payload and marks it done", async () => {
    const seen: unknown[] = [];
    const { runner, kind } = runnerFor(async (payload) => {
      seen.push(payload);
    });
    const id = await enqueueJob(ctx.db, { kind, payload: { n: 1 } });
    expect(await runner.runDueJobs()).toBe(1);
    expect(await runner.runDueJobs()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await jobRow(id)).toMatchObject({ state: "done", attempts: 1, lockedUntil: null });
  });

  it("exists only if the caller's transaction commits", async () => {
    const { runner, kind } = runnerFor(async () => {});
    await expect(
      ctx.db.transaction(async (tx) => {
        await enqueueJob(tx, { kind });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await runner.runDueJobs()).toBe(0);
  });

  it("retries a failing job with exponential backoff, then succeeds", async () => {
    let calls = 0;
    const { runner, kind } = runnerFor(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error("not yet");
      },
      { backoffSeconds: 30 },
    );
    const id = await enqueueJob(ctx.db, { kind });
    const start = new Date();
    await runner.runDueJobs({ at: start });
    const first = await jobRow(id);
    expect(first).toMatchObject({ state: "queued", attempts: 1, lastError: "Error: not yet" });
    expect(first.runAt.getTime() - start.getTime()).toBeGreaterThanOrEqual(seconds(30));
    expect(first.runAt.getTime() - start.getTime()).toBeLessThan(seconds(60));

    expect(await runner.runDueJobs({ at: start })).toBe(0);
    const later = new Date(first.runAt.getTime() + 1);
    await runner.runDueJobs({ at: later });
    const second = await jobRow(id);
    expect(second).toMatchObject({ state: "queued", attempts: 2 });
    // Twice the first wait.
    expect(second.runAt.getTime() - later.getTime()).toBeGreaterThanOrEqual(seconds(60));
    expect(second.runAt.getTime() - later.getTime()).toBeLessThan(seconds(120));

    await runner.runDueJobs({ at: new Date(second.runAt.getTime() + 1) });
    expect(await jobRow(id)).toMatchObject({ state: "done", attempts: 3, lastError: null });
    expect(calls).toBe(3);
  });

  it("marks a job dead after its last try, keeping the error without addresses or links", async () => {
    const { runner, kind } = runnerFor(
      async () => {
        throw new Error("550 <giver@example.test> rejected; see https://sidecar.test/give/secret-token");
      },
      { maxAttempts: 3, backoffSeconds: 1 },
    );
    const id = await enqueueJob(ctx.db, { kind });
    let at = new Date();
    for (let i = 0; i < 3; i++) {
      await runner.runDueJobs({ at });
      at = new Date(at.getTime() + seconds(3600));
    }
    const row = await jobRow(id);
    expect(row).toMatchObject({ state: "dead", attempts: 3 });
    expect(row.lastError).toBe("Error: 550 <[address]> rejected; see [link]");
    expect(await runner.runDueJobs({ at })).toBe(0);
    expect(logs.join("")).not.toMatch(/giver@|secret-token/);
    expect(logs.join("")).toMatch(/job failed for the last time/);
  });

  it("keeps no query parameters from a failed query in the stored error", async () => {
    const { runner, kind } = runnerFor(
      async () => {
        await ctx.db.execute(sql`select ${"private words"}::int`);
      },
      { maxAttempts: 1 },
    );
    const id = await enqueueJob(ctx.db, { kind });
    await runner.runDueJobs();
    const row = await jobRow(id);
    expect(row.state).toBe("dead");
    expect(row.lastError).toMatch(/a database query failed/);
    expect(row.lastError).not.toMatch(/private words/);
  });

  it("takes over a job left running by a stopped process once its lease has passed", async () => {
    let calls = 0;
    const stuck = deferred();
    const { runner: dying, kind } = runnerFor(
      async () => {
        calls += 1;
        if (calls === 1) await stuck.promise;
      },
      { leaseSeconds: 60 },
    );
    const other = createJobRunner({ db: ctx.db, logger });
    other.register(
      kind,
      async () => {
        calls += 1;
      },
      { leaseSeconds: 60 },
    );
    const id = await enqueueJob(ctx.db, { kind });
    const hanging = dying.runDueJobs();
    while (calls === 0) await new Promise((r) => setImmediate(r));
    expect(await jobRow(id)).toMatchObject({ state: "running", attempts: 1 });
    // Within the lease, nobody else takes it.
    expect(await other.runDueJobs()).toBe(0);
    await other.runDueJobs({ at: new Date(Date.now() + seconds(61)) });
    expect(await jobRow(id)).toMatchObject({ state: "done", attempts: 2 });
    // The first run finishing late does not overwrite what the second one recorded.
    stuck.resolve();
    await hanging;
    expect(await jobRow(id)).toMatchObject({ state: "done", attempts: 2 });
  });

  it("marks dead a job whose process stopped on every try", async () => {
    const { runner, kind } = runnerFor(async () => {}, { maxAttempts: 2, leaseSeconds: 60 });
    const id = await enqueueJob(ctx.db, { kind });
    await ctx.db
      .update(jobs)
      .set({ state: "running", attempts: 2, lockedUntil: new Date(Date.now() - 1000), claimToken: "gone" })
      .where(eq(jobs.id, id ?? ""));
    expect(await runner.runDueJobs()).toBe(0);
    expect(await jobRow(id)).toMatchObject({
      state: "dead",
      lastError: "The process running it stopped before it finished.",
    });
  });

  it("runs a scheduled job at its time, not before", async () => {
    let calls = 0;
    const { runner, kind } = runnerFor(async () => {
      calls += 1;
    });
    const runAt = new Date(Date.now() + seconds(3600));
    await enqueueJob(ctx.db, { kind, runAt });
    expect(await runner.runDueJobs()).toBe(0);
    expect(await runner.runDueJobs({ at: new Date(runAt.getTime() - 1) })).toBe(0);
    expect(await runner.runDueJobs({ at: runAt })).toBe(1);
    expect(calls).toBe(1);
  });

  it("queues a keyed job once, moves it when asked, and frees the key only when it dies", async () => {
    const { runner, kind } = runnerFor(
      async (payload) => {
        if (payload.fail) throw new Error("no");
      },
      { maxAttempts: 1 },
    );
    const key = `${kind}:one`;
    const first = await enqueueJob(ctx.db, { kind, key, runAt: new Date(Date.now() + seconds(60)) });
    expect(first).not.toBeNull();
    expect(await enqueueJob(ctx.db, { kind, key })).toBeNull();
    const moved = new Date(Date.now() + seconds(7200));
    await enqueueJob(ctx.db, { kind, key, runAt: moved, payload: { fail: true }, replace: true });
    expect((await ctx.db.select().from(jobs).where(eq(jobs.key, key))).length).toBe(1);
    expect((await jobRow(first)).runAt.getTime()).toBe(moved.getTime());
    await runner.runDueJobs({ at: moved });
    expect(await jobRow(first)).toMatchObject({ state: "dead" });
    const again = await enqueueJob(ctx.db, { kind, key });
    expect(again).not.toBeNull();
    await runner.runDueJobs();
    expect(await jobRow(again)).toMatchObject({ state: "done" });
    // A done job keeps its key: the same occurrence is not queued twice.
    expect(await enqueueJob(ctx.db, { kind, key })).toBeNull();
  });

  it("runs each job once when two runners claim at the same time", async () => {
    const runs = new Map<string, number>();
    const handler: JobHandler = async (payload) => {
      runs.set(String(payload.n), (runs.get(String(payload.n)) ?? 0) + 1);
    };
    const { runner: a, kind } = runnerFor(handler);
    const b = createJobRunner({ db: ctx.db, logger });
    b.register(kind, handler);
    for (let n = 0; n < 30; n++) await enqueueJob(ctx.db, { kind, payload: { n } });
    const [ranA, ranB] = await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    expect(ranA + ranB).toBe(30);
    expect(runs.size).toBe(30);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it("stops claiming on shutdown and waits for running handlers", async () => {
    const release = deferred();
    const started = deferred();
    let calls = 0;
    const { runner, kind } = runnerFor(async () => {
      calls += 1;
      started.resolve();
      await release.promise;
    });
    const first = await enqueueJob(ctx.db, { kind });
    runner.start();
    await started.promise;
    let stopped = false;
    const stopping = runner.stop().then(() => {
      stopped = true;
    });
    const second = await enqueueJob(ctx.db, { kind });
    runner.wake();
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(calls).toBe(1);
    expect(await jobRow(first)).toMatchObject({ state: "done" });
    expect(await jobRow(second)).toMatchObject({ state: "queued", attempts: 0 });
    await ctx.db.delete(jobs).where(eq(jobs.id, second ?? ""));
  });

  it("gives up waiting on a handler that never finishes, within its shutdown bound", async () => {
    const started = deferred();
    const never = deferred();
    const runner = createJobRunner({ db: ctx.db, logger, shutdownMilliseconds: 100 });
    const kind = `test.hangs-${Date.now()}`;
    runner.register(kind, async () => {
      started.resolve();
      await never.promise;
    });
    const id = await enqueueJob(ctx.db, { kind });
    runner.start();
    await started.promise;
    await runner.stop();
    expect(await jobRow(id)).toMatchObject({ state: "running" });
    expect(logs.join("")).toMatch(/stopped with jobs still running/);
    never.resolve();
  });

  it("runs a periodic task once per tick across two processes", async () => {
    const slots: string[] = [];
    const ticked = deferred();
    const kind = `test.tick-${Date.now()}`;
    const handler: JobHandler = async (_payload, { jobId }) => {
      const [row] = await ctx.db.select({ key: jobs.key }).from(jobs).where(eq(jobs.id, jobId));
      slots.push(row?.key ?? "");
      if (slots.length >= 3) ticked.resolve();
    };
    const runners = [0, 1].map(() => {
      const runner = createJobRunner({ db: ctx.db, logger, pollMilliseconds: 50 });
      runner.every(kind, "* * * * * *", handler);
      return runner;
    });
    for (const runner of runners) runner.start();
    await ticked.promise;
    await Promise.all(runners.map((runner) => runner.stop()));
    expect(new Set(slots).size).toBe(slots.length);
    const [queued] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(eq(jobs.kind, kind));
    // One row per tick, whichever process queued it first.
    expect(queued?.n).toBeGreaterThanOrEqual(slots.length);
    const keys = await ctx.db.select({ key: jobs.key }).from(jobs).where(eq(jobs.kind, kind));
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  });
});
