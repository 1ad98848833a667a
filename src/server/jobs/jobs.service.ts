import type { AdminJobs } from "../../shared/jobs.ts";
import { requireAccess } from "../access/require-access.ts";
import type { Db } from "../db/open.ts";
import { AppError } from "../http/errors.ts";
import type { Viewer } from "../http/viewer.ts";
import { adminPageSize } from "../modules/admin/admin.service.ts";
import { presentDeadJob, presentRetriedJob } from "./jobs.presenter.ts";
import { countJobsByState, findJobRow, listDeadJobRows, requeueDeadJob } from "./jobs.repo.ts";

export async function listJobs(db: Db, viewer: Viewer | null, input: { page: number }): Promise<AdminJobs> {
  // Running the server is the instance admin's job; members never see background work.
  await requireAccess(db, viewer, "manage", "instance");
  const page = { page: input.page, pageSize: adminPageSize };
  const [counts, { rows, total }] = await Promise.all([countJobsByState(db), listDeadJobRows(db, page)]);
  return { counts, dead: rows.map(presentDeadJob), total, ...page };
}

export async function retryDeadJob(db: Db, viewer: Viewer | null, id: string, wake: () => void) {
  await requireAccess(db, viewer, "manage", "instance");
  const job = await findJobRow(db, id);
  if (!job) throw new AppError("NOT_FOUND", "There is no job with this id.");
  if (job.state !== "dead") {
    throw new AppError("CONFLICT", "This job is not dead any more: it has been retried or has finished.");
  }
  let retried: Awaited<ReturnType<typeof requeueDeadJob>>;
  try {
    retried = await requeueDeadJob(db, id, new Date());
  } catch (error) {
    if ((error as { cause?: { code?: string }; code?: string }).cause?.code === "23505") {
      throw new AppError("CONFLICT", "The same work has been queued again since; this job is not needed.");
    }
    throw error;
  }
  if (!retried)
    throw new AppError("CONFLICT", "This job is not dead any more: it has been retried or has finished.");
  wake();
  return { job: presentRetriedJob(retried) };
}
