// A separate process that takes and gives back data-directory locks on command, one line at a time:
// "lock DIR" answers "won" or "lost MESSAGE"; "release" answers "released".
import { createInterface } from "node:readline";
import { type DataDirLock, lockDataDir } from "../src/server/db/lock.ts";

let held: DataDirLock | undefined;
const say = (line: string) => process.stdout.write(`${line.replace(/\n/g, " ")}\n`);

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, ...rest] = line.split(" ");
  if (command === "lock") {
    try {
      held = lockDataDir(rest.join(" "));
      say("won");
    } catch (error) {
      say(`lost ${(error as Error).constructor.name}: ${(error as Error).message}`);
    }
  } else if (command === "release") {
    held?.release();
    held = undefined;
    say("released");
  }
});
say("ready");
