import { createHmac, timingSafeEqual } from "node:crypto";
import { isOptionalKind, type OptionalKind } from "../../../shared/notifications.ts";

/** What one unsubscribe link turns off: one kind of email, or the whole daily digest. */
export type UnsubscribeScope = OptionalKind | "digest";

const tokenShape = /^([A-Za-z0-9_-]{1,64})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, userId: string, scope: string) {
  // The purpose is part of what is signed, so no other signature made with this secret fits here.
  return createHmac("sha256", secret).update(`sidecar-unsubscribe\n${userId}\n${scope}`).digest("base64url");
}

export function unsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  return `${userId}.${scope}.${signature(secret, userId, scope)}`;
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; scope: UnsubscribeScope } | null {
  const match = tokenShape.exec(token);
  if (!match) return null;
  const [, userId = "", scope = "", given = ""] = match;
  if (scope !== "digest" && !isOptionalKind(scope)) return null;
  const expected = Buffer.from(signature(secret, userId, scope));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId, scope };
}
