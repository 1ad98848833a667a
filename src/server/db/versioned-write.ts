import { and, eq, type SQL, sql } from "drizzle-orm";
import { integer, type PgColumn, type PgTable, type PgUpdateSetSource } from "drizzle-orm/pg-core";
import { AppError } from "../http/errors.ts";
import type { Db } from "./open.ts";

/**
 * Optimistic concurrency, in one place. Every editable record carries a `version`: 1 when first saved,
 * one more on every write. A change names the version it was based on and is written in one statement
 * (`update … where <record> and version = <sent>`), so when two writes race on one version the
 * database lets exactly one through; the other changes nothing and answers 409.
 */
export const versionColumn = () => integer("version").notNull().default(1);

type VersionedTable = PgTable & { version: PgColumn };

/** The 409 a person reads when what they edited was saved elsewhere first. */
export function staleWriteError(what: string): AppError {
  return new AppError(
    "CONFLICT",
    `This ${what} was changed in another tab or by another device since you opened it. Reload to see the latest version; what you typed is kept.`,
    "version",
  );
}

/** For writes already serialised by a row lock (a read-merge-write of a part of a record). */
export function requireVersion(current: number, sent: number, what: string) {
  if (current !== sent) throw staleWriteError(what);
}

/** The new value of the version column in a write that does not check it (e.g. closing a request). */
export function nextVersion(table: VersionedTable): SQL {
  return sql`${table.version} + 1`;
}

type VersionedWrite<T extends VersionedTable> = {
  /** Selects the one record, e.g. `eq(tours.id, id)`. */
  where: SQL;
  /** The version the client read; 0 means "never saved", which needs `insert`. */
  version: number;
  set: PgUpdateSetSource<T>;
  /** For records saved on first write (one per member): the whole row to insert when `version` is 0. */
  insert?: T["$inferInsert"];
  /** How the message names the record: "tour", "career plan"… */
  what: string;
  /** The answer when the record is gone by the time of the write; without it, a stale write. */
  missing?: () => AppError;
};

export async function writeVersioned<T extends VersionedTable>(
  db: Db,
  table: T,
  write: VersionedWrite<T>,
): Promise<T["$inferSelect"]> {
  // Drizzle's builders cannot follow a table type this generic; the write itself is plain SQL.
  const anyTable = table as unknown as PgTable & { version: PgColumn };
  if (write.version === 0 && write.insert) {
    const inserted = (await db
      .insert(anyTable)
      .values(write.insert as never)
      .onConflictDoNothing()
      .returning()) as T["$inferSelect"][];
    const [row] = inserted;
    if (!row) throw staleWriteError(write.what);
    return row;
  }
  const updated = (await db
    .update(anyTable)
    .set({ ...(write.set as object), version: nextVersion(anyTable) } as never)
    .where(and(write.where, eq(anyTable.version, write.version)))
    .returning()) as T["$inferSelect"][];
  const [row] = updated;
  if (row) return row;
  if (write.missing) {
    const [still] = await db.select({ version: anyTable.version }).from(anyTable).where(write.where);
    if (!still) throw write.missing();
  }
  throw staleWriteError(write.what);
}
