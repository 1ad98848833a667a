import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";

const root = mkdtempSync(join(tmpdir(), "sidecar-lock-"));
const contenders: ChildProcess[] = [];
afterAll(() => {
  for (const child of contenders) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

type Contender = { child: ChildProcess; ask(line: string): Promise<string> };

async function startContender(): Promise<Contender> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/lock-contender.ts"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  contenders.push(child);
  const waiting: ((line: string) => void)[] = [];
  const early: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else early.push(line);
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = early.shift();
      if (line !== undefined) resolve(line);
      else waiting.push(resolve);
    });
  expect(await nextLine()).toBe("ready");
  return {
    child,
    ask(line) {
      const answer = nextLine();
      child.stdin?.write(`${line}\n`);
      return answer;
    },
  };
}

describe("the data-directory lock, between real processes", () => {
  it("lets exactly one of two processes starting at the same instant open a directory, with or without a stale lock", async () => {
    const [a, b] = await Promise.all([startContender(), startContender()]);
    if (!a || !b) throw new Error("contenders did not start");
    const rounds = 200;
    const wins = { a: 0, b: 0 };
    for (let round = 0; round < rounds; round++) {
      const dir = join(root, `race-${round}`);
      if (round % 2 === 1) {
        // What a crashed holder leaves behind: the file, naming a process that is gone.
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "sidecar.lock"), "process 999999 on another-host, since 2026-01-01\n");
      }
      const answers = await Promise.all([a.ask(`lock ${dir}`), b.ask(`lock ${dir}`)]);
      const winners = answers.filter((answer) => answer === "won");
      expect(winners, `round ${round}: ${answers.join(" | ")}`).toHaveLength(1);
      const lost = answers.find((answer) => answer !== "won") ?? "";
      expect(lost).toMatch(/^lost DataDirLockedError: Another Sidecar process/);
      expect(lost).not.toMatch(/\(\)|ENOENT|unlink/);
      if (answers[0] === "won") wins.a += 1;
      else wins.b += 1;
      await (answers[0] === "won" ? a : b).ask("release");
    }
    expect(wins.a + wins.b).toBe(rounds);
  });

  it("is free again the moment its holder is killed, and names a live holder to the one refused", async () => {
    const dir = join(root, "killed");
    const holder = await startContender();
    expect(await holder.ask(`lock ${dir}`)).toBe("won");
    expect(readFileSync(join(dir, "sidecar.lock"), "utf8")).toMatch(
      new RegExp(`process ${holder.child.pid} on `),
    );

    const other = await startContender();
    const refused = await other.ask(`lock ${dir}`);
    expect(refused).toMatch(
      new RegExp(`Another Sidecar process \\(process ${holder.child.pid} on .*\\) is using`),
    );

    const gone = new Promise((resolve) => holder.child.once("exit", resolve));
    holder.child.kill("SIGKILL");
    await gone;
    expect(existsSync(join(dir, "sidecar.lock"))).toBe(true);
    expect(await other.ask(`lock ${dir}`)).toBe("won");
    expect(await other.ask("release")).toBe("released");
  });
});
