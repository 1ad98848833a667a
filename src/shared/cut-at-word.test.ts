import { describe, expect, it } from "vitest";
import { cutAtWord } from "./cut-at-word.ts";

describe("cutAtWord", () => {
  it("keeps text that fits", () => {
    expect(cutAtWord("Hiring a manager", 16)).toBe("Hiring a manager");
  });

  it("cuts a long text at the last whole word, without a trailing comma, and marks the cut", () => {
    expect(cutAtWord("Hiring the first manager, and the two finalists differ", 30)).toBe(
      "Hiring the first manager…",
    );
  });

  it("cuts one very long word where it must", () => {
    expect(cutAtWord("a ".concat("x".repeat(40)), 12)).toBe(`a ${"x".repeat(9)}…`);
  });
});
