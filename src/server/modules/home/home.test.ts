import { addDays, addMonths, format } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltUser, buildUser } from "../../../../test/factories.ts";
import type { RequestOptions } from "../../../../test/harness.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import type { HomeDashboard } from "../../../shared/home.ts";

let ctx: TestContext;
// Changes go with the version read just before, as the pages send them; versions are tested on their own.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const day = (date: Date) => format(date, "yyyy-MM-dd");
const today = new Date();
const year = today.getUTCFullYear();

async function call(user: BuiltUser, path: string, method = "GET", body?: unknown) {
  const response = await atVersion(path, { method, body, cookie: user.cookie });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(200);
  return response.json();
}

const dashboard = (user: BuiltUser): Promise<HomeDashboard> => call(user, "/api/home");

describe("the home dashboard", () => {
  it("walks a new member through the first-run guide, then shows where the plan stands", async () => {
    const member = await buildUser(ctx);
    const empty = await dashboard(member);
    expect(empty).toEqual({
      guide: {
        steps: [
          { step: "north-star", done: false },
          { step: "lanes", done: false },
          { step: "portfolio", done: false },
          { step: "first-tour", done: false },
        ],
        complete: false,
      },
      northStar: null,
      skipJob: null,
      tour: null,
      decisionDue: null,
      lanes: null,
      biggestGap: null,
    });

    await call(member, "/api/plan", "PUT", {
      northStar: { role: "Chief Product Officer", horizonYear: year + 8 },
      skipJob: { role: "Head of Product", targetYear: year + 4, needs: [] },
      nextJob: null,
    });
    await call(member, "/api/lanes/assessments", "POST", {
      ratings: { crafting: 4, market: 3, organizational: 2, domain: 5, team: 1, growth: 3 },
      worldClassLane: "domain",
      domainName: "Payments",
    });
    await call(member, "/api/portfolio/roles", "POST", {
      company: "Acme",
      title: "Product manager",
      startsOn: "2019-03-01",
      stage: "fire_to_great",
      market: "consumer",
      vantage: "outside",
      work: ["feature"],
      peopleManaged: 0,
    });
    const tour = await call(member, "/api/tours", "POST", {
      title: "Lead the platform team",
      mission: "Build the platform team and hire its first manager.",
      startsOn: day(addMonths(today, -2)),
      endsOn: day(addMonths(today, 12)),
      lanes: ["team"],
      experiences: ["people:managed"],
    });
    await call(member, `/api/tours/${tour.id}/milestones`, "POST", {
      title: "Roadmap agreed",
      dueOn: day(addMonths(today, -1)),
      status: "done",
      doneOn: day(addMonths(today, -1)),
    });
    await call(member, `/api/tours/${tour.id}/milestones`, "POST", {
      title: "Second milestone, later",
      dueOn: day(addMonths(today, 6)),
      status: "planned",
    });
    await call(member, `/api/tours/${tour.id}/milestones`, "POST", {
      title: "First manager hired",
      dueOn: day(addMonths(today, 2)),
      status: "in_progress",
    });
    const decision = await call(member, "/api/decisions", "POST", {
      dilemma: "Grit it out or move on?",
      options: [{ label: "Stay" }, { label: "Go" }],
      decision: "Stay",
      decidedOn: day(addDays(today, -60)),
      revisitOn: day(addDays(today, -3)),
    });
    await call(member, "/api/decisions", "POST", {
      dilemma: "Not due yet",
      options: [{ label: "A" }, { label: "B" }],
      decision: "A",
      decidedOn: day(addDays(today, -5)),
      revisitOn: day(addDays(today, 90)),
    });

    const full = await dashboard(member);
    expect(full.guide.complete).toBe(true);
    expect(full.guide.steps.every((s) => s.done)).toBe(true);
    expect(full.northStar).toEqual({ role: "Chief Product Officer", horizonYear: year + 8, reached: false });
    expect(full.skipJob).toEqual({ role: "Head of Product", targetYear: year + 4 });
    expect(full.tour).toMatchObject({
      id: tour.id,
      title: "Lead the platform team",
      status: "active",
      milestonesDone: 1,
      milestonesTotal: 3,
      nextMilestone: { title: "First manager hired", status: "in_progress" },
    });
    expect(full.decisionDue).toEqual({
      id: decision.id,
      dilemma: "Grit it out or move on?",
      revisitOn: day(addDays(today, -3)),
      dueCount: 1,
    });
    expect(full.lanes).toMatchObject({
      worldClassLane: "domain",
      worldClassRating: 5,
      weakestLane: "team",
      weakestRating: 1,
    });
    expect(full.biggestGap?.mission).toMatch(/\w/);
    expect(full.biggestGap?.tourPath).toMatch(/^\/tours\/new\?/);
    expect(full.biggestGap?.gapCount).toBeGreaterThan(0);
    // The running tour sets out to add managing people, so that gap is in hand, not the next one.
    const coverage = await call(member, "/api/portfolio/coverage", "GET");
    const managing = coverage.gaps.find((g: { id: string }) => g.id === "people:managed");
    expect(managing.plannedIn).toEqual({ id: tour.id, title: "Lead the platform team" });
    expect(full.biggestGap?.experiences).not.toEqual(["people:managed"]);
    expect(full.biggestGap?.gapCount).toBe(coverage.gaps.length - 1);

    // Another member's dashboard holds none of it.
    const other = await buildUser(ctx);
    expect(await dashboard(other)).toEqual(empty);
  });

  it("reads every kind of role once, however many roles share it, and ranks gaps as the portfolio does", async () => {
    const member = await buildUser(ctx);
    const kinds = [
      { stage: "pre_pmf", market: "consumer", vantage: "inside", work: ["feature"], peopleManaged: 0 },
      {
        stage: "pre_pmf",
        market: "consumer",
        vantage: "inside",
        work: ["feature", "growth"],
        peopleManaged: 0,
      },
      { stage: "fire_to_great", market: "business", vantage: "outside", work: ["scaling"], peopleManaged: 4 },
      { stage: "smoke_to_fire", market: "consumer", vantage: "inside", work: ["growth"], peopleManaged: 0 },
    ];
    const statements: number[] = [];
    for (const [index, kind] of kinds.entries()) {
      for (let copy = 0; copy < 3; copy++) {
        await call(member, "/api/portfolio/roles", "POST", {
          ...kind,
          company: `Company ${index}-${copy}`,
          title: "Product manager",
          startsOn: `${2010 + index}-0${copy + 1}-01`,
          wellKnownLogo: index === 2 && copy === 0,
        });
      }
      const home = await dashboard(member);
      const coverage = await call(member, "/api/portfolio/coverage", "GET");
      const first = coverage.gaps[0];
      expect(home.biggestGap, `after kind ${index}`).toEqual({
        mission: first.mission,
        experiences: first.experiences,
        tourPath: first.tourPath,
        gapCount: coverage.gaps.length,
      });
      statements.push(await ctx.statementsDuring(() => dashboard(member)));
    }
    expect(new Set(statements).size).toBe(1);
  });

  it("shows the running tour over ended and later ones, and the decision due longest", async () => {
    const member = await buildUser(ctx);
    const tour = (title: string, startsOn: Date, endsOn: Date) =>
      call(member, "/api/tours", "POST", {
        title,
        mission: "Take the product from smoke to fire",
        startsOn: day(startsOn),
        endsOn: day(endsOn),
      });
    await tour("Completed", addMonths(today, -30), addMonths(today, -12));
    const endedEarly = await tour("Ended early", addMonths(today, -6), addMonths(today, 12));
    await call(member, `/api/tours/${endedEarly.id}/end-early`, "POST", {
      endedOn: day(addDays(today, -1)),
      reason: "The team was folded into another",
    });
    await tour("Later", addMonths(today, 2), addMonths(today, 20));
    expect((await dashboard(member)).tour).toMatchObject({ title: "Later", status: "planned" });
    const running = await tour("Running", addMonths(today, -1), addMonths(today, 17));
    expect((await dashboard(member)).tour).toMatchObject({ id: running.id, status: "active" });

    const decide = (dilemma: string, decidedDaysAgo: number, revisitOn: Date | null) =>
      call(member, "/api/decisions", "POST", {
        dilemma,
        options: [{ label: "A" }, { label: "B" }],
        decision: "A",
        decidedOn: day(addDays(today, -decidedDaysAgo)),
        ...(revisitOn ? { revisitOn: day(revisitOn) } : {}),
      });
    await decide("Never revisited", 90, null);
    await decide("Due lately", 60, addDays(today, -2));
    const longest = await decide("Due longest", 50, addDays(today, -20));
    await decide("Due today", 40, today);
    await decide("Not due yet", 30, addDays(today, 30));
    expect((await dashboard(member)).decisionDue).toEqual({
      id: longest.id,
      dilemma: "Due longest",
      revisitOn: day(addDays(today, -20)),
      dueCount: 3,
    });
  });

  it("asks anonymous visitors to sign in", async () => {
    const response = await atVersion("/api/home");
    expect(response.status).toBe(401);
  });
});
