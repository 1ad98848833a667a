import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltUser, buildUser, mailTo } from "../../../../test/factories.ts";
import { answersMarked, copyLinks, createFeedbackRequest, give } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { createLogger } from "../../logger.ts";
import { profiles } from "../profile/profile.table.ts";
import { unreadCountQuery } from "./notifications.repo.ts";
import { type NotifyInput, notify, sendDueDigests } from "./notifications.service.ts";
import { notifications } from "./notifications.table.ts";
import { unsubscribeToken } from "./unsubscribe-token.ts";

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let ctx: TestContext;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk) => {
        raw += chunk;
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await createTestContext({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const digestDeps = () => ({ ...ctx, logger: createLogger("silent") });

function note(user: { id: string }, title: string, link: string | null = "/feedback"): NotifyInput {
  return { userId: user.id, kind: "feedback_results_ready", title, body: `About ${title}.`, link };
}

async function notifyNow(input: NotifyInput) {
  const deliver = await ctx.db.transaction((tx) => notify(ctx, tx, input));
  deliver();
  await ctx.mailer.flush();
}

async function preferencesOf(user: BuiltUser) {
  const response = await ctx.request("/api/notifications/preferences", { cookie: user.cookie });
  expect(response.status).toBe(200);
  return response.json();
}

function savePreferences(user: BuiltUser, delivery: string, version: number) {
  return ctx.request("/api/notifications/preferences", {
    method: "PUT",
    body: { deliveries: { feedback_results_ready: delivery }, version },
    cookie: user.cookie,
  });
}

async function setDelivery(user: BuiltUser, delivery: string) {
  const response = await savePreferences(user, delivery, (await preferencesOf(user)).version);
  expect(response.status).toBe(200);
  return response.json();
}

async function inbox(user: BuiltUser, page = 1) {
  const response = await ctx.request(`/api/notifications?page=${page}`, { cookie: user.cookie });
  expect(response.status).toBe(200);
  return response.json();
}

async function unread(user: BuiltUser) {
  return (await (await ctx.request("/api/notifications/unread-count", { cookie: user.cookie })).json())
    .unread;
}

/** The plain text of a delivered message as the SMTP sink got it (quoted-printable, base64 or 7bit). */
function deliveredText(raw: string) {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  const encoding = unfolded(head)
    .match(/Content-Transfer-Encoding: (\S+)/i)?.[1]
    ?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body, "base64").toString("utf8");
  if (encoding !== "quoted-printable") return body;
  const bytes = body
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

// The outbox keeps no text once a message is delivered, so the text is read from what was delivered.
const notices = async (user: BuiltUser, subject: string | RegExp) => {
  const rows = (await mailTo(ctx, user.email)).filter((m) =>
    typeof subject === "string" ? m.subject === subject : subject.test(m.subject),
  );
  const delivered = sentTo(user.email);
  return rows.map((row, index) => {
    const sameSubject = delivered.filter((m) => unfolded(m.raw).includes(`Subject: ${row.subject}\r\n`));
    const raw = sameSubject[rows.slice(0, index).filter((r) => r.subject === row.subject).length]?.raw;
    return { ...row, text: row.bodyRemovedAt && raw ? deliveredText(raw) : row.text };
  });
};

/** A raw message with its long header lines joined back into one, as RFC 5322 folds them. */
function unfolded(raw: string) {
  return raw.replace(/\r\n[ \t]+/g, " ");
}

function sentTo(email: string) {
  return received.filter((m) => m.to.includes(email));
}

describe("notify and the member's choice per kind", () => {
  it("emails at once by default, with an unsubscribe link and the one-click headers", async () => {
    const member = await buildUser(ctx);
    await notifyNow(note(member, "First news", "/feedback/abc"));
    const list = await inbox(member);
    expect(list.notifications).toEqual([
      {
        id: expect.any(String),
        kind: "feedback_results_ready",
        title: "First news",
        body: "About First news.",
        link: "/feedback/abc",
        read: false,
        createdOn: new Date().toISOString().slice(0, 10),
      },
    ]);
    const [mail] = await notices(member, "First news");
    expect(mail?.text).toContain("http://localhost:3000/feedback/abc");
    const page = mail?.text.match(/http:\/\/localhost:3000\/unsubscribe\/\S+/)?.[0];
    expect(page).toBeDefined();
    expect(mail?.status).toBe("sent");
    const raw = unfolded(sentTo(member.email).find((m) => m.raw.includes("Subject: First news"))?.raw ?? "");
    const token = page?.split("/unsubscribe/")[1] as string;
    expect(raw).toContain(`List-Unsubscribe: <http://localhost:3000/api/unsubscribe/${token}>`);
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  it("keeps it for the digest, or sends no email, and always keeps it in the inbox", async () => {
    const member = await buildUser(ctx);
    const saved = await setDelivery(member, "digest");
    expect(saved.preferences).toContainEqual(
      expect.objectContaining({ kind: "feedback_results_ready", delivery: "digest", essential: false }),
    );
    await notifyNow(note(member, "For the digest"));
    await setDelivery(member, "off");
    await notifyNow(note(member, "No email at all"));
    expect(await notices(member, /For the digest|No email at all/)).toEqual([]);
    const list = await inbox(member);
    expect(list.notifications.map((n: { title: string }) => n.title).sort()).toEqual(
      ["For the digest", "No email at all"].sort(),
    );
    const rows = await ctx.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(rows.map((r) => r.email).sort()).toEqual(["digest", "none"]);
  });

  it("refuses a save based on choices changed since, in another tab or by an unsubscribe link", async () => {
    const member = await buildUser(ctx);
    expect((await preferencesOf(member)).version).toBe(0);
    const first = await savePreferences(member, "digest", 0);
    expect(first.status).toBe(200);
    expect((await first.json()).version).toBe(1);

    const stale = await savePreferences(member, "off", 0);
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error.field).toBe("version");
    expect(error.message).toMatch(/another tab/);
    expect((await preferencesOf(member)).preferences).toContainEqual(
      expect.objectContaining({ kind: "feedback_results_ready", delivery: "digest" }),
    );

    // The page was opened at version 1; then the member clicks "unsubscribe" in an email.
    const token = unsubscribeToken((await ctx.auth.$context).secret, member.id, "feedback_results_ready");
    expect((await ctx.app.request(`/api/unsubscribe/${token}`, { method: "POST" })).status).toBe(200);
    const afterLink = await savePreferences(member, "each", 1);
    expect(afterLink.status).toBe(409);
    const latest = await preferencesOf(member);
    expect(latest.version).toBe(2);
    expect(latest.preferences).toContainEqual(
      expect.objectContaining({ kind: "feedback_results_ready", delivery: "off" }),
    );
    expect((await savePreferences(member, "each", latest.version)).status).toBe(200);
  });

  it("lets exactly one of two saves based on the same version through, the first save included", async () => {
    const member = await buildUser(ctx);
    for (const version of [0, 1]) {
      const answers = await Promise.all([
        savePreferences(member, "digest", version),
        savePreferences(member, "off", version),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    }
    expect((await preferencesOf(member)).version).toBe(2);
  });

  it("keeps essential mail on and refuses to turn it off, naming the field", async () => {
    const member = await buildUser(ctx);
    const preferences = await (
      await ctx.request("/api/notifications/preferences", { cookie: member.cookie })
    ).json();
    expect(preferences.preferences).toContainEqual(
      expect.objectContaining({ kind: "account_security", essential: true, delivery: "each" }),
    );
    const cases: [unknown, string, RegExp][] = [
      [{ deliveries: { account_security: "off" } }, "deliveries.account_security", /essential/],
      [{ deliveries: { sidecar_news: "off" } }, "deliveries.sidecar_news", /no kind/],
      [{ deliveries: { feedback_results_ready: "weekly" } }, "deliveries.feedback_results_ready", /digest/],
      [{ deliveries: {}, extra: 1 }, "", /Unknown field/],
      [{ deliveries: {} }, "version", /version you read/],
    ];
    for (const [body, field, message] of cases) {
      const response = await ctx.request("/api/notifications/preferences", {
        method: "PUT",
        body: field === "version" ? body : { version: 0, ...(body as object) },
        cookie: member.cookie,
      });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      if (field) expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    }
  });
});

describe("the inbox", () => {
  it("lists newest first a page at a time, counts unread, marks one and all read", async () => {
    const member = await buildUser(ctx);
    for (let i = 1; i <= 22; i += 1) {
      await ctx.db.insert(notifications).values({
        id: `inbox-${member.id}-${i}`,
        userId: member.id,
        kind: "feedback_results_ready",
        title: `Number ${i}`,
        body: "",
        email: "none",
        createdAt: new Date(Date.UTC(2026, 0, i)),
      });
    }
    const first = await inbox(member);
    expect(first).toMatchObject({ total: 22, unread: 22, page: 1, pageSize: 20 });
    expect(first.notifications.map((n: { title: string }) => n.title).slice(0, 3)).toEqual([
      "Number 22",
      "Number 21",
      "Number 20",
    ]);
    const second = await inbox(member, 2);
    expect(second.notifications.map((n: { title: string }) => n.title)).toEqual(["Number 2", "Number 1"]);
    expect(await unread(member)).toBe(22);

    const read = await ctx.request(`/api/notifications/${first.notifications[0].id}/read`, {
      body: {},
      cookie: member.cookie,
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ title: "Number 22", read: true });
    expect(await unread(member)).toBe(21);

    const all = await ctx.request("/api/notifications/read-all", { body: {}, cookie: member.cookie });
    expect(await all.json()).toEqual({ unread: 0 });
    expect(await unread(member)).toBe(0);
    expect((await inbox(member)).notifications.every((n: { read: boolean }) => n.read)).toBe(true);
  });

  it("answers 404 to another member who reads or marks someone else's notification", async () => {
    const owner = await buildUser(ctx);
    const other = await buildUser(ctx);
    await notifyNow(note(owner, "Only mine"));
    const [mine] = (await inbox(owner)).notifications;
    const response = await ctx.request(`/api/notifications/${mine.id}/read`, {
      body: {},
      cookie: other.cookie,
    });
    expect(response.status).toBe(404);
    expect((await inbox(other)).notifications).toEqual([]);
    await ctx.request("/api/notifications/read-all", { body: {}, cookie: other.cookie });
    expect(await unread(owner)).toBe(1);
    expect(
      (await ctx.request("/api/notifications/missing-id/read", { body: {}, cookie: owner.cookie })).status,
    ).toBe(404);
  });

  it("counts unread notifications through the partial index of unread ones", async () => {
    const member = await buildUser(ctx);
    const plan = await ctx.db.transaction(async (tx) => {
      // With a handful of rows a sequential scan is cheapest; turned off, the plan shows the index fits.
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain ${unreadCountQuery(tx, member.id)}`);
    });
    const text = JSON.stringify(plan);
    expect(text).toContain("notifications_unread_idx");
  });

  it("asks anyone signed out to sign in", async () => {
    expect((await ctx.request("/api/notifications")).status).toBe(401);
    expect((await ctx.request("/api/notifications/unread-count")).status).toBe(401);
  });
});

describe("one-click unsubscribe", () => {
  it("turns one kind off from a mail provider's form POST with no Origin", async () => {
    const member = await buildUser(ctx);
    await notifyNow(note(member, "Before unsubscribing"));
    const [mail] = await notices(member, "Before unsubscribing");
    const token = mail?.text.match(/\/unsubscribe\/(\S+)/)?.[1] as string;

    const view = await ctx.request(`/api/unsubscribe/${token}`);
    expect(await view.json()).toEqual({
      scope: "feedback_results_ready",
      label: "Feedback results are ready",
      delivery: "each",
    });

    const response = await ctx.app.request(`/api/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: "feedback_results_ready", delivery: "off" });

    await notifyNow(note(member, "After unsubscribing"));
    expect(await notices(member, "After unsubscribing")).toEqual([]);
    expect((await inbox(member)).notifications.map((n: { title: string }) => n.title)).toContain(
      "After unsubscribing",
    );
    const preferences = await (
      await ctx.request("/api/notifications/preferences", { cookie: member.cookie })
    ).json();
    expect(preferences.preferences).toContainEqual(
      expect.objectContaining({ kind: "feedback_results_ready", delivery: "off" }),
    );
  });

  it("still refuses a form POST without Origin anywhere else", async () => {
    const member = await buildUser(ctx);
    const response = await ctx.app.request("/api/notifications/read-all", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: member.cookie },
      body: "a=b",
    });
    expect(response.status).toBe(403);
  });

  it("refuses a token that is forged, altered or for another member", async () => {
    const member = await buildUser(ctx);
    const other = await buildUser(ctx);
    const secret = (await ctx.auth.$context).secret;
    const good = unsubscribeToken(secret, member.id, "feedback_results_ready");
    const forged = unsubscribeToken(
      "not the instance secret at all, no",
      member.id,
      "feedback_results_ready",
    );
    const swapped = good.replace(member.id, other.id);
    const altered = `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`;
    for (const token of [forged, swapped, altered, "nonsense", `${member.id}.digest.x`]) {
      const response = await ctx.request(`/api/unsubscribe/${encodeURIComponent(token)}`, { body: {} });
      expect(response.status, token).toBe(404);
    }
    expect((await ctx.request(`/api/unsubscribe/${good}`)).status).toBe(200);
  });

  it("sends a browser opening the header's address to the page that asks, turning nothing off", async () => {
    const member = await buildUser(ctx);
    const token = unsubscribeToken((await ctx.auth.$context).secret, member.id, "feedback_results_ready");
    const response = await ctx.request(`/api/unsubscribe/${token}`, {
      headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/unsubscribe/${token}`);
    const view = await (await ctx.request(`/api/unsubscribe/${token}`)).json();
    expect(view.delivery).toBe("each");
  });
});

describe("the daily digest", () => {
  const morning = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

  it("sends one email per member per day from the digest hour, with the unsubscribe headers", async () => {
    const member = await buildUser(ctx);
    await setDelivery(member, "digest");
    await notifyNow(note(member, "Digest one", "/feedback/one"));
    await notifyNow(note(member, "Digest two", "/feedback/two"));

    await sendDueDigests(digestDeps(), morning("2031-03-10", 7));
    expect(await notices(member, /digest/)).toEqual([]);

    await sendDueDigests(digestDeps(), morning("2031-03-10"));
    await ctx.mailer.flush();
    const [digest, ...more] = await notices(member, /Your Sidecar digest/);
    expect(more).toEqual([]);
    expect(digest?.subject).toBe("Your Sidecar digest: 2 new notifications");
    expect(digest?.text).toMatch(/Digest one[\s\S]*\/feedback\/one[\s\S]*Digest two[\s\S]*\/feedback\/two/);
    expect(digest?.text).toMatch(
      /Stop the daily digest: http:\/\/localhost:3000\/unsubscribe\/\S+\.digest\./,
    );
    const raw = unfolded(sentTo(member.email).find((m) => m.raw.includes("Your Sidecar digest"))?.raw ?? "");
    expect(raw).toMatch(/List-Unsubscribe: <http:\/\/localhost:3000\/api\/unsubscribe\/[^>]+\.digest\./);
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // Later the same day: the new one waits for tomorrow's digest.
    await notifyNow(note(member, "Digest three"));
    await sendDueDigests(digestDeps(), morning("2031-03-10", 20));
    expect(await notices(member, /Your Sidecar digest/)).toHaveLength(1);
    await sendDueDigests(digestDeps(), morning("2031-03-11"));
    const digests = await notices(member, /Your Sidecar digest/);
    expect(digests.map((m) => m.subject)).toEqual([
      "Your Sidecar digest: 2 new notifications",
      "Your Sidecar digest: 1 new notification",
    ]);
  });

  it("waits for the digest hour in the member's own time zone", async () => {
    const member = await buildUser(ctx);
    await ctx.db.insert(profiles).values({ userId: member.id, timeZone: "America/New_York" });
    await setDelivery(member, "digest");
    await notifyNow(note(member, "Across the ocean"));
    // 09:00 UTC is 04:00 or 05:00 in New York: not yet.
    await sendDueDigests(digestDeps(), morning("2031-03-20"));
    expect(await notices(member, /digest/)).toEqual([]);
    await sendDueDigests(digestDeps(), morning("2031-03-20", 13));
    expect(await notices(member, /digest/)).toHaveLength(1);
  });

  it("turns the whole digest off from its one-click link", async () => {
    const member = await buildUser(ctx);
    await setDelivery(member, "digest");
    await notifyNow(note(member, "One more"));
    await sendDueDigests(digestDeps(), morning("2031-04-01"));
    const [digest] = await notices(member, /digest/);
    const token = digest?.text.match(/\/unsubscribe\/(\S+\.digest\.\S+)/)?.[1] as string;
    const response = await ctx.app.request(`/api/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(await response.json()).toEqual({ scope: "digest", label: "The daily digest", delivery: "off" });
    await notifyNow(note(member, "No digest now"));
    await sendDueDigests(digestDeps(), morning("2031-04-02"));
    expect(await notices(member, /digest/)).toHaveLength(1);
  });

  it("sends each member's digest once when two runs race", async () => {
    const members = await Promise.all([buildUser(ctx), buildUser(ctx), buildUser(ctx)]);
    for (const member of members) {
      await setDelivery(member, "digest");
      await notifyNow(note(member, "Raced"));
      await notifyNow(note(member, "Raced again"));
    }
    const now = morning("2031-05-05");
    const results = await Promise.all([
      sendDueDigests(digestDeps(), now),
      sendDueDigests(digestDeps(), now),
      sendDueDigests(digestDeps(), now),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBeGreaterThanOrEqual(members.length);
    for (const member of members) {
      const digests = await notices(member, /Your Sidecar digest/);
      expect(digests.map((m) => m.subject)).toEqual(["Your Sidecar digest: 2 new notifications"]);
    }
  });
});

describe("feedback: enough responses are in", () => {
  it("tells the receiver in the inbox and by email, naming no giver and no time finer than a day", async () => {
    const receiver = await buildUser(ctx);
    const { id } = await createFeedbackRequest(ctx, receiver.cookie, { minResponses: 3 });
    const tokens = await copyLinks(ctx, receiver.cookie, id, 3);
    for (const [index, token] of tokens.entries()) {
      await give(ctx, token, answersMarked(`giver${index}`), { ip: `198.51.100.${index + 1}` });
      if (index < 2) expect(await unread(receiver)).toBe(0);
    }
    const list = await inbox(receiver);
    expect(list.notifications).toHaveLength(1);
    const [ready] = list.notifications;
    expect(ready).toMatchObject({
      kind: "feedback_results_ready",
      title: "Enough responses are in for your feedback request",
      link: `/feedback/${id}`,
      read: false,
    });
    expect(JSON.stringify(list)).not.toMatch(/giver\d|198\.51\.100/);
    const [row] = await ctx.db.select().from(notifications).where(eq(notifications.userId, receiver.id));
    expect(row?.createdAt.toISOString()).toMatch(/T00:00:00\.000Z$/);

    const [mail] = await notices(receiver, "Enough responses are in for your feedback request");
    expect(mail?.text).toContain(`http://localhost:3000/feedback/${id}`);
    expect(mail?.text).not.toMatch(/giver\d/);
    expect(mail?.text).toMatch(/\/unsubscribe\//);
  });

  it("leaves the email for the digest when the receiver chose it", async () => {
    const receiver = await buildUser(ctx);
    await setDelivery(receiver, "digest");
    const { id } = await createFeedbackRequest(ctx, receiver.cookie, { minResponses: 3 });
    for (const token of await copyLinks(ctx, receiver.cookie, id, 3)) {
      await give(ctx, token, answersMarked("quiet"));
    }
    expect(await unread(receiver)).toBe(1);
    expect(await notices(receiver, /Enough responses/)).toEqual([]);
  });
});
