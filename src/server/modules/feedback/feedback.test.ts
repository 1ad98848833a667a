import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, mailTo, uniqueEmail } from "../../../../test/factories.ts";
import {
  answersMarked,
  copyLinks,
  createFeedbackRequest,
  fillWaitingPool,
  give,
  requestBody,
  results,
  tokenFromEmail,
} from "../../../../test/feedback.ts";
import type { RequestOptions } from "../../../../test/harness.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import { addDays, isoDay } from "../../../shared/calendar-date.ts";
import { feedbackAnswers, feedbackInvitations, feedbackRequests } from "./feedback.table.ts";

let ctx: TestContext;
// Changes go with the version read just before, as the pages send them; versions are tested on their own.
const atVersion = (path: string, options?: RequestOptions) => requestAtCurrentVersion(ctx, path, options);
const sortedParagraphs = (question: { themes: { paragraphs: string[] }[] }) =>
  question.themes.flatMap((theme) => theme.paragraphs).sort();
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("feedback requests", () => {
  it("creates a request and reads it back with only the listed fields", async () => {
    const user = await buildUser(ctx);
    const created = await createFeedbackRequest(ctx, user.cookie);
    expect(Object.keys(created).sort()).toEqual(
      [
        "closedOn",
        "closesOn",
        "createdOn",
        "id",
        "invitations",
        "lanes",
        "minResponses",
        "minResponsesLocked",
        "openedOn",
        "purpose",
        "questions",
        "reminderSentOn",
        "responses",
        "resultsOpen",
        "status",
        "thankedOn",
        "title",
        "version",
      ].sort(),
    );
    expect(created.questions).toEqual([
      { key: "q1", prompt: "What should I keep doing?" },
      { key: "q2", prompt: "What should I start doing, or stop doing?" },
    ]);
    expect(created.lanes).toEqual(["crafting", "organizational"]);
    expect(created.status).toBe("open");
    expect(created.responses).toEqual({ shown: 0, atLeast: false });
    expect(created.invitations).toEqual({ emails: [], links: 0 });
    const read = await (
      await atVersion(`/api/feedback/requests/${created.id}`, { cookie: user.cookie })
    ).json();
    expect(read).toEqual(created);
    const list = await (await atVersion("/api/feedback/requests", { cookie: user.cookie })).json();
    expect(list.requests.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expect(list.requests[0].purpose).toBe(created.purpose);
  });

  it("keeps a short title as the request's name, and refuses one that is too long, naming the field", async () => {
    const user = await buildUser(ctx);
    const titled = await createFeedbackRequest(ctx, user.cookie, { title: "  Before my move to lead " });
    expect(titled.title).toBe("Before my move to lead");
    const untitled = await createFeedbackRequest(ctx, user.cookie);
    expect(untitled.title).toBeNull();
    const list = await (await ctx.request("/api/feedback/requests", { cookie: user.cookie })).json();
    expect(list.requests.map((r: { title: string | null }) => r.title).sort()).toEqual([
      "Before my move to lead",
      null,
    ]);
    const tooLong = await ctx.request("/api/feedback/requests", {
      body: requestBody({ title: "x".repeat(101) }),
      cookie: user.cookie,
    });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.field).toBe("title");
  });

  it("defaults k to 5 and every lane", async () => {
    const user = await buildUser(ctx);
    const { minResponses: _k, lanes: _lanes, ...body } = requestBody();
    const response = await atVersion("/api/feedback/requests", { body, cookie: user.cookie });
    const created = await response.json();
    expect(created.minResponses).toBe(5);
    expect(created.lanes).toEqual(["crafting", "market", "organizational", "domain", "team", "growth"]);
  });

  it.each([
    [{ purpose: "  " }, "purpose", /why you are asking/],
    [{ minResponses: 2 }, "minResponses", /at least 3/],
    [{ minResponses: 11 }, "minResponses", /at most 10/],
    [{ minResponses: 4.5 }, "minResponses", /whole number/],
    [{ closesOn: addDays(isoDay(), -1) }, "closesOn", /from today \(\d+ \w+ \d{4}\) on/],
    [{ closesOn: "next week" }, "closesOn", /closing date/],
    [{ closesOn: addDays(isoDay(), 200) }, "closesOn", /six months/],
    [{ questions: Array(7).fill("Why?") }, "questions", /at most 6/],
    [{ questions: [""] }, "questions.0", /Write the question/],
    [{ questions: [], lanes: [] }, "questions", /at least one question/],
    [{ lanes: ["crafting", "crafting"] }, "lanes", /each lane once/],
    [{ lanes: ["design"] }, "lanes.0", /six lanes/],
    [{ purpose: "a\u0000b" }, "purpose", /control characters/],
  ])("refuses a bad request with the field named (%#)", async (overrides, field, message) => {
    const user = await buildUser(ctx);
    const response = await atVersion("/api/feedback/requests", {
      body: requestBody(overrides),
      cookie: user.cookie,
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("answers another member with not found on every route, and a signed-out visitor with 401", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const routes: [string, string, unknown][] = [
      ["GET", `/api/feedback/requests/${id}`, undefined],
      ["PATCH", `/api/feedback/requests/${id}`, { minResponses: 4 }],
      ["DELETE", `/api/feedback/requests/${id}`, undefined],
      ["POST", `/api/feedback/requests/${id}/close`, {}],
      ["POST", `/api/feedback/requests/${id}/invitations`, { links: 1 }],
      ["POST", `/api/feedback/requests/${id}/reminder`, {}],
      ["POST", `/api/feedback/requests/${id}/thank-you`, { message: "Thanks" }],
      ["GET", `/api/feedback/requests/${id}/results`, undefined],
      ["GET", `/api/feedback/requests/${id}/export`, undefined],
      ["PUT", `/api/feedback/requests/${id}/reflections/q1`, { heard: "x" }],
    ];
    for (const [method, path, body] of routes) {
      const asOther = await atVersion(path, { method, body, cookie: other.cookie });
      expect(asOther.status, `${method} ${path}`).toBe(404);
      expect((await asOther.json()).error.message).toMatch(/no feedback request with this id/);
      const anonymous = await atVersion(path, { method, body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
    }
    const list = await (await atVersion("/api/feedback/requests", { cookie: other.cookie })).json();
    expect(list.requests).toEqual([]);
    const still = await atVersion(`/api/feedback/requests/${id}`, { cookie: owner.cookie });
    expect((await still.json()).status).toBe("open");
  });
});

describe("invitations and giving", () => {
  it("emails a single-use link that shows who asked and why, takes one set of answers, then is used", async () => {
    const owner = await buildUser(ctx, { name: "Robin Asker" });
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const giverEmail = uniqueEmail("giver");
    const invited = await atVersion(`/api/feedback/requests/${id}/invitations`, {
      body: { emails: [giverEmail.toUpperCase(), giverEmail], links: 2 },
      cookie: owner.cookie,
    });
    expect(invited.status).toBe(200);
    const body = await invited.json();
    expect(body.links).toHaveLength(2);
    expect(body.request.invitations).toEqual({ emails: [giverEmail], links: 2 });
    const [mail] = await mailTo(ctx, giverEmail);
    expect(mail?.subject).toBe("Robin Asker asks for your honest feedback");
    expect(mail?.text).toContain("moving into a product lead role");
    const token = await tokenFromEmail(ctx, giverEmail);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await ctx.db
      .select()
      .from(feedbackInvitations)
      .where(eq(feedbackInvitations.email, giverEmail));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const again = await atVersion(`/api/feedback/requests/${id}/invitations`, {
      body: { emails: [giverEmail] },
      cookie: owner.cookie,
    });
    expect((await again.json()).alreadyInvited).toEqual([giverEmail]);
    expect(await mailTo(ctx, giverEmail)).toHaveLength(1);

    const view = await (await atVersion(`/api/give/${token}`)).json();
    expect(view).toEqual({
      status: "open",
      askedBy: "Robin Asker",
      purpose: requestBody().purpose,
      closesOn: requestBody().closesOn,
      minResponses: 3,
      questions: [
        { key: "q1", prompt: "What should I keep doing?" },
        { key: "q2", prompt: "What should I start doing, or stop doing?" },
      ],
      lanes: ["crafting", "organizational"],
    });

    const given = await give(ctx, token, answersMarked("first"));
    expect(given.status).toBe(200);
    expect(await given.json()).toEqual({ received: true });
    expect(await (await atVersion(`/api/give/${token}`)).json()).toEqual({
      status: "used",
      askedBy: "Robin Asker",
    });
    const twice = await give(ctx, token, answersMarked("second"));
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toMatch(/already been used/);
    const detail = await (await atVersion(`/api/feedback/requests/${id}`, { cookie: owner.cookie })).json();
    expect(detail.responses).toEqual({ shown: 1, atLeast: false });
    expect(detail.minResponsesLocked).toBe(true);
  });

  it("answers unknown and malformed links clearly, never with an error page", async () => {
    const unknown = "A".repeat(43);
    expect(await (await atVersion(`/api/give/${unknown}`)).json()).toEqual({ status: "unknown" });
    expect(await (await atVersion("/api/give/not-a-token")).json()).toEqual({ status: "unknown" });
    const post = await give(ctx, unknown, answersMarked("x"));
    expect(post.status).toBe(404);
    expect((await post.json()).error.message).toMatch(/link is not valid/);
  });

  it.each([
    [{ answers: {}, lanes: {} }, "answers", /at least one question/],
    [{ answers: { q9: "Hello" } }, "answers.q9", /not part of the request/],
    [{ answers: { q1: "x".repeat(4001) } }, "answers.q1", /4000/],
    [{ answers: {}, lanes: { growth: { rating: 3 } } }, "lanes.growth", /not part of the request/],
    [{ answers: {}, lanes: { crafting: { rating: 6 } } }, "lanes.crafting.rating", /1 to 5/],
    [
      { answers: {}, lanes: { crafting: { rating: null, comment: "Good" } } },
      "lanes.crafting.rating",
      /Pick a rating for Crafting/,
    ],
    [{ answers: { q1: "   \n  " } }, "answers", /at least one question/],
    [
      { answers: { q1: Array(31).fill("One more thing.").join("\n") } },
      "answers.q1",
      /^Keep this answer to at most 30 paragraphs: it has 31 separate lines\. Join some lines together\.$/,
    ],
    [
      { answers: {}, lanes: { crafting: { rating: 3, comment: "Good.\n".repeat(40) } } },
      "lanes.crafting.comment",
      /comment to at most 30 paragraphs: it has 40 separate lines/,
    ],
  ])(
    "refuses bad answers with the field named and leaves the link unused (%#)",
    async (body, field, message) => {
      const owner = await buildUser(ctx);
      const { id } = await createFeedbackRequest(ctx, owner.cookie);
      const [token] = await copyLinks(ctx, owner.cookie, id, 1);
      const response = await give(ctx, token as string, body);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect((await (await atVersion(`/api/give/${token}`)).json()).status).toBe("open");
    },
  );

  it("closes early and after the closing date: links say so and take no answers", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const [early] = await copyLinks(ctx, owner.cookie, id, 1);
    const closed = await atVersion(`/api/feedback/requests/${id}/close`, {
      body: {},
      cookie: owner.cookie,
    });
    expect((await closed.json()).status).toBe("closed");
    expect((await (await atVersion(`/api/give/${early}`)).json()).status).toBe("closed");
    const refused = await give(ctx, early as string, answersMarked("late"));
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/closed/);
    const closeAgain = await atVersion(`/api/feedback/requests/${id}/close`, {
      body: {},
      cookie: owner.cookie,
    });
    expect(closeAgain.status).toBe(409);

    const second = await createFeedbackRequest(ctx, owner.cookie);
    const [expired] = await copyLinks(ctx, owner.cookie, second.id, 1);
    await ctx.db
      .update(feedbackRequests)
      .set({ closesOn: addDays(isoDay(), -1) })
      .where(eq(feedbackRequests.id, second.id));
    expect(await (await atVersion(`/api/give/${expired}`)).json()).toEqual({
      status: "closed",
      askedBy: owner.name,
    });
    const late = await give(ctx, expired as string, answersMarked("late"));
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toMatch(/closed/);

    // Neither refused submission left anything behind: no answer rows, no used link, no count.
    expect(
      await ctx.db
        .select()
        .from(feedbackAnswers)
        .where(inArray(feedbackAnswers.requestId, [id, second.id])),
    ).toEqual([]);
    const invitations = await ctx.db
      .select({ usedOn: feedbackInvitations.usedOn })
      .from(feedbackInvitations)
      .where(inArray(feedbackInvitations.requestId, [id, second.id]));
    expect(invitations).toEqual([{ usedOn: null }, { usedOn: null }]);
    for (const requestId of [id, second.id]) {
      const detail = await (
        await atVersion(`/api/feedback/requests/${requestId}`, { cookie: owner.cookie })
      ).json();
      expect(detail.responses).toEqual({ shown: 0, atLeast: false });
    }
  });

  it("fixes k once the first response is in", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const before = await atVersion(`/api/feedback/requests/${id}`, {
      method: "PATCH",
      body: { minResponses: 4, closesOn: addDays(isoDay(), 20) },
      cookie: owner.cookie,
    });
    expect(before.status).toBe(200);
    expect((await before.json()).minResponses).toBe(4);
    const [token] = await copyLinks(ctx, owner.cookie, id, 1);
    await give(ctx, token as string, answersMarked("a"));
    const after = await atVersion(`/api/feedback/requests/${id}`, {
      method: "PATCH",
      body: { minResponses: 3 },
      cookie: owner.cookie,
    });
    expect(after.status).toBe(409);
    const { error } = await after.json();
    expect(error.field).toBe("minResponses");
    expect(error.message).toMatch(/fixed once the first response is in/);
    const moved = await atVersion(`/api/feedback/requests/${id}`, {
      method: "PATCH",
      body: { closesOn: addDays(isoDay(), 30) },
      cookie: owner.cookie,
    });
    expect((await moved.json()).closesOn).toBe(addDays(isoDay(), 30));
  });

  it("sends one reminder, with a fresh link, only to people invited by email who have not answered", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const answered = uniqueEmail("answered");
    const waiting = uniqueEmail("waiting");
    await atVersion(`/api/feedback/requests/${id}/invitations`, {
      body: { emails: [answered, waiting] },
      cookie: owner.cookie,
    });
    await give(ctx, await tokenFromEmail(ctx, answered), answersMarked("a"));
    const firstLink = await tokenFromEmail(ctx, waiting);
    const reminded = await atVersion(`/api/feedback/requests/${id}/reminder`, {
      body: {},
      cookie: owner.cookie,
    });
    expect(reminded.status).toBe(200);
    const body = await reminded.json();
    expect(body.reminderSentOn).toBe(isoDay());
    expect(JSON.stringify(body)).not.toMatch(/remind(ed)?Count|pending/);
    expect(await mailTo(ctx, answered)).toHaveLength(1);
    const waitingMail = await mailTo(ctx, waiting);
    expect(waitingMail).toHaveLength(2);
    expect(waitingMail[1]?.subject).toMatch(/A reminder/);
    expect(waitingMail[1]?.text).toMatch(/first email still works/);
    const secondLink = await tokenFromEmail(ctx, waiting);
    expect(secondLink).not.toBe(firstLink);
    const again = await atVersion(`/api/feedback/requests/${id}/reminder`, {
      body: {},
      cookie: owner.cookie,
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/one reminder/);
  });

  it("keeps the first link working after the reminder, and one answer uses up both links", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const [first, second] = [uniqueEmail("first"), uniqueEmail("second")];
    await atVersion(`/api/feedback/requests/${id}/invitations`, {
      body: { emails: [first, second] },
      cookie: owner.cookie,
    });
    const before = { first: await tokenFromEmail(ctx, first), second: await tokenFromEmail(ctx, second) };
    await atVersion(`/api/feedback/requests/${id}/reminder`, { body: {}, cookie: owner.cookie });
    const after = { first: await tokenFromEmail(ctx, first), second: await tokenFromEmail(ctx, second) };
    const state = async (token: string) => (await (await atVersion(`/api/give/${token}`)).json()).status;
    for (const token of [before.first, after.first, before.second, after.second]) {
      expect(await state(token)).toBe("open");
    }

    // The first person answers with the old link, the second with the new one: either way both go.
    expect((await give(ctx, before.first, answersMarked("old link"))).status).toBe(200);
    expect((await give(ctx, after.second, answersMarked("new link"))).status).toBe(200);
    for (const token of [before.first, after.first, before.second, after.second]) {
      expect(await state(token)).toBe("used");
      const twice = await give(ctx, token, answersMarked("twice"));
      expect(twice.status).toBe(409);
    }
    const detail = await (await atVersion(`/api/feedback/requests/${id}`, { cookie: owner.cookie })).json();
    expect(detail.responses).toEqual({ shown: 2, atLeast: false });

    // Both emails to one person carry the same draft key after #, which the browser keeps to itself;
    // another person's key differs, and no key gives away the token.
    const draftKeys = async (email: string) =>
      (await mailTo(ctx, email)).map((mail) => mail.text.match(/\/give\/\S+#(\S+)/)?.[1]);
    const [firstKey, firstKeyAgain] = await draftKeys(first);
    expect(firstKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(firstKeyAgain).toBe(firstKey);
    expect((await draftKeys(second))[0]).not.toBe(firstKey);
    expect([before.first, after.first].some((token) => token.includes(firstKey as string))).toBe(false);
  });

  it("sends an invitation again when its email never reached the outbox", async () => {
    const owner = await buildUser(ctx, { name: "Outbox Owner" });
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const [lost, unsent] = [uniqueEmail("lost"), uniqueEmail("unsent")];
    const invite = (emails: string[]) =>
      atVersion(`/api/feedback/requests/${id}/invitations`, { body: { emails }, cookie: owner.cookie });
    const send = ctx.mailer.send;
    ctx.mailer.send = async (message) => {
      if (message.to === lost) throw new Error("the outbox is unavailable");
      return send(message);
    };
    let failed: Response;
    try {
      failed = await invite([lost, unsent]);
    } finally {
      ctx.mailer.send = send;
    }
    expect(failed.status).toBe(503);
    expect((await failed.json()).error.message).toMatch(/Invite the same addresses again/);
    expect(await mailTo(ctx, lost)).toEqual([]);
    expect(await mailTo(ctx, unsent)).toEqual([]);
    expect(ctx.logs.join("\n")).not.toContain(lost);

    const retried = await invite([lost, unsent]);
    expect(retried.status).toBe(200);
    const retriedBody = await retried.json();
    expect(retriedBody.alreadyInvited).toEqual([]);
    expect(retriedBody.request.invitations.emails.sort()).toEqual([lost, unsent].sort());
    for (const email of [lost, unsent]) {
      const mails = await mailTo(ctx, email);
      expect(mails.map((m) => m.subject)).toEqual(["Outbox Owner asks for your honest feedback"]);
      expect((await (await atVersion(`/api/give/${await tokenFromEmail(ctx, email)}`)).json()).status).toBe(
        "open",
      );
    }

    // Once the email is in the outbox, inviting the address again sends nothing more.
    const third = await (await invite([lost, unsent])).json();
    expect(third.alreadyInvited.sort()).toEqual([lost, unsent].sort());
    expect(await mailTo(ctx, lost)).toHaveLength(1);
    expect(await mailTo(ctx, unsent)).toHaveLength(1);
  });

  it("takes an answer of at most 30 paragraphs, and a large waiting pool still takes the next answer", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie, { minResponses: 5 });
    const [first, second] = await copyLinks(ctx, owner.cookie, id, 2);
    const longest = Array.from({ length: 30 }, (_, index) => `Point ${index + 1}.`).join("\n");
    expect((await give(ctx, first as string, { answers: { q1: longest } })).status).toBe(200);

    // More waiting rows than one statement could re-insert at six parameters a row (65,535 at most).
    await fillWaitingPool(ctx, id, 11_000);
    const accepted = await give(ctx, second as string, answersMarked("after the pool"));
    expect(accepted.status).toBe(200);
    const [{ count } = { count: 0 }] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(feedbackAnswers)
      .where(and(eq(feedbackAnswers.requestId, id), eq(feedbackAnswers.released, false)));
    // 30 paragraphs, 11,000 waiting, then 3 paragraphs and 2 ratings with 1 comment.
    expect(count).toBe(30 + 11_000 + 6);
  });
});

describe("results", () => {
  it("shows nothing until k responses, then shuffled paragraphs and lane distributions beside the self-assessment", async () => {
    const owner = await buildUser(ctx);
    await atVersion("/api/lanes/assessments", {
      body: { ratings: { crafting: 5, market: 2, organizational: 4, domain: 2, team: 1, growth: 3 } },
      cookie: owner.cookie,
    });
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const tokens = await copyLinks(ctx, owner.cookie, id, 5);
    await give(ctx, tokens[0] as string, answersMarked("alpha", 2));
    await give(ctx, tokens[1] as string, {
      answers: { q1: "beta only answers the first question" },
      lanes: { crafting: { rating: 4 } },
    });
    const hidden = await results(ctx, owner.cookie, id);
    expect(hidden.open).toBe(false);
    expect(hidden.questions.every((q: { themes: unknown[] }) => q.themes.length === 0)).toBe(true);
    expect(hidden.lanes.every((l: { raters: number }) => l.raters === 0)).toBe(true);
    expect(JSON.stringify(hidden)).not.toMatch(/alpha|beta/);
    const notices = async () => (await mailTo(ctx, owner.email)).filter((m) => /response/i.test(m.subject));
    expect(await notices()).toHaveLength(0);

    await give(ctx, tokens[2] as string, answersMarked("gamma", 1));
    const shown = await results(ctx, owner.cookie, id);
    expect(shown.open).toBe(true);
    const [q1, q2] = shown.questions;
    expect(q1.shown).toBe(true);
    expect(sortedParagraphs(q1)).toEqual(
      [
        "alpha keep running the weekly review.",
        "alpha your specs are clear.",
        "beta only answers the first question",
        "gamma keep running the weekly review.",
        "gamma your specs are clear.",
      ].sort(),
    );
    // Only two people answered the second question: it stays hidden.
    expect(q2).toMatchObject({ shown: false, themes: [] });
    const crafting = shown.lanes.find((l: { lane: string }) => l.lane === "crafting");
    expect(crafting).toMatchObject({
      shown: true,
      distribution: [1, 1, 0, 1, 0],
      raters: 3,
      median: 2,
      mean: 2.3,
      self: 5,
    });
    expect([...crafting.comments].sort()).toEqual(["alpha crafting is solid.", "gamma crafting is solid."]);
    const organizational = shown.lanes.find((l: { lane: string }) => l.lane === "organizational");
    expect(organizational).toMatchObject({ shown: false, raters: 0, self: 4 });
    expect(shown.selfAssessedOn).toBe(isoDay());

    const sent = await notices();
    expect(sent.map((m) => m.subject)).toEqual(["Enough responses are in for your feedback request"]);
    expect(sent[0]?.text).not.toMatch(/alpha|beta|gamma|just answered/);

    // A fourth response moves neither the count nor the first question's paragraphs.
    await give(ctx, tokens[3] as string, answersMarked("delta", 5));
    const later = await results(ctx, owner.cookie, id);
    expect(sortedParagraphs(later.questions[0])).toEqual(sortedParagraphs(q1));
    expect(later.questions[1]).toMatchObject({ shown: true });
    expect(sortedParagraphs(later.questions[1])).toEqual(
      [
        "alpha start saying no sooner.",
        "delta start saying no sooner.",
        "gamma start saying no sooner.",
      ].sort(),
    );
    const detail = await (await atVersion(`/api/feedback/requests/${id}`, { cookie: owner.cookie })).json();
    expect(detail.responses).toEqual({ shown: 3, atLeast: true });
    expect(await notices()).toHaveLength(1);
  });

  it("groups each question's paragraphs into themes by their words, each paragraph once, the export alike", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const tokens = await copyLinks(ctx, owner.cookie, id, 3);
    const written = [
      "Your specs are clear and thorough.\nStakeholders always know where things stand.\nThank you for asking.",
      "The PRD for search covered every edge case.\nYou align the execs before anyone asks.",
      "Backlog grooming with you is sharp.\nCustomers trust you.\nYou hire well.\nThank you for asking.",
    ];
    for (const [index, q1] of written.entries()) {
      await give(ctx, tokens[index] as string, { answers: { q1, ...(index < 2 ? { q2: "Stay." } : {}) } });
    }

    const read = await results(ctx, owner.cookie, id);
    const [q1, q2] = read.questions;
    type Theme = { key: string; label: string; paragraphs: string[] };
    expect(q1.themes.map((t: Theme) => [t.key, t.label, t.paragraphs.length])).toEqual([
      ["crafting", "Crafting", 3],
      ["organizational", "Organizational", 2],
      ["market", "Market", 1],
      ["team", "Team", 1],
      ["other", "Other", 2],
    ]);
    expect(q1.themes[0].paragraphs.sort()).toEqual([
      "Backlog grooming with you is sharp.",
      "The PRD for search covered every edge case.",
      "Your specs are clear and thorough.",
    ]);
    expect(q1.themes.every((t: Theme) => Object.keys(t).sort().join() === "key,label,paragraphs")).toBe(true);
    // Every released paragraph exactly once across the themes; the same sentence from two givers twice.
    expect(sortedParagraphs(q1)).toEqual(written.flatMap((text) => text.split("\n")).sort());
    // Only two people answered the second question: no themes, nothing to count.
    expect(q2).toMatchObject({ shown: false, themes: [] });

    const exported = await (
      await atVersion(`/api/feedback/requests/${id}/export`, { cookie: owner.cookie })
    ).json();
    const grouping = (themes: Theme[]) => themes.map((t) => [t.key, [...t.paragraphs].sort()]);
    expect(grouping(exported.results.questions[0].themes)).toEqual(grouping(q1.themes));
  });

  it("asks for what was heard before a theme is marked read, then sends one thank-you to everyone asked", async () => {
    const owner = await buildUser(ctx, { name: "Thankful Owner" });
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const emails = [uniqueEmail("g"), uniqueEmail("g"), uniqueEmail("g"), uniqueEmail("g")];
    await atVersion(`/api/feedback/requests/${id}/invitations`, { body: { emails }, cookie: owner.cookie });
    const early = await atVersion(`/api/feedback/requests/${id}/reflections/q1`, {
      method: "PUT",
      body: { heard: "x", read: true },
      cookie: owner.cookie,
    });
    expect(early.status).toBe(409);
    const noThanksYet = await atVersion(`/api/feedback/requests/${id}/thank-you`, {
      body: { message: "Thank you" },
      cookie: owner.cookie,
    });
    expect(noThanksYet.status).toBe(409);
    for (const email of emails.slice(0, 3)) {
      await give(ctx, await tokenFromEmail(ctx, email), answersMarked(email.slice(0, 8)));
    }
    const path = `/api/feedback/requests/${id}/reflections/q1`;
    const bare = await atVersion(path, {
      method: "PUT",
      body: { heard: "", read: true },
      cookie: owner.cookie,
    });
    expect(bare.status).toBe(400);
    expect((await bare.json()).error).toMatchObject({ field: "heard", message: /Write what you heard/ });
    const saved = await atVersion(path, {
      method: "PUT",
      body: { heard: "People rely on my weekly review.", read: true },
      cookie: owner.cookie,
    });
    expect(saved.status).toBe(200);
    const q1 = (await saved.json()).questions[0];
    expect(q1).toMatchObject({ heard: "People rely on my weekly review.", readOn: isoDay() });
    const unknown = await atVersion(`/api/feedback/requests/${id}/reflections/q7`, {
      method: "PUT",
      body: { heard: "x" },
      cookie: owner.cookie,
    });
    expect(unknown.status).toBe(404);

    // A double click sends two requests at once: exactly one thank-you goes out.
    const both = await Promise.all(
      [1, 2].map(() =>
        atVersion(`/api/feedback/requests/${id}/thank-you`, {
          body: { message: "Thank you, all of you: I heard you." },
          cookie: owner.cookie,
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const thanks = both.find((r) => r.status === 200);
    if (!thanks) throw new Error("neither thank-you request succeeded");
    expect((await thanks.json()).thankedOn).toBe(isoDay());
    for (const email of emails) {
      const thankYous = (await mailTo(ctx, email)).filter(
        (m) => m.subject === "A thank-you from Thankful Owner",
      );
      expect(thankYous).toHaveLength(1);
      expect(thankYous[0]?.text).toContain("Thank you, all of you: I heard you.");
    }
    const twice = await atVersion(`/api/feedback/requests/${id}/thank-you`, {
      body: { message: "Again" },
      cookie: owner.cookie,
    });
    expect(twice.status).toBe(409);
  });

  it("exports aggregated results only, and deleting a request deletes its invitations and answers", async () => {
    const owner = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const giver = uniqueEmail("exported");
    await atVersion(`/api/feedback/requests/${id}/invitations`, {
      body: { emails: [giver], links: 2 },
      cookie: owner.cookie,
    });
    const nothing = await atVersion(`/api/feedback/requests/${id}/invitations`, {
      body: { links: 0 },
      cookie: owner.cookie,
    });
    expect(nothing.status).toBe(400);
    expect((await nothing.json()).error).toMatchObject({
      field: "emails",
      message: "Add at least one email address or ask for at least one link",
    });
    // Longer than any address can be, and longer than the database indexes: a clear 400, not a 500.
    const huge = await atVersion(`/api/feedback/requests/${id}/invitations`, {
      body: { emails: [`${randomBytes(1600).toString("hex")}@example.test`] },
      cookie: owner.cookie,
    });
    expect(huge.status).toBe(400);
    expect((await huge.json()).error).toMatchObject({
      field: "emails.0",
      message: "An email address has at most 254 characters",
    });
    const links = (
      await ctx.db.select().from(feedbackInvitations).where(eq(feedbackInvitations.requestId, id))
    ).length;
    expect(links).toBe(3);
    await give(ctx, await tokenFromEmail(ctx, giver), answersMarked("one"));
    const more = await copyLinks(ctx, owner.cookie, id, 2);
    for (const token of more) await give(ctx, token, answersMarked("two"));

    const response = await atVersion(`/api/feedback/requests/${id}/export`, { cookie: owner.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="feedback-/);
    const exported = await response.json();
    expect(Object.keys(exported).sort()).toEqual(["exportedOn", "request", "results"]);
    expect(exported.request.invited).toBe(5);
    expect(exported.request.invitations).toBeUndefined();
    expect(JSON.stringify(exported)).not.toContain(giver);
    expect(exported.results.open).toBe(true);
    expect(sortedParagraphs(exported.results.questions[0])).toHaveLength(6);

    const deleted = await atVersion(`/api/feedback/requests/${id}`, {
      method: "DELETE",
      cookie: owner.cookie,
    });
    expect(await deleted.json()).toEqual({ deleted: true });
    expect(await ctx.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, id))).toEqual([]);
    expect(
      await ctx.db.select().from(feedbackInvitations).where(eq(feedbackInvitations.requestId, id)),
    ).toEqual([]);
    expect(await ctx.db.select().from(feedbackAnswers).where(eq(feedbackAnswers.requestId, id))).toEqual([]);
    expect((await atVersion(`/api/feedback/requests/${id}`, { cookie: owner.cookie })).status).toBe(404);
  });
});

describe("shadows of superpowers", () => {
  it("names up to three superpowers and pulls forward feedback that contradicts them", async () => {
    const owner = await buildUser(ctx);
    await atVersion("/api/lanes/assessments", {
      body: { ratings: { crafting: 5, market: 2, organizational: 4, domain: 2, team: 1, growth: 3 } },
      cookie: owner.cookie,
    });
    const empty = await (await atVersion("/api/feedback/superpowers", { cookie: owner.cookie })).json();
    expect(empty).toEqual({ chosen: [], contradictions: [], version: 0 });
    const tooMany = await atVersion("/api/feedback/superpowers", {
      method: "PUT",
      body: { superpowers: ["collaborator", "storyteller", "visionary", "executor"] },
      cookie: owner.cookie,
    });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error).toMatchObject({ field: "superpowers", message: /at most three/ });

    const { id } = await createFeedbackRequest(ctx, owner.cookie);
    const tokens = await copyLinks(ctx, owner.cookie, id, 3);
    for (const [index, token] of tokens.entries()) {
      await give(ctx, token, {
        answers: {
          q1: [
            "The story is great but the details often slip.",
            // Praise of the strength, not its shadow: it must not be flagged.
            "Great attention to detail in every spec, and you never miss edge cases.",
            "Keep going.",
          ][index] as string,
        },
        lanes: { crafting: { rating: 2 } },
      });
    }
    const saved = await atVersion("/api/feedback/superpowers", {
      method: "PUT",
      body: {
        superpowers: ["storyteller", "collaborator"],
        responses: { storyteller: "I will pair with a detail-minded PM." },
      },
      cookie: owner.cookie,
    });
    expect(saved.status).toBe(200);
    const view = await saved.json();
    expect(view.chosen.map((c: { key: string; shadow: string }) => [c.key, c.shadow])).toEqual([
      ["storyteller", "Weak on details"],
      ["collaborator", "Avoids strong opinions"],
    ]);
    expect(view.chosen[0].response).toBe("I will pair with a detail-minded PM.");
    expect(view.contradictions).toEqual(
      expect.arrayContaining([
        {
          superpower: "storyteller",
          kind: "lane",
          lane: "crafting",
          self: 5,
          givers: 2,
          text: "",
          requestId: id,
        },
        {
          superpower: "storyteller",
          kind: "comment",
          lane: null,
          self: null,
          givers: null,
          text: "The story is great but the details often slip.",
          requestId: id,
        },
      ]),
    );
    expect(view.contradictions).toHaveLength(2);
    expect(JSON.stringify(view.contradictions)).not.toContain("attention to detail");
    const other = await buildUser(ctx);
    expect(await (await atVersion("/api/feedback/superpowers", { cookie: other.cookie })).json()).toEqual({
      chosen: [],
      contradictions: [],
      version: 0,
    });
  });

  it("keeps every low lane rating and caps flagged comments per request, so one request cannot crowd out another", async () => {
    const owner = await buildUser(ctx);
    await atVersion("/api/lanes/assessments", {
      body: { ratings: { crafting: 5, market: 2, organizational: 4, domain: 2, team: 1, growth: 3 } },
      cookie: owner.cookie,
    });
    const answerAll = async (id: string, first: string) => {
      for (const [index, token] of (await copyLinks(ctx, owner.cookie, id, 3)).entries()) {
        const given = await give(ctx, token, {
          answers: { q1: index === 0 ? first : "Keep going." },
          lanes: { crafting: { rating: 2 } },
        });
        expect(given.status).toBe(200);
      }
    };
    const older = await createFeedbackRequest(ctx, owner.cookie);
    await answerAll(older.id, "Loose ends pile up after each launch.");
    const newer = await createFeedbackRequest(ctx, owner.cookie);
    await answerAll(
      newer.id,
      Array.from({ length: 14 }, (_, index) => `Sprint ${index + 1}: the details slip again.`).join("\n"),
    );
    const response = await atVersion("/api/feedback/superpowers", {
      method: "PUT",
      body: { superpowers: ["storyteller"] },
      cookie: owner.cookie,
    });
    const { contradictions } = (await response.json()) as {
      contradictions: { kind: string; requestId: string; text: string }[];
    };
    const of = (requestId: string, kind: string) =>
      contradictions.filter((c) => c.requestId === requestId && c.kind === kind);
    expect(of(newer.id, "lane")).toHaveLength(1);
    expect(of(newer.id, "comment")).toHaveLength(6);
    expect(of(older.id, "lane")).toHaveLength(1);
    expect(of(older.id, "comment").map((c) => c.text)).toEqual(["Loose ends pile up after each launch."]);
  });
});
