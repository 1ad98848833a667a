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

async function retryAfter(db: Db, key: string, limit: number): Promise<number | undefined> {
  const [row] = await db.select().from(signInFailures).where(eq(signInFailures.key, key));
  if (!row) return undefined;
  const elapsed = (Date.now() - row.windowStart.getTime()) / 1000;
  if (elapsed >= signInLimits.windowSeconds || Number(row.count) < limit) return undefined;
  return Math.max(1, Math.ceil(signInLimits.windowSeconds - elapsed));
}

export async function assertSignInAllowed(db: Db, email: string | undefined, ip: string): Promise<void> {
  const keys = keysFor(email, ip);
  const waits = await Promise.all([
    keys.account ? retryAfter(db, keys.account, signInLimits.perAccount) : undefined,
    retryAfter(db, keys.address, signInLimits.perAddress),
  ]);
  const wait = Math.max(...waits.map((w) => w ?? 0));
  if (wait > 0) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`,
      undefined,
      wait,
    );
  }
}

export async function recordSignInFailure(db: Db, email: string | undefined, ip: string): Promise<void> {
  const keys = keysFor(email, ip);
  for (const key of [keys.account, keys.address]) {
    if (!key) continue;
    await db.execute(sql`
      insert into ${signInFailures} (key, count, window_start) values (${key}, 1, now())
      on conflict (key) do update set
        count = case when ${signInFailures.windowStart} < now() - make_interval(secs => ${signInLimits.windowSeconds}) then 1 else ${signInFailures.count} + 1 end,
        window_start = case when ${signInFailures.windowStart} < now() - make_interval(secs => ${signInLimits.windowSeconds}) then now() else ${signInFailures.windowStart} end`);
  }
}

export async function clearAccountFailures(db: Db, email: string | undefined): Promise<void> {
  const { account } = keysFor(email, "");
  if (account) await db.delete(signInFailures).where(eq(signInFailures.key, account));
}
