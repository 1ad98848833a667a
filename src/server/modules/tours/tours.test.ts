import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltUser, buildUser } from "../../../../test/factories.ts";
import type { RequestOptions } from "../../../../test/harness.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import { addDays, todayIn } from "../../../shared/calendar-date.ts";
import { defaultPageSize } from "../../../shared/page.ts";
import { suggestTourTitle } from "../../../shared/tours.ts";

let ctx: TestContext;
// Changes go with the version read just before, as the pages send them; versions are tested on their own.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const valid = {
  title: "Grow self-serve revenue",
  mission: "Take self-serve from 10% to 30% of new revenue and learn to run a growth team.",
  startsOn: "2030-01-01",
  endsOn: "2030-12-31",
  renegotiateOn: "2030-10-01",
  lanes: ["growth", "team"],
  experiences: ["work:growth", "people:managed"],
};

// Over already, so any day inside it may be given as the day it ended early.
const past = { ...valid, startsOn: "2020-01-01", endsOn: "2020-12-31", renegotiateOn: "2020-10-01" };

type Tour = {
  id: string;
  position: number;
  title: string;
  status: string;
  endedOn: string | null;
  endReason: string | null;
  warnings: { code: string; message: string; tourId?: string }[];
  milestones: { id: string; title: string; dueOn: string; status: string; doneOn: string | null }[];
};

async function call(user: BuiltUser, path: string, method = "GET", body?: unknown) {
  return atVersion(path, { method, body, cookie: user.cookie });
}

async function create(user: BuiltUser, body: unknown = valid): Promise<Tour> {
  const response = await call(user, "/api/tours", "POST", body);
  expect(response.status).toBe(200);
  return response.json();
}

async function list(user: BuiltUser): Promise<Tour[]> {
  return (await (await call(user, "/api/tours")).json()).tours;
}

