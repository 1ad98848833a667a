import { z } from "zod";

export const jobStateCounts = z.object({
  queued: z.number(),
  running: z.number(),
  done: z.number(),
  dead: z.number(),
});

export const deadJob = z.object({
  id: z.string(),
  kind: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  failedAt: z.string(),
});
export type DeadJob = z.infer<typeof deadJob>;

export const adminJobsResponse = z.object({
  counts: jobStateCounts,
  dead: z.array(deadJob),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AdminJobs = z.infer<typeof adminJobsResponse>;

export const retriedJobResponse = z.object({
  job: z.object({ id: z.string(), kind: z.string(), state: z.literal("queued"), runAt: z.string() }),
});
export type RetriedJob = z.infer<typeof retriedJobResponse>;
