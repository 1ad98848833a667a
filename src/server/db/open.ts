import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseTimeouts } from "../config.ts";
import { type DataDirLock, lockDataDir } from "./lock.ts";
import { pgliteReads } from "./pglite-reads.ts";
import { postgresRead } from "./postgres-reads.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball, to clone it in memory. */
  dump?(): Promise<Blob>;
  /** How many SQL statements the app has sent so far: what a route reads is measured, not assumed. */
  statementCount(): number;
};

function statementCounter() {
  let count = 0;
  return {
    logger: {
      logQuery: () => {
        count += 1;
      },
    },
    counted: () => {
      count += 1;
    },
    statementCount: () => count,
  };
}

/** A read run by name with text parameters, answering its first row's one JSON column, parsed (undefined with no row). */
export type PreparedRead = (params: string[]) => Promise<unknown>;
type PrepareRead = (name: string, text: string) => PreparedRead;
const readPreparers = new WeakMap<Db, PrepareRead>();

/**
 * A read that runs on nearly every request (the session lookup, home), prepared once per connection so
 * the database neither parses nor plans it again, and sent in one round trip. `text` selects one JSON
 * column and holds `$1`, `$2`… for the parameters; `name` must be unique to the statement. Counted like
 * every other statement.
 */
export function prepareRead(db: Db, name: string, text: string): PreparedRead {
  const prepare = readPreparers.get(db);
  if (!prepare) throw new Error("prepareRead needs a database handle from openDatabase");
  return prepare(name, text);
}

/** A text parameter as an SQL literal (standard strings: only the quote is special). */
function textLiteral(value: string): string {
  if (value.includes("\u0000")) throw new Error("a text parameter cannot hold NUL");
  return `'${value.replaceAll("'", "''")}'`;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; timeouts?: DatabaseTimeouts }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; from?: Blob };

const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") return openPostgres(target.url, target.timeouts ?? defaultTimeouts);
  return openPglite(target);
}

export const defaultTimeouts: DatabaseTimeouts = { connectMs: 5_000, statementMs: 15_000 };

async function openPostgres(url: string, timeouts: DatabaseTimeouts): Promise<Database> {
  // Every wait is bounded, so a database that is down or hung makes requests fail fast (503), not hang:
  // the server cancels long statements and idle transactions, and the client gives up on a server
  // that stopped answering altogether (a frozen host never enforces its own statement timeout).
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + timeouts.connectMs,
    keepAlive: true,
  });
  pool.on("error", () => {});
  await pool.query("select 1");
  const counter = statementCounter();
  const db = drizzlePg(pool, { schema, logger: counter.logger }) as unknown as Db;
  readPreparers.set(db, (name, text) => {
    const read = postgresRead(pool, name, text);
    return (params) => {
      counter.counted();
      return read(params);
    };
  });
  return {
    db,
    kind: "postgres",
    statementCount: counter.statementCount,
    async migrate() {
      // Several app processes may boot at once against one server: only one migrates at a time.
      const client = await pool.connect();
      try {
        // Migrations and the wait for another process's migrations may take longer than a request may.
        await client.query("set statement_timeout = 0");
        await client.query("select pg_advisory_lock(727274)");
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock(727274)").catch(() => {});
        client.release(true);
      }
    },
    close: () => pool.end(),
  };
}

// Loaded at every start: btree_gist lets the bookings' exclusion constraint compare ids with `=`.
const extensions = { btree_gist };

async function openPglite(
  target: { kind: "pglite"; dataDir: string } | { kind: "pglite-memory"; from?: Blob },
): Promise<Database> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (target.kind === "pglite") {
    lock = lockDataDir(target.dataDir);
    try {
      client = await PGlite.create({ dataDir: target.dataDir, extensions });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create(target.from ? { loadDataDir: target.from, extensions } : { extensions });
  }
  const counter = statementCounter();
  const db = drizzlePglite(client, { schema, logger: counter.logger }) as unknown as Db;
  // PGlite's own queries parse, describe, bind and execute in six calls into the database each time; a
  // PREPAREd statement run with EXECUTE reuses its plan, and the reads waiting together go as one call.
  const runRead = pgliteReads(client);
  readPreparers.set(db, (name, text) => {
    let prepared: Promise<unknown> | undefined;
    return async (params) => {
      counter.counted();
      prepared ??= client.exec(`prepare ${name} as ${text}`).catch((error: unknown) => {
        prepared = undefined;
        throw error;
      });
      await prepared;
      return runRead(`execute ${name}(${params.map(textLiteral).join(", ")})`);
    };
  });
  return {
    db,
    kind: "pglite" as const,
    statementCount: counter.statementCount,
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async close() {
      await client.close();
      lock?.release();
    },
    dump: () => client.dumpDataDir("none") as Promise<Blob>,
  };
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
