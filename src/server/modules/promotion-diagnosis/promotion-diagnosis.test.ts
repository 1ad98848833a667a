import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { addDays, todayIn } from "../../../shared/calendar-date.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function json(path: string, cookie: string, init: { method?: string; body?: unknown } = {}) {
  const response = await ctx.request(path, { ...init, cookie });
  return { status: response.status, body: await response.json() };
}

describe("promotion-blocker diagnosis", () => {
  it("draws on the member's own data, weighs each of the four causes, saves each run with its history", async () => {
    const ada = await buildUser(ctx);
    const today = todayIn("UTC");
    await json("/api/profile", ada.cookie, {
      method: "PUT",
      body: { name: "Ada", timeZone: "UTC", level: "senior_pm", version: 0 },
    });
    await json("/api/lanes/assessments", ada.cookie, {
      body: { ratings: { crafting: 5, market: 3, organizational: 2, domain: 3, team: 3, growth: 4 } },
    });
    await json("/api/portfolio/roles", ada.cookie, {
      body: {
        company: "Acme",
        title: "Senior PM",
        startsOn: addDays(today, -300),
        stage: "smoke_to_fire",
        market: "consumer",
        vantage: "inside",
        work: ["growth"],
        peopleManaged: 0,
      },
    });
    await json("/api/feedback/superpowers", ada.cookie, {
      method: "PUT",
      body: { superpowers: ["storyteller"], version: 0 },
    });

    const before = (await json("/api/promotion-diagnoses", ada.cookie)).body;
    expect(before.history).toEqual([]);
    expect(before.context.monthsAtLevel).toBe(9);
    const texts = (cause: string) =>
      before.context.evidence[cause].map((e: { text: string }) => e.text).join(" | ");
    expect(texts("advocate")).toMatch(/Storyteller/);
    expect(texts("no_role")).toMatch(/next level from your profile/);
    expect(texts("impatience")).toMatch(/Senior PM, Acme for 9 months/);
    expect(texts("development_area")).toMatch(/Organizational, rated 2 of 5/);
    expect(texts("development_area")).toMatch(/weak on details|shadow/i);
    expect(before.context.suggestedAreas.length).toBeGreaterThan(0);

    const run = await json("/api/promotion-diagnoses", ada.cookie, {
      body: {
        answers: {
          sponsor: "yes",
          magic: "yes",
          role_exists: "yes",
          typical_time: "no",
          bar_met: "unsure",
          heard_twice: "yes",
          working_on_it: "no",
        },
        developmentArea: "Influencing executives",
      },
    });
    expect(run.status).toBe(200);
    const verdicts = Object.fromEntries(
      run.body.causes.map((c: { cause: string; verdict: string }) => [c.cause, c.verdict]),
    );
    expect(verdicts).toEqual({
      advocate: "unlikely",
      no_role: "unlikely",
      impatience: "likely",
      development_area: "likely",
    });
    expect(run.body.summary).toMatch(/^Most likely: impatience; an unacknowledged development area/);
    const impatience = run.body.causes.find((c: { cause: string }) => c.cause === "impatience");
    expect(impatience.reasons.join(" ")).toMatch(/9 months at this level is short/);
    expect(impatience.moves[0].text).toMatch(/Working as intended looks like/);
    const area = run.body.causes.find((c: { cause: string }) => c.cause === "development_area");
    expect(
      area.moves.filter((m: { kind: string | null }) => m.kind).map((m: { text: string }) => m.text),
    ).toEqual([
      "Work on “Influencing executives”: start a tour of duty built around it.",
      "Ask for feedback on “Influencing executives” from people who see your work.",
    ]);

    const tour = await json(`/api/promotion-diagnoses/${run.body.id}/moves`, ada.cookie, {
      body: { kind: "tour" },
    });
    expect(tour.body.created).toEqual([
      expect.objectContaining({ kind: "tour", label: "Work on: Influencing executives" }),
    ]);
    const tours = (await json("/api/tours", ada.cookie)).body.tours;
    expect(tours.map((t: { title: string }) => t.title)).toEqual(["Work on: Influencing executives"]);
    const request = await json(`/api/promotion-diagnoses/${run.body.id}/moves`, ada.cookie, {
      body: { kind: "feedback_request" },
    });
    expect(request.body.created.map((c: { kind: string }) => c.kind)).toEqual(["tour", "feedback_request"]);
    const requests = (await json("/api/feedback/requests", ada.cookie)).body;
    expect(JSON.stringify(requests)).toMatch(/Influencing executives/);

    const second = await json("/api/promotion-diagnoses", ada.cookie, {
      body: { answers: { sponsor: "no", magic: "no" } },
    });
    expect(second.body.causes[0]).toMatchObject({ cause: "advocate", verdict: "likely" });
    const noArea = await json(`/api/promotion-diagnoses/${second.body.id}/moves`, ada.cookie, {
      body: { kind: "tour" },
    });
    expect(noArea.status).toBe(409);
    expect(noArea.body.error.field).toBe("developmentArea");
    const history = (await json("/api/promotion-diagnoses", ada.cookie)).body.history;
    expect(history.map((h: { id: string }) => h.id)).toEqual([second.body.id, run.body.id]);
    expect((await json(`/api/promotion-diagnoses/${run.body.id}`, ada.cookie)).body.created).toHaveLength(2);

    const bob = await buildUser(ctx);
    expect((await json(`/api/promotion-diagnoses/${run.body.id}`, bob.cookie)).status).toBe(404);
    expect(
      (await json(`/api/promotion-diagnoses/${run.body.id}/moves`, bob.cookie, { body: { kind: "tour" } }))
        .status,
    ).toBe(404);
    const bad = await json("/api/promotion-diagnoses", ada.cookie, {
      body: { answers: { sponsor: "maybe" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("answers.sponsor");
  });

  it("never rules out a development area without feedback results", async () => {
    const ada = await buildUser(ctx);
    const run = (await json("/api/promotion-diagnoses", ada.cookie, { body: {} })).body;
    const area = run.causes.find((c: { cause: string }) => c.cause === "development_area");
    expect(area.reasons.join(" ")).toMatch(/cannot be ruled out/);
    expect(run.summary.length).toBeGreaterThan(20);
  });
});
