import { describe, expect, it } from "vitest";
import { writingFlagKinds } from "../../../shared/story.ts";
import { labelledSentences } from "./writing-check.labelled.ts";
import { measure } from "./writing-check.measure.ts";
import { checkSentence, checkText } from "./writing-check.ts";

describe("the writing check", () => {
  it("is measured on a labelled set of at least 150 sentences: precision and recall per flag", () => {
    expect(labelledSentences.length).toBeGreaterThanOrEqual(150);
    const scores = measure();
    const rows = writingFlagKinds.map((kind) => {
      const { tp, fp, fn, precision, recall } = scores[kind];
      return `${kind.padEnd(8)} precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  (tp ${tp}, fp ${fp}, fn ${fn})`;
    });
    console.log(`Writing check on ${labelledSentences.length} labelled sentences:\n${rows.join("\n")}`);
    if (process.env.SHOW_MISSES) {
      for (const labelled of labelledSentences) {
        const found = new Set(checkSentence(labelled.text).map((flag) => flag.kind));
        const wrong = writingFlagKinds.filter((kind) => labelled[kind] !== found.has(kind));
        if (wrong.length)
          console.log(wrong.map((k) => `${k}:${labelled[k] ? "missed" : "extra"}`).join(" "), labelled.text);
      }
    }
    expect(scores.we.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.passive.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("says why, and rewrites around “I” where it can", () => {
    const [we] = checkSentence("We shipped the new onboarding flow in Q3.");
    expect(we).toMatchObject({ kind: "we", suggestion: "I shipped the new onboarding flow in Q3." });
    expect(we?.why).toMatch(/what you did yourself/);
    const [passive] = checkSentence("The feature was launched in March.");
    expect(passive).toMatchObject({ kind: "passive", suggestion: "I launched the feature in March." });
    const [byBoard] = checkSentence("The new pricing was approved by the board.");
    expect(byBoard).toMatchObject({ kind: "passive", suggestion: null });
    const [vague] = checkSentence("I helped with the launch of the new app.");
    expect(vague).toMatchObject({ kind: "vague", suggestion: null });
    expect(vague?.why).toMatch(/helped with/);
    expect(
      checkSentence("I rebuilt the checkout flow and cut drop-off from 38% to 21% in six weeks."),
    ).toEqual([]);
  });

  it("checks every sentence of a longer text", () => {
    const flags = checkText("We rebuilt billing. I cut churn from 6% to 4%. The plan was approved.");
    expect(flags.map((f) => f.kind)).toEqual(["we", "passive"]);
  });
});
