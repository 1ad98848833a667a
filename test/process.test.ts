import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, get } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { adminUrl, throwawayName, withAdminClient, withClient } from "./databases.ts";

const started: ChildProcess[] = [];
const dirs: string[] = [];
let nextPort = 41000 + Math.floor(Math.random() * 2000);

afterAll(() => {
  for (const child of started) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Running = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

function startServer(env: Record<string, string>): Running {
  const port = String(nextPort++);
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, PORT: port, BASE_URL: `http://localhost:${port}`, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function ready(server: Running) {
  // A bound on waiting, not a speed check: a busy shared machine may take a minute to boot a process.
  for (let i = 0; i < 1200; i++) {
    if (server.output().includes("Sidecar is running")) return;
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${server.output()}`);
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "sidecar-process-"));
  dirs.push(dir);
  return dir;
}

describe.runIf(!process.env.DATABASE_URL)("the embedded database in a real process", () => {
  it("refuses a second process on the same data directory, and shuts down cleanly on SIGTERM", async () => {
    const dataDir = join(tempDir(), "data");
    const first = startServer({ DATA_DIR: dataDir });
    await ready(first);
    const second = startServer({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another Sidecar process .* is using the data directory/);
    const answer = await fetch(`${first.url}/api/me`);
    expect(answer.status).toBe(401);
    // Served by Node, the API's security headers are set on Node's response rather than Hono's.
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/SIGTERM received/);
    expect(readFileSync(join(dataDir, "sidecar.lock"), "utf8")).toBe("");
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);

    const again = startServer({ DATA_DIR: dataDir });
    await ready(again);
    again.child.kill("SIGINT");
    expect(await again.exited).toBe(0);
  });

  it("restarts on its own data directory after being killed", async () => {
    const dataDir = join(tempDir(), "data");
    const first = startServer({ DATA_DIR: dataDir });
    await ready(first);
    first.child.kill("SIGKILL");
    await first.exited;
    const again = startServer({ DATA_DIR: dataDir });
    await ready(again);
    expect((await fetch(`${again.url}/api/me`)).status).toBe(401);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  });

  it("stops cleanly on SIGTERM under steady keep-alive traffic", async () => {
    const dataDir = join(tempDir(), "data");
    const server = startServer({ DATA_DIR: dataDir });
    await ready(server);
    const agent = new Agent({ keepAlive: true, maxSockets: 6 });
    const statuses: number[] = [];
    let running = true;
    const ask = () =>
      new Promise<number>((resolve, reject) => {
        get(`${server.url}/api/me`, { agent }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        }).on("error", reject);
      });
    // Six clients each send the next request as soon as the last is answered, on kept-alive sockets.
    const clients = Array.from({ length: 6 }, async () => {
      while (running) {
        try {
          statuses.push(await ask());
        } catch {
          // Refused or closed once the server stops accepting: the expected end of this client.
          if (server.child.exitCode !== null || statuses.length > 0)
            await new Promise((r) => setTimeout(r, 20));
        }
      }
    });
    while (statuses.length < 300) await new Promise((r) => setTimeout(r, 20));
    server.child.kill("SIGTERM");
    const code = await server.exited;
    running = false;
    await Promise.all(clients);
    agent.destroy();
    expect(code).toBe(0);
    expect(statuses.filter((status) => status !== 401)).toEqual([]);
    expect(server.output()).not.toMatch(/forced|still open/i);
    expect(readFileSync(join(dataDir, "sidecar.lock"), "utf8")).toBe("");
  });

  it("says in one line that the database is not answering when it starts without one", async () => {
    const server = startServer({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/postgres" });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe(
      "Sidecar cannot start: its database is not answering (ECONNREFUSED). Check DATABASE_URL and that PostgreSQL is running.",
    );
  });

  it("explains a bad configuration instead of crashing", async () => {
    const server = startServer({ DATA_DIR: join(tempDir(), "data"), SESSION_IDLE_HOURS: "soon" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/configuration is invalid/);
    expect(server.output()).toMatch(/SESSION_IDLE_HOURS/);
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))("two app processes on one PostgreSQL", () => {
  it("share sessions and failed sign-in limits", async () => {
    const databaseUrl = process.env.DATABASE_URL as string;
    const name = throwawayName("sidecar_test_two");
    await withAdminClient(databaseUrl, (c) => c.query(`create database ${name}`));
    try {
      const env = { DATABASE_URL: adminUrl(databaseUrl, name), BASE_URL: "http://localhost:3000" };
      const a = startServer(env);
      const b = startServer(env);
      await Promise.all([ready(a), ready(b)]);
      const json = { "content-type": "application/json", origin: "http://localhost:3000" };
      const email = `two-${Date.now()}@example.test`;
      const password = "two processes share one database";
      await fetch(`${a.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ name: "Two", email, password }),
      });
      await withClient(adminUrl(databaseUrl, name), (c) =>
        c.query("update users set email_verified = true where email = $1", [email]),
      );
      const signIn = await fetch(`${a.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ email, password }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      expect((await fetch(`${b.url}/api/me`, { headers: { cookie } })).status).toBe(200);

      // Twenty wrong passwords at once, split across the two processes: at most ten are ever checked.
      const wrong = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`${(i % 2 === 0 ? a : b).url}/api/auth/sign-in/email`, {
            method: "POST",
            headers: json,
            body: JSON.stringify({ email, password: "wrong wrong wrong" }),
          }).then((response) => response.status),
        ),
      );
      expect(wrong.filter((status) => status === 401)).toHaveLength(10);
      expect(wrong.filter((status) => status === 429)).toHaveLength(10);
      const locked = await fetch(`${b.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ email, password }),
      });
      expect(locked.status).toBe(429);
      expect(locked.headers.get("retry-after")).toBeTruthy();
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
    } finally {
      await withAdminClient(databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    }
  });

  it("deliver each queued email once between them, whichever claims it", async () => {
    const databaseUrl = process.env.DATABASE_URL as string;
    const name = throwawayName("sidecar_test_jobs");
    const received: string[] = [];
    const sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    const { port } = sink.server.address() as AddressInfo;
    await withAdminClient(databaseUrl, (c) => c.query(`create database ${name}`));
    const url = adminUrl(databaseUrl, name);
    try {
      const env = { DATABASE_URL: url, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) };
      const a = startServer(env);
      const b = startServer(env);
      await Promise.all([ready(a), ready(b)]);
      const recipients = Array.from(
        { length: 40 },
        (_, i) => `once-${i}-${randomBytes(3).toString("hex")}@example.test`,
      );
      // Written as the app writes them: each message with its delivery job, in one transaction.
      await withClient(url, async (c) => {
        await c.query("begin");
        for (const to of recipients) {
          const id = randomBytes(16).toString("base64url");
          await c.query(
            "insert into outbox (id, kind, \"to\", subject, text, status) values ($1, 'other', $2, 'Once', 'Hello.', 'queued')",
            [id, to],
          );
          await c.query("insert into jobs (id, kind, payload, key) values ($1, 'mail.deliver', $2, $3)", [
            randomBytes(16).toString("base64url"),
            JSON.stringify({ outboxId: id }),
            `mail:${id}`,
          ]);
        }
        await c.query("commit");
      });
      let pending = recipients.length;
      while (pending > 0) {
        await new Promise((r) => setTimeout(r, 200));
        pending = await withClient(url, async (c) => {
          const { rows } = await c.query<{ n: number }>(
            "select count(*)::int as n from outbox where status <> 'sent'",
          );
          return rows[0]?.n ?? 0;
        });
      }
      expect(received.sort()).toEqual([...recipients].sort());
      const attempts = await withClient(url, async (c) => {
        const { rows } = await c.query<{ state: string; attempts: number }>(
          "select state, attempts from jobs where kind = 'mail.deliver'",
        );
        return rows;
      });
      expect(attempts).toHaveLength(recipients.length);
      expect(attempts.every((job) => job.state === "done" && job.attempts === 1)).toBe(true);
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    } finally {
      await withAdminClient(databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      await new Promise<void>((resolve) => sink.close(resolve));
    }
  });
});
