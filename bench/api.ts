// The API benchmark: the raw single-row select rate of a database, next to the rate of signed-in routes
// served from the same database in the same run, printed as ratios (this machine's speed cancels out).
// Usage: npm run bench:api [-- --seconds 5] [--warmup 2] [--connections 50] [--only pglite|postgres]
//        [--route REGEX] [--light] [--rounds 3]
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { eq } from "drizzle-orm";
import { users } from "../src/server/auth/auth.table.ts";
import { readConfig } from "../src/server/config.ts";
import { type Database, openDatabase } from "../src/server/db/open.ts";
import { createLogger } from "../src/server/logger.ts";
import { startSidecar } from "../src/server/server.ts";
import { adminUrl, throwawayName, withAdminClient } from "../test/databases.ts";
import { seedHeavyMember, seedLightMember } from "./seed-member.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    only: { type: "string" },
    route: { type: "string" },
    light: { type: "boolean", default: false },
    rounds: { type: "string", default: "1" },
  },
});
const seconds = Number(args.seconds);
const warmupSeconds = Number(args.warmup);
const rounds = Math.max(1, Number(args.rounds));
const connections = Number(args.connections);
const postgresUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Rate = { perSecond: number; p50: number; p99: number; failed: number };

/** The raw rate: as many single-row selects as `connections` callers get through, straight to the driver. */
async function rawSelectRate(database: Database, userId: string, seconds: number): Promise<Rate> {
  const client = (
    database.db as unknown as { $client: { query: (q: string, p: unknown[]) => Promise<unknown> } }
  ).$client;
  const latencies: number[] = [];
  const endAt = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < endAt) {
        const startedAt = performance.now();
        await client.query("select id, name, email from users where id = $1", [userId]);
        latencies.push(performance.now() - startedAt);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (f: number) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))] ?? 0;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), failed: 0 };
}

/**
 * The least any HTTP answer drawn from the database can cost here: Node's own server answering each
 * request with the raw select's row as JSON, no routing, session or headers. Printed for scale.
 */
