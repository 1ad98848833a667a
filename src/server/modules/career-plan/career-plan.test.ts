import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import type { RequestOptions } from "../../../../test/harness.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import { todayIn } from "../../../shared/calendar-date.ts";
import { careerPlans } from "./career-plan.table.ts";

let ctx: TestContext;
// Changes go with the version read just before, as the pages send them; versions are tested on their own.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const year = new Date().getUTCFullYear();
const plan = {
  northStar: {
    role: "Chief Product Officer",
    companyKind: "A mission-driven health company, 200–500 people",
    knownFor: "Building product teams that ship with care",
    horizonYear: year + 10,
  },
  skipJob: {
    role: "Head of Product",
    targetYear: year + 5,
    needs: [
      { text: "Lead a team through other managers", lane: "team" },
      { text: "Time at a company before product-market fit", experience: "stage:pre_pmf" },
      { text: "Board-level storytelling" },
    ],
  },
  nextJob: { role: "Group PM", targetYear: year + 2 },
};
const actThree = {
  economics: {
    description: "Angel-invest in health start-ups and build a small index portfolio.",
    steps: [{ text: "Join an angel syndicate", done: true }, { text: "Set aside 10% of each bonus" }],
  },
  giving: {
    description: "Help first-time heads of product in health care.",
    forms: ["coaching", "content"],
    steps: [{ text: "Write one essay a month" }],
  },
};

async function put(cookie: string, body: unknown, path = "/api/plan") {
  return atVersion(path, { method: "PUT", body, cookie });
}
async function read(cookie: string) {
  return (await atVersion("/api/plan", { cookie })).json();
}

