import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMatchingWorker } from "../src/server/matching/solve-in-worker.ts";
import { type BuiltUser, buildUser } from "./factories.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { buildParticipants, createProgramWithCohort, csvOf, joinAll, ok, runToEnd } from "./programs.ts";

// What each signed-in read costs in SQL statements, the session lookup included. A route that starts
// reading more (a query per item, a repeated read) fails here; lower a number when a route gets leaner.
const statementsPerRoute: Record<string, number> = {
  "/api/me": 1,
  "/api/profile": 1,
  "/api/home": 2,
  "/api/plan": 2,
  "/api/notifications/unread-count": 2,
  "/api/lanes/assessments": 2,
  "/api/portfolio/roles": 2,
  "/api/feedback/requests": 2,
  "/api/decisions": 4,
  "/api/decisions?limit=20": 4,
  "/api/tours": 5,
  "/api/tours?limit=20": 5,
  "/api/target-role": 5,
  "/api/engagements": 3,
  "/api/urgent-calls": 3,
};

let ctx: TestContext;
let few: BuiltUser;
let many: BuiltUser;

async function addRecords(member: BuiltUser, count: number) {
  for (let i = 0; i < count; i++) {
    const tour = await ctx.request("/api/tours", {
      cookie: member.cookie,
      body: {
        title: `Tour ${i}`,
        mission: "Grow",
        startsOn: `${2020 + (i % 8)}-01-01`,
        endsOn: "2030-06-30",
      },
    });
    const { id } = await tour.json();
    await ctx.request(`/api/tours/${id}/milestones`, {
      cookie: member.cookie,
      body: { title: "First hire", dueOn: "2029-03-31" },
    });
    await ctx.request("/api/decisions", {
      cookie: member.cookie,
      body: {
        dilemma: `Stay or go ${i}?`,
        options: [{ label: "Stay" }, { label: "Go" }],
        decision: "Stay",
        decidedOn: "2025-01-01",
        revisitOn: "2025-06-01",
      },
    });
    await ctx.request("/api/portfolio/roles", {
      cookie: member.cookie,
      body: {
        company: `Company ${i}`,
        title: "PM",
        startsOn: "2015-01-01",
        stage: i % 2 ? "pre_pmf" : "scaling",
        market: "consumer",
        vantage: "inside",
        work: ["feature"],
        peopleManaged: 0,
      },
    });
  }
}

beforeAll(async () => {
  ctx = await createTestContext({ LOG_LEVEL: "error" });
  few = await buildUser(ctx);
  many = await buildUser(ctx);
  await addRecords(few, 1);
  await addRecords(many, 25);
});
afterAll(async () => {
  await ctx.close();
  await closeMatchingWorker();
});

async function statementsFor(member: BuiltUser, path: string) {
  let status = 0;
  const statements = await ctx.statementsDuring(async () => {
    status = (await ctx.request(path, { cookie: member.cookie })).status;
  });
  expect(status, path).toBe(200);
  return statements;
}

describe("statements per signed-in read", () => {
  it("reads each route in the statements it needs, the session included", async () => {
    const counted: Record<string, number> = {};
    for (const path of Object.keys(statementsPerRoute)) counted[path] = await statementsFor(few, path);
    expect(counted).toEqual(statementsPerRoute);
  });

  it("reads no more for a member with many records than for one with few", async () => {
    for (const path of Object.keys(statementsPerRoute)) {
      expect(await statementsFor(many, path), path).toBe(await statementsFor(few, path));
    }
  });

  it("reads one tour in four statements, however many tours the member has", async () => {
    const firstTour = async (member: BuiltUser) => {
      const { tours } = await (await ctx.request("/api/tours", { cookie: member.cookie })).json();
      return `/api/tours/${tours[0].id}`;
    };
    // The session, the tour, the tours it overlaps, its milestones.
    expect(await statementsFor(few, await firstTour(few))).toBe(4);
    expect(await statementsFor(many, await firstTour(many))).toBe(4);
  });
});