describe("tours of duty", () => {
  it("creates a tour and reads it back with only the listed fields", async () => {
    const user = await buildUser(ctx);
    expect(await list(user)).toEqual([]);
    const saved = await create(user);
    expect(Object.keys(saved).sort()).toEqual([
      "endReason",
      "endedOn",
      "endsOn",
      "experiences",
      "id",
      "lanes",
      "milestones",
      "mission",
      "position",
      "renegotiateOn",
      "startsOn",
      "status",
      "title",
      "version",
      "warnings",
    ]);
    expect(saved).toMatchObject({
      ...valid,
      position: 1,
      status: "planned",
      endedOn: null,
      endReason: null,
      milestones: [],
      warnings: [],
    });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const one = await call(user, `/api/tours/${saved.id}`);
    expect(await one.json()).toEqual(saved);
    expect(await list(user)).toEqual([saved]);
  });

  it("derives the status from the dates: completed, active and planned", async () => {
    const user = await buildUser(ctx);
    const past = await create(user, {
      ...valid,
      startsOn: "2020-01-01",
      endsOn: "2020-12-31",
      renegotiateOn: null,
    });
    const now = new Date();
    const start = `${now.getUTCFullYear() - 1}-06-01`;
    const end = `${now.getUTCFullYear() + 1}-06-01`;
    const current = await create(user, { ...valid, startsOn: start, endsOn: end, renegotiateOn: null });
    const future = await create(user, {
      ...valid,
      startsOn: "2090-01-01",
      endsOn: "2090-12-31",
      renegotiateOn: null,
    });
    expect([past.status, current.status, future.status]).toEqual(["completed", "active", "planned"]);
    expect((await list(user)).map((t) => t.position)).toEqual([1, 2, 3]);
  });

  it("edits a tour and returns fresh warnings", async () => {
    const user = await buildUser(ctx);
    const saved = await create(user);
    const response = await call(user, `/api/tours/${saved.id}`, "PUT", {
      ...valid,
      title: "Grow self-serve, then hand over",
      endsOn: "2030-11-30",
      renegotiateOn: null,
      lanes: ["growth"],
    });
    expect(response.status).toBe(200);
    const edited = await response.json();
    expect(edited).toMatchObject({
      id: saved.id,
      title: "Grow self-serve, then hand over",
      endsOn: "2030-11-30",
      renegotiateOn: null,
      lanes: ["growth"],
    });
    expect(edited.warnings.map((w: { code: string }) => w.code)).toEqual(["too_short"]);
    expect(edited.warnings[0].message).toMatch(/about 11 months long/);
  });

  it.each([
    ["11 months", "2030-01-01", "2030-11-30", ["too_short"], /about 11 months/],
    ["19 months", "2030-01-01", "2031-07-31", ["too_long"], /about 19 months/],
    ["12 months", "2030-01-01", "2030-12-31", [], null],
    ["18 months", "2030-01-01", "2031-06-30", [], null],
  ])(
    "warns about a tour of %s, and saves it all the same",
    async (_label, startsOn, endsOn, codes, message) => {
      const user = await buildUser(ctx);
      const saved = await create(user, { ...valid, startsOn, endsOn, renegotiateOn: null });
      expect(saved.warnings.map((w) => w.code)).toEqual(codes);
      if (message) expect(saved.warnings[0]?.message).toMatch(message);
      expect(await list(user)).toHaveLength(1);
    },
  );

  it("warns about overlapping tours on both of them, naming the other one", async () => {
    const user = await buildUser(ctx);
    const first = await create(user, { ...valid, title: "Payments platform" });
    const second = await create(user, {
      ...valid,
      title: "Marketplace launch",
      startsOn: "2030-09-01",
      endsOn: "2031-08-31",
      renegotiateOn: null,
    });
    expect(second.warnings).toEqual([
      {
        code: "overlap",
        tourId: first.id,
        message: "Overlaps “Payments platform” (1 Jan 2030 – 31 Dec 2030).",
      },
    ]);
    const [listedFirst] = await list(user);
    expect(listedFirst?.warnings).toEqual([
      { code: "overlap", tourId: second.id, message: expect.stringMatching(/Marketplace launch/) },
    ]);
    // A tour starting the day the last one ends follows it; it does not overlap.
    const third = await create(user, {
      ...valid,
      title: "Next",
      startsOn: "2031-08-31",
      endsOn: "2032-08-30",
      renegotiateOn: null,
    });
    expect(third.warnings).toEqual([]);
  });

  it.each([
    [{ ...valid, endsOn: "2029-12-01" }, "endsOn", /End the tour after it starts/],
    [{ ...valid, endsOn: valid.startsOn }, "endsOn", /End the tour after it starts/],
    [
      { ...valid, renegotiateOn: "2031-02-01" },
      "renegotiateOn",
      /within the tour, between 1 Jan 2030 and 31 Dec 2030/,
    ],
    [{ ...valid, renegotiateOn: "2029-12-31" }, "renegotiateOn", /within the tour/],
    [{ ...valid, lanes: ["design"] }, "lanes.0", /six lanes/],
    [{ ...valid, lanes: ["growth", "growth"] }, "lanes", /each lane once/],
    [{ ...valid, experiences: ["stage:seed"] }, "experiences.0", /experiences from the list/],
    [{ ...valid, experiences: "work:growth" }, "experiences", /experiences from the list/],
    [{ ...valid, startsOn: "2030-02-30" }, "startsOn", /start date/],
    [{ ...valid, startsOn: "1 Jan 2030" }, "startsOn", /start date/],
    [{ ...valid, startsOn: "1850-01-01" }, "startsOn", /between 1900 and 2199/],
    [{ ...valid, title: "  " }, "title", /title/],
    [{ ...valid, mission: "" }, "mission", /mission/],
    [{ ...valid, mission: "x".repeat(1001) }, "mission", /1000/],
    [{ ...valid, userId: "someone-else" }, undefined, /unknown field/i],
  ])("refuses bad input with the field and a clear message (%#)", async (body, field, message) => {
    const user = await buildUser(ctx);
    const response = await call(user, "/api/tours", "POST", body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION");
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(await list(user)).toEqual([]);
  });

  it("reorders tours in one go, and refuses a list that does not match", async () => {
    const user = await buildUser(ctx);
    const a = await create(user, { ...valid, title: "A" });
    const b = await create(user, { ...valid, title: "B" });
    const c = await create(user, { ...valid, title: "C" });
    const response = await call(user, "/api/tours/order", "PUT", { ids: [c.id, a.id, b.id] });
    expect(response.status).toBe(200);
    const { tours } = await response.json();
    expect(tours.map((t: Tour) => [t.title, t.position])).toEqual([
      ["C", 1],
      ["A", 2],
      ["B", 3],
    ]);
    expect((await list(user)).map((t) => t.title)).toEqual(["C", "A", "B"]);

    const other = await buildUser(ctx);
    const theirs = await create(other);
    for (const ids of [
      [c.id, a.id],
      [c.id, a.id, b.id, b.id],
      [c.id, a.id, theirs.id],
      [c.id, a.id, b.id, theirs.id],
    ]) {
      const refused = await call(user, "/api/tours/order", "PUT", { ids });
      expect(refused.status).toBe(400);
      const { error } = await refused.json();
      expect(error).toMatchObject({ code: "VALIDATION", field: "ids" });
      expect(error.message).toMatch(/every one of your 3 tours exactly once/);
    }
    expect((await list(user)).map((t) => t.title)).toEqual(["C", "A", "B"]);
    expect((await list(other)).map((t) => t.position)).toEqual([1]);
  });

  it("reads tours a page at a time, in order, with each page's milestones and overlap warnings", async () => {
    const user = await buildUser(ctx);
    const made: Tour[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await create(user, {
          ...valid,
          renegotiateOn: undefined,
          title: `Tour ${i}`,
          startsOn: `203${i}-01-01`,
          endsOn: i === 0 ? "2034-06-30" : `203${i}-12-31`,
        }),
      );
    }
    const milestone = await call(user, `/api/tours/${made[3]?.id}/milestones`, "POST", {
      title: "First hire",
      dueOn: "2033-06-30",
    });
    expect(milestone.status).toBe(200);
    const seen: Tour[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : "limit=2";
      const response = await call(user, `/api/tours?${query}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { tours: Tour[]; nextCursor: string | null; version: number };
      expect(page.tours.length).toBeLessThanOrEqual(2);
      expect(page.version).toBeGreaterThan(0);
      seen.push(...page.tours);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((t) => t.title)).toEqual(["Tour 0", "Tour 1", "Tour 2", "Tour 3", "Tour 4"]);
    expect(seen[3]?.milestones.map((m) => m.title)).toEqual(["First hire"]);
    // Tour 4 overlaps Tour 0, which is on another page.
    expect(seen[4]?.warnings.map((w) => w.tourId)).toContain(made[0]?.id);
    // Without limit, the first page of the default size: here all five, saying no page follows.
    const whole = await (await call(user, "/api/tours")).json();
    expect(whole.tours).toHaveLength(5);
    expect(whole.nextCursor).toBeNull();
  });

  it("reads 50 tours a page unless asked otherwise", async () => {
    const user = await buildUser(ctx);
    for (let i = 0; i < defaultPageSize + 1; i++) await create(user, { ...valid, title: `Tour ${i}` });
    const first = await (await call(user, "/api/tours")).json();
    expect(first.tours).toHaveLength(defaultPageSize);
    expect(first.tours.at(-1).position).toBe(defaultPageSize);
    const next = await (await call(user, `/api/tours?cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(next.tours.map((t: Tour) => t.title)).toEqual([`Tour ${defaultPageSize}`]);
    expect(next.nextCursor).toBeNull();
  });

  it("moves one tour before or after another, or to a position, answering the order's new version", async () => {
    const user = await buildUser(ctx);
    const a = await create(user, { ...valid, title: "A" });
    const b = await create(user, { ...valid, title: "B" });
    const c = await create(user, { ...valid, title: "C" });
    const d = await create(user, { ...valid, title: "D" });
    const order = async () => (await list(user)).map((t) => `${t.position}${t.title}`).join(" ");
    const move = async (tour: Tour, body: object) => {
      const { version } = await (await call(user, "/api/tours")).json();
      const response = await call(user, `/api/tours/${tour.id}/move`, "POST", { ...body, version });
      expect(response.status).toBe(200);
      const moved = await response.json();
      expect(moved.version).toBe(version + 1);
      expect((await (await call(user, "/api/tours")).json()).version).toBe(moved.version);
      return moved;
    };
    expect(await move(d, { before: b.id })).toEqual({ id: d.id, position: 2, version: expect.any(Number) });
    expect(await order()).toBe("1A 2D 3B 4C");
    expect((await move(a, { after: c.id })).position).toBe(4);
    expect(await order()).toBe("1D 2B 3C 4A");
    expect((await move(c, { position: 1 })).position).toBe(1);
    expect(await order()).toBe("1C 2D 3B 4A");
    expect((await move(c, { after: a.id })).position).toBe(4);
    expect(await order()).toBe("1D 2B 3A 4C");
    expect((await move(b, { position: 2 })).position).toBe(2);
    expect(await order()).toBe("1D 2B 3A 4C");
    expect((await move(a, { before: d.id })).position).toBe(1);
    expect(await order()).toBe("1A 2D 3B 4C");
  });

  it("refuses a move to a place that is not one, naming the field, and a stale order with 409", async () => {
    const user = await buildUser(ctx);
    const a = await create(user, { ...valid, title: "A" });
    const b = await create(user, { ...valid, title: "B" });
    const theirs = await create(await buildUser(ctx));
    for (const [body, field, message] of [
      [{ before: theirs.id }, "before", /None of your tours has this id/],
      [{ after: "no-such-tour" }, "after", /None of your tours has this id/],
      [{ before: a.id }, "before", /not itself/],
      [{ position: 3 }, "position", /from 1 to 2/],
      [{ position: 0 }, "position", /start at 1/],
      [{ position: 1.5 }, "position", /whole number/],
      [{}, "position", /before or after another tour's id, or a position/],
      [{ before: b.id, position: 1 }, "position", /one way only/],
      [{ after: "bad id!" }, "after", /characters no Sidecar id uses/],
    ] as const) {
      const response = await call(user, `/api/tours/${a.id}/move`, "POST", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json();
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message).toMatch(message);
    }
    const { version } = await (await call(user, "/api/tours")).json();
    const stale = await call(user, `/api/tours/${a.id}/move`, "POST", { after: b.id, version: version - 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.field).toBe("version");
    const notMine = await call(user, `/api/tours/${theirs.id}/move`, "POST", { position: 1, version });
    expect(notMine.status).toBe(404);
    expect((await list(user)).map((t) => t.title)).toEqual(["A", "B"]);
  });

  it("refuses a bad cursor or limit naming the field", async () => {
    const user = await buildUser(ctx);
    for (const [query, field] of [
      ["cursor=nonsense", "cursor"],
      [`cursor=${Buffer.from('["x","y"]').toString("base64url")}`, "cursor"],
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=two", "limit"],
    ] as const) {
      const response = await call(user, `/api/tours?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.field, query).toBe(field);
    }
  });

  it("deletes a tour with its milestones and closes the gap in the order", async () => {
    const user = await buildUser(ctx);
    const a = await create(user, { ...valid, title: "A" });
    const b = await create(user, { ...valid, title: "B" });
    const c = await create(user, { ...valid, title: "C" });
    await call(user, `/api/tours/${b.id}/milestones`, "POST", { title: "Hire", dueOn: "2030-03-01" });
    const response = await call(user, `/api/tours/${b.id}`, "DELETE");
    expect(response.status).toBe(200);
    const { tours } = await response.json();
    expect(tours.map((t: Tour) => [t.id, t.position])).toEqual([
      [a.id, 1],
      [c.id, 2],
    ]);
    expect((await call(user, `/api/tours/${b.id}`)).status).toBe(404);
  });

  it("ends a tour early with a day inside the tour and a reason", async () => {
    const user = await buildUser(ctx);
    const saved = await create(user, past);
    for (const [body, field, message] of [
      [{ endedOn: "2019-12-31", reason: "Reorg" }, "endedOn", /within the tour, from 1 Jan 2020/],
      [{ endedOn: "2020-12-31", reason: "Reorg" }, "endedOn", /day before its planned end/],
      [{ endedOn: "2020-06-30", reason: " " }, "reason", /Say why/],
      [{ endedOn: "June", reason: "Reorg" }, "endedOn", /Enter the day/],
    ] as const) {
      const refused = await call(user, `/api/tours/${saved.id}/end-early`, "POST", body);
      expect(refused.status).toBe(400);
      const { error } = await refused.json();
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    }
    const response = await call(user, `/api/tours/${saved.id}/end-early`, "POST", {
      endedOn: "2020-06-30",
      reason: "The team was merged into platform; the mission no longer had an owner.",
    });
    expect(response.status).toBe(200);
    const ended = await response.json();
    expect(ended).toMatchObject({
      status: "ended_early",
      endedOn: "2020-06-30",
      endReason: "The team was merged into platform; the mission no longer had an owner.",
    });
    const again = await call(user, `/api/tours/${saved.id}/end-early`, "POST", {
      endedOn: "2020-07-30",
      reason: "Twice",
    });
    expect(again.status).toBe(409);
    // Editing cannot move the dates past the day it ended.
    const moved = await call(user, `/api/tours/${saved.id}`, "PUT", {
      ...valid,
      startsOn: "2020-07-01",
      endsOn: "2021-06-30",
      renegotiateOn: null,
    });
    expect(moved.status).toBe(400);
    expect((await moved.json()).error).toMatchObject({
      field: "startsOn",
      message: expect.stringMatching(/30 Jun 2020/),
    });
    // A tour that ended early no longer overlaps what comes after the day it ended.
    const next = await create(user, {
      ...valid,
      startsOn: "2020-07-01",
      endsOn: "2021-06-30",
      renegotiateOn: null,
    });
    expect(next.warnings).toEqual([]);
    // …and the ended tour no longer warns about the next one either.
    const [endedTour] = await list(user);
    expect(endedTour?.warnings).toEqual([]);
  });

  it("refuses to end a tour early on a day after the member's today", async () => {
    const user = await buildUser(ctx);
    const today = todayIn("UTC");
    const running = await create(user, {
      ...valid,
      startsOn: addDays(today, -100),
      endsOn: addDays(today, 265),
      renegotiateOn: null,
    });
    const tomorrow = await call(user, `/api/tours/${running.id}/end-early`, "POST", {
      endedOn: addDays(today, 1),
      reason: "Leaving next week",
    });
    expect(tomorrow.status).toBe(400);
    expect((await tomorrow.json()).error).toMatchObject({
      code: "VALIDATION",
      field: "endedOn",
      message: expect.stringMatching(/day that has come: pick today .* or earlier/),
    });
    expect((await list(user))[0]).toMatchObject({ status: "active", endedOn: null });

    const ended = await call(user, `/api/tours/${running.id}/end-early`, "POST", {
      endedOn: today,
      reason: "The mission was done sooner than planned.",
    });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ status: "ended_early", endedOn: today });
  });

  it("adds, edits, marks done and deletes milestones, ordered by due date", async () => {
    const user = await buildUser(ctx);
    const tour = await create(user);
    const base = `/api/tours/${tour.id}/milestones`;
    const first = await (
      await call(user, base, "POST", { title: "Hire two growth PMs", dueOn: "2030-06-30" })
    ).json();
    expect(first.milestones).toEqual([
      {
        id: expect.any(String),
        title: "Hire two growth PMs",
        dueOn: "2030-06-30",
        status: "planned",
        doneOn: null,
        version: 1,
      },
    ]);
    const second = await (
      await call(user, base, "POST", {
        title: "Pricing experiment live",
        dueOn: "2030-03-31",
        status: "in_progress",
      })
    ).json();
    expect(second.milestones.map((m: { title: string }) => m.title)).toEqual([
      "Pricing experiment live",
      "Hire two growth PMs",
    ]);
    const hireId = first.milestones[0].id;

    const done = await call(user, `${base}/${hireId}`, "PUT", {
      title: "Hire two growth PMs",
      dueOn: "2030-06-30",
      status: "done",
      doneOn: "2025-06-12",
    });
    expect(done.status).toBe(200);
    expect((await done.json()).milestones[1]).toMatchObject({
      id: hireId,
      status: "done",
      doneOn: "2025-06-12",
    });

    for (const [body, field, message] of [
      [{ title: "x", dueOn: "2030-06-30", status: "done" }, "doneOn", /Enter the day it was done/],
      [
        { title: "x", dueOn: "2030-06-30", status: "missed", doneOn: "2030-06-01" },
        "doneOn",
        /Only a done milestone/,
      ],
      [
        { title: "x", dueOn: "2030-06-30", status: "blocked" },
        "status",
        /planned, in progress, done or missed/,
      ],
      [{ title: "", dueOn: "2030-06-30" }, "title", /Give the milestone a title/],
      [{ title: "x" }, "dueOn", /due date/],
    ] as const) {
      const refused = await call(user, `${base}/${hireId}`, "PUT", body);
      expect(refused.status).toBe(400);
      const { error } = await refused.json();
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    }

    const removed = await call(user, `${base}/${hireId}`, "DELETE");
    expect(removed.status).toBe(200);
    expect((await removed.json()).milestones.map((m: { title: string }) => m.title)).toEqual([
      "Pricing experiment live",
    ]);
    expect((await call(user, `${base}/${hireId}`, "DELETE")).status).toBe(404);
  });

  it("refuses a milestone done on a day after the member's today, and accepts today", async () => {
    const user = await buildUser(ctx);
    const tour = await create(user);
    const base = `/api/tours/${tour.id}/milestones`;
    const today = todayIn("UTC");
    const early = {
      title: "Pricing page live",
      dueOn: "2030-03-31",
      status: "done",
      doneOn: addDays(today, 1),
    };
    const refused = await call(user, base, "POST", early);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({
      field: "doneOn",
      message: expect.stringMatching(/day that has come: pick today .* or earlier/),
    });
    const added = await (await call(user, base, "POST", { ...early, doneOn: today })).json();
    const [milestone] = added.milestones;
    expect(milestone).toMatchObject({ status: "done", doneOn: today });
    const edited = await call(user, `${base}/${milestone.id}`, "PUT", {
      ...early,
      doneOn: addDays(today, 30),
    });
    expect(edited.status).toBe(400);
    expect((await edited.json()).error.field).toBe("doneOn");
    expect((await list(user))[0]?.milestones[0]).toMatchObject({ doneOn: today });
  });

  it("suggests a title from a portfolio gap's mission, so the tour can be added as it is", async () => {
    const user = await buildUser(ctx);
    const mission = "Manage people: take a role with at least one direct report";
    expect(suggestTourTitle(mission)).toBe("Manage people");
    expect(suggestTourTitle("do growth work at a smoke-to-fire company")).toBe(
      "Do growth work at a smoke-to-fire company",
    );
    const long = suggestTourTitle(`Lead ${"a very long and winding ".repeat(10)}mission`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/\S…$/);
    // The suggestion is a title the API accepts as it is.
    const saved = await create(user, { ...valid, title: suggestTourTitle(mission), mission });
    expect(saved.title).toBe("Manage people");
  });

  it("answers another member's tour and milestones as not found, and a milestone under the wrong tour too", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    const tour = await create(owner);
    const withMilestone = await (
      await call(owner, `/api/tours/${tour.id}/milestones`, "POST", { title: "Ship", dueOn: "2030-05-01" })
    ).json();
    const milestoneId = withMilestone.milestones[0].id;
    const milestone = { title: "Taken", dueOn: "2030-05-01" };
    const attempts: [string, string, unknown?][] = [
      [`/api/tours/${tour.id}`, "GET"],
      [`/api/tours/${tour.id}`, "PUT", valid],
      [`/api/tours/${tour.id}`, "DELETE"],
      [`/api/tours/${tour.id}/end-early`, "POST", { endedOn: "2030-05-01", reason: "Mine now" }],
      [`/api/tours/${tour.id}/milestones`, "POST", milestone],
      [`/api/tours/${tour.id}/milestones/${milestoneId}`, "PUT", milestone],
      [`/api/tours/${tour.id}/milestones/${milestoneId}`, "DELETE"],
    ];
    for (const [path, method, body] of attempts) {
      const response = await call(other, path, method, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await response.json()).error.message).toMatch(/no tour of duty with this id/);
    }
    const missing = await call(other, "/api/tours/no-such-tour");
    expect((await missing.json()).error.message).toMatch(/no tour of duty with this id/);

    // The other member's own tour cannot reach the owner's milestone.
    const theirs = await create(other);
    const crossed = await call(other, `/api/tours/${theirs.id}/milestones/${milestoneId}`, "PUT", milestone);
    expect(crossed.status).toBe(404);
    expect((await crossed.json()).error.message).toMatch(/no milestone with this id/);

    const unchanged = await (await call(owner, `/api/tours/${tour.id}`)).json();
    expect(unchanged).toMatchObject({ title: valid.title, status: "planned" });
    expect(unchanged.milestones).toEqual(withMilestone.milestones);
    expect(await list(other)).toHaveLength(1);
  });

  it("refuses ids with characters no Sidecar id uses", async () => {
    const user = await buildUser(ctx);
    const response = await call(user, "/api/tours/bad%20id");
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("id");
  });

  it("names the bad date, rather than failing, when dates that are not dates meet a renegotiation date", async () => {
    const user = await buildUser(ctx);
    const response = await call(user, "/api/tours", "POST", {
      ...valid,
      startsOn: "",
      endsOn: " ",
      renegotiateOn: "!",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("startsOn");
  });

  it("asks someone signed out to sign in", async () => {
    const owner = await buildUser(ctx);
    const tour = await create(owner);
    for (const [path, method, body] of [
      ["/api/tours", "GET"],
      ["/api/tours", "POST", valid],
      ["/api/tours/order", "PUT", { ids: [tour.id] }],
      [`/api/tours/${tour.id}`, "GET"],
      [`/api/tours/${tour.id}`, "DELETE"],
    ] as [string, string, unknown?][]) {
      const response = await atVersion(path, { method, body });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe("tours of duty under concurrent requests", () => {
  it("ends a tour early once when two requests race, keeping the winner's reason", async () => {
    const user = await buildUser(ctx);
    const saved = await create(user, past);
    const reasons = ["The team merged into platform.", "A reorganisation ended the mission."];
    const both = await Promise.all(
      reasons.map((reason) =>
        call(user, `/api/tours/${saved.id}/end-early`, "POST", { endedOn: "2020-06-30", reason }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = both.findIndex((r) => r.status === 200);
    const [tour] = await list(user);
    expect(tour?.endReason).toBe(reasons[winner]);
  });

  it("gives tours created at the same time distinct places at the end", async () => {
    const user = await buildUser(ctx);
    await Promise.all([1, 2, 3].map((n) => create(user, { ...valid, title: `Tour ${n}` })));
    expect((await list(user)).map((t) => t.position).sort()).toEqual([1, 2, 3]);
  });

  it("never fails with a server error when an edit and ending early race on one tour", async () => {
    const user = await buildUser(ctx);
    for (let round = 0; round < 4; round++) {
      const tour = await create(user, past);
      // Each request is fine on its own; together, one would leave the day it ended outside the tour.
      // Based on one version, the loser hears 409; based on the winner's, it hears why it cannot apply.
      const [ended, edited] = await Promise.all([
        call(user, `/api/tours/${tour.id}/end-early`, "POST", { endedOn: "2020-06-30", reason: "Reorg" }),
        call(user, `/api/tours/${tour.id}`, "PUT", { ...past, startsOn: "2020-07-01", endsOn: "2021-06-30" }),
      ]);
      const statuses = [ended.status, edited.status].sort();
      expect([
        [200, 400],
        [200, 409],
      ]).toContainEqual(statuses);
      const saved = (await (await call(user, `/api/tours/${tour.id}`)).json()) as Tour & { startsOn: string };
      if (ended.status === 200) {
        expect(saved).toMatchObject({ startsOn: "2020-01-01", endedOn: "2020-06-30" });
        expect(["startsOn", "version"]).toContain((await edited.json()).error.field);
      } else {
        expect(saved).toMatchObject({ startsOn: "2020-07-01", endedOn: null });
        expect(["endedOn", "version"]).toContain((await ended.json()).error.field);
      }
    }
  });

  it("lets one of two moves based on the same order through, and the other hears 409", async () => {
    const user = await buildUser(ctx);
    const made: Tour[] = [];
    for (const n of [1, 2, 3, 4, 5]) made.push(await create(user, { ...valid, title: `Tour ${n}` }));
    for (let round = 0; round < 3; round++) {
      const { version } = await (await call(user, "/api/tours")).json();
      const [first, second] = await Promise.all([
        call(user, `/api/tours/${made[4]?.id}/move`, "POST", { position: 1, version }),
        call(user, `/api/tours/${made[0]?.id}/move`, "POST", { after: made[2]?.id, version }),
      ]);
      expect([first?.status, second?.status].sort()).toEqual([200, 409]);
      const tours = await list(user);
      expect(tours.map((t) => t.position)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(tours.map((t) => t.id)).size).toBe(5);
    }
  });

  it("keeps positions 1, 2, 3… when moves, deletes and new tours race", async () => {
    const user = await buildUser(ctx);
    const made: Tour[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) made.push(await create(user, { ...valid, title: `Tour ${n}` }));
    const { version } = await (await call(user, "/api/tours")).json();
    // Each move reads the order's version just before it goes, as a page does after the last answer.
    const responses = await Promise.all([
      call(user, `/api/tours/${made[5]?.id}/move`, "POST", { position: 1 }),
      call(user, `/api/tours/${made[1]?.id}`, "DELETE"),
      call(user, `/api/tours/${made[0]?.id}/move`, "POST", { after: made[4]?.id }),
      create(user, { ...valid, title: "Tour 7" }).then(() => new Response(null, { status: 200 })),
      call(user, `/api/tours/${made[2]?.id}/move`, "POST", { before: made[3]?.id, version }),
    ]);
    for (const response of responses) expect([200, 409]).toContain(response.status);
    const positions = (await list(user)).map((t) => t.position);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keeps positions 1, 2, 3… when deletes and a reorder race", async () => {
    const user = await buildUser(ctx);
    const made: Tour[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) made.push(await create(user, { ...valid, title: `Tour ${n}` }));
    const ids = made.map((t) => t.id);
    const responses = await Promise.all([
      call(user, `/api/tours/${ids[0]}`, "DELETE"),
      call(user, `/api/tours/${ids[1]}`, "DELETE"),
      call(user, "/api/tours/order", "PUT", { ids: [...ids].reverse() }),
      call(user, `/api/tours/${ids[3]}`, "DELETE"),
      create(user, { ...valid, title: "Tour 7" }).then(() => new Response(null, { status: 200 })),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, expect.any(Number), 200, 200]);
    expect([200, 400]).toContain(responses[2]?.status);
    const positions = (await list(user)).map((t) => t.position);
    expect(positions).toEqual([1, 2, 3, 4]);
  });
});
