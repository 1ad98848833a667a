import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = (name: string) => `/usr/lib/postgresql/15/bin/${name}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, that the test may
 * stop, restart, freeze and thaw: faults are never played on the machine's shared server. PostgreSQL
 * refuses to run as root, so it runs as the `postgres` user when the tests run as root.
 */
export async function startPrivatePostgres() {
  const dir = mkdtempSync(join(tmpdir(), "sidecar-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), 0);
  const run = (command: string, args: string[]) => {
    const full = asRoot ? ["runuser", ["-u", "postgres", "--", bin(command), ...args]] : [bin(command), args];
    const result = spawnSync(full[0] as string, full[1] as string[], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run("pg_ctl", ["-D", data, "-o", options, "-w", "-l", join(dir, "log"), "start"]);
  start();
  const postmasterPid = () => Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const everyProcess = () =>
    [
      postmasterPid(),
      ...execFileSync("pgrep", ["-P", String(postmasterPid())])
        .toString()
        .trim()
        .split("\n"),
    ]
      .map(Number)
      .filter(Boolean);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Ends the server at once, dropping every connection, as a crash or a failover would. */
    stop: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    /** Freezes every server process: connections stay open and nothing answers, as on a hung host. */
    freeze: () => {
      for (const pid of everyProcess()) process.kill(pid, "SIGSTOP");
    },
    thaw: () => {
      for (const pid of everyProcess()) process.kill(pid, "SIGCONT");
    },
    destroy() {
      try {
        for (const pid of everyProcess()) process.kill(pid, "SIGCONT");
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
