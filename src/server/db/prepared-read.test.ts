import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/harness.ts";
import { type Database, prepareRead } from "./open.ts";

// The reads prepared once per connection (the session lookup, home) answer as any other statement
// would: the first row's JSON, nothing with no row, the database's own error when one fails, and
// never in the middle of another request's transaction.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table prepared_read_notes (id text primary key, body text)`);
  await database.db.execute(sql`insert into prepared_read_notes values ('a', 'it''s ünïcode ✓')`);
});
afterAll(() => database.close());

describe("a prepared read", () => {
  // One per database, as the app keeps them: a name is prepared once per connection.
  let note: ReturnType<typeof prepareRead> | undefined;
  const readNote = () => {
    note ??= prepareRead(
      database.db,
      "find_prepared_read_note",
      "select json_build_object('id', id, 'body', body) from prepared_read_notes where id = $1",
    );
    return note;
  };

  it("answers the first row's JSON, parsed, and nothing when no row matches", async () => {
    const read = readNote();
    expect(await read(["a"])).toEqual({ id: "a", body: "it's ünïcode ✓" });
    expect(await read(["missing"])).toBeUndefined();
    expect(await read(["a' or 'x' = 'x"])).toBeUndefined();
  });

  it("answers null for an SQL null", async () => {
    const read = prepareRead(database.db, "find_prepared_read_null", "select null::json where $1 = 'a'");
    expect(await read(["a"])).toBeNull();
  });

  it("fails with the database's own error, and the next read still works", async () => {
    const read = prepareRead(
      database.db,
      "find_prepared_read_ratio",
      "select to_json(10 / length($1)) from prepared_read_notes where id = 'a'",
    );
    await expect(read([""])).rejects.toMatchObject({ code: "22012" });
    expect(await read(["ab"])).toBe(5);
  });

  it("counts as one statement", async () => {
    const read = readNote();
    await read(["a"]);
    const before = database.statementCount();
    await read(["a"]);
    expect(database.statementCount() - before).toBe(1);
  });

  it("waits for a transaction in flight and reads what it committed", async () => {
    const read = readNote();
    let readDuring: Promise<unknown> | undefined;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update prepared_read_notes set body = 'changed' where id = 'a'`);
      readDuring = read(["a"]);
      // On PGlite the read cannot run inside this transaction's connection; it waits for the commit.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.execute(sql`update prepared_read_notes set body = 'committed' where id = 'a'`);
    });
    const seen = (await readDuring) as { body: string };
    expect(["committed", "it's ünïcode ✓"]).toContain(seen.body);
    if (database.kind === "pglite") expect(seen.body).toBe("committed");
  });
});
