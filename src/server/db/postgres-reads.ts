import type pg from "pg";
import { isDatabaseUnavailable } from "./unavailable.ts";

type Waiting = { params: string[]; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * A prepared read on PostgreSQL whose calls made in one turn of the event loop go as one statement:
 * the read's text runs once for each call's parameters, passed as arrays and taken apart with
 * `unnest`, in one round trip through one pooled connection. node-postgres sends every query on its
 * own, and building, sending and reading each cost the server more than the database's own work on
 * the one-row reads that every request makes (the session lookup, home). A lone call runs the read
 * itself. Both are named statements, parsed once per pooled connection. If the statement for many
 * fails with a database that is unavailable, every call gets that error; with any other error, each
 * call runs alone, so each gets its own answer or its own error.
 *
 * `text` selects one JSON column, at most one row, and uses its parameters as text (`$2::date` where
 * another type is meant).
 */
export function postgresRead(
  pool: pg.Pool,
  name: string,
  text: string,
): (params: string[]) => Promise<unknown> {
  const parameterCount = Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
  const names = Array.from({ length: parameterCount }, (_, index) => `p${index + 1}`);
  const arrays = names.map((_, index) => `$${index + 1}::text[]`).join(", ");
  const eachText = text.replaceAll(/\$(\d+)/g, (_, n: string) => `b.p${n}`);
  const manyText = `select r.found, r.value
    from unnest(${arrays}) with ordinality as b(${names.join(", ")}, at)
    left join lateral (select true, x.* from (${eachText}) x limit 1) r(found, value) on true
    order by b.at`;
  let waiting: Waiting[] = [];

  async function runAlone({ params, resolve, reject }: Waiting) {
    try {
      const result = await pool.query<unknown[]>({ name, text, values: params, rowMode: "array" });
      resolve(result.rows[0]?.[0]);
    } catch (error) {
      reject(error);
    }
  }

  async function runWaiting() {
    const batch = waiting;
    waiting = [];
    const [only] = batch;
    if (batch.length === 1 && only) return runAlone(only);
    try {
      const values = names.map((_, index) => batch.map((read) => read.params[index]));
      const result = await pool.query<[boolean | null, unknown]>({
        name: `${name}_together`,
        text: manyText,
        values,
        rowMode: "array",
      });
      batch.forEach((read, index) => {
        const [found, value] = result.rows[index] ?? [null, undefined];
        read.resolve(found ? value : undefined);
      });
    } catch (error) {
      // A database that is down or hung fails every call alike, at once; any other error belongs to
      // one call's parameters, which running each alone finds.
      if (isDatabaseUnavailable(error)) for (const read of batch) read.reject(error);
      else for (const read of batch) void runAlone(read);
    }
  }

  return (params) =>
    new Promise((resolve, reject) => {
      waiting.push({ params, resolve, reject });
      if (waiting.length === 1) setImmediate(runWaiting);
    });
}
