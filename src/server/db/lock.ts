import { spawnSync } from "node:child_process";
import { closeSync, constants, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export class DataDirLockedError extends Error {}

export type DataDirLock = { release(): void };

const lockFileName = "sidecar.lock";
const heldByAnother = 75;

/**
 * Two processes on one PGlite directory would corrupt it, so exactly one may open it. The lock is
 * flock(2) on a file in the directory, taken by util-linux's `flock` on this process's own open file:
 * the lock belongs to that open file, so the kernel keeps it while this process lives and drops it
 * when the process ends, however it ends. There is no stale lock to judge, and two processes starting
 * at the same instant cannot both win. The file itself stays; what it says is only for the message.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
  const taken = spawnSync("flock", ["--nonblock", "--conflict-exit-code", String(heldByAnother), "3"], {
    stdio: ["ignore", "ignore", "pipe", fd],
  });
  if (taken.status !== 0) {
    closeSync(fd);
    throw refusal(dataDir, path, taken);
  }
  ftruncateSync(fd, 0);
  writeSync(fd, `process ${process.pid} on ${hostname()}, since ${new Date().toISOString()}\n`, 0);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        ftruncateSync(fd, 0);
      } finally {
        closeSync(fd);
      }
    },
  };
}

function refusal(dataDir: string, path: string, taken: ReturnType<typeof spawnSync>): DataDirLockedError {
  if (taken.status === heldByAnother) {
    // The winner may not have written who it is yet; an empty file still means it holds the lock.
    const holder = readFileSync(path, "utf8").trim();
    return new DataDirLockedError(
      `Another Sidecar process${holder ? ` (${holder})` : ""} is using the data directory ${dataDir}. ` +
        "Stop it first, or start this one with a different DATA_DIR. The lock ends by itself when that process stops.",
    );
  }
  if ((taken.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    return new DataDirLockedError(
      `Sidecar cannot lock the data directory ${dataDir}: the flock command is missing. ` +
        "Install util-linux (Debian and Ubuntu have it; on macOS: brew install flock), or set DATABASE_URL to use PostgreSQL.",
    );
  }
  return new DataDirLockedError(
    `Sidecar could not lock the data directory ${dataDir}: ${String(taken.stderr ?? "").trim() || "flock failed"}.`,
  );
}
