import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { addDays, todayIn } from "../../../shared/calendar-date.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { remindSlippedCadences } from "./story.jobs.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const entry = {
  title: "Checkout rebuild at Acme",
  problem: "Checkout lost 38% of buyers at the payment step.",
  actions:
    "We rebuilt the payment step. The new flow was launched in March. I helped with various experiments.",
  skills: ["crafting", "growth"],
  headwinds: "Legal blocked the one-page design.",
  overcome: "I rewrote the consent copy with the legal lead.",
  result: "I cut drop-off from 38% to 21% in six weeks.",
};

async function json(path: string, cookie: string, init: { method?: string; body?: unknown } = {}) {
  const response = await ctx.request(path, { ...init, cookie });
  return { status: response.status, body: await response.json() };
}

describe("story entries", () => {
  it("saves an entry, flags we, passive and vague sentences with reasons and rewrites, and keeps it private", async () => {
    const ada = await buildUser(ctx);
    const bob = await buildUser(ctx);
    expect((await json("/api/story/entries", ada.cookie)).body).toEqual({ entries: [] });
    const created = await json("/api/story/entries", ada.cookie, { body: entry });
    expect(created.status).toBe(200);
    const saved = created.body;
    expect(saved).toMatchObject({ ...entry, portfolioRole: null, version: 1 });
    const byKind = (kind: string) => saved.flags.filter((f: { kind: string }) => f.kind === kind);
    expect(byKind("we")).toEqual([
      expect.objectContaining({
        field: "actions",
        sentence: "We rebuilt the payment step.",
        suggestion: "I rebuilt the payment step.",
      }),
    ]);
    expect(byKind("passive")).toEqual([
      expect.objectContaining({ field: "actions", suggestion: "I launched the new flow in March." }),
    ]);
    expect(byKind("vague")[0]).toMatchObject({
      field: "actions",
      sentence: "I helped with various experiments.",
    });
    expect(saved.flags.some((f: { field: string }) => f.field === "result")).toBe(false);

    expect((await json(`/api/story/entries/${saved.id}`, bob.cookie)).status).toBe(404);
    expect((await json(`/api/story/entries/${saved.id}`, bob.cookie, { method: "DELETE" })).status).toBe(404);
    expect((await json("/api/story/entries", bob.cookie)).body.entries).toEqual([]);
    expect((await ctx.request("/api/story/entries")).status).toBe(401);
  });

  it("links an entry to one of the member's own roles only, and refuses a stale write with 409", async () => {
    const ada = await buildUser(ctx);
    const bob = await buildUser(ctx);
    const role = {
      company: "Acme",
      title: "Senior PM",
      startsOn: "2022-01-01",
      stage: "smoke_to_fire",
      market: "consumer",
      vantage: "inside",
      work: ["growth"],
      peopleManaged: 0,
    };
    const mine = (await json("/api/portfolio/roles", ada.cookie, { body: role })).body;
    const theirs = (await json("/api/portfolio/roles", bob.cookie, { body: role })).body;
    const refused = await json("/api/story/entries", ada.cookie, {
      body: { ...entry, portfolioRoleId: theirs.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe("portfolioRoleId");
    const linked = (
      await json("/api/story/entries", ada.cookie, { body: { ...entry, portfolioRoleId: mine.id } })
    ).body;
    expect(linked.portfolioRole).toEqual({ id: mine.id, label: "Senior PM, Acme" });

    const put = (version: number, title: string) =>
      json(`/api/story/entries/${linked.id}`, ada.cookie, {
        method: "PUT",
        body: { ...entry, title, version },
      });
    expect((await put(1, "First edit")).body).toMatchObject({ title: "First edit", version: 2 });
    const stale = await put(1, "From another tab");
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe("version");
    const missing = await json("/api/story/entries", ada.cookie, { body: { ...entry, actions: "" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe("actions");
  });

  it("checks any text without storing it", async () => {
    const ada = await buildUser(ctx);
    const { body } = await json("/api/story/writing-check", ada.cookie, {
      body: { text: "Our team shipped it. The roadmap was approved." },
    });
    expect(body.flags.map((f: { kind: string }) => f.kind)).toEqual(["we", "passive"]);
  });
});

describe("press release", () => {
  it("drafts from the entries and skip job, saves with versions, and exports Markdown", async () => {
    const ada = await buildUser(ctx, { name: "Ada Lovelace" });
    await json("/api/plan", ada.cookie, {
      method: "PUT",
      body: { northStar: null, skipJob: { role: "VP Product" }, nextJob: null, version: 0 },
    });
    const first = (await json("/api/story/entries", ada.cookie, { body: entry })).body;
    const empty = (await json("/api/story/press-release", ada.cookie)).body;
    expect(empty).toMatchObject({ saved: false, version: 0, skipJob: "VP Product" });
    expect(empty.draft.headline).toBe(entry.title);
    expect(empty.draft.problem).toBe(entry.problem);
    expect(empty.draft.whatIDid).toContain("I cut drop-off");

    const release = {
      headline: "Ada turns a leaking checkout into a growth engine",
      subhead: "",
      problem: "",
      whatIDid: "I rebuilt the payment step and cut drop-off from 38% to 21%.",
      quote: "Ada found the money we were leaving on the table.",
      quoteBy: "CFO, Acme",
      whatsNext: "",
      entryIds: [first.id],
    };
    const saved = await json("/api/story/press-release", ada.cookie, {
      method: "PUT",
      body: { ...release, version: 0 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...release, saved: true, version: 1 });
    const again = await json("/api/story/press-release", ada.cookie, {
      method: "PUT",
      body: { ...release, version: 0 },
    });
    expect(again.status).toBe(409);
    const foreign = await json("/api/story/press-release", ada.cookie, {
      method: "PUT",
      body: { ...release, entryIds: ["not-mine"], version: 1 },
    });
    expect(foreign.body.error.field).toBe("entryIds.0");

    const { body } = await json("/api/story/press-release/markdown", ada.cookie);
    expect(body.filename).toBe("press-release.md");
    expect(body.markdown).toContain("# Ada turns a leaking checkout into a growth engine");
    expect(body.markdown).toContain("By Ada Lovelace");
    expect(body.markdown).toContain("## The problem\n\nCheckout lost 38%");
    expect(body.markdown).toContain("> Ada found the money");
    expect(body.markdown).toContain("> — CFO, Acme");
    expect(body.markdown).toContain("## What's next\n\nNext: VP Product.");
  });
});

describe("thought leadership", () => {
  it("logs posts and talks, tracks the cadence, and reminds once when it slips", async () => {
    const ada = await buildUser(ctx);
    const today = todayIn("UTC");
    const log = (await json("/api/story/thought-leadership", ada.cookie)).body;
    expect(log).toMatchObject({ items: [], cadenceVersion: 0, progress: { cadence: null, slipped: false } });
    const talk = {
      kind: "talk",
      title: "Pricing experiments",
      venue: "ProductCon",
      link: "https://example.com/talk",
      happenedOn: addDays(today, -3),
    };
    const logged = (await json("/api/story/thought-leadership", ada.cookie, { body: talk })).body;
    expect(logged.items).toEqual([expect.objectContaining({ ...talk, version: 1 })]);
    const badLink = await json("/api/story/thought-leadership", ada.cookie, {
      body: { ...talk, link: "javascript:alert(1)" },
    });
    expect(badLink.body.error.field).toBe("link");

    const set = (
      await json("/api/story/thought-leadership-cadence", ada.cookie, {
        method: "PUT",
        body: { cadence: "monthly", version: 0 },
      })
    ).body;
    expect(set.progress).toMatchObject({ cadence: "monthly", slipped: false, inLast90Days: 1 });
    expect(set.progress.nextDueOn).toBe(addDays(today, 31));
    expect(set.progress.summary).toMatch(/On track/);

    const count = async () =>
      (await ctx.db.select().from(notifications).where(eq(notifications.userId, ada.id))).filter(
        (n) => n.kind === "thought_leadership_slipped",
      ).length;
    await remindSlippedCadences(ctx, new Date(`${addDays(today, 20)}T12:00:00Z`));
    expect(await count()).toBe(0);
    const late = new Date(`${addDays(today, 32)}T12:00:00Z`);
    await remindSlippedCadences(ctx, late);
    expect(await count()).toBe(1);
    await remindSlippedCadences(ctx, new Date(late.getTime() + 3600_000));
    expect(await count()).toBe(1);
    const [note] = await ctx.db.select().from(notifications).where(eq(notifications.userId, ada.id));
    expect(note).toMatchObject({
      title: "Your thought-leadership cadence slipped",
      link: "/story/thought-leadership",
    });

    // Two ticks at once (two app processes) still remind once: the conditional mark lets one through.
    const later = new Date(`${addDays(today, 70)}T12:00:00Z`);
    // A new cadence starts afresh, so its slip is a new one.
    await json("/api/story/thought-leadership-cadence", ada.cookie, {
      method: "PUT",
      body: { cadence: "weekly", version: set.cadenceVersion },
    });
    await Promise.all([
      remindSlippedCadences(ctx, later),
      remindSlippedCadences(ctx, later),
      remindSlippedCadences(ctx, later),
    ]);
    expect(await count()).toBe(2);

    const item = logged.items[0];
    const edited = await json(`/api/story/thought-leadership/${item.id}`, ada.cookie, {
      method: "PUT",
      body: { ...talk, title: "Pricing experiments, revisited", version: 1 },
    });
    expect(edited.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({
      title: "Pricing experiments, revisited",
      version: 2,
    });
    const bob = await buildUser(ctx);
    expect(
      (await json(`/api/story/thought-leadership/${item.id}`, bob.cookie, { method: "DELETE" })).status,
    ).toBe(404);
    expect(
      (await json(`/api/story/thought-leadership/${item.id}`, ada.cookie, { method: "DELETE" })).body.items,
    ).toEqual([]);
  });
});
