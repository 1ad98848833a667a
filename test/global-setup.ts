import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/server/db/open.ts";
import { adminUrl, throwawayName, withAdminClient } from "./databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

// Each test file starts from a copy of one migrated template instead of migrating again.
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = throwawayName("sidecar_tpl");
    await withAdminClient(databaseUrl, (c) => c.query(`create database ${template}`));
    const database = await openDatabase({ kind: "postgres", url: adminUrl(databaseUrl, template) });
    await database.migrate();
    await database.close();
    project.provide("postgresTemplate", template);
    project.provide("pgliteTemplate", "");
    return async () => {
      await withAdminClient(databaseUrl, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          "select datname from pg_database where datname like $1",
          [`${template.replace("sidecar_tpl", "sidecar_test")}%`],
        );
        for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
        await c.query(`drop database if exists ${template} with (force)`);
      });
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "sidecar-template-"));
  const database = await openDatabase({ kind: "pglite-memory" });
  await database.migrate();
  const dump = await database.dump?.();
  if (!dump) throw new Error("The embedded database could not be copied.");
  const file = join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