describe("statements per move of one tour", () => {
  it("moves a tour in the same statements with two tours or twenty-six", async () => {
    const counts = [];
    for (const member of [few, many]) {
      await ctx.request("/api/tours", {
        cookie: member.cookie,
        body: { title: "Last", mission: "Grow", startsOn: "2031-01-01", endsOn: "2031-12-31" },
      });
      const { tours, version } = await (await ctx.request("/api/tours", { cookie: member.cookie })).json();
      const last = tours.at(-1);
      let status = 0;
      counts.push(
        await ctx.statementsDuring(async () => {
          status = (
            await ctx.request(`/api/tours/${last.id}/move`, {
              cookie: member.cookie,
              body: { before: tours[0].id, version },
            })
          ).status;
        }),
      );
      expect(status).toBe(200);
    }
    // The session, the member's order lock, the tour, the order's version, the target, one statement
    // that shifts the tours between, the new version; node-postgres also counts begin and commit.
    const transaction = process.env.DATABASE_URL ? 2 : 0;
    expect(counts).toEqual([7 + transaction, 7 + transaction]);
  });
});

describe("statements per engagement read, however many decisions are shared in it", () => {
  it("reads an engagement, and the mentee's journal, in the same statements with one shared decision or five", async () => {
    const { engagementPair } = await import("./engagements.ts");
    const counts = [];
    for (const shared of [1, 5]) {
      const { mentor, mentee, engagement } = await engagementPair(ctx, { active: true });
      for (let i = 0; i < shared; i++) {
        const decision = await (
          await ctx.request("/api/decisions", {
            cookie: mentee.cookie,
            body: {
              dilemma: `Stay or go ${i}?`,
              options: [{ label: "Stay" }, { label: "Go" }],
              decision: "Stay",
              decidedOn: "2025-01-01",
            },
          })
        ).json();
        const after = await (
          await ctx.request(`/api/engagements/${engagement.id}/decisions`, {
            cookie: mentee.cookie,
            body: { decisionId: decision.id },
          })
        ).json();
        const shareId = after.decisions.find(
          (d: { decisionId: string }) => d.decisionId === decision.id,
        ).shareId;
        for (const body of ["A first thought", "A second thought"]) {
          await ctx.request(`/api/engagement-decisions/${shareId}/comments`, {
            cookie: mentor.cookie,
            body: { body },
          });
        }
      }
      const forMentor = await (
        await ctx.request(`/api/engagements/${engagement.id}`, { cookie: mentor.cookie })
      ).json();
      expect(forMentor.decisions).toHaveLength(shared);
      counts.push({
        engagement: await statementsFor(mentor as BuiltUser, `/api/engagements/${engagement.id}`),
        journal: await statementsFor(mentee as BuiltUser, "/api/decisions"),
      });
    }
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe("statements per community read, however much the community holds", () => {
  it("reads a circle's lists and a thread in the same statements with one item or 25", async () => {
    const { circleWith, eventBody, startThread } = await import("./communities.ts");
    const small = await circleWith(ctx, 1);
    const large = await circleWith(ctx, 3);
    const seed = async (circle: Awaited<ReturnType<typeof circleWith>>, count: number) => {
      const thread = await startThread(ctx, circle.organizer.cookie, circle.circle.id);
      for (let i = 0; i < count; i++) {
        const author = circle.members[i % circle.members.length] ?? circle.organizer;
        await ctx.request(`/api/threads/${thread.id}/replies`, {
          body: { body: `Reply ${i}` },
          cookie: author.cookie,
        });
        if (i < 5) {
          await ctx.request(`/api/communities/${circle.circle.id}/events`, {
            body: eventBody({ title: `Meeting ${i}`, capacity: 2 }),
            cookie: circle.organizer.cookie,
          });
        }
      }
      return thread.id as string;
    };
    const smallThread = await seed(small, 1);
    const largeThread = await seed(large, 25);
    const paths = (c: { circle: { id: string } }, thread: string) => ({
      "/api/communities": "/api/communities",
      "/api/communities/:id": `/api/communities/${c.circle.id}`,
      "/api/communities/:id/threads": `/api/communities/${c.circle.id}/threads`,
      "/api/communities/:id/members": `/api/communities/${c.circle.id}/members`,
      "/api/communities/:id/events": `/api/communities/${c.circle.id}/events`,
      "/api/threads/:id": `/api/threads/${thread}`,
    });
    const counted: Record<string, number> = {};
    const smallPaths = paths(small, smallThread);
    const largePaths = paths(large, largeThread);
    for (const [key, path] of Object.entries(smallPaths)) {
      counted[key] = await statementsFor(small.organizer, path);
      expect(await statementsFor(large.organizer, largePaths[key as keyof typeof largePaths]), key).toBe(
        counted[key],
      );
    }
    expect(counted).toEqual({
      "/api/communities": 2,
      "/api/communities/:id": 6,
      "/api/communities/:id/threads": 3,
      "/api/communities/:id/members": 3,
      "/api/communities/:id/events": 5,
      "/api/threads/:id": 5,
    });
  });
});

describe("statements per program read", () => {
  it("reads a cohort, its participants, a run's pairs and health in the same statements for 2 or 8 people", async () => {
    const counts: Record<string, number>[] = [];
    for (const [mentees, mentors] of [
      [1, 1],
      [6, 2],
    ] as const) {
      const admin = await buildUser(ctx);
      const { program, cohort } = await createProgramWithCohort(ctx, admin);
      const people = await buildParticipants(ctx, mentees, mentors);
      await ok(ctx, `/api/cohorts/${cohort.id}/import`, admin.cookie, { csv: csvOf(people), apply: true });
      await joinAll(ctx, people);
      const run = await runToEnd(ctx, cohort.id, admin.cookie);
      await ok(ctx, `/api/cohorts/${cohort.id}/publish`, admin.cookie, {});
      const count: Record<string, number> = {};
      for (const [label, path] of [
        ["program", `/api/programs/${program.id}`],
        ["cohort", `/api/cohorts/${cohort.id}`],
        ["participants", `/api/cohorts/${cohort.id}/participants`],
        ["run", `/api/runs/${run.run.id}`],
        ["progress", `/api/runs/${run.run.id}/progress`],
        ["health", `/api/cohorts/${cohort.id}/health`],
      ] as const) {
        count[label] = await statementsFor(admin, path);
      }
      count.places = await statementsFor(people[0] as BuiltUser, "/api/my-programs");
      counts.push(count);
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]).toEqual({
      program: 6,
      cohort: 8,
      participants: 6,
      run: 7,
      progress: 4,
      health: 5,
      places: 3,
    });
  });
});

describe("statements per managers read, however many reports, areas and check-ins", () => {
  it("reads the overview, a link and a check-in in the same statements with one of each or five", async () => {
    const { linkAs } = await import("./managers.ts");
    const post = async (path: string, cookie: string, body: unknown) => {
      const response = await ctx.request(path, { cookie, body });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
      return response.json();
    };
    const counts: Record<string, number>[] = [];
    for (const size of [1, 5]) {
      const manager = await buildUser(ctx);
      let linkId = "";
      let report: BuiltUser | undefined;
      for (let i = 0; i < size; i++) {
        const linked = await linkAs(ctx, manager, "manager");
        linkId = linked.linkId;
        report = linked.other;
      }
      const reporter = report as BuiltUser;
      const areas: unknown[] = [{ area: "lanes" }, { area: "story" }];
      for (let i = 0; i < size; i++) {
        const tour = await post("/api/tours", reporter.cookie, {
          title: `Tour ${i}`,
          mission: "Grow",
          startsOn: `${2010 + i * 2}-01-01`,
          endsOn: `${2011 + i * 2}-03-31`,
        });
        areas.push({ area: "tour", targetId: tour.id });
      }
      // One tour among the areas costs a read for the tours' titles; five tours cost the same one.
      for (const area of size === 1 ? [areas[0], areas[2]] : areas) {
        await post(`/api/manager-links/${linkId}/areas`, reporter.cookie, area);
      }
      let checkInId = "";
      for (let i = 0; i < size; i++) {
        checkInId = (
          await post(`/api/manager-links/${linkId}/check-ins`, reporter.cookie, { heldOn: "2026-01-05" })
        ).id;
        await post(`/api/check-ins/${checkInId}/comments`, manager.cookie, { body: `Comment ${i}` });
        await post(`/api/check-ins/${checkInId}/agenda`, manager.cookie, { text: `Topic ${i}` });
      }
      counts.push({
        overview: await statementsFor(manager, "/api/managers"),
        link: await statementsFor(manager, `/api/manager-links/${linkId}`),
        checkIn: await statementsFor(manager, `/api/check-ins/${checkInId}`),
      });
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]).toEqual({ overview: 3, link: 6, checkIn: 8 });
  });
});
