import { eq, or } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, circleBody, createCommunity, eventBody, startThread } from "../../../../test/communities.ts";
import { activeEngagement } from "../../../../test/engagements.ts";
import { type BuiltUser, buildUser, cookieFrom, mailTo, signIn } from "../../../../test/factories.ts";
import { answersMarked, copyLinks, createFeedbackRequest, give, results } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { linkAs } from "../../../../test/managers.ts";
import { becomeMentor, sendRequest } from "../../../../test/mentors.ts";
import { concretePath, enumerateRoutes } from "../../../../test/routes.ts";
import { accountDataExport } from "../../../shared/account-data.ts";
import { formerMemberName } from "../../../shared/account-data-words.ts";
import { addDays, isoDay } from "../../../shared/calendar-date.ts";
import { users } from "../../auth/auth.table.ts";
import { communities } from "../communities/communities.table.ts";
import { mentorProfiles } from "../mentors/mentors.table.ts";
import { tours } from "../tours/tours.table.ts";
import { accountExports, formerMembers } from "./account-data.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

let ipSequence = 0;
const nextIp = () => {
  ipSequence += 1;
  return `198.51.${(ipSequence >> 8) & 255}.${ipSequence & 255}`;
};

async function ok(response: Response, what: string) {
  if (response.status !== 200) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}

function post(path: string, body: unknown, cookie: string, method = "POST") {
  return ctx.request(path, { method, body, cookie, ip: nextIp() });
}

/**
 * Alice, with something marked "ALICE-<module>" in every module; Bob, her mentor, who writes a private
 * and a shared note; Carol, who asks for feedback (Alice gives some) and posts in a circle Alice is not
 * in; Olive, who organizes the circle Alice and Carol share.
 */
