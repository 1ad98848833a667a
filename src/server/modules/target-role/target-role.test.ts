import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import type { RequestOptions } from "../../../../test/harness.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";

let ctx: TestContext;
// Changes go with the version read just before, as the pages send them; versions are tested on their own.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function setLevel(cookie: string, level: string | null) {
  const response = await atVersion("/api/profile", {
    method: "PUT",
    body: { name: "Next Stepper", level, timeZone: "Pacific/Kiritimati" },
    cookie,
  });
  expect(response.status).toBe(200);
}
async function view(cookie: string) {
  const response = await atVersion("/api/target-role", { cookie });
  expect(response.status).toBe(200);
  return response.json();
}
async function tick(cookie: string, itemId: string, checked: boolean) {
  return atVersion(`/api/target-role/checks/${itemId}`, { method: "PUT", body: { checked }, cookie });
}

type Hurdle = {
  id: string;
  checks: { id: string; checkedOn: string | null }[];
  experiences: { key: string; covered: boolean; roles: { label: string }[] }[];
  lanes: { id: string; rating: number | null }[];
};

describe("target-role gap", () => {
  it("has no step until a level is set", async () => {
    const user = await buildUser(ctx);
    expect(await view(user.cookie)).toEqual({
      level: null,
      levelLabel: null,
      nextLevel: null,
      nextLevelLabel: null,
      summary: null,
      lanesAssessedAt: null,
      hurdles: [],
    });
  });

  it("says there is no next level at CPO", async () => {
    const user = await buildUser(ctx);
    await setLevel(user.cookie, "cpo");
    const result = await view(user.cookie);
    expect(result).toMatchObject({
      level: "cpo",
      levelLabel: "Chief Product Officer",
      nextLevel: null,
      hurdles: [],
    });
  });

  it("shows the next level's hurdles with the member's own portfolio and lanes", async () => {
    const user = await buildUser(ctx);
    await setLevel(user.cookie, "senior_pm");
    await atVersion("/api/portfolio/roles", {
      method: "POST",
      body: {
        company: "Globex",
        title: "Senior PM",
        startsOn: "2021-09-01",
        stage: "fire_to_great",
        market: "business",
        vantage: "inside",
        work: ["growth"],
        peopleManaged: 0,
      },
      cookie: user.cookie,
    });
    await atVersion("/api/lanes/assessments", {
      method: "POST",
      body: { ratings: { crafting: 4, market: 2, organizational: 3, domain: 2, team: 1, growth: 3 } },
      cookie: user.cookie,
    });
    const result = await view(user.cookie);
    expect(result.nextLevel).toBe("group_pm");
    expect(result.nextLevelLabel).toBe("Group PM / product lead");
    expect(result.lanesAssessedAt).toEqual(expect.any(String));
    const [breadth, throughOthers, executives] = result.hurdles as Hurdle[];
    expect(result.hurdles.map((h: Hurdle) => h.id)).toEqual(["breadth", "through-others", "executives"]);
    expect(breadth?.experiences).toEqual([
      {
        key: "work:growth",
        label: "Growth work",
        covered: true,
        roles: [{ id: expect.any(String), label: "Senior PM at Globex" }],
      },
      { key: "work:scaling", label: "Scaling work", covered: false, roles: [] },
    ]);
    expect(breadth?.lanes).toEqual([
      { id: "market", label: "Market", rating: 2 },
      { id: "growth", label: "Growth", rating: 3 },
    ]);
    expect(throughOthers?.experiences).toEqual([
      { key: "people:managed", label: "Managing people", covered: false, roles: [] },
    ]);
    expect(throughOthers?.lanes).toEqual([{ id: "team", label: "Team", rating: 1 }]);
    expect(executives?.checks.every((c) => c.checkedOn === null)).toBe(true);
  });

  it("ticks an item with the member's own date, keeps it across a change of level, and unticks it", async () => {
    const user = await buildUser(ctx);
    await setLevel(user.cookie, "senior_pm");
    const itemId = "senior_pm.through-others.mentoring";
    const response = await tick(user.cookie, itemId, true);
    expect(response.status).toBe(200);
    // The profile's time zone (UTC+14) decides the calendar day.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date());
    expect(await response.json()).toEqual({ id: itemId, checkedOn: today, version: 1 });
    const checked = (await view(user.cookie)).hurdles
      .flatMap((h: Hurdle) => h.checks)
      .filter((c: { checkedOn: string | null }) => c.checkedOn);
    expect(checked).toEqual([
      { id: itemId, text: "Mentoring at least one PM regularly", checkedOn: today, version: 1 },
    ]);

    await tick(user.cookie, "group_pm.managers.hired", true);
    await setLevel(user.cookie, "group_pm");
    const atGroup = await view(user.cookie);
    expect(atGroup.hurdles[0].checks[0]).toMatchObject({ id: "group_pm.managers.hired", checkedOn: today });
    await setLevel(user.cookie, "senior_pm");
    const back = await view(user.cookie);
    expect(back.hurdles[1].checks[0]).toEqual({
      id: itemId,
      text: "Mentoring at least one PM regularly",
      checkedOn: today,
      version: 1,
    });

    expect((await tick(user.cookie, itemId, false)).status).toBe(200);
    const after = await view(user.cookie);
    expect(after.hurdles[1].checks[0].checkedOn).toBeNull();
  });

  it("keeps one member's ticks away from another", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    await setLevel(owner.cookie, "pm");
    await setLevel(other.cookie, "pm");
    await tick(owner.cookie, "pm.outcomes.owned-metric", true);
    const seen = await view(other.cookie);
    expect(seen.hurdles[0].checks[0]).toMatchObject({ id: "pm.outcomes.owned-metric", checkedOn: null });
  });

  it.each([
    ["senior_pm.breadth.unknown", { checked: true }, 404, undefined, /no checklist item/],
    ["Bad Id!", { checked: true }, 400, "itemId", /not valid/],
    ["senior_pm.breadth.other-work", { checked: "yes" }, 400, "checked", /true or false/],
    ["senior_pm.breadth.other-work", { checked: true, on: "2020-01-01" }, 400, undefined, /unknown field/i],
  ])("refuses a bad tick (%s)", async (itemId, body, status, field, message) => {
    const user = await buildUser(ctx);
    const response = await atVersion(`/api/target-role/checks/${encodeURIComponent(itemId)}`, {
      method: "PUT",
      body,
      cookie: user.cookie,
    });
    expect(response.status).toBe(status);
    const { error } = await response.json();
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("asks someone signed out to sign in", async () => {
    expect((await atVersion("/api/target-role")).status).toBe(401);
    const response = await atVersion("/api/target-role/checks/pm.outcomes.owned-metric", {
      method: "PUT",
      body: { checked: true },
    });
    expect(response.status).toBe(401);
  });
});
