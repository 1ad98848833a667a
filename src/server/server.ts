import type { Server, ServerResponse } from "node:http";
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
import { describeMailSetup } from "./modules/instance/instance.service.ts";
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
      ? { kind: "postgres", url: config.databaseUrl, timeouts: config.databaseTimeouts }
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
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const stopServing = shutdownOnDemand(server);
  logger.info(describeMailSetup(config));
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
        await stopServing();
        await jobs.stop();
        mailer.close();
        await database.close();
      })();
      return closing;
    },
  };
}

/** How long requests already running may take to finish once shutdown starts. */
export const shutdownGraceMs = 5_000;

/**
 * Ends every connection on shutdown, kept-alive ones included: a busy keep-alive connection is never
 * idle, so a client under steady traffic would otherwise keep the server open for good. From the
 * moment shutdown starts, every answer says `Connection: close` and its connection ends with it;
 * idle connections close at once; whatever is still open after the grace period is cut.
 */
function shutdownOnDemand(server: Server) {
  let stopping = false;
  const unanswered = new Set<ServerResponse>();
  server.on("request", (_request, response: ServerResponse) => {
    unanswered.add(response);
    if (stopping) response.setHeader("Connection", "close");
    // An answer always ends in "close", sent or not.
    response.on("close", () => {
      unanswered.delete(response);
      if (stopping) response.socket?.end();
    });
  });
  return async function stopServing() {
    stopping = true;
    for (const response of unanswered) {
      if (!response.headersSent) response.setHeader("Connection", "close");
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
    cut.unref();
    await closed.finally(() => clearTimeout(cut));
  };
}
