import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { parse } from "hono/utils/cookie";
import type { Profile } from "../../shared/profile.ts";
import { sessions, users } from "../auth/auth.table.ts";
import type { Auth } from "../auth/auth.ts";
import { type Db, type PreparedRead, prepareRead } from "../db/open.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { presentProfile } from "../modules/profile/profile.presenter.ts";
import { profileColumns } from "../modules/profile/profile.repo.ts";
import { profiles } from "../modules/profile/profile.table.ts";
import { AppError, databaseUnavailable } from "./errors.ts";

export type Role = "member" | "admin";
export type Viewer = {
  userId: string;
  sessionId: string;
  role: Role;
  email: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  /** The member's profile as it stood when the request began (defaults where they never saved one). */
  profile: Profile;
};

type SessionDeps = { auth: Auth; db: Db; sessionMaxSeconds: number };
/** Who is asking, and the cookies to send back when the session's idle timeout was pushed on. */
export type ResolvedSession = { viewer: Viewer | null; setCookies: string[] };

type CookieSettings = {
  sessionCookie: string;
  dontRememberCookie: string;
  secret: string;
  expiresInSeconds: number;
  updateAgeSeconds: number;
};
const settingsByAuth = new WeakMap<Auth, Promise<CookieSettings>>();

function cookieSettings(auth: Auth): Promise<CookieSettings> {
  let settings = settingsByAuth.get(auth);
  if (!settings) {
    settings = auth.$context.then((context) => ({
      sessionCookie: context.authCookies.sessionToken.name,
      dontRememberCookie: context.authCookies.dontRememberToken.name,
      secret: context.secret,
      expiresInSeconds: context.sessionConfig.expiresIn,
      updateAgeSeconds: context.sessionConfig.updateAge,
    }));
    settingsByAuth.set(auth, settings);
  }
  return settings;
}

/** The session token of a cookie signed as better-auth signs it (HMAC-SHA256, base64), or null. */
function verifiedToken(signed: string | undefined, secret: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf(".");
  if (dot < 1) return null;
  const token = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

// A signature checked once stays valid for as long as the secret does, so a process remembers the
// cookie headers it has verified (never those it refused) instead of decoding and hashing them on every
// request. This remembers arithmetic, not sessions: each request still reads its session, so signing
// out or disabling an account ends it on the next request.
const verifiedCookieLimit = 10_000;
const verifiedCookies = new WeakMap<CookieSettings, Map<string, string>>();

function sessionTokenOf(cookieHeader: string, settings: CookieSettings): string | null {
  let known = verifiedCookies.get(settings);
  if (!known) {
    known = new Map();
    verifiedCookies.set(settings, known);
  }
  const remembered = known.get(cookieHeader);
  if (remembered !== undefined) return remembered;
  const token = verifiedToken(
    parse(cookieHeader, settings.sessionCookie)[settings.sessionCookie],
    settings.secret,
  );
  if (token === null) return null;
  if (known.size >= verifiedCookieLimit) known.clear();
  known.set(cookieHeader, token);
  return token;
}

const sessionFields = {
  sessionId: sessions.id,
  expiresAt: sessions.expiresAt,
  createdAt: sessions.createdAt,
  userId: users.id,
  email: users.email,
  emailVerified: users.emailVerified,
  twoFactorEnabled: users.twoFactorEnabled,
  role: users.role,
  disabled: users.disabled,
  ...profileColumns,
};
type SessionRow = { [K in keyof typeof sessionFields]: (typeof sessionFields)[K]["_"]["data"] } & {
  [K in keyof typeof profileColumns]: (typeof profileColumns)[K]["_"]["data"] | null;
};
const sessionFieldNames = Object.keys(sessionFields) as (keyof SessionRow)[];

// Prepared once per database (and connection): the statement runs on every signed-in request.
const preparedLookups = new WeakMap<Db, PreparedRead>();

function sessionLookup(db: Db): PreparedRead {
  let lookup = preparedLookups.get(db);
  if (!lookup) {
    // One JSON array, not sixteen columns: the driver describes, parses and converts each column of
    // every row it reads, which for this statement cost more than the database's own work.
    const member = sql`json_build_array(${sql.join(Object.values(sessionFields), sql`, `)})`;
    const { sql: text } = db
      .select({ member })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(sessions.token, sql.placeholder("token")))
      .toSQL();
    lookup = prepareRead(db, "find_session_with_member", text);
    preparedLookups.set(db, lookup);
  }
  return lookup;
}

async function findSessionWithMember(db: Db, token: string): Promise<SessionRow | undefined> {
  const values = (await sessionLookup(db)([token])) as unknown[] | undefined;
  if (!values) return undefined;
  const row: Record<string, unknown> = {};
  sessionFieldNames.forEach((name, index) => {
    row[name] = values[index];
  });
  const member = row as SessionRow;
  // Timestamps arrive as JSON text (ISO 8601 with the offset).
  member.expiresAt = new Date(member.expiresAt);
  member.createdAt = new Date(member.createdAt);
  return member;
}

/**
 * The session behind a request's cookie, in one statement: the session joined with its account and the
 * member's profile (so their name and today need no second read). Nothing
 * is cached between requests, so signing out or disabling an account ends the session on the next
 * request, in every process. Once per `updateAge` the idle timeout is pushed on by better-auth itself,
 * whose new cookie goes back with the answer.
 */
export async function resolveSession(deps: SessionDeps, headers: Headers): Promise<ResolvedSession> {
  const none: ResolvedSession = { viewer: null, setCookies: [] };
  const cookie = headers.get("cookie");
  if (!cookie) return none;
  const settings = await cookieSettings(deps.auth);
  const token = sessionTokenOf(cookie, settings);
  if (!token) return none;
  try {
    const row = await findSessionWithMember(deps.db, token);
    if (!row) return none;
    const now = Date.now();
    if (row.expiresAt.getTime() <= now) return none;
    const ageSeconds = (now - row.createdAt.getTime()) / 1000;
    // The idle timeout slides with use; this absolute limit makes every session end, however busy.
    if (row.disabled || ageSeconds > deps.sessionMaxSeconds) {
      await deps.db.delete(sessions).where(eq(sessions.id, row.sessionId));
      return none;
    }
    const viewer: Viewer = {
      userId: row.userId,
      sessionId: row.sessionId,
      role: row.role,
      email: row.email,
      emailVerified: row.emailVerified,
      twoFactorEnabled: row.twoFactorEnabled,
      profile: presentProfile(row),
    };
    const refreshDue =
      row.expiresAt.getTime() - settings.expiresInSeconds * 1000 + settings.updateAgeSeconds * 1000 <= now;
    if (!refreshDue || parse(cookie, settings.dontRememberCookie)[settings.dontRememberCookie]) {
      return { viewer, setCookies: [] };
    }
    return { viewer, setCookies: await refreshSession(deps.auth, headers) };
  } catch (error) {
    // An outage is not a sign-out: the page must keep what was typed and try again.
    if (isDatabaseUnavailable(error)) throw databaseUnavailable();
    throw error;
  }
}

async function refreshSession(auth: Auth, headers: Headers): Promise<string[]> {
  const { headers: answered } = await auth.api.getSession({
    headers,
    query: { disableRefresh: false },
    returnHeaders: true,
  });
  return answered.getSetCookie();
}

export async function resolveViewer(deps: SessionDeps, headers: Headers): Promise<Viewer | null> {
  return (await resolveSession(deps, headers)).viewer;
}

export function requireSignedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return viewer;
}
