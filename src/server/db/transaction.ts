import type { Db } from "./open.ts";

/**
 * Runs `work` in one transaction and only then the sends it queued with `later`, so no mail or live
 * notice goes out for a write that rolled back.
 */
export async function runAfterCommit<T>(
  deps: { db: Db },
  work: (tx: Db, later: (send: () => void) => void) => Promise<T>,
): Promise<T> {
  const sends: (() => void)[] = [];
  const result = await deps.db.transaction((tx) => work(tx, (send) => sends.push(send)));
  for (const send of sends) send();
  return result;
}

/** Whether a database error is the given SQLSTATE (node-postgres puts it on the error, drizzle on its cause). */
export function isViolation(error: unknown, code: string): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === code || e.cause?.code === code;
}
