import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import type { RequestOptions } from "../../../../test/harness.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import { todayIn } from "../../../shared/calendar-date.ts";

let ctx: TestContext;
// Changes go with the version read just before, as the pages send them; versions are tested on their own.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const today = todayIn("UTC");
const valid = {
  dilemma: "Grit it out or move on?",
  options: [
    { label: "Stay and lead the replatforming", servesSkipJob: "Proves I can lead through other leads." },
    { label: "Join the growth start-up", servesSkipJob: "Adds pre-PMF experience the skip job needs." },
  ],
  decision: "Stay one more year",
  reason: "The replatforming gives me a team of three PMs to lead.",
  decidedOn: "2025-01-15",
  revisitOn: "2025-07-15",
};

async function record(cookie: string, body: unknown) {
  return atVersion("/api/decisions", { body, cookie });
}
async function list(cookie: string) {
  return (await (await atVersion("/api/decisions", { cookie })).json()).decisions;
}

describe("decision journal", () => {
  it("reads the journal a page at a time in its reading order, and refuses a bad cursor naming it", async () => {
    const user = await buildUser(ctx);
    const entries = [
      { decidedOn: "2024-01-10", revisitOn: "2024-06-01" },
      { decidedOn: "2024-03-10", revisitOn: "2024-05-01" },
      { decidedOn: "2024-03-10", revisitOn: null },
      { decidedOn: "2025-02-01", revisitOn: "2099-01-01" },
      { decidedOn: "2023-05-05", revisitOn: null },
    ];
    for (const [i, dates] of entries.entries()) {
      const response = await record(user.cookie, { ...valid, ...dates, dilemma: `Dilemma ${i}` });
      expect(response.status).toBe(200);
    }
    const whole: { dilemma: string }[] = await list(user.cookie);
    const paged: { dilemma: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : "limit=2";
      const response = await atVersion(`/api/decisions?${query}`, { cookie: user.cookie });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { decisions: { dilemma: string }[]; nextCursor: string | null };
      paged.push(...page.decisions);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(paged.map((d) => d.dilemma)).toEqual(whole.map((d) => d.dilemma));
    expect(paged.slice(0, 2).map((d) => d.dilemma)).toEqual(["Dilemma 1", "Dilemma 0"]);

    const forged = Buffer.from(JSON.stringify([1, "", "not a day", "x", "id"])).toString("base64url");
    for (const [query, field] of [
      [`cursor=${forged}`, "cursor"],
      ["cursor=%%%", "cursor"],
      ["limit=500", "limit"],
    ] as const) {
      const response = await atVersion(`/api/decisions?${query}`, { cookie: user.cookie });
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.field, query).toBe(field);
    }
  });

  it("records a decision and reads it back with only the listed fields", async () => {
    const user = await buildUser(ctx);
    expect(await list(user.cookie)).toEqual([]);
    const response = await record(user.cookie, valid);
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(Object.keys(saved).sort()).toEqual([
      "createdAt",
      "decidedOn",
      "decision",
      "dilemma",
      "discussions",
      "dueForRevisit",
      "id",
      "options",
      "reason",
      "revisitOn",
      "revisits",
      "updatedAt",
      "version",
    ]);
    expect(saved).toMatchObject({ ...valid, dueForRevisit: true, revisits: [] });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const one = await atVersion(`/api/decisions/${saved.id}`, { cookie: user.cookie });
    expect(await one.json()).toEqual(saved);
    expect(await list(user.cookie)).toEqual([saved]);
  });

  it("lists decisions due for a revisit first, soonest due first, then the rest newest first", async () => {
    const user = await buildUser(ctx);
    const make = async (dilemma: string, decidedOn: string, revisitOn: string | null) =>
      (await (await record(user.cookie, { ...valid, dilemma, decidedOn, revisitOn })).json()).id;
    const notDue = await make("Not due yet", "2025-06-01", "2099-01-01");
    const dueLater = await make("Due recently", "2024-01-01", "2025-05-01");
    const noRevisit = await make("Never revisit", "2025-08-01", null);
    const dueToday = await make("Due today", "2024-06-01", today);
    const dueFirst = await make("Due long ago", "2023-01-01", "2023-06-01");
    const decisions = await list(user.cookie);
    expect(decisions.map((d: { id: string }) => d.id)).toEqual([
      dueFirst,
      dueLater,
      dueToday,
      noRevisit,
      notDue,
    ]);
    expect(decisions.map((d: { dueForRevisit: boolean }) => d.dueForRevisit)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("changes a decision, keeping its revisits", async () => {
    const user = await buildUser(ctx);
    const saved = await (await record(user.cookie, valid)).json();
    await atVersion(`/api/decisions/${saved.id}/revisit`, {
      body: { revisitedOn: "2025-07-20", outcome: "Leading three PMs, it was the right call." },
      cookie: user.cookie,
    });
    const changed = {
      ...valid,
      options: [...valid.options, { label: "Ask for a transfer" }],
      decision: "Stay, and ask for the platform team",
      revisitOn: "2026-01-15",
    };
    const response = await atVersion(`/api/decisions/${saved.id}`, {
      method: "PUT",
      body: changed,
      cookie: user.cookie,
    });
    expect(response.status).toBe(200);
    const updated = await response.json();
    expect(updated.options[2]).toEqual({ label: "Ask for a transfer", servesSkipJob: "" });
    expect(updated.decision).toBe("Stay, and ask for the platform team");
    expect(updated.revisitOn).toBe("2026-01-15");
    expect(updated.revisits).toHaveLength(1);
    expect(updated.createdAt).toBe(saved.createdAt);
  });

  it("revisits a decision more than once, moving or ending the revisit date", async () => {
    const user = await buildUser(ctx);
    const saved = await (await record(user.cookie, valid)).json();
    const first = await atVersion(`/api/decisions/${saved.id}/revisit`, {
      body: { revisitedOn: "2025-07-16", outcome: "Too early to tell.", nextRevisitOn: "2099-01-16" },
      cookie: user.cookie,
    });
    expect(first.status).toBe(200);
    const once = await first.json();
    expect(once.revisitOn).toBe("2099-01-16");
    expect(once.dueForRevisit).toBe(false);
    expect(once.revisits).toEqual([
      { id: expect.any(String), revisitedOn: "2025-07-16", outcome: "Too early to tell." },
    ]);

    const second = await (
      await atVersion(`/api/decisions/${saved.id}/revisit`, {
        body: { revisitedOn: "2025-09-01", outcome: "The team shipped; I got the promotion." },
        cookie: user.cookie,
      })
    ).json();
    expect(second.revisitOn).toBeNull();
    expect(second.dueForRevisit).toBe(false);
    expect(second.revisits.map((r: { outcome: string }) => r.outcome)).toEqual([
      "Too early to tell.",
      "The team shipped; I got the promotion.",
    ]);
  });

  it.each([
    [{ ...valid, options: [] }, "options", /at least two options/],
    [{ ...valid, options: [valid.options[0]] }, "options", /at least two options/],
    [{ ...valid, options: [valid.options[0], { label: " " }] }, "options.1.label", /Name this option/],
    [{ ...valid, options: "stay" }, "options", /List the options/],
    [{ ...valid, revisitOn: "2025-01-10" }, "revisitOn", /after the date you decided/],
    [{ ...valid, revisitOn: valid.decidedOn }, "revisitOn", /after the date you decided/],
    [{ ...valid, decidedOn: "2099-01-01", revisitOn: null }, "decidedOn", /cannot be in the future/],
    [{ ...valid, decidedOn: "2025-13-01" }, "decidedOn", /Enter the date you decided/],
    [{ ...valid, dilemma: "" }, "dilemma", /Write the dilemma/],
    [{ ...valid, decision: "  " }, "decision", /Write what you decided/],
    [{ ...valid, reason: "a\u0000b" }, "reason", /control characters/],
    [{ ...valid, options: [...valid.options, { label: "x", weight: 3 }] }, "options.2", /unknown field/i],
    [{ ...valid, userId: "someone-else" }, undefined, /unknown field/i],
  ])("refuses a bad decision with the field and a clear message (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const response = await record(user.cookie, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION");
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(await list(user.cookie)).toEqual([]);
  });

  it.each([
    [
      { revisitedOn: "2025-01-14", outcome: "Before I even decided" },
      "revisitedOn",
      /on or after the day you decided \(15 Jan 2025\)/,
    ],
    [{ revisitedOn: "2099-01-01", outcome: "From the future" }, "revisitedOn", /cannot be in the future/],
    [{ revisitedOn: "2025-07-01", outcome: "" }, "outcome", /how it turned out/],
    [
      { revisitedOn: "2025-07-01", outcome: "Fine", nextRevisitOn: "2025-06-01" },
      "nextRevisitOn",
      /after this revisit/,
    ],
    [{ revisitedOn: "2025-07-01", outcome: "Fine", mood: "good" }, undefined, /unknown field/i],
  ])("refuses a bad revisit with the field named (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const saved = await (await record(user.cookie, valid)).json();
    const response = await atVersion(`/api/decisions/${saved.id}/revisit`, { body, cookie: user.cookie });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    const after = await (await atVersion(`/api/decisions/${saved.id}`, { cookie: user.cookie })).json();
    expect(after.revisits).toEqual([]);
    expect(after.revisitOn).toBe(valid.revisitOn);
  });

  it("deletes a decision with its revisits", async () => {
    const user = await buildUser(ctx);
    const saved = await (await record(user.cookie, valid)).json();
    await atVersion(`/api/decisions/${saved.id}/revisit`, {
      body: { revisitedOn: "2025-07-16", outcome: "Fine." },
      cookie: user.cookie,
    });
    const response = await atVersion(`/api/decisions/${saved.id}`, {
      method: "DELETE",
      cookie: user.cookie,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: saved.id });
    expect((await atVersion(`/api/decisions/${saved.id}`, { cookie: user.cookie })).status).toBe(404);
    expect(await list(user.cookie)).toEqual([]);
  });

  it("answers another member's decision as not found for every action, and leaves it unchanged", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    const saved = await (await record(owner.cookie, valid)).json();
    const attempts = [
      atVersion(`/api/decisions/${saved.id}`, { cookie: other.cookie }),
      atVersion(`/api/decisions/${saved.id}`, {
        method: "PUT",
        body: { ...valid, decision: "Taken over" },
        cookie: other.cookie,
      }),
      atVersion(`/api/decisions/${saved.id}/revisit`, {
        body: { revisitedOn: "2025-07-16", outcome: "Not mine" },
        cookie: other.cookie,
      }),
      atVersion(`/api/decisions/${saved.id}`, { method: "DELETE", cookie: other.cookie }),
    ];
    const missing = await (await atVersion("/api/decisions/no-such-id", { cookie: other.cookie })).json();
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(missing);
    }
    expect(missing.error.message).toMatch(/no decision with this id/);
    expect(await list(other.cookie)).toEqual([]);
    const after = await (await atVersion(`/api/decisions/${saved.id}`, { cookie: owner.cookie })).json();
    expect(after).toEqual(saved);
  });

  it("refuses an id with characters no Sidecar id uses", async () => {
    const user = await buildUser(ctx);
    const response = await atVersion("/api/decisions/bad%20id", { cookie: user.cookie });
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("id");
  });

  it("asks someone signed out to sign in", async () => {
    const owner = await buildUser(ctx);
    const saved = await (await record(owner.cookie, valid)).json();
    for (const [path, method, body] of [
      ["/api/decisions", "GET", undefined],
      ["/api/decisions", "POST", valid],
      [`/api/decisions/${saved.id}`, "GET", undefined],
      [`/api/decisions/${saved.id}`, "PUT", valid],
      [`/api/decisions/${saved.id}`, "DELETE", undefined],
      [`/api/decisions/${saved.id}/revisit`, "POST", { revisitedOn: "2025-07-16", outcome: "x" }],
    ] as const) {
      const response = await atVersion(path, { method, body });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
