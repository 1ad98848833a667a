import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitParagraphs } from "../../../shared/feedback.ts";
import {
  admitSubmission,
  cryptoShuffle,
  hashToken,
  looksLikeToken,
  newToken,
  visibleResponseCount,
} from "./anonymity.ts";

describe("anonymity building blocks", () => {
  it("splits answers at every line break and drops empty lines", () => {
    expect(splitParagraphs("First.\r\n\r\n  Second.  \nThird.\n\n\n")).toEqual([
      "First.",
      "Second.",
      "Third.",
    ]);
    expect(splitParagraphs(" \n \n")).toEqual([]);
  });

  it("shuffles into a permutation of the same items", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (items) => {
        expect(cryptoShuffle(items).sort()).toEqual([...items].sort());
      }),
    );
  });

  it("shows the exact count until results open, then multiples of k", () => {
    expect(visibleResponseCount(2, 5, false)).toEqual({ shown: 2, atLeast: false });
    expect(visibleResponseCount(5, 5, true)).toEqual({ shown: 5, atLeast: true });
    expect(visibleResponseCount(9, 5, true)).toEqual({ shown: 5, atLeast: true });
    expect(visibleResponseCount(10, 5, true)).toEqual({ shown: 10, atLeast: true });
  });

  it("releases a question's pool only once results are open and k givers wait in it", () => {
    const empty = { tallies: {}, responseCount: 0, opened: false, k: 3 };
    const one = admitSubmission(empty, ["q1", "q2"]);
    const two = admitSubmission({ ...empty, ...one }, ["q1"]);
    expect(two).toMatchObject({ opensNow: false, releasedKeys: [] });
    const three = admitSubmission({ ...empty, ...two }, ["q1"]);
    expect(three).toMatchObject({ opensNow: true, releasedKeys: ["q1"], responseCount: 3 });
    expect(three.tallies).toEqual({ q1: { pending: 0, released: 3 }, q2: { pending: 1, released: 0 } });
    const four = admitSubmission({ ...empty, ...three, opened: true }, ["q1", "q2"]);
    expect(four).toMatchObject({ opensNow: false, releasedKeys: [] });
    expect(four.tallies).toEqual({ q1: { pending: 1, released: 3 }, q2: { pending: 2, released: 0 } });
  });

  it("makes 43-character tokens whose hash is all the database keeps", () => {
    const { token, tokenHash } = newToken();
    expect(looksLikeToken(token)).toBe(true);
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(newToken().token).not.toBe(token);
    expect(looksLikeToken("../../etc/passwd")).toBe(false);
  });
});
