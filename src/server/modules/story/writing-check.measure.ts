import { type WritingFlagKind, writingFlagKinds } from "../../../shared/story.ts";
import { labelledSentences } from "./writing-check.labelled.ts";
import { checkSentence } from "./writing-check.ts";

type Score = { tp: number; fp: number; fn: number; precision: number; recall: number };

/** Precision and recall of each flag over the labelled sentences. */
export function measure(): Record<WritingFlagKind, Score> {
  const scores = Object.fromEntries(
    writingFlagKinds.map((kind) => [kind, { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0 }]),
  ) as Record<WritingFlagKind, Score>;
  for (const labelled of labelledSentences) {
    const found = new Set(checkSentence(labelled.text).map((flag) => flag.kind));
    for (const kind of writingFlagKinds) {
      const expected = labelled[kind];
      const got = found.has(kind);
      if (expected && got) scores[kind].tp += 1;
      else if (got) scores[kind].fp += 1;
      else if (expected) scores[kind].fn += 1;
    }
  }
  for (const score of Object.values(scores)) {
    score.precision = score.tp / Math.max(1, score.tp + score.fp);
    score.recall = score.tp / Math.max(1, score.tp + score.fn);
  }
  return scores;
}