async function world() {
  const alice = await buildUser(ctx, { name: "Alice Canary" });
  const bob = await buildUser(ctx, { name: "Bob Mentor" });
  const carol = await buildUser(ctx, { name: "Carol Peer" });
  const olive = await buildUser(ctx, { name: "Olive Organizer" });
  const a = alice.cookie;

  await ok(
    await post(
      "/api/profile",
      { name: "Alice Canary", headline: "ALICE-PROFILE", timeZone: "Europe/Berlin", version: 0 },
      a,
      "PUT",
    ),
    "profile",
  );
  await ok(
    await post(
      "/api/plan",
      {
        northStar: { role: "ALICE-PLAN chief product officer", horizonYear: new Date().getUTCFullYear() + 5 },
        skipJob: null,
        nextJob: null,
        version: 0,
      },
      a,
      "PUT",
    ),
    "plan",
  );
  const tour = await ok(
    await post(
      "/api/tours",
      {
        title: "ALICE-TOUR",
        mission: "Lead a team",
        startsOn: addDays(isoDay(), -30),
        endsOn: addDays(isoDay(), 330),
      },
      a,
    ),
    "tour",
  );
  await ok(
    await post(
      `/api/tours/${tour.id}/milestones`,
      { title: "ALICE-MILESTONE", dueOn: addDays(isoDay(), 30) },
      a,
    ),
    "milestone",
  );
  const decision = await ok(
    await post(
      "/api/decisions",
      {
        dilemma: "ALICE-DECISION stay or go?",
        options: [{ label: "Stay" }, { label: "Go" }],
        decision: "Stay",
        decidedOn: "2025-01-01",
      },
      a,
    ),
    "decision",
  );
  await ok(
    await post(
      `/api/decisions/${decision.id}/revisit`,
      { revisitedOn: "2025-02-01", outcome: "ALICE-REVISIT", version: decision.version },
      a,
    ),
    "revisit",
  );
  const ratings = { crafting: 3, market: 2, organizational: 3, domain: 1, team: 2, growth: 4 };
  const evidence = {
    crafting: "ALICE-LANES",
    market: "",
    organizational: "",
    domain: "",
    team: "",
    growth: "",
  };
  await ok(await post("/api/lanes/assessments", { ratings, evidence }, a), "lanes");
  await ok(
    await post(
      "/api/portfolio/roles",
      {
        company: "ALICE-PORTFOLIO Co",
        title: "PM",
        startsOn: "2020-01-01",
        stage: "pre_pmf",
        market: "consumer",
        vantage: "inside",
        work: ["feature"],
        peopleManaged: 0,
      },
      a,
    ),
    "portfolio",
  );
  await ok(
    await post(
      "/api/story/entries",
      { title: "ALICE-STORY checkout", actions: "I rebuilt checkout.", result: "Conversion rose." },
      a,
    ),
    "story",
  );
  await ok(
    await post("/api/story/press-release", { headline: "ALICE-RELEASE", version: 0 }, a, "PUT"),
    "release",
  );
  await ok(
    await post(
      "/api/story/thought-leadership",
      { kind: "post", title: "ALICE-THOUGHT", happenedOn: "2025-01-01" },
      a,
    ),
    "thought",
  );
  await ok(
    await post(
      "/api/promotion-diagnoses",
      { answers: { sponsor: "no" }, developmentArea: "ALICE-DIAGNOSIS influencing executives" },
      a,
    ),
    "diagnosis",
  );
  await ok(
    await post(
      "/api/health-checks",
      { company: "ALICE-HEALTH Inc", subject: "employer", signs: { growth: "slowing" } },
      a,
    ),
    "health check",
  );
  await ok(
    await post(
      "/api/target-role/checks/apm.own-an-area.shipped-alone",
      { checked: true, version: 0 },
      a,
      "PUT",
    ),
    "target role",
  );
  await becomeMentor(ctx, a, { headline: "ALICE-MENTOR headline", capacity: 3 });

  // Alice's feedback request, answered by k people; and one below k, whose answers must stay hidden.
  const open = await createFeedbackRequest(ctx, a, { purpose: "ALICE-FEEDBACK purpose of the open request" });
  for (const [i, token] of (await copyLinks(ctx, a, open.id, 3)).entries()) {
    await give(ctx, token, answersMarked(`ALICE-RESULTS-${i}`), { ip: nextIp() });
  }
  const hidden = await createFeedbackRequest(ctx, a, { purpose: "ALICE-FEEDBACK the hidden one" });
  const [hiddenToken] = await copyLinks(ctx, a, hidden.id, 1);
  await give(ctx, hiddenToken as string, answersMarked("BELOW-K-ANSWER"), { ip: nextIp() });

  // Carol's feedback request: Alice gives one of its answers.
  const carolRequest = await createFeedbackRequest(ctx, carol.cookie, { purpose: "CAROL-FEEDBACK purpose" });
  const carolTokens = await copyLinks(ctx, carol.cookie, carolRequest.id, 3);
  await give(ctx, carolTokens[0] as string, answersMarked("ALICE-GAVE"), { ip: nextIp() });
  await give(ctx, carolTokens[1] as string, answersMarked("CAROL-GIVER-ONE"), { ip: nextIp() });
  await give(ctx, carolTokens[2] as string, answersMarked("CAROL-GIVER-TWO"), { ip: nextIp() });

  // Bob mentors Alice.
  await becomeMentor(ctx, bob.cookie, { capacity: 5 });
  const request = await ok(await sendRequest(ctx, a, bob.id), "request");
  await ok(await post(`/api/mentor-requests/${request.id}/accept`, {}, bob.cookie), "accept");
  const engagement = await activeEngagement(ctx, bob, alice, request.id);
  const note = (cookie: string, body: string, shared: boolean) =>
    post(`/api/engagements/${engagement.id}/notes`, { body, shared, sessionId: null }, cookie);
  await ok(await note(a, "ALICE-NOTE private", false), "alice private note");
  await ok(await note(a, "ALICE-NOTE shared", true), "alice shared note");
  await ok(await note(bob.cookie, "BOB-PRIVATE-NOTE never Alice's", false), "bob private note");
  await ok(await note(bob.cookie, "BOB-SHARED-NOTE for Alice", true), "bob shared note");
  await ok(
    await post(`/api/engagements/${engagement.id}/action-items`, { text: "ALICE-ACTION", dueOn: null }, a),
    "action item",
  );

  // A circle both are in, and a circle only Carol is in.
  const circle = await createCommunity(ctx, olive.cookie, circleBody({ name: "Shared Circle" }));
  await admit(ctx, olive, circle.id, alice);
  await admit(ctx, olive, circle.id, carol);
  const aliceThread = await startThread(ctx, a, circle.id, {
    title: "ALICE-POST thread",
    body: "ALICE-POST body",
  });
  await ok(
    await post(
      `/api/threads/${aliceThread.post.id}/replies`,
      { body: "CAROL-REPLY in shared" },
      carol.cookie,
    ),
    "reply",
  );
  const event = await ok(
    await post(`/api/communities/${circle.id}/events`, eventBody({ capacity: 5 }), olive.cookie),
    "event",
  );
  await ok(await post(`/api/events/${event.id}/rsvp`, {}, a), "rsvp");
  const secret = await createCommunity(ctx, carol.cookie, circleBody({ name: "SECRET-CIRCLE" }));
  await startThread(ctx, carol.cookie, secret.id, {
    title: "SECRET-CIRCLE thread",
    body: "SECRET-CIRCLE body",
  });

  // Sharing both ways.
  await ok(await post("/api/sharing/grants", { email: carol.email, parts: ["plan"] }, a), "alice shares");
  await ok(
    await post("/api/sharing/grants", { email: alice.email, parts: ["lanes"] }, carol.cookie),
    "carol shares",
  );

  // Alice reports to Dave: a check-in she starts and his comment on it are hers to export.
  const { linkId, other: dave } = await linkAs(ctx, alice, "report");
  const checkIn = await ok(
    await post(`/api/manager-links/${linkId}/check-ins`, { heldOn: isoDay(), helpWith: "ALICE-CHECKIN" }, a),
    "check-in",
  );
  await ok(
    await post(`/api/check-ins/${checkIn.id}/comments`, { body: "DAVE-CHECKIN-COMMENT" }, dave.cookie),
    "check-in comment",
  );

  await ok(
    await post(
      "/api/notifications/preferences",
      { deliveries: { feedback_results_ready: "digest" }, version: 0 },
      a,
      "PUT",
    ),
    "preferences",
  );
  return { alice, bob, carol, olive, engagement, circle, aliceThread, carolRequest, event, secret };
}

