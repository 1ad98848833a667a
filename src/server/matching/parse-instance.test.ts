import { describe, expect, it } from "vitest";
import { runMatchCommand } from "./cli.ts";
import { InstanceFormatError, parseMatchingInstance } from "./parse-instance.ts";

const valid = "3 2 4\n1 2\n0 0 500\n0 1 400\n1 0 900\n2 1 100\n";

function errorOf(text: string): string {
  try {
    parseMatchingInstance(text);
  } catch (error) {
    if (error instanceof InstanceFormatError) return error.message;
    throw error;
  }
  throw new Error("expected a format error");
}

describe("parseMatchingInstance", () => {
  it("reads the text format into typed arrays", () => {
    const problem = parseMatchingInstance(valid);
    expect(problem.menteeCount).toBe(3);
    expect(Array.from(problem.capacity)).toEqual([1, 2]);
    expect(Array.from(problem.pairScore)).toEqual([500, 400, 900, 100]);
  });

  it("accepts Windows line ends, tabs and trailing blank lines", () => {
    expect(
      parseMatchingInstance(`${valid.replaceAll("\n", "\r\n").replaceAll(" ", "\t")}\n\n`).pairScore.length,
    ).toBe(4);
  });

  it("accepts an empty cohort", () => {
    expect(parseMatchingInstance("0 0 0\n\n").pairScore.length).toBe(0);
  });

  it("names the line of every mistake", () => {
    expect(errorOf("")).toBe('line 1: the file is empty; expected "n m E"');
    expect(errorOf("3 2\n")).toBe('line 1: expected 3 numbers "n m E" (mentees, mentors, pairs), found 2');
    expect(errorOf("3 2 1\n1\n0 0 5\n")).toBe("line 2: expected 2 mentor capacities, found 1 numbers");
    expect(errorOf("3 2 1\n1 -2\n0 0 5\n")).toBe("line 2: capacity of mentor 1 is negative (-2)");
    expect(errorOf("3 2 1\n1 2\n3 0 5\n")).toBe("line 3: mentee 3 is out of range (0..2)");
    expect(errorOf("3 2 1\n1 2\n0 2 5\n")).toBe("line 3: mentor 2 is out of range (0..1)");
    expect(errorOf("3 2 1\n1 2\n0 1 1001\n")).toBe("line 3: score 1001 is out of range (0..1000)");
    expect(errorOf("3 2 1\n1 2\n0 1 -1\n")).toBe("line 3: score -1 is out of range (0..1000)");
    expect(errorOf("3 2 1\n1 2\n0 1 2.5\n")).toBe('line 3: "2.5" is not a whole number');
    expect(errorOf("3 2 1\n1 2\n0 1\n")).toBe('line 3: expected 3 numbers "mentee mentor score", found 2');
    expect(errorOf("3 2 2\n1 2\n0 1 5\n")).toBe(
      "line 4: expected 2 pairs, found 1 before the end of the file",
    );
    expect(errorOf("3 2 1\n1 2\n0 1 5\n1 1 5\n")).toBe(
      "line 4: expected 1 pairs, found more lines after them",
    );
    expect(errorOf("3 2 2\n1 2\n0 1 5\n\n0 1 7\n")).toBe(
      "line 5: mentee 0 and mentor 1 are already paired on line 3",
    );
    expect(errorOf("-3 2 1\n")).toBe("line 1: the number of mentees must not be negative (got -3)");
  });
});

describe("match command", () => {
  const files: Record<string, string> = { "cohort.txt": valid, "broken.txt": "3 2 1\n1 2\n0 9 5\n" };
  const read = (path: string) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
    return new TextEncoder().encode(text);
  };

  it("prints one JSON line with the matched count, the score and the solve time", () => {
    const outcome = runMatchCommand(["cohort.txt"], read);
    expect(outcome.exitCode).toBe(0);
    const line = JSON.parse(outcome.stdout);
    expect(line).toMatchObject({ matched: 3, score: 1400 });
    expect(typeof line.ms).toBe("number");
    expect(
      JSON.parse(runMatchCommand(["cohort.txt", "--mode", "score", "--certify"], read).stdout),
    ).toMatchObject({
      matched: 3,
      score: 1400,
      certified: true,
    });
  });

  it("exits with code 2 and a clear message on a bad file or bad arguments", () => {
    expect(runMatchCommand(["broken.txt"], read)).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "broken.txt: line 3: mentor 9 is out of range (0..1)\n",
    });
    expect(runMatchCommand(["nothing.txt"], read).stderr).toBe(
      "nothing.txt: cannot read the file (ENOENT)\n",
    );
    expect(runMatchCommand(["cohort.txt", "--mode", "fast"], read).exitCode).toBe(2);
    expect(runMatchCommand([], read).exitCode).toBe(2);
  });
});
