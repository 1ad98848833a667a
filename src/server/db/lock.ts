import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export class DataDirLockedError extends Error {}

export type DataDirLock = { release(): void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Two processes on one PGlite directory would corrupt it, so the second must refuse to start.
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "sidecar.lock");
  const owner = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, owner);
      closeSync(fd);
      return {
        release() {
          try {
            if (readFileSync(path, "utf8") === owner) unlinkSync(path);
          } catch {}
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readFileSync(path, "utf8").trim();
      const [pid, host] = holder.split("@");
      const stale = host === hostname() && pid !== undefined && !isAlive(Number(pid));
      if (!stale) {
        throw new DataDirLockedError(
          `Another Sidecar process (${holder}) is using the data directory ${dataDir}. ` +
            "Stop it first, or start this one with a different DATA_DIR. " +
            `If no Sidecar process is running, delete ${path} by hand.`,
        );
      }
      // The lock belongs to a process that no longer exists on this host: only the lock file goes.
      unlinkSync(path);
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}.`);
}
