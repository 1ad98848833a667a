import type { LaneId } from "./lanes.ts";

/**
 * Every strength has a shadow: the same habit, overused, becomes the thing people quietly wish you
 * did differently. This list is meant to be read and argued with; add to it in the same style.
 * `signals` are phrases that describe the shadow itself, so a comment praising the strength does not
 * match ("great attention to detail" is not "misses details"). They match whole words, ignoring case;
 * a word ending in `*` also matches longer words that start with it ("delegat*": delegate, delegating).
 * `lane` is where the shadow tends to show up in lane ratings, when there is one.
 */
export type Superpower = {
  label: string;
  shadow: string;
  explanation: string;
  signals: readonly string[];
  lane?: LaneId;
};

export const superpowerKeys = [
  "collaborator",
  "growth_expert",
  "storyteller",
  "political_navigator",
  "great_listener",
  "visionary",
  "executor",
  "data_driven",
  "high_standards",
  "customer_champion",
] as const;
export type SuperpowerKey = (typeof superpowerKeys)[number];

export const superpowers: Record<SuperpowerKey, Superpower> = {
  collaborator: {
    label: "Collaborator",
    shadow: "Avoids strong opinions",
    explanation:
      "Bringing everyone along can turn into never taking a side, so the team waits for a call that does not come.",
    signals: [
      "avoid* conflict",
      "conflict avoid*",
      "take a stand",
      "take a position",
      "take a side",
      "pick a side",
      "take sides",
      "agree* with everyone",
      "push* back more",
      "rarely push* back",
      "never push* back",
      "stronger opinion*",
      "your own opinion*",
      "more of an opinion",
      "where you stand",
      "what you really think",
      "wait* for consensus",
      "too much consensus",
    ],
    lane: "organizational",
  },
  growth_expert: {
    label: "Growth expert",
    shadow: "Struggles with innovation",
    explanation:
      "Optimising what exists is measurable and safe; the new bet that cannot be A/B tested yet gets starved.",
    signals: [
      "too incremental",
      "only incremental",
      "bigger bet*",
      "bolder bet*",
      "more bold",
      "be bolder",
      "risk averse",
      "risk-averse",
      "more innovat*",
      "less innovat*",
      "lack* innovat*",
      "struggle* to innovate",
      "only optimi*",
      "just optimi*",
      "local maxim*",
      "no new ideas",
      "few new ideas",
    ],
    lane: "market",
  },
  storyteller: {
    label: "Storyteller",
    shadow: "Weak on details",
    explanation: "A compelling narrative can run ahead of the specifics the team needs to deliver it.",
    signals: [
      "miss* details",
      "miss* the details",
      "details slip*",
      "details often slip*",
      "details get lost",
      "details get missed",
      "light on detail*",
      "more detail",
      "more details",
      "lack* detail*",
      "gloss* over",
      "hand-wav*",
      "miss* edge cases",
      "miss* the edge cases",
      "edge cases slip*",
      "loose ends",
      "sloppy",
      "inaccura*",
      "weak follow-through",
      "more follow-through",
      "better follow-through",
      "lack* follow-through",
      "follow-through is patchy",
      "overlook*",
      "runs ahead of",
      "run ahead of",
    ],
    lane: "crafting",
  },
  political_navigator: {
    label: "Political navigator",
    shadow: "Unprincipled decisions",
    explanation:
      "Reading the room well can slide into deciding by who is in it, and people stop trusting the reasons.",
    signals: [
      "unprincipled",
      "lack* principle*",
      "no principle*",
      "inconsistent decision*",
      "flip-flop*",
      "flip flop*",
      "hidden agenda*",
      "own agenda",
      "too political",
      "play* politics",
      "whoever is in the room",
      "who is in the room",
      "loudest voice",
      "hard to trust",
      "reasons change",
    ],
    lane: "organizational",
  },
  great_listener: {
    label: "Great listener",
    shadow: "Indecisive",
    explanation: "Hearing every view is a gift until the last view never arrives and the decision waits.",
    signals: [
      "indecisi*",
      "slow to decide",
      "slow to commit",
      "slow decision*",
      "decide faster",
      "decide sooner",
      "decide more",
      "make the call",
      "make a call",
      "commit sooner",
      "waffl*",
      "on the fence",
      "decisions wait",
      "decisions drag",
      "delay* decisions",
      "avoid* decisions",
    ],
  },
  visionary: {
    label: "Visionary",
    shadow: "Loses the team in the present",
    explanation:
      "Living three years ahead can leave this quarter's plan vague and the team unsure what to do on Monday.",
    signals: [
      "unrealistic",
      "too far ahead",
      "not grounded",
      "more grounded",
      "head in the clouds",
      "what to do on monday",
      "this quarter",
      "unclear priorit*",
      "clearer priorit*",
      "priorities are unclear",
      "vague plan*",
      "weak execution",
      "execution suffer*",
      "miss* deadlines",
    ],
    lane: "crafting",
  },
  executor: {
    label: "Executor",
    shadow: "Skips the why",
    explanation:
      "Shipping fast is addictive; the strategy question of whether it should ship at all gets less time.",
    signals: [
      "skip* the why",
      "explain the why",
      "explain why",
      "more strategic",
      "too tactical",
      "lack* strategy",
      "no strategy",
      "lose* the big picture",
      "lose* sight of",
      "miss* the big picture",
      "step back",
      "rush*",
      "ship* too fast",
      "too busy",
      "busywork",
    ],
    lane: "market",
  },
  data_driven: {
    label: "Data-driven",
    shadow: "Waits for proof that will not come",
    explanation:
      "Numbers are reassuring; some of the best calls rest on a handful of conversations and judgement.",
    signals: [
      "analysis paralysis",
      "over-analy*",
      "overanaly*",
      "too much data",
      "wait* for data",
      "wait* for more data",
      "wait* for proof",
      "trust your gut",
      "use your gut",
      "more intuition",
      "trust your intuition",
      "trust your judgement",
      "trust your judgment",
      "dismiss* qualitative",
      "ignore* qualitative",
    ],
  },
  high_standards: {
    label: "High standards",
    shadow: "Becomes the bottleneck",
    explanation:
      "Holding the bar yourself means everything waits for your review, and others stop owning quality.",
    signals: [
      "bottleneck*",
      "micromanag*",
      "delegat* more",
      "more delegat*",
      "hard to delegat*",
      "let go",
      "perfectionis*",
      "wait* for you",
      "wait* for your review",
      "everything waits",
      "review* everything",
      "need* your approval",
      "too much control",
    ],
    lane: "team",
  },
  customer_champion: {
    label: "Customer champion",
    shadow: "Says yes to every customer",
    explanation: "Fighting for each customer can fill the roadmap with one-offs and leave no room for focus.",
    signals: [
      "yes to every*",
      "say* yes to everyone",
      "say no more",
      "learn to say no",
      "say no sooner",
      "saying no sooner",
      "hard to say no",
      "struggle* to say no",
      "one-off*",
      "one off*",
      "lack* focus",
      "more focus",
      "lose* focus",
      "unfocused",
      "roadmap is full",
      "overcommit*",
    ],
    lane: "market",
  },
};

