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

  it("gives every page about one record something to show: story, health checks, a manager, shares, a 911 call, programs", async () => {
    const as = async (email: string, ip: string) => {
      const { cookie } = await signIn(ctx, email, demoPassword, ip);
      return async (path: string) => {
        const answer = await ctx.request(path, { cookie });
        expect(answer.status, `${email} ${path}`).toBe(200);
        return answer.json();
      };
    };
    const priya = await as("priya@demo.sidecar", "198.51.100.210");
    const story = (await priya("/api/story/entries")).entries;
    expect(story.map((e: { title: string }) => e.title)).toEqual([
      "Checkout rebuild at Shopwise",
      "Card issuing launch at Ledgerline",
    ]);
    for (const entry of story) expect(entry.portfolioRole).not.toBeNull();
    const checks = (await priya("/api/health-checks")).checks;
    expect(checks.map((c: { subject: string }) => c.subject).sort()).toEqual(["employer", "offer"]);
    for (const check of checks) expect(check.decision?.dilemma).toBe("Grit it out or move on?");
    expect(checks.find((c: { subject: string }) => c.subject === "offer").scenarios).toHaveLength(3);
    const { myManager } = await priya("/api/managers");
    expect(myManager).toMatchObject({ state: "active", side: "report", cadence: "fortnightly" });
    expect(myManager.manager.name).toBe("Nadia Costa");
    const link = await priya(`/api/manager-links/${myManager.id}`);
    expect(link.areas.map((a: { area: string }) => a.area).sort()).toEqual(["lanes", "tour"]);
    expect(link.areas.find((a: { area: string }) => a.area === "tour").label).toBe(
      "Lead the payments platform team",
    );
    expect(link.checkIns).toHaveLength(2);
    const [latest, earlier] = link.checkIns;
    expect(earlier.managerPlan).not.toBe("");
    expect(earlier.comments).toBe(2);
    const pending = (await priya(`/api/check-ins/${latest.id}`)).agenda.filter(
      (a: { state: string }) => a.state === "suggested",
    );
    expect(pending).toHaveLength(1);
    const nadia = await as("nadia@demo.sidecar", "198.51.100.211");
    expect((await nadia("/api/managers")).myReports[0].report.name).toBe("Priya Raman");

    const amara = await as("amara@demo.sidecar", "198.51.100.212");
    const [jonasShare] = (await amara("/api/shared")).shares;
    expect(jonasShare.owner.email).toBe("jonas@demo.sidecar");
    expect([...jonasShare.parts].sort()).toEqual(["lanes", "plan", "portfolio", "story"]);
    const plan = await amara(`/api/shared/${jonasShare.owner.id}/plan`);
    expect(plan.northStar.role).toBe("VP Product");
    expect(plan.skipJob.needs).toHaveLength(3);
    expect((await amara(`/api/shared/${jonasShare.owner.id}/story`)).entries).toHaveLength(1);

    const jonas = await as("jonas@demo.sidecar", "198.51.100.213");
    const [call] = (await jonas("/api/urgent-calls")).mine;
    expect(call).toMatchObject({ kind: "offer", state: "taken", takenByName: "Arjun Mehta", offeredTo: 2 });
    expect(call.sessions).toHaveLength(1);
    const { notifications } = await jonas("/api/notifications");
    expect(notifications.map((n: { link: string | null }) => n.link)).toContain(`/urgent-calls/${call.id}`);
    const places = (await jonas("/api/my-programs")).participations;
    expect(places).toHaveLength(1);
    expect(places[0]).toMatchObject({ role: "mentee", joined: true, matches: [] });

    const admin = await as("admin@demo.sidecar", "198.51.100.214");
    const [program] = (await admin("/api/programs")).administered;
    expect(program.name).toMatch(/Product Circle/);
    const { cohorts } = await admin(`/api/programs/${program.id}`);
    expect(cohorts).toHaveLength(1);
    expect(cohorts[0].participants).toBe(7);
    const arjun = await as("arjun@demo.sidecar", "198.51.100.215");
    expect((await arjun("/api/urgent-calls")).offered[0]).toMatchObject({ takenByMe: true });
  });
});
