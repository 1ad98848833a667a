import { type AddressInfo, createServer, type Socket } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, mailTo, uniqueEmail } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { readConfig } from "../../config.ts";
import { createJobRunner } from "../../jobs/job-runner.ts";
import { jobs } from "../../jobs/jobs.table.ts";
import { createLogger } from "../../logger.ts";
import { createMailer, deliverMailJob } from "./mailer.ts";
import { outbox } from "./outbox.table.ts";

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let ctx: TestContext;
// Addresses the sink refuses this many more times, as a server that is briefly failing would.
const refusals = new Map<string, number>();

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address) ?? 0;
      if (left > 0) {
        refusals.set(address.address, left - 1);
        const error = new Error(`Mailbox <${address.address}> is busy, try again later`) as Error & {
          responseCode: number;
        };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
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
  ctx = await createTestContext({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(port),
    MAIL_FROM: "Sidecar <hello@sidecar.test>",
  });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe("mail over SMTP", () => {
  it("delivers the verification email and records it as sent", async () => {
    const email = uniqueEmail();
    await ctx.request("/api/auth/sign-up/email", {
      body: { name: "Mail Test", email, password: "a fine passphrase" },
    });
    const [row] = await mailTo(ctx, email);
    expect(row?.status).toBe("sent");
    const message = received.find((m) => m.to.includes(email));
    expect(message?.raw).toMatch(/Subject: Confirm your email for Sidecar/);
    expect(message?.raw).toMatch(/From: Sidecar <hello@sidecar.test>/);
  });

  it("keeps a message it could not deliver, marked failed", async () => {
    const broken = await createTestContext({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "1" });
    try {
      const email = uniqueEmail();
      await broken.request("/api/auth/sign-up/email", {
        body: { name: "Mail Test", email, password: "a fine passphrase" },
      });
      const [row] = await mailTo(broken, email);
      expect(row?.status).toBe("failed");
      expect(row?.text).toMatch(/verify-email/);
    } finally {
      await broken.close();
    }
  });

  it("keeps a batch together with the caller's transaction, or none of it, and delivers only after commit", async () => {
    const kept = [uniqueEmail("batch"), uniqueEmail("batch")];
    const lost = uniqueEmail("batch");
    await expect(
      ctx.db.transaction(async (tx) => {
        await ctx.mailer.enqueue(
          [
            { kind: "thank-you", to: lost, subject: "Thanks", text: "kept?" },
            { kind: "thank-you", to: uniqueEmail("batch"), subject: "Thanks", text: "no NUL in text\u0000" },
          ],
          tx,
        );
      }),
    ).rejects.toThrow();
    expect(await mailTo(ctx, lost)).toEqual([]);

    const deliver = await ctx.db.transaction((tx) =>
      ctx.mailer.enqueue(
        kept.map((to) => ({ kind: "thank-you" as const, to, subject: "Thank you", text: "Thank you all." })),
        tx,
      ),
    );
    expect(received.filter((m) => kept.some((to) => m.to.includes(to)))).toEqual([]);
    deliver();
    await ctx.mailer.flush();
    for (const to of kept) {
      expect((await mailTo(ctx, to))[0]?.status).toBe("sent");
      expect(received.some((m) => m.to.includes(to))).toBe(true);
    }
  });
});

const hour = 3600 * 1000;

async function jobsFor(target: TestContext, outboxId: string) {
  const rows = await target.db.select().from(jobs).where(eq(jobs.kind, deliverMailJob));
  return rows.filter((row) => row.payload.outboxId === outboxId);
}

describe("mail delivery through jobs", () => {
  it("removes the body of a delivered message, sends its headers, and the admin sees it was removed", async () => {
    const to = uniqueEmail("headers");
    await ctx.mailer.send({
      kind: "notification",
      to,
      subject: "Something happened",
      text: "Open https://sidecar.test/secret-token-123 to see it.",
      headers: { "List-Unsubscribe": "<https://sidecar.test/unsubscribe/abc>" },
    });
    const [row] = await mailTo(ctx, to);
    expect(row).toMatchObject({ kind: "notification", status: "sent", text: "", html: null, headers: null });
    expect(row?.bodyRemovedAt).toBeInstanceOf(Date);
    const message = received.find((m) => m.to.includes(to));
    expect(message?.raw).toMatch(/List-Unsubscribe: <https:\/\/sidecar.test\/unsubscribe\/abc>/);
    expect(message?.raw).toMatch(/secret-token-123/);

    const admin = await buildUser(ctx, { role: "admin" });
    const one = await (await ctx.request(`/api/admin/outbox/${row?.id}`, { cookie: admin.cookie })).json();
    expect(one.message).toMatchObject({ kind: "notification", status: "sent", text: "", to });
    expect(one.message.bodyRemovedAt).toEqual(expect.any(String));
    expect(JSON.stringify(one)).not.toMatch(/secret-token-123|unsubscribe\/abc/);
    const list = await (await ctx.request("/api/admin/outbox", { cookie: admin.cookie })).json();
    const summary = list.messages.find((m: { id: string }) => m.id === row?.id);
    expect(summary.bodyRemovedAt).toEqual(one.message.bodyRemovedAt);
  });

  it("retries a message a server refused for a while, with backoff, and delivers it once", async () => {
    const to = uniqueEmail("retry");
    refusals.set(to, 2);
    await ctx.mailer.send({ kind: "other", to, subject: "Try again", text: "Hello." });
    const start = new Date();
    await ctx.jobs.runDueJobs({ at: start });
    const [failed] = await mailTo(ctx, to);
    expect(failed?.status).toBe("failed");
    expect(failed?.error).toMatch(/451/);
    expect(failed?.error).not.toContain(to);
    expect(failed?.text).toBe("Hello.");
    const [job] = await jobsFor(ctx, failed?.id ?? "");
    expect(job).toMatchObject({ state: "queued", attempts: 1 });
    expect(job?.runAt.getTime()).toBeGreaterThan(start.getTime());

    for (let i = 1; i <= 6; i++) await ctx.jobs.runDueJobs({ at: new Date(start.getTime() + i * hour) });
    const [sent] = await mailTo(ctx, to);
    expect(sent).toMatchObject({ status: "sent", error: null });
    expect(received.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect((await jobsFor(ctx, sent?.id ?? ""))[0]).toMatchObject({ state: "done", attempts: 3 });
    expect(ctx.logs.join("")).not.toContain(to);
  });

  it("takes over a message left sending by a process that stopped, and sends it once", async () => {
    const to = uniqueEmail("stuck");
    await ctx.mailer.send({ kind: "other", to, subject: "Stuck", text: "Hello." });
    const [row] = await ctx.db.select().from(outbox).where(eq(outbox.to, to));
    const [job] = await jobsFor(ctx, row?.id ?? "");
    await ctx.db
      .update(outbox)
      .set({ status: "sending" })
      .where(eq(outbox.id, row?.id ?? ""));
    await ctx.db
      .update(jobs)
      .set({ state: "running", attempts: 1, lockedUntil: new Date(Date.now() + 60_000), claimToken: "dead" })
      .where(eq(jobs.id, job?.id ?? ""));
    await ctx.jobs.runDueJobs();
    expect((await mailTo(ctx, to))[0]?.status).toBe("sending");
    await ctx.jobs.runDueJobs({ at: new Date(Date.now() + hour) });
    expect((await mailTo(ctx, to))[0]?.status).toBe("sent");
    expect(received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("gives up on a silent server after its timeout and tries again later", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const quiet = await createTestContext({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_TIMEOUT_SECONDS: "1",
    });
    try {
      const to = uniqueEmail("silent");
      await quiet.mailer.send({ kind: "other", to, subject: "Anyone there?", text: "Hello." });
      const start = new Date();
      await quiet.jobs.runDueJobs({ at: start });
      const [row] = await mailTo(quiet, to);
      expect(row?.status).toBe("failed");
      expect(row?.error).toMatch(/timeout|greeting never received/i);
      const [job] = await jobsFor(quiet, row?.id ?? "");
      expect(job).toMatchObject({ state: "queued", attempts: 1 });
      expect(job?.lastError).toMatch(/timeout|greeting never received/i);
      await quiet.jobs.runDueJobs({ at: new Date(start.getTime() + hour) });
      expect((await jobsFor(quiet, row?.id ?? ""))[0]).toMatchObject({ state: "queued", attempts: 2 });
    } finally {
      await quiet.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("delivers kept and failed messages once SMTP works after a restart", async () => {
    const { port } = smtp.server.address() as AddressInfo;
    const broken = await createTestContext({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "1" });
    try {
      const keptTo = uniqueEmail("kept");
      const failedTo = uniqueEmail("failed");
      const logger = createLogger("silent");
      const noSmtp = createMailer({
        db: broken.db,
        config: readConfig({}),
        logger,
        jobs: broken.jobs,
      });
      await noSmtp.send({ kind: "other", to: keptTo, subject: "Kept", text: "Kept while SMTP was off." });
      await broken.mailer.send({ kind: "other", to: failedTo, subject: "Failed", text: "Failed at first." });
      // Every try fails while the server is unreachable, until the job is dead.
      for (let i = 0; i < 14; i++) await broken.jobs.runDueJobs({ at: new Date(Date.now() + i * 2 * hour) });
      expect((await mailTo(broken, keptTo))[0]?.status).toBe("kept");
      const [failed] = await mailTo(broken, failedTo);
      expect(failed?.status).toBe("failed");
      expect((await jobsFor(broken, failed?.id ?? ""))[0]?.state).toBe("dead");

      // The next start has working SMTP settings.
      const config = readConfig({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) });
      const runner = createJobRunner({ db: broken.db, logger });
      const mailer = createMailer({ db: broken.db, config, logger, jobs: runner });
      runner.register(deliverMailJob, (payload) => mailer.deliver(String(payload.outboxId)));
      expect(await mailer.requeueUndelivered()).toBe(2);
      expect(await mailer.requeueUndelivered()).toBe(0);
      await runner.runDueJobs();
      await runner.runDueJobs({ at: new Date(Date.now() + 48 * hour) });
      for (const to of [keptTo, failedTo]) {
        expect((await mailTo(broken, to))[0]?.status).toBe("sent");
        expect(received.filter((m) => m.to.includes(to))).toHaveLength(1);
      }
      expect(await mailer.requeueUndelivered()).toBe(0);
      mailer.close();
    } finally {
      await broken.close();
    }
  });
});
