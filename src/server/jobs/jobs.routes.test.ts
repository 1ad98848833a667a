import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { adminJobsResponse, retriedJobResponse } from "../../shared/jobs.ts";
import { enqueueJob } from "./enqueue-job.ts";
import { jobs } from "./jobs.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function deadJob(kind: string, lastError: string) {
  const id = await enqueueJob(ctx.db, { kind, payload: { outboxId: "x" }, key: `${kind}:${Math.random()}` });
  await ctx.db
    .update(jobs)
    .set({ state: "dead", attempts: 12, lastError })
    .where(eq(jobs.id, id ?? ""));
  return id ?? "";
}

describe("background jobs in the admin area", () => {
  it("shows counts by state and the dead jobs with kind, tries, last error and dates", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const id = await deadJob("test.dead", "Error: connect ECONNREFUSED");
    await enqueueJob(ctx.db, { kind: "test.waiting", runAt: new Date(Date.now() + 3600_000) });
    const response = await ctx.request("/api/admin/jobs", { cookie: admin.cookie });
    expect(response.status).toBe(200);
    const body = adminJobsResponse.strict().parse(await response.json());
    expect(body.counts.dead).toBeGreaterThanOrEqual(1);
    expect(body.counts.queued).toBeGreaterThanOrEqual(1);
    const shown = body.dead.find((job) => job.id === id);
    expect(shown).toMatchObject({
      kind: "test.dead",
      attempts: 12,
      lastError: "Error: connect ECONNREFUSED",
    });
    expect(Object.keys(shown ?? {}).sort()).toEqual(
      ["attempts", "createdAt", "failedAt", "id", "kind", "lastError"].sort(),
    );
    const member = await buildUser(ctx);
    expect((await ctx.request("/api/admin/jobs", { cookie: member.cookie })).status).toBe(403);
    const badPage = await ctx.request("/api/admin/jobs?page=0", { cookie: admin.cookie });
    expect(badPage.status).toBe(400);
    expect((await badPage.json()).error.field).toBe("page");
  });

  it("retries a dead job with all its tries, once", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const id = await deadJob("test.retry", "Error: timeout");
    const retried = await ctx.request(`/api/admin/jobs/${id}/retry`, { body: {}, cookie: admin.cookie });
    expect(retried.status).toBe(200);
    expect(retriedJobResponse.strict().parse(await retried.json()).job).toMatchObject({
      id,
      state: "queued",
    });
    const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ state: "queued", attempts: 0, lastError: null });

    const again = await ctx.request(`/api/admin/jobs/${id}/retry`, { body: {}, cookie: admin.cookie });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/not dead/);
    const missing = await ctx.request("/api/admin/jobs/nothing-here/retry", {
      body: {},
      cookie: admin.cookie,
    });
    expect(missing.status).toBe(404);
    const member = await buildUser(ctx);
    const refused = await ctx.request(`/api/admin/jobs/${id}/retry`, { body: {}, cookie: member.cookie });
    expect(refused.status).toBe(403);
  });

  it("does not retry a dead job whose work was queued again since", async () => {
    const admin = await buildUser(ctx, { role: "admin" });
    const key = `test.requeued:${Math.random()}`;
    const id = await enqueueJob(ctx.db, { kind: "test.requeued", key });
    await ctx.db
      .update(jobs)
      .set({ state: "dead", attempts: 5 })
      .where(eq(jobs.id, id ?? ""));
    await enqueueJob(ctx.db, { kind: "test.requeued", key });
    const retried = await ctx.request(`/api/admin/jobs/${id}/retry`, { body: {}, cookie: admin.cookie });
    expect(retried.status).toBe(409);
    expect((await retried.json()).error.message).toMatch(/queued again/);
  });
});
