import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom } from "../../../test/factories.ts";
import { startPrivatePostgres } from "../../../test/private-postgres.ts";
import { createApp } from "../app.ts";
import { users } from "../auth/auth.table.ts";
import { createAuth } from "../auth/auth.ts";
import { readConfig } from "../config.ts";
import { createJobRunner } from "../jobs/job-runner.ts";
import { createLogger } from "../logger.ts";
import { createMailer } from "../modules/mail/mailer.ts";
import { loadAuthSecret } from "./instance-settings.ts";
import { type Database, openDatabase } from "./open.ts";

// Faults are played on a PostgreSQL of this test's own; the suite on PostgreSQL runs it once.
describe.runIf(Boolean(process.env.DATABASE_URL))("a database that goes away or hangs", () => {
  let server: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let database: Database;
  let app: ReturnType<typeof createApp>;
  const logs: string[] = [];
  const origin = "http://localhost:3000";

  beforeAll(async () => {
    server = await startPrivatePostgres();
    const config = readConfig({
      BASE_URL: origin,
      DATABASE_URL: server.url,
      DB_CONNECT_TIMEOUT_SECONDS: "1",
      DB_STATEMENT_TIMEOUT_SECONDS: "1",
    });
    const logger = createLogger("info", (line) => logs.push(line));
    database = await openDatabase({ kind: "postgres", url: server.url, timeouts: config.databaseTimeouts });
    await database.migrate();
    const jobs = createJobRunner({ db: database.db, logger });
    const mailer = createMailer({ db: database.db, config, logger, jobs });
    const secret = await loadAuthSecret(database.db, undefined);
    const auth = createAuth({ db: database.db, config, mailer, logger, secret });
    app = createApp({ db: database.db, auth, mailer, config, logger, jobs });
  });
  afterAll(async () => {
    await database?.close().catch(() => {});
    server?.destroy();
  });

  const request = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    app.request(path, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: {
        "content-type": "application/json",
        origin,
        "x-forwarded-for": "203.0.113.9",
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });

  async function signedInMember() {
    const email = `outage-${Date.now()}@example.test`;
    const password = "a long walk by the river";
    await request("/api/auth/sign-up/email", { body: { name: "Out Age", email, password } });
    await database.db.update(users).set({ emailVerified: true });
    return cookieFrom(await request("/api/auth/sign-in/email", { body: { email, password } }));
  }

  async function expectUnavailable(response: Response) {
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body.error.code).toBe("UNAVAILABLE");
    expect(body.error.message).toMatch(/briefly unavailable/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|ECONN|postgres/i);
  }

  it("answers 503 with Retry-After while the database is down, never 401 or 500, and recovers when it is back", async () => {
    const cookie = await signedInMember();
    expect((await request("/api/profile", { cookie })).status).toBe(200);

    server.stop();
    await expectUnavailable(await request("/api/me", { cookie }));
    await expectUnavailable(await request("/api/profile", { cookie }));
    // Requests arriving together read their sessions in one statement: each still fails alike.
    const together = await Promise.all(Array.from({ length: 8 }, () => request("/api/profile", { cookie })));
    for (const response of together) await expectUnavailable(response);
    await expectUnavailable(
      await request("/api/profile", {
        method: "PUT",
        cookie,
        body: { name: "Still here", timeZone: "UTC", version: 0 },
      }),
    );
    expect((await request("/api/me")).status).toBe(401);

    server.start();
    let back = 0;
    for (let i = 0; i < 20 && back !== 200; i++) {
      back = (await request("/api/me", { cookie })).status;
      if (back !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(200);
    expect(logs.join("\n")).not.toContain("unhandled error");
  });

  it("answers 503 instead of waiting while the database hangs", async () => {
    const cookie = await signedInMember();
    server.freeze();
    try {
      const together = await Promise.all(
        Array.from({ length: 4 }, () => request("/api/profile", { cookie })),
      );
      for (const response of together) await expectUnavailable(response);
    } finally {
      server.thaw();
    }
    let back = 0;
    for (let i = 0; i < 20 && back !== 200; i++) {
      back = (await request("/api/profile", { cookie })).status;
      if (back !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(200);
  });
});

describe.runIf(!process.env.DATABASE_URL)("the embedded database held by a stuck transaction", () => {
  it("answers 503 at the deadline instead of waiting for it", async () => {
    const { createTestContext } = await import("../../../test/harness.ts");
    const { buildUser } = await import("../../../test/factories.ts");
    const ctx = await createTestContext({
      DB_CONNECT_TIMEOUT_SECONDS: "0.5",
      DB_STATEMENT_TIMEOUT_SECONDS: "1",
    });
    try {
      const member = await buildUser(ctx);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const stuck = ctx.db.transaction(async () => held);
      const response = await ctx.request("/api/profile", { cookie: member.cookie });
      expect(response.status).toBe(503);
      expect((await response.json()).error.code).toBe("UNAVAILABLE");
      release();
      await stuck;
      expect((await ctx.request("/api/profile", { cookie: member.cookie })).status).toBe(200);
    } finally {
      await ctx.close();
    }
  });
});

describe("a database closed under a request still running (the server shutting down)", () => {
  it("fails the request as unavailable, not as an error of ours", async () => {
    const { openTestDatabase } = await import("../../../test/harness.ts");
    const { pingDatabase } = await import("./open.ts");
    const { isDatabaseUnavailable } = await import("./unavailable.ts");
    const database = await openTestDatabase();
    await pingDatabase(database.db);
    await database.close();
    const failure = await pingDatabase(database.db).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });
});
