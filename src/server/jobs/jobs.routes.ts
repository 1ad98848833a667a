import { createRoute, z } from "@hono/zod-openapi";
import { adminJobsResponse, retriedJobResponse } from "../../shared/jobs.ts";
import { createRouter, errorResponses, jsonResponse, signedInRoute } from "../http/router.ts";
import { listJobs, retryDeadJob } from "./jobs.service.ts";

const pageQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number" }).int().min(1).max(100_000).default(1),
});
const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

const getJobs = createRoute({
  operationId: "getJobs",
  security: signedInRoute,
  method: "get",
  path: "/api/admin/jobs",
  tags: ["Admin"],
  summary: "Count background jobs by state and list the dead ones",
  request: { query: pageQuery },
  responses: {
    ...jsonResponse(adminJobsResponse, "Counts by state and a page of dead jobs"),
    ...errorResponses(400, 401, 403),
  },
});

const retryJob = createRoute({
  operationId: "retryJob",
  security: signedInRoute,
  method: "post",
  path: "/api/admin/jobs/{id}/retry",
  tags: ["Admin"],
  summary: "Queue a dead job again, with all its tries",
  request: { params: idParam },
  responses: {
    ...jsonResponse(retriedJobResponse, "The job, queued again"),
    ...errorResponses(401, 403, 404, 409),
  },
});

export function jobsRoutes() {
  return createRouter()
    .openapi(getJobs, async (c) =>
      c.json(await listJobs(c.var.deps.db, c.var.viewer, c.req.valid("query")), 200),
    )
    .openapi(retryJob, async (c) =>
      c.json(
        await retryDeadJob(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.var.deps.jobs.wake),
        200,
      ),
    );
}