async function startFloorServer(database: Database, userId: () => string) {
  const client = (
    database.db as unknown as {
      $client: { query: (q: string, p: unknown[]) => Promise<{ rows: unknown[] }> };
    }
  ).$client;
  const server = createServer((_request, response) => {
    client.query("select id, name, email from users where id = $1", [userId()]).then(
      ({ rows }) => {
        const body = JSON.stringify(rows[0] ?? null);
        response.writeHead(200, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        });
        response.end(body);
      },
      () => {
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A route's rate under `connections` keep-alive connections, from autocannon in its own process. */
async function routeRate(
  url: string,
  cookie: string,
  acceptEncoding: string | undefined,
  seconds: number,
): Promise<Rate> {
  const bin = join(import.meta.dirname, "..", "node_modules", "autocannon", "autocannon.js");
  // Asynchronously: the server under test runs in this process and must keep answering meanwhile.
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    [
      bin,
      ...["-j", "-c", String(connections), "-d", String(seconds), "-H", `cookie=${cookie}`],
      ...(acceptEncoding ? ["-H", `accept-encoding=${acceptEncoding}`] : []),
      url,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(out) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    perSecond: report.requests.average,
    p50: report.latency.p50,
    p99: report.latency.p99,
    failed: report.non2xx + report.errors,
  };
}

async function benchDatabase(kind: "pglite" | "postgres") {
  let database: Database;
  let dropDatabase = async () => {};
  if (kind === "pglite") {
    database = await openDatabase({ kind: "pglite-memory" });
  } else {
    const name = throwawayName("bench");
    await withAdminClient(postgresUrl, (c) => c.query(`create database ${name}`));
    database = await openDatabase({ kind: "postgres", url: adminUrl(postgresUrl, name) });
    dropDatabase = () =>
      withAdminClient(postgresUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
        () => {},
      );
  }
  await database.migrate();
  const config = readConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    BASE_URL: "http://127.0.0.1",
    LOG_LEVEL: "error",
  });
  const sidecar = await startSidecar(config, { database, logger: createLogger("error") });
  let floorUserId = "";
  const floor = await startFloorServer(database, () => floorUserId);
  try {
    const light = await seedLightMember(sidecar.url, database.db);
    const heavy = args.light ? light : await seedHeavyMember(sidecar.url, database.db);
    const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, light.email));
    if (!row) throw new Error("the seeded member is missing");
    floorUserId = row.id;

    // Each line first runs unmeasured for --warmup seconds, so the code it drives is compiled and every
    // pooled connection open (with its prepared statements) before the figures start: on a loaded
    // 2-core machine the compiler's own thread is starved and a cold route ran at a quarter of its
    // later rate for the first seconds.
    await rawSelectRate(database, row.id, warmupSeconds);
    const routes: [string, string, string, string?][] = [
      ["node:http answering the raw select, nothing else (the floor)", `${floor.url}/`, ""],
      ["GET /api/profile", `${sidecar.url}/api/profile`, light.cookie],
      [
        "GET /api/profile, as a browser asks (gzip, deflate, br)",
        `${sidecar.url}/api/profile`,
        light.cookie,
        "gzip, deflate, br",
      ],
      ["GET /api/home", `${sidecar.url}/api/home`, light.cookie],
      ["GET /api/home, 200 tours, 500 decisions, 100 roles", `${sidecar.url}/api/home`, heavy.cookie],
      ["GET /api/tours?limit=50 (first page)", `${sidecar.url}/api/tours?limit=50`, light.cookie],
      ["GET /api/tours?limit=50 (first page), 200 tours", `${sidecar.url}/api/tours?limit=50`, heavy.cookie],
      [
        "GET /api/decisions?limit=50 (first page), 500 decisions",
        `${sidecar.url}/api/decisions?limit=50`,
        heavy.cookie,
      ],
    ];
    // The raw select runs again just before each line and the line is read against it: on a shared
    // machine the speed drifts over minutes, and a ratio of two figures taken far apart measured the
    // drift as much as the route.
    const lines: { label: string; rate: Rate; raw: Rate }[] = [];
    for (const [label, url, cookie, acceptEncoding] of routes.filter(
      ([label]) => !args.route || label.startsWith("node:http") || new RegExp(args.route).test(label),
    )) {
      await routeRate(url, cookie, acceptEncoding, warmupSeconds);
      // With --rounds, the pair runs again and the round of median ratio is kept: one neighbour's burst
      // on the host can land on either side of a single pair.
      const pairs: { label: string; raw: Rate; rate: Rate }[] = [];
      for (let round = 0; round < rounds; round++) {
        const raw = await rawSelectRate(database, row.id, seconds);
        pairs.push({ label, raw, rate: await routeRate(url, cookie, acceptEncoding, seconds) });
      }
      const ratio = (pair: { raw: Rate; rate: Rate }) => pair.rate.perSecond / pair.raw.perSecond;
      pairs.sort((a, b) => ratio(a) - ratio(b));
      const median = pairs[Math.floor((pairs.length - 1) / 2)];
      if (median) lines.push(median);
    }
    console.log(`\n${kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL (node-postgres pool)"}`);
    console.log("| what | req/s | p50 ms | p99 ms | raw select req/s, just before | × raw | failed |");
    console.log("|---|---|---|---|---|---|---|");
    for (const { label, rate, raw } of lines) {
      console.log(
        `| ${label} | ${rate.perSecond.toFixed(0)} | ${rate.p50.toFixed(2)} | ${rate.p99.toFixed(2)} | ${raw.perSecond.toFixed(0)} | ${(
          rate.perSecond / raw.perSecond
        ).toFixed(2)} | ${rate.failed} |`,
      );
    }
  } finally {
    floor.close();
    await sidecar.close();
    await dropDatabase();
  }
}

console.log(
  `Sidecar API benchmark: ${connections} connections, ${seconds} s per line after ${warmupSeconds} s of warm-up, ${rounds} round(s) a line, ${cpus().length} cores (${
    cpus()[0]?.model ?? "unknown"
  }), Node ${process.version}`,
);
for (const kind of ["pglite", "postgres"] as const) {
  if (args.only && args.only !== kind) continue;
  await benchDatabase(kind);
}
