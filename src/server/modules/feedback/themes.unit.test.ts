import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupByTheme, themeKeys, themeOf, themeVocabulary } from "../../../shared/feedback-themes.ts";

describe("placing a paragraph in a theme", () => {
  it.each([
    ["Your specs are clear and thorough.", "crafting"],
    ["Prioritisation of the backlog is sharp.", "crafting"],
    ["You always bring customers' words into the room.", "market"],
    ["Stakeholders know where things stand.", "organizational"],
    ["You understand the payments regulation better than the specialists.", "domain"],
    ["The team's culture got better after you started coaching.", "team"],
    ["Your 1:1s are the best part of my week.", "team"],
    ["Run more A/B tests on the signup funnel.", "growth"],
    ["Your written updates are a joy to read.", "communication"],
    ["Make the call sooner; we wait for your decisions.", "decisions"],
    ["Deadlines slip when the timeline is not written down.", "pace"],
    ["Thank you for asking.", "other"],
  ] as const)("%s -> %s", (text, theme) => {
    expect(themeOf(text)).toBe(theme);
  });

  it("matches whole words only, with plurals and stems", () => {
    expect(themeOf("An aspect of the relationship I value.")).toBe("other");
    expect(themeOf("A spectacular year.")).toBe("other");
    expect(themeOf("The trade-offs were well made.")).toBe("decisions");
    expect(themeOf("SPECS")).toBe("crafting");
  });

  it("picks the theme with the most matches, and the theme listed first on a tie", () => {
    expect(themeOf("Specs are fine, but stakeholders and execs are rarely aligned.")).toBe("organizational");
    // Market and communication match once each; market is listed first.
    expect(themeOf("Talk to customers more often.")).toBe("market");
  });
});

describe("grouping paragraphs into themes", () => {
  it("puts each paragraph in one theme, biggest first and Other last, keeping the order within a theme", () => {
    const paragraphs = [
      "Nice work.",
      "The specs are great.",
      "Customers love you.",
      "Thanks for asking.",
      "More detail in the spec, please.",
      "Nice work.",
      "Hiring went well.",
      "Ship smaller releases.",
    ];
    const themes = groupByTheme(paragraphs);
    expect(themes).toEqual([
      {
        key: "crafting",
        label: "Crafting",
        paragraphs: ["The specs are great.", "More detail in the spec, please.", "Ship smaller releases."],
      },
      { key: "market", label: "Market", paragraphs: ["Customers love you."] },
      { key: "team", label: "Team", paragraphs: ["Hiring went well."] },
      { key: "other", label: "Other", paragraphs: ["Nice work.", "Thanks for asking.", "Nice work."] },
    ]);
    expect(groupByTheme([])).toEqual([]);
  });

  it("never drops, adds or repeats a paragraph, whatever the text", () => {
    const words = fc.constantFrom("spec", "customers", "hiring", "growth", "late", "the", "1:1", "nice", "");
    const paragraph = fc.oneof(
      fc.string(),
      fc.array(words, { maxLength: 8 }).map((list) => list.join(" ")),
    );
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 40 }), (paragraphs) => {
        const themes = groupByTheme(paragraphs);
        expect(themes.flatMap((t) => t.paragraphs).sort()).toEqual([...paragraphs].sort());
        expect(themes.every((t) => t.paragraphs.length > 0)).toBe(true);
        const counted = themes.filter((t) => t.key !== "other").map((t) => t.paragraphs.length);
        expect(counted).toEqual([...counted].sort((a, b) => b - a));
        expect(themes.findIndex((t) => t.key === "other")).toBeOneOf([-1, themes.length - 1]);
      }),
    );
  });

  it("keeps a vocabulary that reads well: lowercase words, each entry in one theme only", () => {
    const entries = Object.values(themeVocabulary).flat();
    expect(new Set(entries).size).toBe(entries.length);
    for (const entry of entries) expect(entry).toMatch(/^[a-z0-9]+\*?( [a-z0-9]+\*?)*$/);
    expect(Object.keys(themeVocabulary)).toEqual(themeKeys.filter((key) => key !== "other"));
  });
});
