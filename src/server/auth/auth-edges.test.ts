import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildUser, signIn } from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { sessions, users } from "./auth.table.ts";
import { redactAuthLog } from "./auth.ts";
import { signInLimits } from "./sign-in-limiter.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ LOG_LEVEL: "debug", SESSION_MAX_DAYS: "30" });
});
afterAll(async () => {
  await ctx.close();
});

const deeplyNested = `${"[".repeat(40_000)}${"]".repeat(40_000)}`;

describe("hostile input at the boundary", () => {
  it("refuses JSON nested thousands deep with a 400 on our routes, the giving route and the account routes", async () => {
    const member = await buildUser(ctx);
    for (const [path, method, cookie] of [
      ["/api/profile", "PUT", member.cookie],
      ["/api/give/abcdefghijklmnopqrstuvwxyz012345", "POST", undefined],
      ["/api/auth/sign-in/email", "POST", undefined],
    ] as const) {
      const response = await ctx.request(path, { method, body: deeplyNested, cookie });
      expect(response.status, path).toBe(400);
      expect((await response.json()).error.message, path).toMatch(/nested more than 32 levels/);
    }
  });

  it("refuses a NUL in any account field with a 400 naming it", async () => {
    const member = await buildUser(ctx);
    const signInNul = await ctx.request("/api/auth/sign-in/email", {
      body: { email: `${member.email}\u0000`, password: "whatever it is" },
    });
    expect(signInNul.status).toBe(400);
    expect((await signInNul.json()).error.field).toBe("email");
    const renamed = await ctx.request("/api/auth/update-user", {
      body: { name: "Nul\u0000Name" },
      cookie: member.cookie,
    });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).error.field).toBe("name");
  });
});

describe("names set through the account routes follow the profile's rules", () => {
  it("refuses a name that is too long or spans lines, on update-user and on sign-up", async () => {
    const member = await buildUser(ctx);
    for (const name of ["x".repeat(50_000), "Ada\nLovelace", "Ada\r\nBcc: someone@example.test"]) {
      const response = await ctx.request("/api/auth/update-user", { body: { name }, cookie: member.cookie });
      expect(response.status, JSON.stringify(name.slice(0, 20))).toBe(400);
      expect((await response.json()).error.field).toBe("name");
      const signUp = await ctx.request("/api/auth/sign-up/email", {
        body: { name, email: `lines-${Date.now()}@example.test`, password: "a fine long passphrase" },
      });
      expect(signUp.status).toBe(400);
    }
    const [stored] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, member.id));
    expect(stored?.name).toBe(member.name);
    const fine = await ctx.request("/api/auth/update-user", {
      body: { name: "Ada Lovelace" },
      cookie: member.cookie,
    });
    expect(fine.status).toBe(200);
  });
});

describe("one session check for every route", () => {
  it("ends a session past the absolute limit and a disabled member's session on better-auth's routes too", async () => {
    const old = await buildUser(ctx);
    await ctx.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(sessions.userId, old.id));
    expect((await ctx.request("/api/auth/list-sessions", { cookie: old.cookie })).status).toBe(401);
    expect(
      (await ctx.request("/api/auth/update-user", { body: { name: "Still Me" }, cookie: old.cookie })).status,
    ).toBe(401);

    const disabled = await buildUser(ctx);
    await ctx.db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    expect((await ctx.request("/api/auth/list-sessions", { cookie: disabled.cookie })).status).toBe(401);
    expect((await ctx.db.select().from(sessions).where(eq(sessions.userId, disabled.id))).length).toBe(0);
  });
});

describe("password checks of a signed-in member", () => {
  it("count verify-password with sign-in failures, so it is no guessing channel", async () => {
    const member = await buildUser(ctx);
    for (let i = 0; i < signInLimits.perAccountAndAddress; i++) {
      const wrong = await ctx.request("/api/auth/verify-password", {
        body: { password: `guess number ${i}` },
        cookie: member.cookie,
        ip: "198.51.100.40",
      });
      expect(wrong.status).not.toBe(200);
      expect(wrong.status).not.toBe(429);
    }
    const stopped = await ctx.request("/api/auth/verify-password", {
      body: { password: member.password },
      cookie: member.cookie,
      ip: "198.51.100.40",
    });
    expect(stopped.status).toBe(429);
    expect((await signIn(ctx, member.email, member.password, "198.51.100.40")).response.status).toBe(429);
  });
});

describe("better-auth's logging", () => {
  it("writes no email address anywhere, at debug level too", async () => {
    const member = await buildUser(ctx);
    const printed: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(" "));
      }),
    );
    try {
      ctx.logs.length = 0;
      await ctx.request("/api/auth/sign-up/email", {
        body: { name: "Someone Else", email: member.email, password: "iloveyou" },
      });
      await ctx.request("/api/auth/sign-up/email", {
        body: { name: "Someone Else", email: member.email, password: "a long and unusual passphrase" },
      });
      await signIn(ctx, member.email, "wrong password for the log");
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const everything = [...printed, ...ctx.logs].join("\n");
    expect(everything).not.toContain(member.email);
    expect(everything).not.toContain(member.email.split("@")[0]);
  });

  it("keeps a failed query's values and any address out of a log line", () => {
    const line = redactAuthLog(
      'Failed query: insert into "users" ("id", "email") values ($1, $2)\nparams: abc,ada@example.test',
    );
    expect(line).toBe('Failed query: insert into "users" ("id", "email") values ($1, $2)');
    expect(redactAuthLog("Sign-up attempt for existing email: ada@example.test")).toBe(
      "Sign-up attempt for existing email: [email]",
    );
  });
});
