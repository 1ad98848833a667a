import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, mailTo } from "../../../../test/factories.ts";
import { copyLinks, give, tokenFromEmail } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { users } from "../../auth/auth.table.ts";
import { outbox } from "../mail/outbox.table.ts";
import { draftKeyFor } from "./anonymity.ts";
import { feedbackAnswers, feedbackInvitations } from "./feedback.table.ts";

let ctx: TestContext;
beforeAll(async () => {
  // Debug level, so even the chattiest log output is searched.
  ctx = await createTestContext({ LOG_LEVEL: "debug" });
});
afterAll(() => ctx.close());

const sorted = (list: string[]) => [...list].sort();
const paragraphsOf = (question: { themes: { paragraphs: string[] }[] }) =>
  question.themes.flatMap((theme) => theme.paragraphs);

describe("the canary: a giver's identity never meets what they wrote", () => {
  it("finds the canary in no API response, email, export, log line or answer row beside the answer", async () => {
    const tag = randomBytes(4).toString("hex");
    const canary = {
      name: `Zephyrine Quillfeather ${tag}`,
      email: `zephyrine-${tag}@canary.test`,
      ip: "198.51.100.77",
      phrase: `lighthouse-${tag}`,
    };
    const receiver = await buildUser(ctx, { name: "Receiver Person" });
    // The giver also has a Sidecar account and is signed in while answering: still nothing may connect.
    const giver = await buildUser(ctx, { name: canary.name, email: canary.email });
    const others = [`other-a-${tag}@example.test`, `other-b-${tag}@example.test`];
    const seen: { label: string; text: string }[] = [];
    const call = async (label: string, path: string, options: Parameters<TestContext["request"]>[1] = {}) => {
      const response = await ctx.request(path, options);
      const text = await response.text();
      seen.push({ label, text });
      return { status: response.status, json: text ? JSON.parse(text) : null };
    };

    const created = await call("create", "/api/feedback/requests", {
      cookie: receiver.cookie,
      body: {
        purpose: "Preparing for a promotion conversation.",
        questions: ["What should I keep doing?", "Where do my strengths get in my way?"],
        lanes: ["crafting", "team"],
        closesOn: new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10),
        minResponses: 3,
      },
    });
    const id = created.json.id as string;
    await call("invite", `/api/feedback/requests/${id}/invitations`, {
      cookie: receiver.cookie,
      body: { emails: [canary.email, ...others] },
    });
    const [copied] = await copyLinks(ctx, receiver.cookie, id, 1);
    const canaryToken = await tokenFromEmail(ctx, canary.email);
    const [invitation] = await ctx.db
      .select()
      .from(feedbackInvitations)
      .where(eq(feedbackInvitations.email, canary.email));
    const invitationIds = (
      await ctx.db
        .select({ id: feedbackInvitations.id })
        .from(feedbackInvitations)
        .where(eq(feedbackInvitations.requestId, id))
    ).map((row) => row.id);

    await call("giver view", `/api/give/${canaryToken}`, { cookie: giver.cookie, ip: canary.ip });
    const answer = {
      answers: {
        q1: `Keep the ${canary.phrase} habit of weekly notes.\nAnd the demos.`,
        q2: `Your ${canary.phrase} certainty can shut others down.`,
      },
      lanes: {
        crafting: { rating: 2, comment: `Specs ${canary.phrase} miss edge cases.` },
        team: { rating: 4 },
      },
    };
    expect(
      (await call("give", `/api/give/${canaryToken}`, { cookie: giver.cookie, ip: canary.ip, body: answer }))
        .status,
    ).toBe(200);
    // A second try and a broken body exercise the error paths too.
    await call("give again", `/api/give/${canaryToken}`, {
      cookie: giver.cookie,
      ip: canary.ip,
      body: answer,
    });
    await call("give broken", `/api/give/${canaryToken}`, {
      cookie: giver.cookie,
      ip: canary.ip,
      body: `{"answers": "${canary.email}"`,
    });
    for (const email of others) {
      await give(ctx, await tokenFromEmail(ctx, email), {
        answers: { q1: "Keep the weekly notes.", q2: "Sometimes too certain." },
        lanes: { crafting: { rating: 3 }, team: { rating: 3 } },
      });
    }
    await give(ctx, copied as string, {
      answers: { q1: "Keep shipping." },
      lanes: { crafting: { rating: 4 } },
    });

    const readAll = async (label: string) => {
      await call(`${label} list`, "/api/feedback/requests", { cookie: receiver.cookie });
      await call(`${label} detail`, `/api/feedback/requests/${id}`, { cookie: receiver.cookie });
      await call(`${label} results`, `/api/feedback/requests/${id}/results`, { cookie: receiver.cookie });
      await call(`${label} export`, `/api/feedback/requests/${id}/export`, { cookie: receiver.cookie });
      await call(`${label} superpowers`, "/api/feedback/superpowers", { cookie: receiver.cookie });
      return (
        await call(`${label} results`, `/api/feedback/requests/${id}/results`, { cookie: receiver.cookie })
      ).json;
    };
    const before = await readAll("receiver");
    await call("reflect", `/api/feedback/requests/${id}/reflections/q1`, {
      method: "PUT",
      cookie: receiver.cookie,
      body: { heard: "People value the notes.", read: true, version: 0 },
    });
    await call("remind", `/api/feedback/requests/${id}/reminder`, { cookie: receiver.cookie, body: {} });
    await call("thank", `/api/feedback/requests/${id}/thank-you`, {
      cookie: receiver.cookie,
      body: { message: "Thank you for your honesty." },
    });
    await call("giver view after", `/api/give/${canaryToken}`, { ip: canary.ip });

    // The answer did arrive: its paragraphs are in the results, loose among the others.
    expect(before.open).toBe(true);
    expect(paragraphsOf(before.questions[0])).toContain(`Keep the ${canary.phrase} habit of weekly notes.`);
    expect(paragraphsOf(before.questions[0])).toContain("And the demos.");

    // The giver deleting their account changes nothing the receiver sees. Sidecar does not enable
    // better-auth's delete-user route (it answers 404), so the account row is deleted directly.
    const selfDelete = await ctx.request("/api/auth/delete-user", {
      cookie: giver.cookie,
      body: { password: giver.password },
    });
    expect(selfDelete.status).toBe(404);
    await ctx.db.delete(users).where(eq(users.id, giver.id));
    const after = await readAll("after deletion");
    const lanesOf = (view: { lanes: { comments: string[] }[] }) =>
      view.lanes.map((l) => ({ ...l, comments: sorted(l.comments) }));
    expect(lanesOf(after)).toEqual(lanesOf(before));
    const themesOf = (view: { questions: { themes: { key: string; paragraphs: string[] }[] }[] }) =>
      view.questions.map((q) => q.themes.map((t) => ({ key: t.key, paragraphs: sorted(t.paragraphs) })));
    expect(themesOf(after)).toEqual(themesOf(before));
    expect(
      after.questions.map((q: { themes: { paragraphs: string[] }[] }) => sorted(paragraphsOf(q))),
    ).toEqual(before.questions.map((q: { themes: { paragraphs: string[] }[] }) => sorted(paragraphsOf(q))));

    // Checked last, so every response above, including those after the deletion, is searched.
    const identity = [
      canary.name,
      canaryToken,
      canary.ip,
      invitation?.id as string,
      invitation?.tokenHash as string,
      draftKeyFor(invitation?.id as string),
      ...invitationIds,
    ];
    expect(seen.some(({ label }) => label.startsWith("after deletion"))).toBe(true);
    for (const { label, text } of seen) {
      for (const secret of identity) expect(text, `${label} contains ${secret}`).not.toContain(secret);
      if (text.includes(canary.phrase))
        expect(text, `${label} pairs the answer with the email`).not.toContain(canary.email);
    }
    // The only place the email shows is the receiver's own list of whom they asked.
    const withEmail = seen.filter(({ text }) => text.includes(canary.email)).map(({ label }) => label);
    expect(sorted([...new Set(withEmail)])).toEqual(
      sorted(["invite", "receiver detail", "remind", "thank", "after deletion detail"]),
    );

    await ctx.mailer.flush();
    const mails = await ctx.db.select().from(outbox);
    for (const mail of mails) {
      const text = `${mail.to}\n${mail.subject}\n${mail.text}\n${mail.html ?? ""}`;
      expect(text, `email to ${mail.to}`).not.toContain(canary.phrase);
      expect(text).not.toContain(canary.ip);
      if (mail.to !== canary.email) expect(text).not.toContain(canary.email);
      if (mail.to !== canary.email) expect(text).not.toContain(canary.name);
    }
    const toReceiver = await mailTo(ctx, receiver.email);
    expect(toReceiver.map((m) => m.subject)).toContain("Enough responses are in for your feedback request");

    const logs = ctx.logs.join("\n");
    for (const secret of [...identity, canary.email, canary.phrase]) expect(logs).not.toContain(secret);

    // What the database keeps about answers: no identity, no invitation, no time.
    const columns = Object.keys(feedbackAnswers).filter((k) => !k.startsWith("_") && k !== "enableRLS");
    expect(sorted(columns)).toEqual(sorted(["id", "requestId", "questionKey", "rating", "body", "released"]));
    const dump = JSON.stringify(
      await ctx.db.select().from(feedbackAnswers).where(eq(feedbackAnswers.requestId, id)),
    );
    for (const secret of [...identity, canary.email]) expect(dump).not.toContain(secret);
    expect(dump).toContain(canary.phrase);
  });
});
