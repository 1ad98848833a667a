import { type ChildProcess, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { addDays, isoDay } from "../src/shared/calendar-date.ts";
import { adminUrl, throwawayName, withAdminClient, withClient } from "./databases.ts";

// A real Sidecar process, its whole stdout and stderr captured, while feedback is asked for and given
// and the mail server refuses a giver: no address, name, token or answer of anyone may appear in it.
describe.runIf(Boolean(process.env.DATABASE_URL))("what the server prints", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill("SIGKILL");
  });

  it("never prints a member's or giver's address, name, link or answer, at debug level, with mail failing", async () => {
    const canary = `canary${Date.now().toString(36)}`;
    const giver = `${canary}-giver@example.test`;
    const memberEmail = `${canary}-member@example.test`;
    const memberName = `Zelda ${canary}`;
    const refusedRecipients: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(address, _session, callback) {
        if (address.address === giver) {
          refusedRecipients.push(address.address);
          const error = new Error(`5.1.1 <${address.address}>: Recipient address rejected`) as Error & {
            responseCode: number;
          };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    const databaseUrl = process.env.DATABASE_URL as string;
    const name = throwawayName("sidecar_test_canary");
    await withAdminClient(databaseUrl, (c) => c.query(`create database ${name}`));
    const port = 44000 + Math.floor(Math.random() * 1000);
    const base = `http://127.0.0.1:${port}`;
    let output = "";
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: adminUrl(databaseUrl, name),
        PORT: String(port),
        BASE_URL: "http://localhost:3000",
        LOG_LEVEL: "debug",
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtpPort),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      for (let i = 0; i < 300 && !output.includes("Sidecar is running"); i++) {
        if (child.exitCode !== null) throw new Error(output);
        await new Promise((r) => setTimeout(r, 100));
      }
      const headers = { "content-type": "application/json", origin: "http://localhost:3000" };
      const send = async (path: string, body: unknown, cookie = "", method = "POST") => {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: { ...headers, ...(cookie ? { cookie } : {}) },
          body: JSON.stringify(body),
        });
        return { response, json: await response.json().catch(() => null) };
      };
      const password = "a long walk by the canary";
      await send("/api/auth/sign-up/email", { name: memberName, email: memberEmail, password });
      await send("/api/auth/sign-up/email", { name: memberName, email: memberEmail, password });
      await send("/api/auth/sign-in/email", { email: memberEmail, password: "wrong canary guess" });
      await withClient(adminUrl(databaseUrl, name), (c) =>
        c.query("update users set email_verified = true where email = $1", [memberEmail]),
      );
      const signedIn = await send("/api/auth/sign-in/email", { email: memberEmail, password });
      const cookie = signedIn.response.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const created = await send(
        "/api/feedback/requests",
        {
          purpose: `Purpose ${canary}`,
          questions: ["What should I keep doing?"],
          lanes: ["crafting"],
          closesOn: addDays(isoDay(), 14),
          minResponses: 3,
        },
        cookie,
      );
      expect(created.response.status).toBe(200);
      const id = created.json.id as string;
      const invited = await send(
        `/api/feedback/requests/${id}/invitations`,
        { emails: [giver], links: 3 },
        cookie,
      );
      expect(invited.response.status).toBe(200);
      const links = invited.json.links as string[];
      for (const link of links) {
        const token = link.split("/give/")[1]?.split("#")[0] ?? "";
        const given = await send(`/api/give/${token}`, {
          answers: { q1: `Answer ${canary}: keep the weekly review.` },
          ratings: { crafting: 4 },
        });
        expect(given.response.status).toBe(200);
      }
      await send(`/api/feedback/requests/${id}/reminder`, {}, cookie);
      for (let i = 0; i < 200 && refusedRecipients.length < 2; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(refusedRecipients.length).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 500));

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const tokens = links.map((link) => link.split("/give/")[1]?.split("#")[0] ?? "");
      for (const secret of [
        giver,
        memberEmail,
        memberName,
        `${canary}-giver`,
        `Answer ${canary}`,
        ...tokens,
      ]) {
        expect(output, `printed: ${secret}`).not.toContain(secret);
      }
      expect(output).toContain("Sidecar is running");
    } finally {
      child.kill("SIGKILL");
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await withAdminClient(databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    }
  });
});
