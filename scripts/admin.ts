import { ConfigError, readConfig } from "../src/server/config.ts";
import { DataDirLockedError } from "../src/server/db/lock.ts";
import { AppError } from "../src/server/http/errors.ts";
import { grantAdmin, revokeAdmin } from "../src/server/modules/admin/admin.service.ts";
import { openSidecarDatabase } from "../src/server/server.ts";

const usage = `Usage:
  npm run admin -- grant EMAIL    make the account with this email an instance administrator
  npm run admin -- revoke EMAIL   make them a member again

Uses the same database settings as the server (DATA_DIR or DATABASE_URL).`;

async function main() {
  const [command, email] = process.argv.slice(2);
  if ((command !== "grant" && command !== "revoke") || !email) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const database = await openSidecarDatabase(readConfig());
  try {
    const user =
      command === "grant" ? await grantAdmin(database.db, email) : await revokeAdmin(database.db, email);
    process.stdout.write(
      command === "grant"
        ? `${user.email} is now an instance administrator. They see the admin area the next time they load a page.\n`
        : `${user.email} is now a member.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const known =
      error instanceof AppError || error instanceof ConfigError || error instanceof DataDirLockedError;
    process.stderr.write(`${known ? error.message : (error as Error).stack}\n`);
    if (error instanceof DataDirLockedError) {
      process.stderr.write("With the embedded database, stop the server before running this command.\n");
    }
    process.exit(1);
  },
);
