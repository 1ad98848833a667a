import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/open.ts";
import { AppError } from "../http/errors.ts";
import { signInFailures } from "./auth.table.ts";

export const signInLimits = {
  windowSeconds: 15 * 60,
  perAccount: 10,
  perAddress: 50,
};

function keysFor(email: string | undefined, ip: string) {
  return {
    account: email ? `account:${email.trim().toLowerCase()}` : undefined,
    address: `address:${ip}`,
  };
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
  const [account, address] = await Promise.all([
    keys.account ? countAttempt(db, keys.account) : undefined,
    countAttempt(db, keys.address),
  ]);
  const waits = [
    account && account.count > signInLimits.perAccount ? secondsLeft(account.windowStart) : 0,
    address.count > signInLimits.perAddress ? secondsLeft(address.windowStart) : 0,
  ];
  const wait = Math.max(...waits);
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
  const keys = keysFor(email, ip);
  await uncountAttempt(db, keys.address);
  if (!keys.account) return;
  if (outcome === "signed-in") await db.delete(signInFailures).where(eq(signInFailures.key, keys.account));
  else await uncountAttempt(db, keys.account);
}
