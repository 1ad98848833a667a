import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltUser, buildUser } from "../../../test/factories.ts";
import { answersMarked, copyLinks, createFeedbackRequest, give } from "../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { addDays, isoDay } from "../../shared/calendar-date.ts";

// Every editable record, through the HTTP boundary: a write based on a version someone else already
// replaced answers 409 and writes nothing; a write based on the current version moves it on by one.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const onPostgres = Boolean(process.env.DATABASE_URL);
const year = new Date().getUTCFullYear();
const today = isoDay();

type Snapshot = { version: number; value: unknown };
type Target = {
  method: "PUT" | "PATCH" | "POST";
  path: string;
  /** A distinct change for each `n`, without the version. */
  body: (n: number) => Record<string, unknown>;
  read: () => Promise<Snapshot>;
};
type Resource = {
  name: string;
  prepare: (user: BuiltUser) => Promise<Target>;
  /** A change that can be made only once (ending a tour early): no second fresh write. */
  once?: true;
};

async function call(user: BuiltUser, method: string, path: string, body?: unknown) {
  return ctx.request(path, { method, body, cookie: user.cookie });
}

async function ok<T = Record<string, unknown>>(response: Response): Promise<T> {
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

async function get<T = Record<string, unknown>>(user: BuiltUser, path: string): Promise<T> {
  return ok<T>(await call(user, "GET", path));
}

const tourBody = {
  title: "Grow self-serve revenue",
  mission: "Take self-serve from 10% to 30% of new revenue.",
  startsOn: "2020-01-01",
  endsOn: "2020-12-31",
};
type TourJson = {
  id: string;
  title: string;
  version: number;
  endReason: string | null;
  milestones: { id: string; title: string; version: number }[];
};

async function createTour(user: BuiltUser, title = tourBody.title) {
  return ok<TourJson>(await call(user, "POST", "/api/tours", { ...tourBody, title }));
}

const decisionBody = {
  dilemma: "Grit it out or move on?",
  options: [{ label: "Stay" }, { label: "Go" }],
  decision: "Stay",
  decidedOn: addDays(today, -30),
};

const roleBody = {
  company: "Acme",
  title: "Senior PM",
  startsOn: "2021-01-01",
  endsOn: null,
  stage: "fire_to_great",
  market: "business",
  vantage: "inside",
  work: ["growth"],
  peopleManaged: 0,
};

const checkItem = "pm.outcomes.owned-metric";

const resources: Resource[] = [
  {
    name: "profile",
    prepare: async (user) => ({
      method: "PUT",
      path: "/api/profile",
      body: (n) => ({ name: `Name ${n}`, timeZone: "Europe/Berlin" }),
      read: async () => {
        const profile = await get<{ version: number; name: string }>(user, "/api/profile");
        return { version: profile.version, value: profile.name };
      },
    }),
  },
  {
    name: "career plan",
    prepare: async (user) => ({
      method: "PUT",
      path: "/api/plan",
      body: (n) => ({
        northStar: { role: `CPO ${n}`, horizonYear: year + 5 },
        skipJob: null,
        nextJob: null,
      }),
      read: async () => {
        const plan = await get<{ version: number; northStar: { role: string } | null }>(user, "/api/plan");
        return { version: plan.version, value: plan.northStar?.role ?? null };
      },
    }),
  },
  {
    name: "Act Three",
    prepare: async (user) => ({
      method: "PUT",
      path: "/api/plan/act-three",
      body: (n) => ({
        economics: { description: `Invest ${n}` },
        giving: { description: "Coach first-time leads", forms: ["coaching"] },
      }),
      read: async () => {
        const plan = await get<{ version: number; actThree: { economics: { description: string } } | null }>(
          user,
          "/api/plan",
        );
        return { version: plan.version, value: plan.actThree?.economics.description ?? null };
      },
    }),
  },
  {
    name: "North Star reached",
    prepare: async (user) => {
      await ok(
        await call(user, "PUT", "/api/plan", {
          northStar: { role: "CPO", horizonYear: year + 5 },
          skipJob: null,
          nextJob: null,
          version: 0,
        }),
      );
      return {
        method: "POST",
        path: "/api/plan/north-star/reached",
        body: (n) => ({ reachedOn: addDays(today, -n) }),
        read: async () => {
          const plan = await get<{ version: number; northStar: { reachedOn: string | null } }>(
            user,
            "/api/plan",
          );
          return { version: plan.version, value: plan.northStar.reachedOn };
        },
      };
    },
  },
  {
    name: "tour",
    prepare: async (user) => {
      const tour = await createTour(user);
      return {
        method: "PUT",
        path: `/api/tours/${tour.id}`,
        body: (n) => ({ ...tourBody, title: `Tour ${n}` }),
        read: async () => {
          const read = await get<TourJson>(user, `/api/tours/${tour.id}`);
          return { version: read.version, value: read.title };
        },
      };
    },
  },
  {
    name: "tour ended early",
    once: true,
    prepare: async (user) => {
      const tour = await createTour(user);
      return {
        method: "POST",
        path: `/api/tours/${tour.id}/end-early`,
        body: (n) => ({ endedOn: addDays(tourBody.startsOn, n), reason: `Reason ${n}` }),
        read: async () => {
          const read = await get<TourJson>(user, `/api/tours/${tour.id}`);
          return { version: read.version, value: read.endReason };
        },
      };
    },
  },
  {
    name: "milestone",
    prepare: async (user) => {
      const tour = await createTour(user);
      const withMilestone = await ok<TourJson>(
        await call(user, "POST", `/api/tours/${tour.id}/milestones`, { title: "Ship", dueOn: "2020-06-30" }),
      );
      const milestoneId = withMilestone.milestones[0]?.id;
      return {
        method: "PUT",
        path: `/api/tours/${tour.id}/milestones/${milestoneId}`,
        body: (n) => ({ title: `Milestone ${n}`, dueOn: "2020-06-30" }),
        read: async () => {
          const read = await get<TourJson>(user, `/api/tours/${tour.id}`);
          const milestone = read.milestones.find((m) => m.id === milestoneId);
          return { version: milestone?.version ?? -1, value: milestone?.title };
        },
      };
    },
  },
  {
    name: "order of tours",
    prepare: async (user) => {
      const ids = [(await createTour(user, "A")).id, (await createTour(user, "B")).id];
      ids.push((await createTour(user, "C")).id);
      return {
        method: "PUT",
        path: "/api/tours/order",
        body: (n) => ({ ids: [...ids.slice(n % 3), ...ids.slice(0, n % 3)] }),
        read: async () => {
          const list = await get<{ version: number; tours: TourJson[] }>(user, "/api/tours");
          return { version: list.version, value: list.tours.map((t) => t.title).join("") };
        },
      };
    },
  },
  {
    name: "decision",
    prepare: async (user) => {
      const decision = await ok<{ id: string }>(await call(user, "POST", "/api/decisions", decisionBody));
      return {
        method: "PUT",
        path: `/api/decisions/${decision.id}`,
        body: (n) => ({ ...decisionBody, decision: `Choice ${n}` }),
        read: async () => {
          const read = await get<{ version: number; decision: string }>(
            user,
            `/api/decisions/${decision.id}`,
          );
          return { version: read.version, value: read.decision };
        },
      };
    },
  },
  {
    name: "decision revisit",
    prepare: async (user) => {
      const decision = await ok<{ id: string }>(await call(user, "POST", "/api/decisions", decisionBody));
      return {
        method: "POST",
        path: `/api/decisions/${decision.id}/revisit`,
        body: (n) => ({ revisitedOn: today, outcome: `Outcome ${n}` }),
        read: async () => {
          const read = await get<{ version: number; revisits: { outcome: string }[] }>(
            user,
            `/api/decisions/${decision.id}`,
          );
          return { version: read.version, value: read.revisits.map((r) => r.outcome) };
        },
      };
    },
  },
  {
    name: "portfolio role",
    prepare: async (user) => {
      const role = await ok<{ id: string }>(await call(user, "POST", "/api/portfolio/roles", roleBody));
      return {
        method: "PUT",
        path: `/api/portfolio/roles/${role.id}`,
        body: (n) => ({ ...roleBody, company: `Company ${n}` }),
        read: async () => {
          const read = await get<{ version: number; company: string }>(
            user,
            `/api/portfolio/roles/${role.id}`,
          );
          return { version: read.version, value: read.company };
        },
      };
    },
  },
  {
    name: "superpowers",
    prepare: async (user) => ({
      method: "PUT",
      path: "/api/feedback/superpowers",
      body: (n) => ({ superpowers: ["storyteller"], responses: { storyteller: `Response ${n}` } }),
      read: async () => {
        const read = await get<{ version: number; chosen: { response: string }[] }>(
          user,
          "/api/feedback/superpowers",
        );
        return { version: read.version, value: read.chosen[0]?.response ?? null };
      },
    }),
  },
  {
    name: "next-level checklist item",
    prepare: async (user) => {
      await ok(
        await call(user, "PUT", "/api/profile", { name: "Pat", level: "pm", timeZone: "UTC", version: 0 }),
      );
      return {
        method: "PUT",
        path: `/api/target-role/checks/${checkItem}`,
        body: (n) => ({ checked: n !== 3 }),
        read: async () => {
          const view = await get<{
            hurdles: { checks: { id: string; checkedOn: string | null; version: number }[] }[];
          }>(user, "/api/target-role");
          const item = view.hurdles.flatMap((h) => h.checks).find((c) => c.id === checkItem);
          return { version: item?.version ?? -1, value: item?.checkedOn ?? null };
        },
      };
    },
  },
  {
    name: "feedback request",
    prepare: async (user) => {
      const request = await createFeedbackRequest(ctx, user.cookie);
      return {
        method: "PATCH",
        path: `/api/feedback/requests/${request.id}`,
        body: (n) => ({ closesOn: addDays(today, 10 + n) }),
        read: async () => {
          const read = await get<{ version: number; closesOn: string }>(
            user,
            `/api/feedback/requests/${request.id}`,
          );
          return { version: read.version, value: read.closesOn };
        },
      };
    },
  },
  {
    name: "reflection",
    prepare: async (user) => {
      const request = await createFeedbackRequest(ctx, user.cookie);
      const tokens = await copyLinks(ctx, user.cookie, request.id, 3);
      for (const [index, token] of tokens.entries()) {
        const answered = await give(ctx, token, answersMarked(`giver${index}`), {
          ip: `198.51.100.${index + 1}`,
        });
        if (answered.status !== 200) throw new Error(`give failed: ${answered.status}`);
      }
      return {
        method: "PUT",
        path: `/api/feedback/requests/${request.id}/reflections/q1`,
        body: (n) => ({ heard: `Heard ${n}` }),
        read: async () => {
          const results = await get<{ questions: { key: string; heard: string; version: number }[] }>(
            user,
            `/api/feedback/requests/${request.id}/results`,
          );
          const q1 = results.questions.find((q) => q.key === "q1");
          return { version: q1?.version ?? -1, value: q1?.heard };
        },
      };
    },
  },
];

describe.each(resources)("$name", ({ prepare, once }) => {
  it("answers a stale write with 409, writes nothing, and takes a fresh one as version + 1", async () => {
    const user = await buildUser(ctx);
    const target = await prepare(user);
    const start = await target.read();

    // Another tab saves first, from the same version.
    const first = await call(user, target.method, target.path, { ...target.body(1), version: start.version });
    expect(first.status, await first.clone().text()).toBe(200);
    const afterFirst = await target.read();
    expect(afterFirst.version).toBe(start.version + 1);
    expect(afterFirst.value).not.toEqual(start.value);

    const stale = await call(user, target.method, target.path, { ...target.body(2), version: start.version });
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error.code).toBe("CONFLICT");
    expect(error.field).toBe("version");
    expect(error.message).toMatch(/changed in another tab or by another device since you opened it/);
    expect(await target.read()).toEqual(afterFirst);
    if (once) return;

    const fresh = await call(user, target.method, target.path, {
      ...target.body(3),
      version: afterFirst.version,
    });
    expect(fresh.status, await fresh.clone().text()).toBe(200);
    const afterFresh = await target.read();
    expect(afterFresh.version).toBe(afterFirst.version + 1);
    expect(afterFresh.value).not.toEqual(afterFirst.value);
  });

  it("refuses a change that does not say which version it was based on", async () => {
    const user = await buildUser(ctx);
    const target = await prepare(user);
    const before = await target.read();
    const response = await call(user, target.method, target.path, target.body(1));
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("version");
    expect(await target.read()).toEqual(before);
  });

  it.runIf(onPostgres)("lets exactly one of several writes on one version through", async () => {
    const user = await buildUser(ctx);
    const target = await prepare(user);
    const start = await target.read();
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        call(user, target.method, target.path, { ...target.body(n), version: start.version }),
      ),
    );
    const statuses = answers.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    expect((await target.read()).version).toBe(start.version + 1);
  });
});

describe("a version no record can have", () => {
  it("is refused as a 400 naming the field, never a database error", async () => {
    const member = await buildUser(ctx);
    for (const version of [2_147_483_648, -1, 1.5]) {
      const response = await ctx.request("/api/plan/act-three", {
        method: "PUT",
        body: {
          economics: { description: "Invest" },
          giving: { description: "Coach", forms: ["content"] },
          version,
        },
        cookie: member.cookie,
      });
      expect(response.status, String(version)).toBe(400);
      expect((await response.json()).error.field).toBe("version");
    }
  });
});
