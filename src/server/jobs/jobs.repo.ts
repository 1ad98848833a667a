import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../db/open.ts";
import type { Page } from "../modules/admin/admin.repo.ts";
import { type JobState, jobStates, jobs } from "./jobs.table.ts";

export async function countJobsByState(db: Db): Promise<Record<JobState, number>> {
  const rows = await db.select({ state: jobs.state, value: count() }).from(jobs).groupBy(jobs.state);
  const counts = Object.fromEntries(jobStates.map((state) => [state, 0])) as Record<JobState, number>;
  for (const row of rows) counts[row.state] = row.value;
  return counts;
}

const deadColumns = {
  id: jobs.id,
  kind: jobs.kind,
  attempts: jobs.attempts,
  lastError: jobs.lastError,
  createdAt: jobs.createdAt,
  updatedAt: jobs.updatedAt,
};

export async function listDeadJobRows(db: Db, { page, pageSize }: Page) {
  const where = eq(jobs.state, "dead");
  const [rows, [total]] = await Promise.all([
    db
      .select(deadColumns)
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.updatedAt), jobs.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(jobs).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function findJobRow(db: Db, id: string) {
  const [row] = await db
    .select({ id: jobs.id, kind: jobs.kind, state: jobs.state })
    .from(jobs)
    .where(eq(jobs.id, id));
  return row;
}

/** Puts a dead job back in the queue with all its tries; undefined if it is no longer dead. */
export async function requeueDeadJob(db: Db, id: string, at: Date) {
  const [row] = await db
    .update(jobs)
    .set({ state: "queued", attempts: 0, runAt: at, lastError: null, updatedAt: at })
    .where(and(eq(jobs.id, id), eq(jobs.state, "dead")))
    .returning({ id: jobs.id, kind: jobs.kind, runAt: jobs.runAt });
  return row;
}
