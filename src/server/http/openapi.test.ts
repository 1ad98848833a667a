import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";

type LintReport = {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
};

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = mkdtempSync(join(tmpdir(), "sidecar-openapi-"));
});
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

async function lint(document: unknown): Promise<LintReport> {
  const file = join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(document, null, 2));
  const cli = join(
    createRequire(import.meta.url).resolve("@redocly/cli/package.json"),
    "..",
    "bin",
    "cli.js",
  );
  // redocly exits 1 when it finds errors; the report on stdout says which.
  const run = promisify(execFile)(process.execPath, [cli, "lint", file, "--format=json"], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return JSON.parse((await run).stdout) as LintReport;
}

describe("the OpenAPI document", () => {
  it("passes redocly's recommended rules with no error, every operation named and summarised", async () => {
    const document = await (await ctx.request("/api/openapi.json")).json();
    const report = await lint(document);
    const described = (severities: string[]) =>
      report.problems
        .filter((p) => severities.includes(p.severity))
        .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(described(["error"])).toEqual([]);
    expect(
      described(["warn"]).filter((p) => /operationId|summary|security/.test(p)),
      "operations without an id, a summary or a security rule",
    ).toEqual([]);
  });

  it("is caught by the lint when it breaks the standard", async () => {
    const document = await (await ctx.request("/api/openapi.json")).json();
    document.paths["/api/home"].get.security = undefined;
    document.components.schemas.Tour.nullable = true;
    const rules = (await lint(document)).problems.filter((p) => p.severity === "error").map((p) => p.ruleId);
    expect(rules).toEqual(expect.arrayContaining(["security-defined", "struct"]));
  });
});
