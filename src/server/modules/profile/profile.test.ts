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

const valid = {
  name: "Ada Product",
  headline: "Senior PM, payments",
  level: "senior_pm",
  track: "ic",
  company: "Acme",
  timeZone: "Europe/Berlin",
};

describe("profile", () => {
  it("starts empty apart from the name, then saves every field", async () => {
    const user = await buildUser(ctx, { name: "Ada" });
    const empty = await atVersion("/api/profile", { cookie: user.cookie });
    expect(await empty.json()).toEqual({
      name: "Ada",
      headline: "",
      level: null,
      track: null,
      company: "",
      timeZone: null,
      version: 0,
    });
    const saved = await atVersion("/api/profile", { method: "PUT", body: valid, cookie: user.cookie });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ ...valid, version: 1 });
    const me = await (await atVersion("/api/me", { cookie: user.cookie })).json();
    expect(me.profile).toEqual({ ...valid, version: 1 });
    expect(me.user.name).toBe("Ada Product");
    expect(Object.keys(me.user).sort()).toEqual([
      "email",
      "emailVerified",
      "id",
      "name",
      "role",
      "twoFactorEnabled",
    ]);
  });

  it.each([
    [{ ...valid, name: "  " }, "name", /enter your name/i],
    [{ ...valid, level: "wizard" }, "level", /level/i],
    [{ ...valid, track: "both" }, "track", /individual contributor or manager/i],
    [{ ...valid, timeZone: "Mars/Olympus" }, "timeZone", /time zone/i],
    [{ ...valid, headline: "x".repeat(161) }, "headline", /160/],
    [{ ...valid, isAdmin: true }, undefined, /unknown field/i],
  ])("refuses bad input with the field and a clear message (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const response = await atVersion("/api/profile", { method: "PUT", body, cookie: user.cookie });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION");
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    const after = await (await atVersion("/api/profile", { cookie: user.cookie })).json();
    expect(after.company).toBe("");
  });

  it("keeps one member's profile away from another", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    await atVersion("/api/profile", {
      method: "PUT",
      body: { ...valid, company: "Secret Co" },
      cookie: owner.cookie,
    });
    const seen = await (await atVersion("/api/profile", { cookie: other.cookie })).json();
    expect(seen.company).toBe("");
  });
});
