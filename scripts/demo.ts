import { readConfig } from "../src/server/config.ts";
import { openDatabase } from "../src/server/db/open.ts";
import { demoPassword, demoPeople, seedDemo } from "../src/server/demo/seed-demo.ts";
import { createLogger } from "../src/server/logger.ts";
import { demoMentors } from "../src/server/modules/mentors/mentors.demo.ts";
import { buildSidecar, startSidecar } from "../src/server/server.ts";

// The demo runs on a database held in memory: every start is fresh and no data directory is touched.
async function main() {
  const config = readConfig({ ...process.env, DATABASE_URL: "", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ kind: "pglite-memory" });
  await database.migrate();
  const { auth, mailer } = await buildSidecar(config, database, logger);
  await seedDemo(database.db, auth);
  await mailer.flush();
  const sidecar = await startSidecar(config, { logger, database });
  const admin = demoPeople.find((p) => p.role === "admin");
  process.stdout.write(
    [
      "",
      `Sidecar demo is running at ${config.baseUrl}`,
      "",
      `Sign in as a member:  ${demoPeople[0]?.email}`,
      `Sign in as the admin: ${admin?.email}`,
      `Password for every demo account: ${demoPassword}`,
      `Other accounts: ${demoPeople
        .slice(1)
        .filter((p) => !p.role)
        .map((p) => p.email)
        .join(", ")}`,
      `Mentors (any member finds them under Find a mentor): ${demoMentors.map((m) => m.email).join(", ")}`,
      "",
      "Everything lives in memory and is gone when you stop the demo (Ctrl+C).",
      "",
    ].join("\n"),
  );
  const stop = async () => {
    await sidecar.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  process.stderr.write(`The demo could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
