import { sql } from "drizzle-orm";
import { newId } from "../db/new-id.ts";
import type { Db } from "../db/open.ts";
import { jobs } from "./jobs.table.ts";

export type JobSpec = {
  kind: string;
  payload?: Record<string, unknown>;
  /** When to run it; now when left out. */
  runAt?: Date;
  /** A job with this key that waits, runs or is done keeps this one from being queued. */
  key?: string;
  /** With a key: a job with the key that still waits takes this run time and payload instead. */
  replace?: boolean;
};

/**
 * Queues a job on `db`, or inside the caller's transaction so it exists only if the transaction
 * commits. Returns the new job's id, or null when its key was already taken.
 */
export async function enqueueJob(db: Db, spec: JobSpec): Promise<string | null> {
  const row = {
    id: newId(),
    kind: spec.kind,
    payload: spec.payload ?? {},
    key: spec.key ?? null,
    runAt: spec.runAt ?? new Date(),
  };
  const insert = db.insert(jobs).values(row);
  const target = { target: jobs.key, where: sql`${jobs.state} <> 'dead'` };
  const [inserted] = await (spec.key && spec.replace
    ? insert
        .onConflictDoUpdate({
          target: jobs.key,
          targetWhere: sql`${jobs.state} <> 'dead'`,
          set: { runAt: row.runAt, payload: row.payload, updatedAt: new Date() },
          setWhere: sql`${jobs.state} = 'queued'`,
        })
        .returning({ id: jobs.id })
    : insert.onConflictDoNothing(target).returning({ id: jobs.id }));
  return inserted?.id ?? null;
}

/** Queues several jobs in one statement, without run times to replace; keys already taken are skipped. */
export async function enqueueJobs(db: Db, specs: Omit<JobSpec, "replace">[]): Promise<void> {
  if (specs.length === 0) return;
  await db
    .insert(jobs)
    .values(
      specs.map((spec) => ({
        id: newId(),
        kind: spec.kind,
        payload: spec.payload ?? {},
        key: spec.key ?? null,
        runAt: spec.runAt ?? new Date(),
      })),
    )
    .onConflictDoNothing({ target: jobs.key, where: sql`${jobs.state} <> 'dead'` });
}
