import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const ratings = { crafting: 4, market: 2, organizational: 3, domain: 2, team: 1, growth: 3 };
const valid = {
  ratings,
  evidence: { crafting: "Shipped the checkout rebuild on time with two squads." },
  domainName: "Payments",
  worldClassLane: "crafting",
};

async function save(cookie: string, body: unknown) {
  return ctx.request("/api/lanes/assessments", { method: "POST", body, cookie });
}

describe("lanes self-assessment", () => {
  it("saves an assessment and reads it back, with every lane and only the listed fields", async () => {
    const user = await buildUser(ctx);
    const empty = await (await ctx.request("/api/lanes/assessments", { cookie: user.cookie })).json();
    expect(empty).toEqual({ assessments: [] });

    const response = await save(user.cookie, valid);
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(Object.keys(saved).sort()).toEqual([
      "createdAt",
      "domainName",
      "evidence",
      "id",
      "ratings",
      "worldClassLane",
    ]);
    expect(saved.ratings).toEqual(ratings);
    expect(saved.evidence).toEqual({
      crafting: "Shipped the checkout rebuild on time with two squads.",
      market: "",
      organizational: "",
      domain: "",
      team: "",
      growth: "",
    });
    expect(saved.domainName).toBe("Payments");
    expect(saved.worldClassLane).toBe("crafting");

    const one = await ctx.request(`/api/lanes/assessments/${saved.id}`, { cookie: user.cookie });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(saved);
  });

  it("keeps every save as a new entry, newest first", async () => {
    const user = await buildUser(ctx);
    const first = await (await save(user.cookie, { ratings })).json();
    const second = await (await save(user.cookie, { ratings: { ...ratings, team: 2 } })).json();
    const third = await (await save(user.cookie, { ratings: { ...ratings, team: 3 } })).json();
    const { assessments } = await (
      await ctx.request("/api/lanes/assessments", { cookie: user.cookie })
    ).json();
    expect(assessments.map((a: { id: string }) => a.id)).toEqual([third.id, second.id, first.id]);
    expect(assessments.map((a: { ratings: { team: number } }) => a.ratings.team)).toEqual([3, 2, 1]);
    expect(first.worldClassLane).toBeNull();
    expect(first.domainName).toBe("");
  });

  it.each([
    [{ ...valid, ratings: { ...ratings, market: 6 } }, "ratings.market", /Market from 1 to 5/],
    [{ ...valid, ratings: { ...ratings, team: 0 } }, "ratings.team", /Team from 1 to 5/],
    [{ ...valid, ratings: { ...ratings, growth: 2.5 } }, "ratings.growth", /whole number/],
    [{ ...valid, ratings: { ...ratings, crafting: "4" } }, "ratings.crafting", /Crafting/],
    [
      { ...valid, ratings: { crafting: 3, market: 3, organizational: 3, domain: 3, team: 3 } },
      "ratings.growth",
      /Growth/,
    ],
    [{ ...valid, ratings: { ...ratings, design: 3 } }, "ratings", /unknown field/i],
    [{ ...valid, worldClassLane: "design" }, "worldClassLane", /world-class/],
    [{ ...valid, domainName: "x".repeat(81) }, "domainName", /80/],
    [{ ...valid, evidence: { market: "x".repeat(2001) } }, "evidence.market", /2000/],
    [{ ...valid, evidence: { team: "a\u0000b" } }, "evidence.team", /control characters/],
    [{ evidence: {} }, "ratings", /ratings/],
    [{ ...valid, userId: "someone-else" }, undefined, /unknown field/i],
  ])("refuses bad input with the field and a clear message (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const response = await save(user.cookie, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION");
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    const { assessments } = await (
      await ctx.request("/api/lanes/assessments", { cookie: user.cookie })
    ).json();
    expect(assessments).toEqual([]);
  });

  it("answers another member's assessment as not found, and leaves it out of their list", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    const saved = await (await save(owner.cookie, valid)).json();
    const response = await ctx.request(`/api/lanes/assessments/${saved.id}`, { cookie: other.cookie });
    expect(response.status).toBe(404);
    const { error } = await response.json();
    expect(error.message).toMatch(/no assessment with this id/i);
    const missing = await ctx.request("/api/lanes/assessments/no-such-id", { cookie: other.cookie });
    expect(await missing.json()).toEqual({ error });
    const list = await (await ctx.request("/api/lanes/assessments", { cookie: other.cookie })).json();
    expect(list.assessments).toEqual([]);
  });

  it("refuses an id with characters no Sidecar id uses", async () => {
    const user = await buildUser(ctx);
    const response = await ctx.request("/api/lanes/assessments/bad%20id", { cookie: user.cookie });
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("id");
  });

  it("asks someone signed out to sign in", async () => {
    const owner = await buildUser(ctx);
    const saved = await (await save(owner.cookie, valid)).json();
    for (const [path, method] of [
      ["/api/lanes/assessments", "GET"],
      ["/api/lanes/assessments", "POST"],
      [`/api/lanes/assessments/${saved.id}`, "GET"],
    ] as const) {
      const response = await ctx.request(path, { method, body: method === "POST" ? valid : undefined });
      expect(response.status).toBe(401);
    }
  });
});
