import { eq } from "drizzle-orm";
import { sessions, users } from "../auth/auth.table.ts";
import type { Auth } from "../auth/auth.ts";
import type { Db } from "../db/open.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { AppError, databaseUnavailable } from "./errors.ts";

export type Role = "member" | "admin";
export type Viewer = {
  userId: string;
  sessionId: string;
  role: Role;
  email: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
};

export async function resolveViewer(
  deps: { auth: Auth; db: Db; sessionMaxSeconds: number },
  headers: Headers,
): Promise<Viewer | null> {
  if (!headers.get("cookie")) return null;
  const found = await deps.auth.api
    .getSession({ headers, query: { disableRefresh: false } })
    .catch((error: unknown) => {
      // An outage is not a sign-out: the page must keep what was typed and try again.
      if (isDatabaseUnavailable(error)) throw databaseUnavailable();
      return null;
    });
  if (!found) return null;
  const [row] = await deps.db
    .select({ role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, found.user.id));
  const ageSeconds = (Date.now() - new Date(found.session.createdAt).getTime()) / 1000;
  // The idle timeout slides with use; this absolute limit makes every session end, however busy.
  if (!row || row.disabled || ageSeconds > deps.sessionMaxSeconds) {
    await deps.db.delete(sessions).where(eq(sessions.id, found.session.id));
    return null;
  }
  return {
    userId: found.user.id,
    sessionId: found.session.id,
    role: row.role,
    email: found.user.email,
    emailVerified: found.user.emailVerified,
    twoFactorEnabled: Boolean(found.user.twoFactorEnabled),
  };
}

export function requireSignedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return viewer;
}
