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

const earlier = {
  company: "Acme",
  title: "Product manager",
  startsOn: "2019-03-01",
  endsOn: "2021-08-31",
  stage: "smoke_to_fire",
  market: "consumer",
  vantage: "inside",
  work: ["feature"],
  peopleManaged: 0,
  wellKnownLogo: false,
  notes: "Checkout and onboarding.",
};
const current = {
  company: "Globex",
  title: "Senior PM",
  startsOn: "2021-09-01",
  endsOn: null,
  stage: "fire_to_great",
  market: "business",
  vantage: "outside",
  work: ["scaling", "growth"],
  peopleManaged: 2,
  wellKnownLogo: true,
};

async function add(cookie: string, body: unknown) {
  return atVersion("/api/portfolio/roles", { method: "POST", body, cookie });
}
async function listRoles(cookie: string) {
  return (await (await atVersion("/api/portfolio/roles", { cookie })).json()).roles;
}

describe("experience portfolio roles", () => {
  it("adds roles and lists them current first, with only the listed fields", async () => {
    const user = await buildUser(ctx);
    expect(await listRoles(user.cookie)).toEqual([]);
    const first = await add(user.cookie, earlier);
    expect(first.status).toBe(200);
    const saved = await first.json();
    expect(Object.keys(saved).sort()).toEqual([
      "company",
      "endsOn",
      "experiences",
      "id",
      "market",
      "notes",
      "peopleManaged",
      "stage",
      "startsOn",
      "title",
      "vantage",
      "version",
      "wellKnownLogo",
      "work",
    ]);
    expect(saved).toMatchObject(earlier);
    expect(saved.experiences).toEqual([
      "stage:smoke_to_fire",
      "market:consumer",
      "vantage:inside",
      "work:feature",
    ]);
    const second = await (await add(user.cookie, current)).json();
    expect(second.notes).toBe("");
    expect(second.endsOn).toBeNull();
    expect(second.experiences).toEqual([
      "stage:fire_to_great",
      "market:business",
      "vantage:outside",
      "work:growth",
      "work:scaling",
      "people:managed",
      "logo:well_known",
    ]);
    const roles = await listRoles(user.cookie);
    expect(roles.map((r: { company: string }) => r.company)).toEqual(["Globex", "Acme"]);
    const one = await atVersion(`/api/portfolio/roles/${saved.id}`, { cookie: user.cookie });
    expect(await one.json()).toEqual(saved);
  });

  it("edits a role, replacing every field, and deletes it", async () => {
    const user = await buildUser(ctx);
    const saved = await (await add(user.cookie, earlier)).json();
    const edited = await atVersion(`/api/portfolio/roles/${saved.id}`, {
      method: "PUT",
      body: { ...earlier, endsOn: null, work: ["growth"], notes: "" },
      cookie: user.cookie,
    });
    expect(edited.status).toBe(200);
    const after = await edited.json();
    expect(after).toMatchObject({ id: saved.id, endsOn: null, work: ["growth"], notes: "" });
    expect(await listRoles(user.cookie)).toEqual([after]);

    const deleted = await atVersion(`/api/portfolio/roles/${saved.id}`, {
      method: "DELETE",
      cookie: user.cookie,
    });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: true });
    expect(await listRoles(user.cookie)).toEqual([]);
    const again = await atVersion(`/api/portfolio/roles/${saved.id}`, {
      method: "DELETE",
      cookie: user.cookie,
    });
    expect(again.status).toBe(404);
  });

  it.each([
    [{ ...earlier, endsOn: "2018-12-31" }, "endsOn", /end date is before the start date/],
    [{ ...earlier, stage: "unicorn" }, "stage", /company's stage/],
    [{ ...earlier, peopleManaged: -1 }, "peopleManaged", /cannot be negative/],
    [{ ...earlier, peopleManaged: 1.5 }, "peopleManaged", /whole number/],
    [{ ...earlier, startsOn: "2021-02-30" }, "startsOn", /date you started/],
    [{ ...earlier, startsOn: "yesterday" }, "startsOn", /date you started/],
    [{ ...earlier, market: "government" }, "market", /consumer or business-to-business/],
    [{ ...earlier, vantage: "roof" }, "vantage", /inside or outside/],
    [{ ...earlier, work: [] }, "work", /at least one kind of work/],
    [{ ...earlier, work: ["growth", "growth"] }, "work", /each kind of work once/],
    [{ ...earlier, work: ["research"] }, "work.0", /feature, growth and scaling/],
    [{ ...earlier, company: "  " }, "company", /company's name/],
    [{ ...earlier, title: "x".repeat(121) }, "title", /120/],
    [{ ...earlier, notes: "a\u0000b" }, "notes", /control characters/],
    [{ ...earlier, userId: "someone-else" }, undefined, /unknown field/i],
  ])("refuses bad input with the field and a clear message (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const response = await add(user.cookie, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION");
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(await listRoles(user.cookie)).toEqual([]);
  });

  it("refuses an edit that puts the dates out of order, and keeps the role as it was", async () => {
    const user = await buildUser(ctx);
    const saved = await (await add(user.cookie, earlier)).json();
    const response = await atVersion(`/api/portfolio/roles/${saved.id}`, {
      method: "PUT",
      body: { ...earlier, startsOn: "2022-01-01" },
      cookie: user.cookie,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("endsOn");
    expect(await listRoles(user.cookie)).toEqual([saved]);
  });

  it("answers another member's role as not found for reading, editing and deleting", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    const saved = await (await add(owner.cookie, earlier)).json();
    const path = `/api/portfolio/roles/${saved.id}`;
    const missing = await (
      await atVersion("/api/portfolio/roles/no-such-id", { cookie: other.cookie })
    ).json();
    for (const [method, body] of [
      ["GET", undefined],
      ["PUT", { ...earlier, company: "Taken over" }],
      ["DELETE", undefined],
    ] as const) {
      const response = await atVersion(path, { method, body, cookie: other.cookie });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(missing);
    }
    expect(missing.error.message).toMatch(/no role with this id/i);
    expect(await listRoles(other.cookie)).toEqual([]);
    expect(await listRoles(owner.cookie)).toEqual([saved]);
    const coverage = await (await atVersion("/api/portfolio/coverage", { cookie: other.cookie })).json();
    expect(coverage.coveredCount).toBe(0);
  });

  it("refuses an id with characters no Sidecar id uses", async () => {
    const user = await buildUser(ctx);
    const response = await atVersion("/api/portfolio/roles/bad%20id", { cookie: user.cookie });
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("id");
  });

  it("asks someone signed out to sign in", async () => {
    for (const [path, method, body] of [
      ["/api/portfolio/roles", "GET", undefined],
      ["/api/portfolio/roles", "POST", earlier],
      ["/api/portfolio/roles/some-id", "GET", undefined],
      ["/api/portfolio/roles/some-id", "PUT", earlier],
      ["/api/portfolio/roles/some-id", "DELETE", undefined],
      ["/api/portfolio/coverage", "GET", undefined],
    ] as const) {
      const response = await atVersion(path, { method, body });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe("portfolio coverage over HTTP", () => {
  it("shows covered cells with their roles and gaps ordered for the member's next level", async () => {
    const user = await buildUser(ctx);
    await atVersion("/api/profile", {
      method: "PUT",
      body: { name: "Gap Finder", level: "senior_pm", timeZone: "UTC" },
      cookie: user.cookie,
    });
    const acme = await (await add(user.cookie, earlier)).json();
    await add(user.cookie, { ...current, work: ["scaling"], peopleManaged: 0 });
    const response = await atVersion("/api/portfolio/coverage", { cookie: user.cookie });
    expect(response.status).toBe(200);
    const coverage = await response.json();
    expect(coverage.coveredCount).toBe(5);
    expect(coverage.totalCount).toBe(15);
    const stageWork = coverage.grids[0];
    expect(
      stageWork.cells.find(
        (c: { row: string; column: string }) =>
          c.row === "stage:smoke_to_fire" && c.column === "work:feature",
      ),
    ).toEqual({
      row: "stage:smoke_to_fire",
      column: "work:feature",
      covered: true,
      roles: [{ id: acme.id, label: "Product manager at Acme" }],
    });
    // Senior PM to product lead asks for growth, scaling and managing people; then what they hold counts.
    expect(coverage.gaps.slice(0, 4).map((g: { id: string }) => g.id)).toEqual([
      "stage:smoke_to_fire+work:scaling",
      "stage:pre_pmf+work:scaling",
      "stage:smoke_to_fire+work:growth",
      "stage:fire_to_great+work:growth",
    ]);
    expect(coverage.gaps[0].reason).toBe("The step to Group PM / product lead asks for this: Scaling work.");
    expect(coverage.gaps.map((g: { id: string }) => g.id)).toContain("people:managed");
  });
});