function signalPattern(signal: string): string {
  const words = signal
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => {
      const stem = word.endsWith("*");
      const escaped = (stem ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return stem ? `${escaped}[\\p{L}\\p{N}]*` : escaped;
    });
  return words.join("[\\s-]+");
}

const shadowPatterns = new Map(
  superpowerKeys.map((key) => [
    key,
    new RegExp(
      `(^|[^\\p{L}\\p{N}])(?:${superpowers[key].signals.map(signalPattern).join("|")})(?![\\p{L}\\p{N}])`,
      "giu",
    ),
  ]),
);

// "You never miss details" is praise: a phrase right after one of these words is not the shadow.
const negations = new Set(["never", "not", "no", "rarely", "seldom", "don't", "doesn't", "didn't", "won't"]);

/** Whether a feedback comment describes the shadow of this superpower, by whole words and phrases. */
export function soundsLikeShadow(key: SuperpowerKey, text: string): boolean {
  const pattern = shadowPatterns.get(key);
  if (!pattern) return false;
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(0, match.index + (match[1]?.length ?? 0));
    const previousWord = /([\p{L}'\u2019]+)[^\p{L}\p{N}]*$/u.exec(before)?.[1];
    if (!previousWord || !negations.has(previousWord.toLowerCase().replace("\u2019", "'"))) return true;
  }
  return false;
}
