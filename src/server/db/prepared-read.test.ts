import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "../../../test/harness.ts";
import { type Database, prepareRead } from "./open.ts";
import { isDatabaseUnavailable } from "./unavailable.ts";

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

  it("answers each of many reads sent at once with its own row, or nothing", async () => {
    const read = prepareRead(
      database.db,
      "find_prepared_read_each",
      "select json_build_object('id', id, 'asked', $2::int) from prepared_read_notes where id = $1",
    );
    const client = (database.db as unknown as { $client: object }).$client as {
      query?: (config: unknown) => unknown;
    };
    const queries = client.query ? vi.spyOn(client as { query: (c: unknown) => unknown }, "query") : null;
    const asked = Array.from({ length: 30 }, (_, n) =>
      n % 3 === 0 ? ["missing", String(n)] : ["a", String(n)],
    );
    const answers = await Promise.all(asked.map((params) => read(params)));
    expect(answers).toEqual(asked.map(([id, n]) => (id === "a" ? { id: "a", asked: Number(n) } : undefined)));
    if (database.kind === "postgres" && queries) {
      // All thirty in one statement on PostgreSQL.
      const sent = queries.mock.calls.filter(([config]) =>
        String((config as { name?: string }).name).startsWith("find_prepared_read_each"),
      );
      expect(sent).toHaveLength(1);
    }
    queries?.mockRestore();
  });

  it("answers each of many reads sent at once with its own row, when one of them fails", async () => {
    const read = prepareRead(
      database.db,
      "find_prepared_read_many",
      "select json_build_object('n', 100 / length($1), 'text', $1::text)",
    );
    const inputs = ["a", "bb", "", "dddd", "e'e", "x".repeat(50)];
    const settled = await Promise.allSettled([...inputs, ...inputs].map((input) => read([input])));
    settled.forEach((outcome, index) => {
      const input = inputs[index % inputs.length] ?? "";
      if (input === "") expect(outcome).toMatchObject({ status: "rejected", reason: { code: "22012" } });
      else
        expect(outcome).toEqual({
          status: "fulfilled",
          value: { n: Math.floor(100 / input.length), text: input },
        });
    });
  });

  it.runIf(!process.env.DATABASE_URL)("on PGlite, sends reads that wait together as one call", async () => {
    const read = readNote();
    await read(["a"]);
    const client = (
      database.db as unknown as { $client: { execProtocolRaw: (message: Uint8Array) => unknown } }
    ).$client;
    const calls = vi.spyOn(client, "execProtocolRaw");
    // A transaction holds the database while the reads queue behind it.
    let reads: Promise<unknown>[] = [];
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      reads = Array.from({ length: 20 }, () => read(["a"]));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    const answers = await Promise.all(reads);
    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ id: "a", body: "it's ünïcode ✓" })));
    const readCalls = calls.mock.calls.filter(([message]) =>
      new TextDecoder().decode(message).includes("find_prepared_read_note"),
    );
    expect(readCalls.length).toBeGreaterThan(0);
    expect(readCalls.length).toBeLessThanOrEqual(2);
    calls.mockRestore();
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

describe("prepared reads when the database closes (the server shutting down)", () => {
  it("fail as unavailable, those already queued included", async () => {
    const closing = await openTestDatabase();
    const read = prepareRead(closing.db, "find_prepared_read_closing", "select to_json($1::text)");
    expect(await read(["before"])).toBe("before");
    const queued = Array.from({ length: 5 }, (_, n) =>
      read([`queued ${n}`]).then(
        () => null,
        (e) => e,
      ),
    );
    await closing.close();
    const after = await read(["after"]).then(
      () => null,
      (error: unknown) => error,
    );
    for (const failure of [...(await Promise.all(queued)), after]) {
      if (failure !== null) expect(isDatabaseUnavailable(failure)).toBe(true);
    }
    expect(isDatabaseUnavailable(after)).toBe(true);
  });
});