async function exportOf(member: BuiltUser) {
  const started = await ok(await post("/api/account/export", {}, member.cookie), "start export");
  expect(["queued", "running"]).toContain(started.export.state);
  await ctx.jobs.runDueJobs();
  const status = await ok(await ctx.request("/api/account/export", { cookie: member.cookie }), "status");
  expect(status.export.state, JSON.stringify(status)).toBe("ready");
  expect(status.export.sectionsDone).toBe(status.export.sectionsTotal);
  const file = await ctx.request("/api/account/export/download", { cookie: member.cookie });
  expect(file.status).toBe(200);
  expect(file.headers.get("content-disposition")).toMatch(/attachment; filename="sidecar-data-/);
  const text = await file.text();
  return { text, data: JSON.parse(text) };
}

describe("export of all of a member's own data", () => {
  let scene: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    scene = await world();
  }, 120_000);

  it("holds the member's canary from every module and nothing private of anyone else", async () => {
    const { text, data } = await exportOf(scene.alice);
    expect(accountDataExport.strict().safeParse(data).success).toBe(true);
    for (const canary of [
      "ALICE-PROFILE",
      "ALICE-PLAN",
      "ALICE-TOUR",
      "ALICE-MILESTONE",
      "ALICE-DECISION",
      "ALICE-REVISIT",
      "ALICE-LANES",
      "ALICE-PORTFOLIO",
      "ALICE-STORY",
      "ALICE-RELEASE",
      "ALICE-THOUGHT",
      "ALICE-DIAGNOSIS",
      "ALICE-HEALTH",
      "ALICE-MENTOR",
      "ALICE-FEEDBACK",
      // Aggregated as the results page shows them, once k people answered.
      "ALICE-RESULTS-0",
      "ALICE-NOTE private",
      "ALICE-NOTE shared",
      "BOB-SHARED-NOTE",
      "ALICE-ACTION",
      "ALICE-POST",
      "ALICE-CHECKIN",
      "DAVE-CHECKIN-COMMENT",
      scene.alice.email,
    ]) {
      expect(text, canary).toContain(canary);
    }
    for (const secret of [
      "BOB-PRIVATE-NOTE",
      "BELOW-K-ANSWER",
      "CAROL-FEEDBACK",
      "CAROL-GIVER",
      "ALICE-GAVE",
      "SECRET-CIRCLE",
      "CAROL-REPLY",
      "Hiring a head of design",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(data.sections.targetRole).toBeTruthy();
    expect(data.sections.communities.rsvps).toHaveLength(1);
    expect(
      data.sections.notificationSettings.preferences.find(
        (p: { kind: string }) => p.kind === "feedback_results_ready",
      ).delivery,
    ).toBe("digest");
    expect(data.sections.sharing.grants.map((g: { granteeEmail: string }) => g.granteeEmail)).toEqual([
      scene.carol.email,
    ]);
  });

  it("gives the story as Markdown, mails a link when ready, and keeps the file for a limited time", async () => {
    const story = await ok(
      await ctx.request("/api/account/export/story", { cookie: scene.alice.cookie }),
      "story",
    );
    expect(story.markdown).toContain("# ALICE-RELEASE");
    expect(story.markdown).toContain("## ALICE-STORY checkout");
    expect(story.markdown).toContain("I rebuilt checkout.");
    const mails = await mailTo(ctx, scene.alice.email);
    const ready = mails.filter((m) => m.subject === "Your Sidecar data is ready to download");
    expect(ready.length).toBeGreaterThan(0);
    expect(ready[0]?.text).toContain("http://localhost:3000/settings/data");
    // The mail carries a link to the page, never the data.
    expect(ready[0]?.text).not.toContain("ALICE-PLAN");

    // Another member has no export to download, and cannot reach Alice's.
    expect((await ctx.request("/api/account/export/download", { cookie: scene.carol.cookie })).status).toBe(
      404,
    );
    expect(
      await ok(await ctx.request("/api/account/export", { cookie: scene.carol.cookie }), "carol"),
    ).toEqual({
      export: null,
    });

    // Past its date, the file is gone and the page says so.
    await ctx.db
      .update(accountExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountExports.userId, scene.alice.id));
    expect((await ctx.request("/api/account/export/download", { cookie: scene.alice.cookie })).status).toBe(
      404,
    );
    const { pruneAccountExports } = await import("./account-data.service.ts");
    await pruneAccountExports(ctx.db, new Date());
    const [row] = await ctx.db.select().from(accountExports).where(eq(accountExports.userId, scene.alice.id));
    expect(row?.state).toBe("expired");
    expect(row?.content).toBeNull();
    const status = await ok(
      await ctx.request("/api/account/export", { cookie: scene.alice.cookie }),
      "status",
    );
    expect(status.export.state).toBe("expired");
  });

  it("starts one export at a time: asking again while it is built answers with the same one", async () => {
    const first = await ok(await post("/api/account/export", {}, scene.carol.cookie), "first");
    const again = await ok(await post("/api/account/export", {}, scene.carol.cookie), "again");
    expect(again.export.id).toBe(first.export.id);
    await ctx.jobs.runDueJobs();
    const anonymous = await ctx.request("/api/account/export", { method: "POST", body: {} });
    expect(anonymous.status).toBe(401);
  });
});

