import type { DeadJob, RetriedJob } from "../../shared/jobs.ts";
import type { listDeadJobRows, requeueDeadJob } from "./jobs.repo.ts";

type DeadJobRow = Awaited<ReturnType<typeof listDeadJobRows>>["rows"][number];
type RetriedRow = NonNullable<Awaited<ReturnType<typeof requeueDeadJob>>>;

export function presentDeadJob(row: DeadJobRow): DeadJob {
  return {
    id: row.id,
    kind: row.kind,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    failedAt: row.updatedAt.toISOString(),
  };
}

export function presentRetriedJob(row: RetriedRow): RetriedJob["job"] {
  return { id: row.id, kind: row.kind, state: "queued", runAt: row.runAt.toISOString() };
}
