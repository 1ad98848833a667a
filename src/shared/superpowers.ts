import type { LaneId } from "./lanes.ts";

/**
 * Every strength has a shadow: the same habit, overused, becomes the thing people quietly wish you
 * did differently. This list is meant to be read and argued with; add to it in the same style.
 * `signals` are word stems that, found in a feedback comment, suggest the comment is about the shadow.
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
      "opinion",
      "stance",
      "take a position",
      "consensus",
      "push back",
      "pushback",
      "agree with everyone",
    ],
    lane: "organizational",
  },
  growth_expert: {
    label: "Growth expert",
    shadow: "Struggles with innovation",
    explanation:
      "Optimising what exists is measurable and safe; the new bet that cannot be A/B tested yet gets starved.",
    signals: ["innovat", "new idea", "big bet", "incremental", "optimis", "optimiz", "vision"],
    lane: "market",
  },
  storyteller: {
    label: "Storyteller",
    shadow: "Weak on details",
    explanation: "A compelling narrative can run ahead of the specifics the team needs to deliver it.",
    signals: [
      "detail",
      "follow-through",
      "follow through",
      "edge case",
      "sloppy",
      "accura",
      "loose end",
      "overlook",
    ],
    lane: "crafting",
  },
  political_navigator: {
    label: "Political navigator",
    shadow: "Unprincipled decisions",
    explanation:
      "Reading the room well can slide into deciding by who is in it, and people stop trusting the reasons.",
    signals: ["principle", "politic", "agenda", "inconsistent", "flip", "trust", "whoever"],
    lane: "organizational",
  },
  great_listener: {
    label: "Great listener",
    shadow: "Indecisive",
    explanation: "Hearing every view is a gift until the last view never arrives and the decision waits.",
    signals: ["indecis", "decide", "decision", "commit", "waffl", "slow to", "sit on the fence"],
  },
  visionary: {
    label: "Visionary",
    shadow: "Loses the team in the present",
    explanation:
      "Living three years ahead can leave this quarter's plan vague and the team unsure what to do on Monday.",
    signals: ["unrealistic", "execution", "deadline", "priorit", "too far ahead", "grounded", "this quarter"],
    lane: "crafting",
  },
  executor: {
    label: "Executor",
    shadow: "Skips the why",
    explanation:
      "Shipping fast is addictive; the strategy question of whether it should ship at all gets less time.",
    signals: ["strategy", "strategic", "why", "big picture", "rush", "busy", "step back"],
    lane: "market",
  },
  data_driven: {
    label: "Data-driven",
    shadow: "Waits for proof that will not come",
    explanation:
      "Numbers are reassuring; some of the best calls rest on a handful of conversations and judgement.",
    signals: [
      "data",
      "analysis paralysis",
      "intuition",
      "qualitative",
      "numbers",
      "gut",
      "judgement",
      "judgment",
    ],
  },
  high_standards: {
    label: "High standards",
    shadow: "Becomes the bottleneck",
    explanation:
      "Holding the bar yourself means everything waits for your review, and others stop owning quality.",
    signals: [
      "bottleneck",
      "perfect",
      "micromanag",
      "delegat",
      "control",
      "wait for you",
      "review everything",
    ],
    lane: "team",
  },
  customer_champion: {
    label: "Customer champion",
    shadow: "Says yes to every customer",
    explanation: "Fighting for each customer can fill the roadmap with one-offs and leave no room for focus.",
    signals: ["focus", "every customer", "one-off", "one off", "say no", "saying no", "roadmap"],
    lane: "market",
  },
};
