import { eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildUser,
  cookieFrom,
  defaultPassword,
  linkIn,
  mailTo,
  signIn,
  uniqueEmail,
} from "../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { sessions, users } from "./auth.table.ts";
import { signInLimits } from "./sign-in-limiter.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function signUp(email: string, password = defaultPassword, name = "Riley Example") {
  return ctx.request("/api/auth/sign-up/email", {
    body: { name, email, password, callbackURL: "/verified" },
  });
}

function withoutVolatile(body: { user?: Record<string, unknown> }) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...user } = body.user ?? {};
  return { ...body, user };
}

describe("sign-up", () => {
  it("answers a new and an already used email the same way, and mails each owner", async () => {
    const email = uniqueEmail();
    const first = await signUp(email);
    const second = await signUp(email);
    expect(first.status).toBe(200);
    expect(second.status).toBe(first.status);
    expect(cookieFrom(first)).toBe("");
    expect(cookieFrom(second)).toBe("");
    expect(withoutVolatile(await second.json())).toEqual(withoutVolatile(await first.json()));
    const mail = await mailTo(ctx, email);
    expect(mail.map((m) => m.subject)).toEqual([
      "Confirm your email for Sidecar",
      "Someone tried to sign up to Sidecar with your email",
    ]);
    expect(mail.every((m) => m.status === "kept")).toBe(true);
  });

  it.each([
    ["short", "Zq9#xw1", "PASSWORD_TOO_SHORT"],
    ["too long", "x".repeat(129), "PASSWORD_TOO_LONG"],
    ["common", "password123", "PASSWORD_TOO_COMMON"],
  ])("refuses a %s password with a clear message", async (_label, password, code) => {
    const response = await signUp(uniqueEmail(), password);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/password/i);
  });

  it("accepts a 64-character password", async () => {
    const response = await signUp(uniqueEmail(), "a long passphrase ".repeat(4).slice(0, 64));
    expect(response.status).toBe(200);
  });

  it("stores passwords as argon2id hashes", async () => {
    const user = await buildUser(ctx);
    const rows = await ctx.db.execute(`select a.password from accounts a where a.user_id = '${user.id}'`);
    const hash = (rows as unknown as { rows: { password: string }[] }).rows[0]?.password ?? "";
    expect(hash.startsWith("$argon2id$")).toBe(true);
  });
});

