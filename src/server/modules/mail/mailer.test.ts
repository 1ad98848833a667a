import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailTo, uniqueEmail } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";

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
