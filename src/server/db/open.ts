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

type PgliteInternals = {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(run: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(run: () => Promise<T>): Promise<T>;
};

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();

/**
 * A simple query and its Sync in one wire message, run under PGlite's own locks as `exec` runs: it
 * waits for any open transaction and for any query in flight.
 */
async function execOneMessage(client: PGlite, statement: string): Promise<Uint8Array> {
  const internals = client as unknown as PgliteInternals;
  await internals._checkReady();
  const text = utf8.encode(statement);
  const message = new Uint8Array(1 + 4 + text.length + 1 + 1 + 4);
  const view = new DataView(message.buffer);
  message[0] = 0x51; // Query
  view.setInt32(1, 4 + text.length + 1);
  message.set(text, 5); // then the NUL that ends the text
  message[6 + text.length] = 0x53; // Sync
  view.setInt32(7 + text.length, 4);
  return internals._runExclusiveTransaction(() =>
    internals._runExclusiveQuery(() => client.execProtocolRaw(message, { syncToFs: false })),
  );
}

const failed = Symbol("failed");

/** The first data row's first column as text (null for SQL null, undefined with no row), or `failed`. */
function firstCell(reply: Uint8Array): string | null | undefined | typeof failed {
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  let cell: string | null | undefined;
  for (let at = 0; at + 5 <= reply.length; at += 1 + view.getInt32(at + 1)) {
    const type = reply[at];
    if (type === 0x45) return failed; // ErrorResponse
    if (type === 0x44 && cell === undefined) {
      // DataRow: length, column count (int16), then each column's length (-1 for null) and bytes.
      const length = view.getInt32(at + 7);
      cell = length < 0 ? null : utf8Text.decode(reply.subarray(at + 11, at + 11 + length));
    }
  }
  return cell;
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
  // node-postgres parses a named statement once per pooled connection, then only binds and executes.
  readPreparers.set(db, (name, text) => async (params) => {
    counter.counted();
    const result = await pool.query<unknown[]>({ name, text, values: params, rowMode: "array" });
    return result.rows[0]?.[0];
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
  // PREPAREd statement run with EXECUTE reuses its plan, and sent with its Sync as one message it is
  // one call, whose answer is read for its one cell instead of through PGlite's parser.
  readPreparers.set(db, (name, text) => {
    let prepared: Promise<unknown> | undefined;
    return async (params) => {
      counter.counted();
      prepared ??= client.exec(`prepare ${name} as ${text}`).catch((error: unknown) => {
        prepared = undefined;
        throw error;
      });
      await prepared;
      const statement = `execute ${name}(${params.map(textLiteral).join(", ")})`;
      const cell = firstCell(await execOneMessage(client, statement));
      if (cell !== failed) return typeof cell === "string" ? JSON.parse(cell) : cell;
      // Run again the usual way, so the error arrives as PGlite's own (with its code) and is mapped as any other.
      const [result] = await client.exec(statement, { rowMode: "array" });
      return (result?.rows as unknown[][] | undefined)?.[0]?.[0];
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
