import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { createAuth } from "./auth/auth.ts";
import type { Config } from "./config.ts";
import { loadAuthSecret } from "./db/instance-settings.ts";
import { type Database, openDatabase } from "./db/open.ts";
import { createJobRunner, type JobRunner } from "./jobs/job-runner.ts";
import { registerJobs } from "./jobs/register-jobs.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMailer } from "./modules/mail/mailer.ts";

export const defaultWebRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

export type Sidecar = {
  url: string;
  database: Database;
  mailer: ReturnType<typeof createMailer>;
  jobs: JobRunner;
  close(): Promise<void>;
};

export async function openSidecarDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl }
      : { kind: "pglite", dataDir: config.dataDir },
  );
  await database.migrate();
  return database;
}

export async function buildSidecar(
  config: Config,
  database: Database,
  logger: Logger,
  webRoot = defaultWebRoot,
) {
  const jobs = createJobRunner({ db: database.db, logger });
  const mailer = createMailer({ db: database.db, config, logger, jobs });
  const secret = await loadAuthSecret(database.db, config.authSecret);
  const auth = createAuth({ db: database.db, config, mailer, logger, secret });
  const deps = { db: database.db, auth, mailer, config, logger, jobs };
  registerJobs(jobs, deps);
  const app = createApp({ ...deps, webRoot });
  return { app, auth, mailer, jobs };
}

export async function startSidecar(
  config: Config,
  options: { logger?: Logger; database?: Database; webRoot?: string } = {},
): Promise<Sidecar> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openSidecarDatabase(config));
  const { app, mailer, jobs } = await buildSidecar(config, database, logger, options.webRoot);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  jobs.start();
  // Mail kept or failed before this start (SMTP missing or down) goes out now that it may work.
  await mailer.requeueUndelivered();
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    database,
    mailer,
    jobs,
    close() {
      // Stop accepting, let in-flight requests and running jobs finish, then close the database.
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await jobs.stop();
        mailer.close();
        await database.close();
      })();
      return closing;
    },
  };
}
