import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adminUrl, throwawayName, withAdminClient, withClient } from "../../../test/databases.ts";
import { openDatabase } from "./open.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

// The restore the README and the operations guide give, run as written into an empty database.
describe.runIf(Boolean(process.env.DATABASE_URL))("the documented PostgreSQL backup and restore", () => {
  it("restores a dump into an empty database with exit code 0 and every row", async () => {
    const restoreLine = readme.match(/`(pg_restore [^`]+)`/)?.[1] ?? "";
    expect(restoreLine).toContain("--if-exists");
    const flags = restoreLine
      .split(" ")
      .filter((part) => part.startsWith("--") && !part.startsWith("--dbname"));
    const databaseUrl = process.env.DATABASE_URL as string;
    const [source, target] = [throwawayName("sidecar_test_dump"), throwawayName("sidecar_test_restore")];
    const dir = mkdtempSync(join(tmpdir(), "sidecar-dump-"));
    await withAdminClient(databaseUrl, async (c) => {
      await c.query(`create database ${source}`);
      await c.query(`create database ${target}`);
    });
    try {
      const database = await openDatabase({ kind: "postgres", url: adminUrl(databaseUrl, source) });
      await database.migrate();
      await database.close();
      const dump = join(dir, "sidecar.dump");
      const dumped = spawnSync(
        "pg_dump",
        ["--format=custom", `--file=${dump}`, adminUrl(databaseUrl, source)],
        {
          encoding: "utf8",
        },
      );
      expect(dumped.status, dumped.stderr).toBe(0);
      const restored = spawnSync("pg_restore", [...flags, "--dbname", adminUrl(databaseUrl, target), dump], {
        encoding: "utf8",
      });
      expect(restored.status, restored.stderr).toBe(0);
      const count = (url: string) =>
        withClient(
          url,
          async (c) =>
            (await c.query("select count(*)::int as n from drizzle.__drizzle_migrations")).rows[0].n,
        );
      expect(await count(adminUrl(databaseUrl, target))).toBe(await count(adminUrl(databaseUrl, source)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await withAdminClient(databaseUrl, async (c) => {
        await c.query(`drop database if exists ${source} with (force)`);
        await c.query(`drop database if exists ${target} with (force)`);
      });
    }
  });
});