describe("account deletion", () => {
  // A fresh server: the export tests' Alice must not be mistaken for a leak of this one.
  beforeAll(async () => {
    await ctx.close();
    ctx = await createTestContext();
  });
  it("asks for the password, then deletes everything of the member and keeps what others own", async () => {
    const scene = await world();
    const { alice, bob, carol, olive, engagement, circle, aliceThread, carolRequest } = scene;

    const carolResultsBefore = await results(ctx, carol.cookie, carolRequest.id);
    expect(JSON.stringify(carolResultsBefore)).toContain("ALICE-GAVE");
    const bobBefore = await ok(
      await ctx.request(`/api/engagements/${engagement.id}`, { cookie: bob.cookie }),
      "bob",
    );
    expect(JSON.stringify(bobBefore)).toContain("ALICE-NOTE shared");

    const wrong = await post(
      "/api/account/delete",
      { password: "not my password at all", confirm: true },
      alice.cookie,
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.field).toBe("password");
    const unconfirmed = await post("/api/account/delete", { password: alice.password }, alice.cookie);
    expect(unconfirmed.status).toBe(400);
    expect((await ctx.request("/api/me", { cookie: alice.cookie })).status).toBe(200);

    const deleted = await post(
      "/api/account/delete",
      { password: alice.password, confirm: true },
      alice.cookie,
    );
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: true });

    // Sessions end at once; signing in fails.
    expect((await ctx.request("/api/me", { cookie: alice.cookie })).status).toBe(401);
    expect((await signIn(ctx, alice.email, alice.password, nextIp())).response.status).toBe(401);
    expect(await ctx.db.select().from(users).where(eq(users.id, alice.id))).toEqual([]);

    // Bob keeps the engagement, closed, with his own notes (his private one too); Alice's are gone.
    const bobAfter = await ok(
      await ctx.request(`/api/engagements/${engagement.id}`, { cookie: bob.cookie }),
      "bob",
    );
    const bobText = JSON.stringify(bobAfter);
    expect(bobAfter.state).toBe("closed");
    expect(bobText).toContain("BOB-PRIVATE-NOTE");
    expect(bobText).toContain("BOB-SHARED-NOTE");
    expect(bobText).not.toContain("ALICE-NOTE");
    expect(bobText).toContain(formerMemberName);
    expect(bobText).not.toContain("Alice Canary");
    const [seat] = await ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, bob.id));
    expect(seat?.activeMentees).toBe(0);
    const bobInbox = await ok(await ctx.request("/api/notifications", { cookie: bob.cookie }), "inbox");
    expect(JSON.stringify(bobInbox)).toContain("Your mentoring has ended");

    // Feedback Alice gave stays, anonymous and unchanged for Carol.
    const carolResultsAfter = await results(ctx, carol.cookie, carolRequest.id);
    // (Paragraphs are shuffled on every read, so each list is compared as a set.)
    expect(sortedDeep(carolResultsAfter)).toEqual(sortedDeep(carolResultsBefore));

    // The circle keeps Alice's thread, by "a former member"; Olive is still its organizer.
    const thread = await ok(
      await ctx.request(`/api/threads/${aliceThread.post.id}`, { cookie: carol.cookie }),
      "thread",
    );
    expect(thread.post.authorName).toBe(formerMemberName);
    expect(thread.post.body).toContain("ALICE-POST body");
    const members = await ok(
      await ctx.request(`/api/communities/${circle.id}/members`, { cookie: olive.cookie }),
      "members",
    );
    expect(JSON.stringify(members)).not.toContain("Alice Canary");
    // Her place in the circle is free again: Olive and Carol remain.
    const [counted] = await ctx.db
      .select({ memberCount: communities.memberCount })
      .from(communities)
      .where(eq(communities.id, circle.id));
    expect(counted?.memberCount).toBe(2);

    // Sharing grants to and from her are gone.
    const carolShared = await ok(
      await ctx.request("/api/shared", { cookie: carol.cookie }),
      "shared with carol",
    );
    expect(JSON.stringify(carolShared)).not.toContain(alice.id);
    const carolGrants = await ok(
      await ctx.request("/api/sharing/grants", { cookie: carol.cookie }),
      "carol's grants",
    );
    expect(JSON.stringify(carolGrants)).not.toContain(alice.email);

    // Nothing of hers is readable through any route, walked as each of the others.
    await expectNothingOfHers({ alice, others: [bob, carol, olive], ids: scene });

    // The stand-in is no one an instance admin manages.
    const admin = await buildUser(ctx, { role: "admin" });
    const listed = await ok(await ctx.request("/api/admin/users", { cookie: admin.cookie }), "admin users");
    expect(JSON.stringify(listed)).not.toContain(formerMemberName);
    expect(JSON.stringify(listed)).not.toContain(alice.email);

    // Her address signs up again as a new person, who inherits nothing.
    const again = await buildUser(ctx, { email: alice.email, name: "Alice Again" });
    expect(again.id).not.toBe(alice.id);
    expect(await ok(await ctx.request("/api/shared", { cookie: again.cookie }), "shared")).toEqual({
      shares: [],
    });
    expect(
      (await ok(await ctx.request("/api/engagements", { cookie: again.cookie }), "engagements")).engagements,
    ).toEqual([]);
    expect((await ok(await ctx.request("/api/tours", { cookie: again.cookie }), "tours")).tours).toEqual([]);
  }, 180_000);

  it("asks for the authenticator code under two-factor sign-in", async () => {
    const member = await buildUser(ctx);
    const enable = await ok(
      await post("/api/auth/two-factor/enable", { password: member.password }, member.cookie),
      "enable",
    );
    const totp = OTPAuth.URI.parse(enable.totpURI) as OTPAuth.TOTP;
    const confirm = await post("/api/auth/two-factor/verify-totp", { code: totp.generate() }, member.cookie);
    const cookie = cookieFrom(confirm) || member.cookie;
    const without = await post("/api/account/delete", { password: member.password, confirm: true }, cookie);
    expect(without.status).toBe(400);
    expect((await without.json()).error.field).toBe("code");
    const wrongCode = await post(
      "/api/account/delete",
      { password: member.password, code: "000000", confirm: true },
      cookie,
    );
    expect(wrongCode.status).toBe(400);
    expect((await wrongCode.json()).error.field).toBe("code");
    const deleted = await post(
      "/api/account/delete",
      { password: member.password, code: totp.generate(), confirm: true },
      cookie,
    );
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    expect((await ctx.request("/api/me", { cookie })).status).toBe(401);
  });

  it("leaves no half member when writes race the deletion", async () => {
    const member = await buildUser(ctx);
    const tourBody = (i: number) => ({
      title: `Racing tour ${i}`,
      mission: "Race",
      startsOn: addDays(isoDay(), -10),
      endsOn: addDays(isoDay(), 350),
    });
    const writes = Array.from({ length: 6 }, (_, i) => post("/api/tours", tourBody(i), member.cookie));
    const deletion = post("/api/account/delete", { password: member.password, confirm: true }, member.cookie);
    const more = Array.from({ length: 6 }, (_, i) => post("/api/tours", tourBody(i + 6), member.cookie));
    const answers = await Promise.all([...writes, deletion, ...more]);
    expect(answers.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect((await deletion).status).toBe(200);
    expect(await ctx.db.select().from(tours).where(eq(tours.userId, member.id))).toEqual([]);
    expect(await ctx.db.select().from(users).where(eq(users.id, member.id))).toEqual([]);
  });
});

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortedDeep).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortedDeep(v)]));
  }
  return value;
}

