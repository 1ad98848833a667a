import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { equityScenarios, healthVerdict } from "../../../shared/health-check.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function json(path: string, cookie: string, init: { method?: string; body?: unknown } = {}) {
  const response = await ctx.request(path, { ...init, cookie });
  return { status: response.status, body: await response.json() };
}

const equity = {
  shares: 10_000,
  strikePrice: 2,
  fullyDilutedShares: 10_000_000,
  preferences: [
    { name: "Series A", amount: 20_000_000 },
    { name: "Series B", amount: 80_000_000 },
  ],
  exitValues: [50_000_000, 100_000_000, 500_000_000],
};

describe("equity scenarios", () => {
  it("pays the preference stack first, then common pro rata, less the exercise cost", () => {
    expect(equityScenarios(equity)).toEqual([
      { exitValue: 50_000_000, preferences: 50_000_000, toCommon: 0, grantValue: 0 },
      { exitValue: 100_000_000, preferences: 100_000_000, toCommon: 0, grantValue: 0 },
      { exitValue: 500_000_000, preferences: 100_000_000, toCommon: 400_000_000, grantValue: 380_000 },
    ]);
  });

  it("names fear as no reason to stay, and says when too little is known", () => {
    const base = { subject: "employer" as const, equity: null };
    const unknown = healthVerdict({
      ...base,
      signs: {
        valuation: "unknown",
        pull: "unknown",
        growth: "slowing",
        funding: "unknown",
        layoffs: "unknown",
      },
      reasons: { roleElsewhere: false, loyalty: false, fearOfSearch: false, notes: "" },
    });
    expect(unknown.headline).toMatch(/Not enough known yet/);
    const feared = healthVerdict({
      ...base,
      signs: {
        valuation: "ahead",
        pull: "paid",
        growth: "shrinking",
        funding: "freeze",
        layoffs: "repeated",
      },
      reasons: { roleElsewhere: false, loyalty: false, fearOfSearch: true, notes: "" },
    });
    expect(feared.headline).toBe(
      "This looks like an ex-growth company: plan your move. Fear is the only thing keeping you.",
    );
    expect(feared.reasons.join(" ")).toMatch(/Fear of not finding another job is not a reason to stay/);
  });
});

describe("company health check", () => {
  it("saves a check with its verdict and scenarios, links one of the member's decisions, and keeps it private", async () => {
    const ada = await buildUser(ctx);
    const bob = await buildUser(ctx);
    const decision = (
      await json("/api/decisions", ada.cookie, {
        body: {
          dilemma: "Stay or go?",
          options: [{ label: "Stay" }, { label: "Go" }],
          decision: "Undecided",
          decidedOn: "2025-01-01",
        },
      })
    ).body;
    const theirs = (
      await json("/api/decisions", bob.cookie, {
        body: {
          dilemma: "Bob's",
          options: [{ label: "A" }, { label: "B" }],
          decision: "A",
          decidedOn: "2025-01-01",
        },
      })
    ).body;
    const input = {
      company: "Acme",
      subject: "employer",
      signs: { valuation: "ahead", pull: "paid", growth: "slowing", funding: "flat", layoffs: "one" },
      equity,
      reasons: { roleElsewhere: false, loyalty: true, fearOfSearch: true, notes: "" },
      decisionId: decision.id,
    };
    const created = await json("/api/health-checks", ada.cookie, { body: input });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      company: "Acme",
      decision: { id: decision.id, dilemma: "Stay or go?" },
      version: 1,
    });
    expect(created.body.verdict).toMatchObject({
      headline: "This looks like an ex-growth company: plan your move.",
      exGrowthSigns: 3,
      knownSigns: 5,
    });
    expect(created.body.verdict.reasons.join(" ")).toMatch(/\$380K at a \$500M exit/);
    expect(created.body.scenarios).toHaveLength(3);

    const foreign = await json("/api/health-checks", ada.cookie, {
      body: { ...input, decisionId: theirs.id },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe("decisionId");
    const badEquity = await json("/api/health-checks", ada.cookie, {
      body: { ...input, equity: { ...equity, exitValues: [] } },
    });
    expect(badEquity.body.error.field).toBe("equity.exitValues");

    const id = created.body.id;
    const offer = await json(`/api/health-checks/${id}`, ada.cookie, {
      method: "PUT",
      body: { ...input, subject: "offer", signs: { growth: "accelerating", pull: "organic" }, version: 1 },
    });
    expect(offer.body.verdict.headline).toBe("Growing: a good bet on these signs.");
    const stale = await json(`/api/health-checks/${id}`, ada.cookie, {
      method: "PUT",
      body: { ...input, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await json(`/api/health-checks/${id}`, bob.cookie)).status).toBe(404);
    expect((await json("/api/health-checks", bob.cookie)).body.checks).toEqual([]);

    await json(`/api/decisions/${decision.id}`, ada.cookie, { method: "DELETE" });
    expect((await json(`/api/health-checks/${id}`, ada.cookie)).body.decision).toBeNull();
    expect((await json(`/api/health-checks/${id}`, ada.cookie, { method: "DELETE" })).body).toEqual({ id });
  });
});
