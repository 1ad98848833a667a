import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { createAuth } from "./auth/auth.ts";
import type { Config } from "./config.ts";
import { loadAuthSecret } from "./db/instance-settings.ts";
import { type Database, openDatabase } from "./db/open.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMailer } from "./modules/mail/mailer.ts";
import { startDigestTick } from "./modules/notifications/digest-tick.ts";

export const defaultWebRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

export type Sidecar = {
  url: string;
  database: Database;
  mailer: ReturnType<typeof createMailer>;
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
  const mailer = createMailer({ db: database.db, config, logger });
  const secret = await loadAuthSecret(database.db, config.authSecret);
  const auth = createAuth({ db: database.db, config, mailer, logger, secret });
  const app = createApp({ db: database.db, auth, mailer, config, logger, webRoot });
  return {
    app,
    auth,
    mailer,
    startTicks: () => startDigestTick({ db: database.db, auth, mailer, config, logger }),
  };
}

export async function startSidecar(
  config: Config,
  options: { logger?: Logger; database?: Database; webRoot?: string } = {},
): Promise<Sidecar> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openSidecarDatabase(config));
  const { app, mailer, startTicks } = await buildSidecar(config, database, logger, options.webRoot);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const stopTicks = startTicks();
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    database,
    mailer,
    close() {
      // Stop accepting, let in-flight requests finish, then close the database they were using.
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await stopTicks();
        await mailer.flush();
        mailer.close();
        await database.close();
      })();
      return closing;
    },
  };
}
