import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { certifyMatching } from "./certify-matching.ts";
import { type MatchMode, matchModes } from "./matching-problem.ts";
import { InstanceFormatError, parseMatchingInstance } from "./parse-instance.ts";
import { solveMatching } from "./solve-matching.ts";

const usage = "usage: npm run --silent match -- FILE [--mode participation|score] [--certify]";

export type CommandOutcome = { exitCode: number; stdout: string; stderr: string };

const fail = (message: string): CommandOutcome => ({ exitCode: 2, stdout: "", stderr: `${message}\n` });

/** Solves one instance file and reports {"matched", "score", "ms"} as one JSON line. */
export function runMatchCommand(
  args: string[],
  readFile: (path: string) => Uint8Array = readFileSync,
): CommandOutcome {
  let file: string | undefined;
  let mode: MatchMode = "participation";
  let certify = false;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] as string;
    if (arg === "--certify") certify = true;
    else if (arg === "--mode" || arg.startsWith("--mode=")) {
      const value = arg === "--mode" ? args[++k] : arg.slice("--mode=".length);
      if (!matchModes.includes(value as MatchMode))
        return fail(`--mode must be participation or score\n${usage}`);
      mode = value as MatchMode;
    } else if (arg.startsWith("-")) return fail(`unknown option ${arg}\n${usage}`);
    else if (file === undefined) file = arg;
    else return fail(`only one FILE is expected\n${usage}`);
  }
  if (file === undefined) return fail(usage);

  let bytes: Uint8Array;
  try {
    bytes = readFile(file);
  } catch (error) {
    return fail(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let problem: ReturnType<typeof parseMatchingInstance>;
  try {
    problem = parseMatchingInstance(bytes);
  } catch (error) {
    if (error instanceof InstanceFormatError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  const startedAt = performance.now();
  const result = solveMatching(problem, { mode });
  const ms = Math.round((performance.now() - startedAt) * 10) / 10;
  const line: Record<string, unknown> = { matched: result.matched, score: result.score, ms };
  if (certify) {
    const failure = certifyMatching(problem, mode, result);
    line.certified = failure === null;
    if (failure !== null) return { exitCode: 1, stdout: `${JSON.stringify(line)}\n`, stderr: `${failure}\n` };
  }
  return { exitCode: 0, stdout: `${JSON.stringify(line)}\n`, stderr: "" };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outcome = runMatchCommand(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}
