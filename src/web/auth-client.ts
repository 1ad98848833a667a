import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { retryMessage } from "./api.ts";

import { goToTwoFactorStep } from "./two-factor-redirect.ts";

let lastRetryAfterSeconds: number | undefined;

export const authClient = createAuthClient({
  baseURL: typeof window === "undefined" ? "http://localhost" : window.location.origin,
  basePath: "/api/auth",
  fetchOptions: {
    credentials: "same-origin",
    onError(context) {
      if (context.response.status === 429) {
        const seconds = Number(
          context.response.headers.get("Retry-After") ?? context.response.headers.get("X-Retry-After"),
        );
        lastRetryAfterSeconds = Number.isFinite(seconds) ? seconds : undefined;
      }
    },
  },
  plugins: [
    twoFactorClient({
      onTwoFactorRedirect() {
        goToTwoFactorStep();
      },
    }),
  ],
});

export type AuthError = {
  message?: string;
  code?: string;
  status: number;
  statusText?: string;
  error?: { code?: string; message?: string; field?: string };
};

export type AuthFailure = { message: string; code: string; status: number; field?: string };

const messagesByCode: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "Email or password is incorrect.",
  INVALID_PASSWORD: "That password is incorrect.",
  EMAIL_NOT_VERIFIED: "Confirm your email address before signing in. We can send you a new link.",
  INVALID_CODE: "That code didn't work. Check the code and try again.",
  INVALID_BACKUP_CODE: "That recovery code didn't work. Each code can be used only once.",
  INVALID_TWO_FACTOR_COOKIE: "Your sign-in step has expired. Sign in again.",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "Too many wrong codes. Sign in again to get a fresh start.",
  INVALID_TOKEN: "This link is invalid or has expired. Ask for a new one.",
  TOKEN_EXPIRED: "This link has expired. Ask for a new one.",
  PASSWORD_TOO_SHORT: "Use at least 8 characters.",
  PASSWORD_TOO_LONG: "Use at most 128 characters.",
  USER_ALREADY_EXISTS: "Check your email to continue.",
  SESSION_EXPIRED: "For your security, sign in again before making this change.",
  SESSION_NOT_FRESH: "For your security, sign out and sign in again before making this change.",
  FAILED_TO_GET_SESSION: "Your session has ended. Sign in again.",
  ACCOUNT_TEMPORARILY_LOCKED: "Too many wrong codes. Wait a few minutes, then try again.",
  CREDENTIAL_ACCOUNT_NOT_FOUND: "This account has no password yet. Use “Forgot your password?” to set one.",
};

const passwordCodes = new Set(["PASSWORD_TOO_COMMON", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG"]);

/** Turns an error from the better-auth client into words for a person. */
export function describeAuthError(error: AuthError | null | undefined): AuthFailure {
  const status = error?.status ?? 0;
  const code = error?.code ?? error?.error?.code ?? "UNKNOWN";
  const field = error?.error?.field ?? (passwordCodes.has(code) ? "password" : undefined);
  if (status === 429) {
    const seconds = lastRetryAfterSeconds;
    lastRetryAfterSeconds = undefined;
    return { status, code: "RATE_LIMITED", message: retryMessage(seconds) };
  }
  const serverMessage = error?.error?.message ?? error?.message;
  if (code === "PASSWORD_TOO_COMMON" && serverMessage) return { status, code, message: serverMessage, field };
  const known = messagesByCode[code];
  if (known) return { status, code, message: known, field };
  if (status === 0) {
    return {
      status,
      code: "NETWORK",
      message: "Sidecar could not be reached. Check your connection and try again.",
    };
  }
  if (status >= 500) return { status, code, message: "Something went wrong on our side. Please try again." };
  return { status, code, message: serverMessage || "That didn't work. Please try again.", field };
}