describe("email verification and sign-in", () => {
  it("refuses sign-in until the email is confirmed, then accepts it", async () => {
    const email = uniqueEmail();
    await signUp(email);
    const before = await signIn(ctx, email, defaultPassword);
    expect(before.response.status).toBe(403);
    const [message] = await mailTo(ctx, email);
    const link = linkIn(message?.text ?? "");
    const verified = await ctx.request(link.replace(ctx.config.baseUrl, ""));
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toContain("/verified");
    const after = await signIn(ctx, email, defaultPassword);
    expect(after.response.status).toBe(200);
    expect(JSON.stringify(await after.response.clone().json())).not.toMatch(/token/i);
    const session = await (await ctx.request("/api/auth/get-session", { cookie: after.cookie })).json();
    expect(session.user.email).toBe(email);
    expect(JSON.stringify(session)).not.toContain(after.cookie.split("=")[1]?.split(".")[0]);
    const me = await ctx.request("/api/me", { cookie: after.cookie });
    expect(me.status).toBe(200);
    expect((await me.json()).user).toMatchObject({ email, emailVerified: true, role: "member" });
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, Secure only under HTTPS", async () => {
    const user = await buildUser(ctx);
    const { response } = await signIn(ctx, user.email, user.password);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const https = await createTestContext({ BASE_URL: "https://sidecar.example.test" });
    try {
      const secureUser = await https.request("/api/auth/sign-up/email", {
        body: { name: "Sam", email: uniqueEmail(), password: defaultPassword },
        headers: { origin: "https://sidecar.example.test" },
      });
      expect(secureUser.status).toBe(200);
      const email = uniqueEmail();
      await https.request("/api/auth/sign-up/email", {
        body: { name: "Sam", email, password: defaultPassword },
        headers: { origin: "https://sidecar.example.test" },
      });
      await https.db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
      const signedIn = await https.request("/api/auth/sign-in/email", {
        body: { email, password: defaultPassword },
        headers: { origin: "https://sidecar.example.test" },
      });
      const secureCookie = signedIn.headers.getSetCookie().find((c) => c.includes("session_token"));
      expect(secureCookie).toMatch(/Secure/);
      expect(secureCookie).toMatch(/HttpOnly/i);
      expect(signedIn.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    } finally {
      await https.close();
    }
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await buildUser(ctx);
    const wrong = await signIn(ctx, user.email, "not the password at all", "198.51.100.1");
    const unknown = await signIn(ctx, uniqueEmail(), "not the password at all", "198.51.100.1");
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(await wrong.response.json()).toEqual(await unknown.response.json());
  });
});

describe("failed sign-in limits", () => {
  it("limits one address that tries many accounts", async () => {
    const ip = "198.51.100.77";
    for (let i = 0; i < signInLimits.perAddress; i++) {
      await signIn(ctx, uniqueEmail("probe"), "wrong password!", ip);
    }
    const user = await buildUser(ctx);
    const blocked = await signIn(ctx, user.email, user.password, ip);
    expect(blocked.response.status).toBe(429);
    expect(blocked.response.headers.get("retry-after")).toBeTruthy();
    expect((await signIn(ctx, user.email, user.password, "198.51.100.78")).response.status).toBe(200);
  });
});

describe("password reset", () => {
  it("answers known and unknown emails alike, and the link sets a new password and ends old sessions", async () => {
    const user = await buildUser(ctx);
    const known = await ctx.request("/api/auth/request-password-reset", {
      body: { email: user.email, redirectTo: "/reset-password" },
    });
    const unknown = await ctx.request("/api/auth/request-password-reset", {
      body: { email: uniqueEmail(), redirectTo: "/reset-password" },
    });
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    const mail = (await mailTo(ctx, user.email)).filter((m) => m.subject === "Reset your Sidecar password");
    expect(mail).toHaveLength(1);
    const landing = await ctx.request(linkIn(mail[0]?.text ?? "").replace(ctx.config.baseUrl, ""));
    expect(landing.status).toBe(302);
    const token = new URL(landing.headers.get("location") ?? "", ctx.config.baseUrl).searchParams.get(
      "token",
    );
    expect(token).toBeTruthy();

    const common = await ctx.request("/api/auth/reset-password", {
      body: { token, newPassword: "iloveyou" },
    });
    expect(common.status).toBe(400);
    const reset = await ctx.request("/api/auth/reset-password", {
      body: { token, newPassword: "a brand new passphrase" },
    });
    expect(reset.status).toBe(200);
    expect((await ctx.request("/api/me", { cookie: user.cookie })).status).toBe(401);
    expect((await signIn(ctx, user.email, user.password)).response.status).toBe(401);
    expect((await signIn(ctx, user.email, "a brand new passphrase")).response.status).toBe(200);
    const reuse = await ctx.request("/api/auth/reset-password", {
      body: { token, newPassword: "another passphrase" },
    });
    expect(reuse.status).toBe(400);
  });
});

describe("two-factor", () => {
  it("enables TOTP, then signs in with a code or a one-time recovery code", async () => {
    const user = await buildUser(ctx);
    const enable = await ctx.request("/api/auth/two-factor/enable", {
      body: { password: user.password },
      cookie: user.cookie,
    });
    expect(enable.status).toBe(200);
    const { totpURI, backupCodes } = (await enable.json()) as { totpURI: string; backupCodes: string[] };
    expect(backupCodes).toHaveLength(10);
    const totp = OTPAuth.URI.parse(totpURI) as OTPAuth.TOTP;
    const confirm = await ctx.request("/api/auth/two-factor/verify-totp", {
      body: { code: totp.generate() },
      cookie: user.cookie,
    });
    expect(confirm.status).toBe(200);
    const me = await ctx.request("/api/me", { cookie: cookieFrom(confirm) || user.cookie });
    expect(me.status, await me.clone().text()).toBe(200);
    expect((await me.json()).user.twoFactorEnabled).toBe(true);

    const first = await signIn(ctx, user.email, user.password);
    expect(first.response.status).toBe(200);
    expect(await first.response.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await ctx.request("/api/me", { cookie: first.cookie })).status).toBe(401);
    const badCode = await ctx.request("/api/auth/two-factor/verify-totp", {
      body: { code: "000000" },
      cookie: first.cookie,
    });
    expect(badCode.status).toBe(401);
    const verified = await ctx.request("/api/auth/two-factor/verify-totp", {
      body: { code: totp.generate() },
      cookie: first.cookie,
    });
    expect(verified.status).toBe(200);
    expect((await ctx.request("/api/me", { cookie: cookieFrom(verified) })).status).toBe(200);

    const recovery = backupCodes[0] ?? "";
    for (const expected of [200, 401]) {
      const attempt = await signIn(ctx, user.email, user.password);
      const withCode = await ctx.request("/api/auth/two-factor/verify-backup-code", {
        body: { code: recovery },
        cookie: attempt.cookie,
      });
      expect(withCode.status).toBe(expected);
    }
  });
});

describe("sessions", () => {
  it("signs out everywhere", async () => {
    const user = await buildUser(ctx);
    const other = await signIn(ctx, user.email, user.password);
    const revoke = await ctx.request("/api/auth/revoke-sessions", { body: {}, cookie: user.cookie });
    expect(revoke.status).toBe(200);
    expect((await ctx.request("/api/me", { cookie: user.cookie })).status).toBe(401);
    expect((await ctx.request("/api/me", { cookie: other.cookie })).status).toBe(401);
  });

  it("ends an idle session and any session past the absolute limit", async () => {
    const idle = await buildUser(ctx);
    await ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, idle.id));
    expect((await ctx.request("/api/me", { cookie: idle.cookie })).status).toBe(401);

    const old = await buildUser(ctx);
    expect((await ctx.request("/api/me", { cookie: old.cookie })).status).toBe(200);
    await ctx.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - ctx.config.sessionMaxSeconds * 1000 - 60_000) })
      .where(eq(sessions.userId, old.id));
    expect((await ctx.request("/api/me", { cookie: old.cookie })).status).toBe(401);
    expect(await ctx.db.select().from(sessions).where(eq(sessions.userId, old.id))).toHaveLength(0);
  });

  it("signs out", async () => {
    const user = await buildUser(ctx);
    const out = await ctx.request("/api/auth/sign-out", { body: {}, cookie: user.cookie });
    expect(out.status).toBe(200);
    expect((await ctx.request("/api/me", { cookie: user.cookie })).status).toBe(401);
  });
});
