import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { openAPI, twoFactor } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import { passwordMaxLength, passwordMinLength } from "../../shared/auth.ts";
import type { Config } from "../config.ts";
import { claimFreshInstance } from "../db/instance-settings.ts";
import { newId } from "../db/new-id.ts";
import type { Db } from "../db/open.ts";
import { describeFailure, type Logger } from "../logger.ts";
import type { Mailer } from "../modules/mail/mailer.ts";
import { accounts, rateLimits, sessions, twoFactors, users, verifications } from "./auth.table.ts";
import { existingAccountEmail, passwordResetEmail, verificationEmail } from "./auth-emails.ts";
import { isCommonPassword } from "./common-passwords.ts";

export const clientIpHeader = "x-sidecar-client-ip";

const argon2id = 2;
const passwordBodyFields = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
} as const;

export type AuthDeps = { db: Db; config: Config; mailer: Mailer; logger: Logger; secret: string };

export function createAuth({ db, config, mailer, logger, secret }: AuthDeps) {
  return betterAuth({
    appName: "Sidecar",
    baseURL: config.baseUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [config.baseUrl],
    // Sidecar signs in with email and password only; the social-account and unused OTP routes stay off.
    disabledPaths: [
      "/sign-in/social",
      "/callback/:id",
      "/link-social",
      "/unlink-account",
      "/refresh-token",
      "/get-access-token",
      "/account-info",
      "/delete-user/callback",
      "/change-email",
      "/update-session",
      "/two-factor/send-otp",
      "/two-factor/verify-otp",
      "/open-api/generate-schema",
    ],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
        rateLimit: rateLimits,
      },
      // PGlite has one connection: a transaction that also sends mail through the root handle would wait forever.
      transaction: false,
    }),
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "member", returned: true },
        disabled: { type: "boolean", input: false, defaultValue: false, returned: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: passwordMinLength,
      maxPasswordLength: passwordMaxLength,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 3600,
      password: {
        hash: (password) => hash(password, { algorithm: argon2id }),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      sendResetPassword: async ({ user, url }) => {
        await mailer.send(passwordResetEmail(user.email, user.name, url));
      },
      onExistingUserSignUp: async ({ user }) => {
        await mailer.send(
          existingAccountEmail(
            user.email,
            user.name,
            `${config.baseUrl}/sign-in`,
            `${config.baseUrl}/forgot-password`,
          ),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      expiresIn: 24 * 3600,
      sendVerificationEmail: async ({ user, url }) => {
        // The instance's first account is confirmed as it is created: there is nothing to confirm.
        if (user.emailVerified) return;
        await mailer.send(verificationEmail(user.email, user.name, url));
      },
    },
    session: {
      expiresIn: config.sessionIdleSeconds,
      updateAge: Math.min(24 * 3600, Math.max(60, Math.floor(config.sessionIdleSeconds / 4))),
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 120,
      customRules: {
        "/sign-in/email": { window: 60, max: 30 },
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
        "/send-verification-email": { window: 60, max: 5 },
        "/two-factor/*": { window: 60, max: 20 },
      },
    },
    advanced: {
      useSecureCookies: config.baseUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      database: { generateId: newId },
    },
    // Everything better-auth logs goes through our logger, stripped of member data; its own console
    // logger would print an error's message, which for a failed query carries the query's values.
    logger: {
      disabled: config.logLevel === "silent",
      level: config.logLevel === "debug" ? "debug" : "error",
      log: (level, message) => logger[level](`auth: ${redactAuthLog(message)}`),
    },
    onAPIError: {
      onError: (error) => {
        // A refusal is answered to the person; only our own failures are worth a line, by kind and code.
        if (isAPIError(error) && error.status !== "INTERNAL_SERVER_ERROR") return;
        logger.error("auth: request failed", describeFailure(error));
      },
    },
    telemetry: { enabled: false },
    plugins: [
      openAPI({ disableDefaultReference: true }),
      twoFactor({ issuer: "Sidecar", backupCodeOptions: { amount: 10, length: 10 } }),
    ],
    databaseHooks: {
      user: {
        create: {
          // The first account on a fresh instance runs it: made its administrator and confirmed at
          // once, because nobody else could confirm it and the server may not be able to send mail yet.
          before: async (user) => {
            const id = newId();
            if (!(await claimFreshInstance(db, id))) return { data: { ...user, id } };
            logger.info("the first account was created: it is the instance administrator");
            return { data: { ...user, id, role: "admin", emailVerified: true } };
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const [user] = await db
              .select({ disabled: users.disabled })
              .from(users)
              .where(eq(users.id, session.userId));
            if (user?.disabled) {
              throw new APIError("FORBIDDEN", {
                code: "ACCOUNT_DISABLED",
                message: "This account has been disabled. Contact the administrator of this Sidecar.",
              });
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const field = passwordBodyFields[ctx.path as keyof typeof passwordBodyFields];
        const password = field ? (ctx.body as Record<string, unknown> | undefined)?.[field] : undefined;
        if (typeof password === "string" && isCommonPassword(password)) {
          throw new APIError("BAD_REQUEST", {
            code: "PASSWORD_TOO_COMMON",
            message: "This password is one of the most common passwords. Choose one that is harder to guess.",
          });
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** A better-auth log line without what could name a member: addresses, query values, tokens. */
export function redactAuthLog(message: string): string {
  return (String(message).split(/\n|params:/i)[0] ?? "")
    .replace(/[^\s@<>"',;:]+@[^\s@<>"',;:]+/g, "[email]")
    .replace(/[A-Za-z0-9_-]{24,}/g, "[token]")
    .slice(0, 300);
}