/**
 * Every GET route, as each of the other people, with every id of the scene in its parameters:
 * the member's name, address, id and private canaries appear in no answer. (A circle keeps her posts, by
 * "a former member", so the post's own words are the one thing of hers allowed.)
 */
async function expectNothingOfHers(input: {
  alice: BuiltUser;
  others: BuiltUser[];
  ids: {
    engagement: { id: string };
    circle: { id: string };
    aliceThread: { post: { id: string } };
    event: { id: string };
  };
}) {
  const routes = (await enumerateRoutes(ctx)).filter((r) => r.method === "GET" && !r.wildcard);
  const idValues = [
    input.alice.id,
    input.ids.engagement.id,
    input.ids.circle.id,
    input.ids.aliceThread.post.id,
    input.ids.event.id,
  ];
  const forbidden = [
    "Alice Canary",
    input.alice.email,
    input.alice.id,
    "ALICE-NOTE",
    "ALICE-PLAN",
    "ALICE-MENTOR",
    "ALICE-TOUR",
  ];
  const leaks: string[] = [];
  for (const person of input.others) {
    for (const route of routes) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      const choices =
        names.length === 0 ? [{}] : idValues.map((v) => Object.fromEntries(names.map((n) => [n, v])));
      for (const params of choices) {
        const path = concretePath(route.path, params);
        const answer = await ctx.request(path, { cookie: person.cookie, ip: nextIp() });
        const text = await answer.text();
        for (const word of forbidden)
          if (text.includes(word)) leaks.push(`${path} as ${person.name}: ${word}`);
      }
    }
  }
  expect(leaks).toEqual([]);
  const formers = await ctx.db.select().from(formerMembers);
  expect(formers.length).toBeGreaterThan(0);
  const formerRows = await ctx.db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(or(...formers.map((f) => eq(users.id, f.userId))));
  for (const row of formerRows) {
    expect(row.name).toBe(formerMemberName);
    expect(row.email).toMatch(/@deleted\.invalid$/);
  }
}

describe("docs/account-data.md", () => {
  it("describes every field of every section, as the schema has them", async () => {
    const { readFileSync } = await import("node:fs");
    const { accountDataDoc } = await import("./account-data-doc.ts");
    const written = readFileSync(new URL("../../../../docs/account-data.md", import.meta.url), "utf8");
    expect(written, "run npx tsx scripts/account-data-doc.ts").toBe(accountDataDoc());
  });
});
