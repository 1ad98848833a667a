import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import type { HomeDashboard } from "../../shared/home.ts";
import { closeMatchingWorker } from "../matching/solve-in-worker.ts";
import { demoPassword, demoPeople, seedDemo } from "./seed-demo.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, ctx.auth);
});
afterAll(async () => {
  await ctx.close();
  await closeMatchingWorker();
});

describe("the demo data", () => {
  it("gives the first demo member a complete plan that every page can show", async () => {
    const first = demoPeople[0];
    if (!first) throw new Error("no demo people");
    const { response, cookie } = await signIn(ctx, first.email, demoPassword);
    expect(response.status).toBe(200);
    const get = async (path: string) => {
      const answer = await ctx.request(path, { cookie });
      expect(answer.status, path).toBe(200);
      return answer.json();
    };
    const home: HomeDashboard = await get("/api/home");
    expect(home.guide.steps.filter((s) => !s.done)).toEqual([]);
    expect(home.northStar).not.toBeNull();
    expect(home.tour?.status).toBe("active");
    expect(home.decisionDue).not.toBeNull();
    expect(home.lanes).not.toBeNull();
    expect((await get("/api/portfolio/roles")).roles.length).toBeGreaterThan(0);
    expect((await get("/api/decisions")).decisions.length).toBeGreaterThan(0);
    const requests = (await get("/api/feedback/requests")).requests;
    expect(requests.length).toBeGreaterThan(0);
    expect((await get(`/api/feedback/requests/${requests[0].id}/results`)).open).toBe(true);
  });

  it("shows the first demo member mentor suggestions with reasons, in several time zones", async () => {
    const first = demoPeople[0];
    if (!first) throw new Error("no demo people");
    const { cookie } = await signIn(ctx, first.email, demoPassword, "198.51.100.200");
    const answer = await ctx.request("/api/mentors/suggestions", { cookie });
    const { suggestions } = await answer.json();
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    for (const suggestion of suggestions) expect(suggestion.reasons.length).toBeGreaterThan(0);
    const zones = new Set(suggestions.map((s: { mentor: { timeZone: string } }) => s.mentor.timeZone));
    expect(zones.size).toBeGreaterThanOrEqual(3);
    const requests = await (await ctx.request("/api/mentor-requests", { cookie })).json();
    expect(requests.sent.length).toBe(1);
  });

  it("puts the first demo member in a CPO circle and an open community with meetups", async () => {
    const first = demoPeople[0];
    if (!first) throw new Error("no demo people");
    const { cookie } = await signIn(ctx, first.email, demoPassword, "198.51.100.201");
    const get = async (path: string) => (await ctx.request(path, { cookie })).json();
    const { communities } = await get("/api/communities");
    const circle = communities.find((c: { name: string }) => c.name === "CPO Circle");
    const open = communities.find((c: { name: string }) => c.name === "Product People");
    expect(circle.myState).toBe("member");
    expect(open.myState).toBe("member");
    const threads = (await get(`/api/communities/${circle.id}/threads`)).threads;
    expect(threads[0].replies).toBe(1);
    const meetings = (await get(`/api/communities/${circle.id}/events`)).events;
    expect(meetings[0].recurrence).toMatch(/FREQ=MONTHLY/);
    expect((await get(`/api/communities/${open.id}`)).inside.channels).toHaveLength(3);
    const openThreads = (await get(`/api/communities/${open.id}/threads`)).threads;
    expect(openThreads.some((t: { hidden: boolean }) => t.hidden)).toBe(true);
    const london = (await get(`/api/communities/${open.id}/events?city=London`)).events[0];
    expect(london).toMatchObject({ capacity: 2, going: 2, waitlisted: 1, myRsvp: "going" });
  });

  it("runs a 300-person program imported from the repository's CSV: matched, published, with health figures", async () => {
    const jonas = demoPeople.find((p) => p.email === "jonas@demo.sidecar");
    if (!jonas) throw new Error("no Jonas in the demo");
    const { cookie } = await signIn(ctx, jonas.email, demoPassword, "198.51.100.201");
    const get = async (path: string) => {
      const answer = await ctx.request(path, { cookie });
      expect(answer.status, path).toBe(200);
      return answer.json();
    };
    const [program] = (await get("/api/programs")).administered;
    const { cohorts } = await get(`/api/programs/${program.id}`);
    expect(cohorts[0].participants).toBe(300);
    const cohort = await get(`/api/cohorts/${cohorts[0].id}`);
    expect(cohort.currentRun).toMatchObject({ state: "done", certified: true, menteeCount: 240 });
    expect(cohort.currentRun.matched).toBeGreaterThan(200);
    expect(cohort.currentRun.score).toBeGreaterThanOrEqual(cohort.currentRun.greedyScore);
    const health = await get(`/api/cohorts/${cohorts[0].id}/health`);
    expect(health.matchesMade).toBe(cohort.currentRun.matched);
    expect(health.accepted).toBeGreaterThan(0);
    expect(health.meetingsRecorded).toBeGreaterThan(0);
    // Published pairs became engagements: sessions held, some stalled, some closed with reviews.
    expect(health.sessionsHeld).toBeGreaterThan(200);
    expect(health.stalled).toBeGreaterThan(0);
    expect(health.stalled).toBeLessThan(health.matchesMade / 4);
    for (const side of ["byMentees", "byMentors"] as const) {
      expect(health.reviews[side].averaged % 5).toBe(0);
      expect(health.reviews[side].averageRating).toBeGreaterThanOrEqual(3);
    }
    expect(health.stalledPairs).toHaveLength(health.stalled);
    expect(health.weekly.length).toBeGreaterThan(3);
    const priya = demoPeople[0];
    if (!priya) throw new Error("no demo people");
    const mine = await (
      await ctx.request("/api/my-programs", {
        cookie: (await signIn(ctx, priya.email, demoPassword, "198.51.100.202")).cookie,
      })
    ).json();
    expect(mine.participations[0].matches[0].explanation.criteria.length).toBeGreaterThan(0);
  });

  it("lets every demo account sign in with the demo password", async () => {
    for (const person of demoPeople) {
      const { response } = await signIn(
        ctx,
        person.email,
        demoPassword,
        `198.51.100.${demoPeople.indexOf(person) + 1}`,
      );
      expect(response.status, person.email).toBe(200);
    }
  });

  it("gives Jonas a mentoring in progress and a closed one with its reviews revealed", async () => {
    const { cookie } = await signIn(ctx, "jonas@demo.sidecar", demoPassword, "198.51.100.201");
    const list = await (await ctx.request("/api/engagements", { cookie })).json();
    const states = list.engagements.map((e: { state: string }) => e.state).sort();
    expect(states).toEqual(["active", "closed"]);
    const get = async (state: string) => {
      const id = list.engagements.find((e: { state: string }) => e.state === state).id;
      return (await ctx.request(`/api/engagements/${id}`, { cookie })).json();
    };
    const active = await get("active");
    expect(active.sessions.length).toBe(2);
    expect(active.plan.history.length).toBe(2);
    expect(active.notes.map((n: { shared: boolean }) => n.shared).sort()).toEqual([false, true, true]);
    expect(active.actionItems.map((a: { state: string }) => a.state).sort()).toEqual([
      "committed",
      "done",
      "suggested",
    ]);
    const closed = await get("closed");
    expect(closed.reviews.revealed).toBe(true);
    expect(closed.reviews.theirs.text).toMatch(/homework/);
  });
});
