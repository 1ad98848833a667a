import { ConfigError, readConfig } from "./config.ts";
import { DataDirLockedError } from "./db/lock.ts";
import { isDatabaseUnavailable } from "./db/unavailable.ts";
import { createLogger } from "./logger.ts";
import { startSidecar } from "./server.ts";

async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const sidecar = await startSidecar(config, { logger });
  const where = config.databaseUrl ? "PostgreSQL" : `the embedded database in ${config.dataDir}`;
  logger.info(`Sidecar is running at ${config.baseUrl} on ${where}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing open requests, then closing the database`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await sidecar.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else if (isDatabaseUnavailable(error)) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    process.stderr.write(
      `Sidecar cannot start: its database is not answering${code ? ` (${code})` : ""}. Check DATABASE_URL and that PostgreSQL is running.\n`,
    );
  } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    process.stderr.write(`Sidecar cannot start: the port is already in use. Set PORT to a free port.\n`);
  } else {
    process.stderr.write(`Sidecar could not start: ${(error as Error).stack ?? error}\n`);
  }
  process.exit(1);
});
