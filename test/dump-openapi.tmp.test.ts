import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { createTestContext } from "./harness.ts";

it("dumps", async () => {
  const ctx = await createTestContext();
  writeFileSync(
    "/tmp/contract/openapi.json",
    JSON.stringify(await (await ctx.request("/api/openapi.json")).json(), null, 1),
  );
  await ctx.close();
});
