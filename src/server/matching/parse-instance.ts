import { type MatchingProblem, maxPairScore } from "./matching-problem.ts";

export class InstanceFormatError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = "InstanceFormatError";
  }
}

const newline = 10;
const carriageReturn = 13;
const space = 32;
const tab = 9;
const minus = 45;
const zero = 48;
const nine = 57;

/** Reads one line's integers at a time from raw bytes, so a file of millions of pairs makes no strings. */
class LineReader {
  private at = 0;
  line = 0;
  readonly values: number[] = [];

  constructor(private readonly bytes: Uint8Array) {}

  /** Parses the next line into values; false at the end of the input. */
  next(): boolean {
    const { bytes } = this;
    if (this.at >= bytes.length) return false;
    this.line++;
    this.values.length = 0;
    let at = this.at;
    while (at < bytes.length) {
      const c = bytes[at] as number;
      if (c === newline) break;
      if (c === space || c === tab || c === carriageReturn) {
        at++;
        continue;
      }
      const negative = c === minus;
      if (negative) at++;
      const digitsFrom = at;
      let value = 0;
      while (at < bytes.length) {
        const d = bytes[at] as number;
        if (d < zero || d > nine) break;
        value = value * 10 + (d - zero);
        at++;
      }
      const after = at < bytes.length ? (bytes[at] as number) : newline;
      const endsCleanly = after === space || after === tab || after === carriageReturn || after === newline;
      if (at === digitsFrom || !endsCleanly) {
        let tokenEnd = at;
        while (
          tokenEnd < bytes.length &&
          ![space, tab, carriageReturn, newline].includes(bytes[tokenEnd] as number)
        )
          tokenEnd++;
        const token = new TextDecoder().decode(bytes.subarray(digitsFrom - (negative ? 1 : 0), tokenEnd));
        throw new InstanceFormatError(this.line, `"${token}" is not a whole number`);
      }
      if (value > Number.MAX_SAFE_INTEGER) throw new InstanceFormatError(this.line, "a number is too large");
      this.values.push(negative ? -value : value);
    }
    this.at = at + 1;
    return true;
  }

  /** Skips blank lines; false at the end of the input. */
  nextFilled(): boolean {
    while (this.next()) if (this.values.length > 0) return true;
    return false;
  }
}

function checkCount(name: string, value: number, line: number, limit: number): void {
  if (value < 0) throw new InstanceFormatError(line, `${name} must not be negative (got ${value})`);
  if (value > limit) throw new InstanceFormatError(line, `${name} ${value} is more than ${limit}`);
}

/**
 * Parses the benchmark text format:
 *   n m E            mentees, mentors, candidate pairs
 *   c_0 ... c_{m-1}  mentor capacities
 *   i j s            E lines: mentee, mentor, integer score 0..1000
 */
export function parseMatchingInstance(input: Uint8Array | string): MatchingProblem {
  const reader = new LineReader(typeof input === "string" ? new TextEncoder().encode(input) : input);
  if (!reader.nextFilled()) throw new InstanceFormatError(1, 'the file is empty; expected "n m E"');
  if (reader.values.length !== 3)
    throw new InstanceFormatError(
      reader.line,
      `expected 3 numbers "n m E" (mentees, mentors, pairs), found ${reader.values.length}`,
    );
  const [menteeCount, mentorCount, pairCount] = reader.values as [number, number, number];
  const sizeLimit = 2 ** 28;
  checkCount("the number of mentees", menteeCount, reader.line, sizeLimit);
  checkCount("the number of mentors", mentorCount, reader.line, sizeLimit);
  checkCount("the number of pairs", pairCount, reader.line, sizeLimit);

  const capacity = new Int32Array(mentorCount);
  const capacityFound = mentorCount === 0 ? reader.next() : reader.nextFilled();
  if (!capacityFound && mentorCount > 0)
    throw new InstanceFormatError(
      reader.line + 1,
      `expected ${mentorCount} mentor capacities, found the end of the file`,
    );
  if (reader.values.length !== mentorCount)
    throw new InstanceFormatError(
      reader.line,
      `expected ${mentorCount} mentor capacities, found ${reader.values.length} numbers`,
    );
  reader.values.forEach((value, j) => {
    if (value < 0)
      throw new InstanceFormatError(reader.line, `capacity of mentor ${j} is negative (${value})`);
    if (value > 2 ** 31 - 1)
      throw new InstanceFormatError(reader.line, `capacity of mentor ${j} is too large`);
    capacity[j] = value;
  });

  const pairMentee = new Int32Array(pairCount);
  const pairMentor = new Int32Array(pairCount);
  const pairScore = new Int32Array(pairCount);
  const pairLine = new Int32Array(pairCount);
  for (let k = 0; k < pairCount; k++) {
    if (!reader.nextFilled())
      throw new InstanceFormatError(
        reader.line + 1,
        `expected ${pairCount} pairs, found ${k} before the end of the file`,
      );
    const { values, line } = reader;
    if (values.length !== 3)
      throw new InstanceFormatError(line, `expected 3 numbers "mentee mentor score", found ${values.length}`);
    const [i, j, s] = values as [number, number, number];
    if (i < 0 || i >= menteeCount)
      throw new InstanceFormatError(line, `mentee ${i} is out of range (0..${menteeCount - 1})`);
    if (j < 0 || j >= mentorCount)
      throw new InstanceFormatError(line, `mentor ${j} is out of range (0..${mentorCount - 1})`);
    if (s < 0 || s > maxPairScore)
      throw new InstanceFormatError(line, `score ${s} is out of range (0..${maxPairScore})`);
    pairMentee[k] = i;
    pairMentor[k] = j;
    pairScore[k] = s;
    pairLine[k] = line;
  }
  if (reader.nextFilled())
    throw new InstanceFormatError(reader.line, `expected ${pairCount} pairs, found more lines after them`);
  const problem = { menteeCount, mentorCount, capacity, pairMentee, pairMentor, pairScore };
  rejectRepeatedPairs(problem, pairLine);
  return problem;
}

function rejectRepeatedPairs(problem: MatchingProblem, pairLine: Int32Array): void {
  const { menteeCount, mentorCount, pairMentee, pairMentor } = problem;
  const start = new Int32Array(menteeCount + 1);
  for (let k = 0; k < pairMentee.length; k++) {
    const slot = (pairMentee[k] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let i = 0; i < menteeCount; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const byMentee = new Int32Array(pairMentee.length);
  const fill = start.slice(0, menteeCount);
  for (let k = 0; k < pairMentee.length; k++) {
    const i = pairMentee[k] as number;
    byMentee[fill[i] as number] = k;
    fill[i] = (fill[i] as number) + 1;
  }
  const seenBy = new Int32Array(mentorCount).fill(-1);
  const seenAt = new Int32Array(mentorCount);
  for (let i = 0; i < menteeCount; i++) {
    for (let r = start[i] as number; r < (start[i + 1] as number); r++) {
      const k = byMentee[r] as number;
      const j = pairMentor[k] as number;
      if (seenBy[j] === i) {
        const first = Math.min(seenAt[j] as number, k);
        const second = Math.max(seenAt[j] as number, k);
        throw new InstanceFormatError(
          pairLine[second] as number,
          `mentee ${i} and mentor ${j} are already paired on line ${pairLine[first]}`,
        );
      }
      seenBy[j] = i;
      seenAt[j] = k;
    }
  }
}
