import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/open.ts";
import { AppError } from "../http/errors.ts";
import { signInFailures } from "./auth.table.ts";

/**
 * Failed password checks allowed in a window: per account from one address, per address across
 * accounts, and a much higher ceiling per account across addresses. A stranger guessing from one
 * address locks only that address out of the account, so the owner, from their own address, still
 * gets in; only a guessing campaign from many addresses meets the account-wide ceiling.
 */
export const signInLimits = {
  windowSeconds: 15 * 60,
  perAccountAndAddress: 10,
  perAccount: 100,
  perAddress: 50,
};

function keysFor(email: string | undefined, ip: string) {
  const account = email ? email.trim().toLowerCase() : undefined;
  return [
    ...(account
      ? [
          {
            key: `account-address:${account}|${ip}`,
            limit: signInLimits.perAccountAndAddress,
            account: true,
          },
          { key: `account:${account}`, limit: signInLimits.perAccount, account: true },
        ]
      : []),
    { key: `address:${ip}`, limit: signInLimits.perAddress, account: false },
  ];
}

function secondsLeft(windowStart: Date): number {
  const elapsed = (Date.now() - windowStart.getTime()) / 1000;
  return Math.max(1, Math.ceil(signInLimits.windowSeconds - elapsed));
}

/** Counts one attempt against a key in one statement, so concurrent attempts each get their own number. */
async function countAttempt(db: Db, key: string) {
  const expired = sql`${signInFailures.windowStart} < now() - make_interval(secs => ${signInLimits.windowSeconds})`;
  const result = await db.execute<{ count: number; window_start: string | Date }>(sql`
    insert into ${signInFailures} (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when ${expired} then 1 else ${signInFailures.count} + 1 end,
      window_start = case when ${expired} then now() else ${signInFailures.windowStart} end
    returning count, window_start`);
  const row = (result as unknown as { rows: { count: number; window_start: string | Date }[] }).rows[0];
  return { count: Number(row?.count ?? 0), windowStart: new Date(row?.window_start ?? Date.now()) };
}

async function uncountAttempt(db: Db, key: string) {
  await db
    .update(signInFailures)
    .set({ count: sql`greatest(${signInFailures.count} - 1, 0)` })
    .where(eq(signInFailures.key, key));
}

/**
 * Takes one attempt from the account's and the address's allowance before the password is checked:
 * the count is raised first, atomically, so however many attempts arrive at once, across processes,
 * at most the limit are ever checked. An attempt that turns out not to be a wrong password gives its
 * place back (`settleSignInAttempt`).
 */
export async function reserveSignInAttempt(db: Db, email: string | undefined, ip: string): Promise<void> {
  const keys = keysFor(email, ip);
  const counted = await Promise.all(keys.map(({ key }) => countAttempt(db, key)));
  const wait = Math.max(
    0,
    ...counted.map((attempt, i) =>
      attempt.count > (keys[i]?.limit ?? 0) ? secondsLeft(attempt.windowStart) : 0,
    ),
  );
  if (wait > 0) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`,
      undefined,
      wait,
    );
  }
}

/** A wrong password keeps its place in the count; a success clears the account's; anything else gives it back. */
export async function settleSignInAttempt(
  db: Db,
  email: string | undefined,
  ip: string,
  outcome: "wrong-password" | "signed-in" | "other",
): Promise<void> {
  if (outcome === "wrong-password") return;
  for (const { key, account } of keysFor(email, ip)) {
    if (outcome === "signed-in" && account)
      await db.delete(signInFailures).where(eq(signInFailures.key, key));
    else await uncountAttempt(db, key);
  }
}