describe("career plan", () => {
  it("starts empty, then saves the North Star, skip job with needs and next job, with only the listed fields", async () => {
    const user = await buildUser(ctx);
    expect(await read(user.cookie)).toEqual({
      northStar: null,
      skipJob: null,
      nextJob: null,
      actThree: null,
      updatedAt: null,
      version: 0,
    });

    const response = await put(user.cookie, plan);
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(Object.keys(saved).sort()).toEqual([
      "actThree",
      "nextJob",
      "northStar",
      "skipJob",
      "updatedAt",
      "version",
    ]);
    expect(saved.northStar).toEqual({ ...plan.northStar, reachedOn: null });
    expect(saved.skipJob).toEqual({
      role: "Head of Product",
      targetYear: year + 5,
      needs: [
        "Lead a team through other managers",
        "Time at a company before product-market fit",
        "Board-level storytelling",
      ],
      needDetails: [
        { text: "Lead a team through other managers", lane: "team", experience: null },
        {
          text: "Time at a company before product-market fit",
          lane: null,
          experience: "stage:pre_pmf",
        },
        { text: "Board-level storytelling", lane: null, experience: null },
      ],
    });
    expect(saved.nextJob).toEqual({ role: "Group PM", targetYear: year + 2 });
    expect(saved.actThree).toBeNull();
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await read(user.cookie)).toEqual(saved);
  });

  it("replaces parts and clears one with null, trimming text", async () => {
    const user = await buildUser(ctx);
    await put(user.cookie, plan);
    const response = await put(user.cookie, {
      northStar: { role: "  VP Product  ", horizonYear: year },
      skipJob: null,
      nextJob: { role: "Senior PM", targetYear: null },
    });
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(saved.northStar).toEqual({
      role: "VP Product",
      companyKind: "",
      knownFor: "",
      horizonYear: year,
      reachedOn: null,
    });
    expect(saved.skipJob).toBeNull();
    expect(saved.nextJob).toEqual({ role: "Senior PM", targetYear: null });
  });

  it.each([
    [
      { northStar: { ...plan.northStar, horizonYear: year - 1 }, skipJob: null, nextJob: null },
      "northStar.horizonYear",
      new RegExp(`${year} or later`),
    ],
    [
      { ...plan, northStar: { ...plan.northStar, horizonYear: year + 41 } },
      "northStar.horizonYear",
      /at most 40 years/,
    ],
    [
      { ...plan, northStar: { ...plan.northStar, horizonYear: 2030.5 } },
      "northStar.horizonYear",
      /whole year/,
    ],
    [{ ...plan, northStar: { ...plan.northStar, role: " " } }, "northStar.role", /Name the role/],
    [
      { ...plan, skipJob: { ...plan.skipJob, targetYear: year + 11 } },
      "skipJob.targetYear",
      new RegExp(`pick ${year + 10} or earlier`),
    ],
    [
      { ...plan, skipJob: { ...plan.skipJob, targetYear: year - 2 }, nextJob: { role: "Group PM" } },
      "skipJob.targetYear",
      new RegExp(`${year} or later`),
    ],
    [
      { ...plan, nextJob: { ...plan.nextJob, targetYear: year - 1 } },
      "nextJob.targetYear",
      new RegExp(`next job's year: ${year} or later`),
    ],
    [
      { ...plan, nextJob: { ...plan.nextJob, targetYear: year + 5 } },
      "nextJob.targetYear",
      new RegExp(`before ${year + 5}`),
    ],
    [
      { ...plan, nextJob: { ...plan.nextJob, targetYear: year + 7 } },
      "nextJob.targetYear",
      /before the skip job/,
    ],
    [
      { ...plan, skipJob: { ...plan.skipJob, needs: [{ text: "" }] } },
      "skipJob.needs.0.text",
      /remove the empty line/,
    ],
    [
      { ...plan, skipJob: { ...plan.skipJob, needs: [{ text: "x", lane: "design" }] } },
      "skipJob.needs.0.lane",
      /six lanes/,
    ],
    [
      { ...plan, skipJob: { ...plan.skipJob, needs: [{ text: "x", experience: "stage:unicorn" }] } },
      "skipJob.needs.0.experience",
      /experiences/,
    ],
    [
      { ...plan, skipJob: { ...plan.skipJob, needs: ["x"] } },
      "skipJob.needs.0",
      /missing or has the wrong type/,
    ],
    [{ ...plan, northStar: { ...plan.northStar, reachedOn: "2020-01-01" } }, "northStar", /unknown field/i],
    [{ ...plan, userId: "someone-else" }, undefined, /unknown field/i],
    [{ northStar: plan.northStar }, "skipJob", /missing/],
  ])("refuses bad input with the field and a clear message (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const response = await put(user.cookie, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION");
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect((await read(user.cookie)).northStar).toBeNull();
  });

  it("marks the North Star reached, keeps it through edits, and undoes it", async () => {
    const user = await buildUser(ctx);
    const early = await atVersion("/api/plan/north-star/reached", {
      body: { reachedOn: "2025-03-01" },
      cookie: user.cookie,
    });
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toMatch(/Set your North Star/);

    await put(user.cookie, plan);
    const reached = await atVersion("/api/plan/north-star/reached", {
      body: { reachedOn: "2025-03-01" },
      cookie: user.cookie,
    });
    expect(reached.status).toBe(200);
    expect((await reached.json()).northStar.reachedOn).toBe("2025-03-01");

    const edited = await (
      await put(user.cookie, {
        ...plan,
        northStar: { ...plan.northStar, knownFor: "Kind, clear product calls" },
      })
    ).json();
    expect(edited.northStar).toMatchObject({
      knownFor: "Kind, clear product calls",
      reachedOn: "2025-03-01",
    });

    const undone = await atVersion("/api/plan/north-star/reached", {
      method: "DELETE",
      cookie: user.cookie,
    });
    expect(undone.status).toBe(200);
    expect((await undone.json()).northStar.reachedOn).toBeNull();
    expect((await read(user.cookie)).northStar.reachedOn).toBeNull();
  });

  it.each([
    [{ reachedOn: "2025-02-30" }, /Enter the date/],
    [{ reachedOn: "01/03/2025" }, /Enter the date/],
    [{ reachedOn: `${year + 1}-12-31` }, /cannot be in the future/],
    [{}, /Enter the date/],
  ])("refuses a reached date that is not a real past date (%#)", async (body, message) => {
    const user = await buildUser(ctx);
    await put(user.cookie, plan);
    const response = await atVersion("/api/plan/north-star/reached", { body, cookie: user.cookie });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.field).toBe("reachedOn");
    expect(error.message).toMatch(message);
    expect((await read(user.cookie)).northStar.reachedOn).toBeNull();
  });

  it("accepts today as the reached date, and clears the date when the North Star is removed", async () => {
    const user = await buildUser(ctx);
    await put(user.cookie, plan);
    const today = todayIn("UTC");
    const reached = await atVersion("/api/plan/north-star/reached", {
      body: { reachedOn: today },
      cookie: user.cookie,
    });
    expect((await reached.json()).northStar.reachedOn).toBe(today);
    await put(user.cookie, { northStar: null, skipJob: null, nextJob: null });
    await put(user.cookie, plan);
    expect((await read(user.cookie)).northStar.reachedOn).toBeNull();
  });

  it("saves Act Three with both arcs and steps marked done, and keeps it when the reached date is undone", async () => {
    const user = await buildUser(ctx);
    await put(user.cookie, plan);
    await atVersion("/api/plan/north-star/reached", {
      body: { reachedOn: "2025-03-01" },
      cookie: user.cookie,
    });
    const response = await put(user.cookie, actThree, "/api/plan/act-three");
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(saved.actThree).toEqual({
      economics: {
        description: actThree.economics.description,
        steps: [
          { text: "Join an angel syndicate", done: true },
          { text: "Set aside 10% of each bonus", done: false },
        ],
      },
      giving: {
        description: actThree.giving.description,
        forms: ["coaching", "content"],
        steps: [{ text: "Write one essay a month", done: false }],
      },
    });
    expect(saved.northStar.role).toBe("Chief Product Officer");

    const marked = await put(
      user.cookie,
      {
        ...actThree,
        giving: { ...actThree.giving, steps: [{ text: "Write one essay a month", done: true }] },
      },
      "/api/plan/act-three",
    );
    expect((await marked.json()).actThree.giving.steps).toEqual([
      { text: "Write one essay a month", done: true },
    ]);

    await atVersion("/api/plan/north-star/reached", { method: "DELETE", cookie: user.cookie });
    expect((await read(user.cookie)).actThree.giving.steps[0].done).toBe(true);
  });

  it.each([
    [
      { ...actThree, giving: { ...actThree.giving, forms: [] } },
      "giving.forms",
      /at least one way of giving/,
    ],
    [
      { ...actThree, giving: { ...actThree.giving, forms: ["charity"] } },
      "giving.forms.0",
      /ways of giving from the list/,
    ],
    [{ ...actThree, giving: { ...actThree.giving, forms: ["content", "content"] } }, "giving.forms", /once/],
    [
      { ...actThree, economics: { ...actThree.economics, description: "" } },
      "economics.description",
      /scaled-economics/,
    ],
    [
      { ...actThree, economics: { ...actThree.economics, steps: [{ text: " " }] } },
      "economics.steps.0.text",
      /Write the step/,
    ],
    [
      { ...actThree, economics: { ...actThree.economics, steps: [{ text: "x", done: "yes" }] } },
      "economics.steps.0.done",
      /done/,
    ],
    [{ economics: actThree.economics }, "giving", /missing/],
    [{ ...actThree, arc: "three" }, undefined, /unknown field/i],
  ])("refuses a bad Act Three with the field named (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const response = await put(user.cookie, body, "/api/plan/act-three");
    expect(response.status).toBe(400);
    const { error } = await response.json();
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect((await read(user.cookie)).actThree).toBeNull();
  });

  it("keeps each member's plan to themselves", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    await put(owner.cookie, plan);
    await put(owner.cookie, actThree, "/api/plan/act-three");
    const seen = await read(other.cookie);
    expect(seen).toEqual({
      northStar: null,
      skipJob: null,
      nextJob: null,
      actThree: null,
      updatedAt: null,
      version: 0,
    });
    // Marking reached acts on the caller's own plan only.
    const reached = await atVersion("/api/plan/north-star/reached", {
      body: { reachedOn: "2025-03-01" },
      cookie: other.cookie,
    });
    expect(reached.status).toBe(409);
    expect((await read(owner.cookie)).northStar.reachedOn).toBeNull();
  });

  it("keeps a stored past year editable, and refuses a newly set past year naming the field", async () => {
    const user = await buildUser(ctx);
    // Saved last year with that year's horizon: valid then, in the past now.
    const stored = {
      northStar: { ...plan.northStar, horizonYear: year - 1 },
      skipJob: { ...plan.skipJob, targetYear: year - 1, needs: [] },
      nextJob: { role: "Group PM", targetYear: year - 2 },
    };
    await ctx.db.insert(careerPlans).values({
      userId: user.id,
      northStar: stored.northStar,
      skipJob: { role: "Head of Product", targetYear: year - 1, needs: [] },
      nextJob: stored.nextJob,
    });
    const edited = await put(user.cookie, {
      ...stored,
      northStar: { ...stored.northStar, knownFor: "Calm, clear product calls" },
    });
    expect(edited.status).toBe(200);
    expect((await edited.json()).northStar).toMatchObject({
      knownFor: "Calm, clear product calls",
      horizonYear: year - 1,
    });

    for (const [body, field] of [
      [{ ...stored, nextJob: { role: "Group PM", targetYear: year - 3 } }, "nextJob.targetYear"],
      [
        {
          ...stored,
          northStar: { ...stored.northStar, horizonYear: year - 2 },
          skipJob: null,
          nextJob: null,
        },
        "northStar.horizonYear",
      ],
    ] as const) {
      const refused = await put(user.cookie, body);
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toMatchObject({
        code: "VALIDATION",
        field,
        message: expect.stringMatching(new RegExp(`${year} or later`)),
      });
    }
    expect((await read(user.cookie)).northStar.knownFor).toBe("Calm, clear product calls");
  });

  it("never holds a reached North Star's past horizon against edits to the rest of the plan", async () => {
    const user = await buildUser(ctx);
    const northStar = { ...plan.northStar, horizonYear: year - 3 };
    await ctx.db.insert(careerPlans).values({
      userId: user.id,
      northStar,
      northStarReachedOn: `${year - 3}-06-01`,
      skipJob: { role: "Head of Product", targetYear: null, needs: [] },
      nextJob: null,
    });
    const edited = await put(user.cookie, {
      northStar: { ...northStar, horizonYear: year - 4 },
      skipJob: { role: "VP Product", needs: [{ text: "Board-level storytelling" }] },
      nextJob: null,
    });
    expect(edited.status).toBe(200);
    const saved = await edited.json();
    expect(saved.northStar).toMatchObject({ horizonYear: year - 4, reachedOn: `${year - 3}-06-01` });
    expect(saved.skipJob).toMatchObject({ role: "VP Product", needs: ["Board-level storytelling"] });
  });

  it("keeps the reached date when an edit and marking reached race", async () => {
    const user = await buildUser(ctx);
    await put(user.cookie, plan);
    for (const day of ["2025-03-01", "2025-03-02", "2025-03-03"]) {
      await atVersion("/api/plan/north-star/reached", { method: "DELETE", cookie: user.cookie });
      const [edited, reached] = await Promise.all([
        put(user.cookie, { ...plan, northStar: { ...plan.northStar, knownFor: `Edit before ${day}` } }),
        atVersion("/api/plan/north-star/reached", { body: { reachedOn: day }, cookie: user.cookie }),
      ]);
      // Both may be based on one version; then the database lets one through and the other hears 409.
      // Whatever got through is kept: the edit does not wipe the date, nor the date the edit.
      const statuses = [edited.status, reached.status];
      expect(statuses).toContain(200);
      for (const status of statuses) expect([200, 409]).toContain(status);
      const stored = (await read(user.cookie)).northStar;
      if (edited.status === 200) expect(stored.knownFor).toBe(`Edit before ${day}`);
      if (reached.status === 200) expect(stored.reachedOn).toBe(day);
    }
  });

  it("marks reached only while a North Star is stored, even when its removal races", async () => {
    const user = await buildUser(ctx);
    for (const day of ["2025-03-01", "2025-03-02", "2025-03-03"]) {
      await put(user.cookie, plan);
      const [cleared, reached] = await Promise.all([
        put(user.cookie, { northStar: null, skipJob: null, nextJob: null }),
        atVersion("/api/plan/north-star/reached", { body: { reachedOn: day }, cookie: user.cookie }),
      ]);
      expect([200, 409]).toContain(cleared.status);
      expect([200, 409]).toContain(reached.status);
      if (reached.status === 409) {
        expect((await reached.json()).error.message).toMatch(/Set your North Star|changed in another tab/);
      }
      // Once the North Star is removed, no date outlives it to reappear on the next one.
      await put(user.cookie, plan);
      if (cleared.status === 200) expect((await read(user.cookie)).northStar.reachedOn).toBeNull();
    }
  });

  it("asks someone signed out to sign in", async () => {
    for (const [path, method, body] of [
      ["/api/plan", "GET", undefined],
      ["/api/plan", "PUT", plan],
      ["/api/plan/act-three", "PUT", actThree],
      ["/api/plan/north-star/reached", "POST", { reachedOn: "2025-03-01" }],
      ["/api/plan/north-star/reached", "DELETE", undefined],
    ] as const) {
      const response = await atVersion(path, { method, body });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
