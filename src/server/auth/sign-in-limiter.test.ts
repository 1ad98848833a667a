import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, signIn } from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { signInLimits } from "./sign-in-limiter.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe("the per-account sign-in limit under concurrency", () => {
  it("checks at most the limit of simultaneous wrong passwords, whatever the concurrency", async () => {
    const member = await buildUser(ctx);
    const attempts = await Promise.all(
      Array.from({ length: signInLimits.perAccount * 2 }, (_, i) =>
        signIn(ctx, member.email, `not the password ${i}`, `198.51.100.${i + 1}`),
      ),
    );
    const statuses = attempts.map(({ response }) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(signInLimits.perAccount);
    expect(statuses.filter((status) => status === 429)).toHaveLength(signInLimits.perAccount);
    const right = await signIn(ctx, member.email, member.password, "198.51.100.200");
    expect(right.response.status).toBe(429);
  });

  it("gives a place back to attempts that were not wrong passwords, and clears the count on success", async () => {
    const member = await buildUser(ctx);
    for (let i = 0; i < signInLimits.perAccount - 1; i++) {
      expect((await signIn(ctx, member.email, "wrong password here", "198.51.100.201")).response.status).toBe(
        401,
      );
    }
    expect((await signIn(ctx, member.email, member.password, "198.51.100.202")).response.status).toBe(200);
    for (let i = 0; i < signInLimits.perAccount; i++) {
      expect((await signIn(ctx, member.email, "wrong password here", "198.51.100.203")).response.status).toBe(
        401,
      );
    }
    expect((await signIn(ctx, member.email, "wrong password here", "198.51.100.204")).response.status).toBe(
      429,
    );
  });
});
