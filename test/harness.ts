import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { createApp } from "../src/server/app.ts";
import { createAuth } from "../src/server/auth/auth.ts";
import { type Config, readConfig } from "../src/server/config.ts";
import { loadAuthSecret, markInstanceClaimed } from "../src/server/db/instance-settings.ts";
import { type Database, openDatabase } from "../src/server/db/open.ts";
import { createJobRunner } from "../src/server/jobs/job-runner.ts";
import { registerJobs } from "../src/server/jobs/register-jobs.ts";
import { createLogger } from "../src/server/logger.ts";
import { createMailer } from "../src/server/modules/mail/mailer.ts";
import { adminUrl, throwawayName, withAdminClient } from "./databases.ts";

export const testBaseUrl = "http://localhost:3000";
export const testOrigin = testBaseUrl;

export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  const postgresTemplate = inject("postgresTemplate");
  if (databaseUrl && postgresTemplate) {
    const name = `${postgresTemplate.replace("sidecar_tpl", "sidecar_test")}_${throwawayName("f")}`;
    await withAdminClient(databaseUrl, (c) =>
      c.query(`create database ${name} template ${postgresTemplate}`),
    );
    const database = await openDatabase({ kind: "postgres", url: adminUrl(databaseUrl, name) });
    return {
      ...database,
      async close() {
        await database.close();
        await withAdminClient(databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const template = new Blob([readFileSync(inject("pgliteTemplate"))]);
  return openDatabase({ kind: "pglite-memory", from: template });
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

export type RequestOptions = {
  method?: string;
  body?: unknown;
  cookie?: string;
  ip?: string;
  headers?: Record<string, string>;
};

export async function createTestContext(
  env: Record<string, string> = {},
  options: { webRoot?: string; freshInstance?: boolean } = {},
) {
  const config: Config = readConfig({
    BASE_URL: testBaseUrl,
    LOG_LEVEL: "info",
    TRUST_PROXY: "true",
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, (line) => logs.push(line));
  const database = await openTestDatabase();
  const db = database.db;
  // Most tests play an instance that is already set up; the first-account rules have their own tests.
  if (!options.freshInstance) await markInstanceClaimed(db);
  // Never started: tests run due jobs themselves, with ctx.jobs.runDueJobs(), and no timers.
  const jobs = createJobRunner({ db, logger });
  const mailer = createMailer({ db, config, logger, jobs });
  const secret = await loadAuthSecret(db, config.authSecret);
  const auth = createAuth({ db, config, mailer, logger, secret });
  registerJobs(jobs, { db, auth, mailer, config, logger, jobs });
  const app = createApp({ db, auth, mailer, config, logger, jobs, webRoot: options.webRoot });

  async function request(path: string, opts: RequestOptions = {}) {
    const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
    if (method !== "GET" && method !== "HEAD" && !("origin" in headers)) headers.origin = testOrigin;
    if (opts.cookie) headers.cookie = opts.cookie;
    headers["x-forwarded-for"] = opts.ip ?? "203.0.113.10";
    const body =
      opts.body === undefined
        ? undefined
        : typeof opts.body === "string"
          ? opts.body
          : JSON.stringify(opts.body);
    return app.request(path, { method, headers, body });
  }

  /** How many SQL statements the app sent while `work` ran (nothing else may run meanwhile). */
  async function statementsDuring(work: () => Promise<unknown>) {
    const before = database.statementCount();
    await work();
    return database.statementCount() - before;
  }

  return {
    app,
    db,
    statementsDuring,
    auth,
    mailer,
    jobs,
    config,
    database,
    logs,
    request,
    async close() {
      await jobs.stop();
      mailer.close();
      await database.close();
    },
  };
}
