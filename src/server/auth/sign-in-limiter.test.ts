import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, signIn, uniqueEmail } from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { signInLimits } from "./sign-in-limiter.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const limit = signInLimits.perAccountAndAddress;

describe("sign-in limits", () => {
  it("checks at most the limit of simultaneous wrong passwords, whatever the concurrency", async () => {
    const member = await buildUser(ctx);
    const attempts = await Promise.all(
      Array.from({ length: limit * 2 }, (_, i) =>
        signIn(ctx, member.email, `not the password ${i}`, "198.51.100.1"),
      ),
    );
    const statuses = attempts.map(({ response }) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(limit);
    const locked = await signIn(ctx, member.email, member.password, "198.51.100.1");
    expect(locked.response.status).toBe(429);
    expect(Number(locked.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await locked.response.json()).error.message).toMatch(/try again in \d+ minute/i);
  });

  it("lets the owner in from their own address while a stranger is locked out of guessing", async () => {
    const member = await buildUser(ctx);
    for (let i = 0; i < limit; i++) {
      expect((await signIn(ctx, member.email, "a stranger's guess", "203.0.113.66")).response.status).toBe(
        401,
      );
    }
    expect((await signIn(ctx, member.email, member.password, "203.0.113.66")).response.status).toBe(429);
    expect((await signIn(ctx, member.email, member.password, "198.51.100.5")).response.status).toBe(200);
  });

  it("stops a guessing campaign from many addresses at the account-wide ceiling", async () => {
    const member = await buildUser(ctx);
    for (let i = 0; i < signInLimits.perAccount; i++) {
      await signIn(ctx, member.email, "a campaign's guess", `10.${Math.floor(i / 250)}.${i % 250}.9`);
    }
    expect((await signIn(ctx, member.email, member.password, "198.51.100.6")).response.status).toBe(429);
  });

  it("gives a place back to attempts that were not wrong passwords, and clears the count on success", async () => {
    const member = await buildUser(ctx);
    for (let i = 0; i < limit - 1; i++) {
      expect((await signIn(ctx, member.email, "wrong password here", "198.51.100.7")).response.status).toBe(
        401,
      );
    }
    expect((await signIn(ctx, member.email, member.password, "198.51.100.7")).response.status).toBe(200);
    for (let i = 0; i < limit; i++) {
      expect((await signIn(ctx, member.email, "wrong password here", "198.51.100.7")).response.status).toBe(
        401,
      );
    }
    expect((await signIn(ctx, member.email, "wrong password here", "198.51.100.7")).response.status).toBe(
      429,
    );
  });

  it("reads the client's address from the right of X-Forwarded-For, so a forged entry changes nothing", async () => {
    // Behind one trusted proxy (as the test server is set up), the proxy appends the address it saw.
    for (let i = 0; i < signInLimits.perAddress; i++) {
      const forged = `${(i * 7) % 250}.${i}.1.1`;
      await signIn(ctx, uniqueEmail("probe"), "a probing guess", `${forged}, 203.0.113.88`);
    }
    const member = await buildUser(ctx);
    const blocked = await signIn(ctx, member.email, member.password, "8.8.8.8, 203.0.113.88");
    expect(blocked.response.status).toBe(429);
    expect((await signIn(ctx, member.email, member.password, "203.0.113.89")).response.status).toBe(200);
  });
});
