// The lanes in words, apart from their schemas, so a page that only names lanes loads no validation library.
export const laneIds = ["crafting", "market", "organizational", "domain", "team", "growth"] as const;
export type LaneId = (typeof laneIds)[number];

export const ratingValues = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof ratingValues)[number];

type LaneDefinition = {
  label: string;
  description: string;
  /** What each rating means for this lane, from 1 to 5. */
  levels: readonly [string, string, string, string, string];
};

// One reviewable place for what every rating means, so two people's "3" describe the same thing.
export const lanes: Record<LaneId, LaneDefinition> = {
  crafting: {
    label: "Crafting",
    description: "Execution and detail: specs, prioritisation, shipping with quality.",
    levels: [
      "New to it: I follow the team's process and learn as features ship.",
      "Reliable: I ship well-scoped features with clear specs and few surprises.",
      "Strong: I run a product area end to end and raise the quality bar of my team.",
      "Expert: I shape how several teams plan, specify and ship.",
      "World-class: others copy my practices; I define how product gets built.",
    ],
  },
  market: {
    label: "Market",
    description: "Customers, competitors and positioning: finding what the market will pay for.",
    levels: [
      "New to it: I rely on others for what customers and competitors do.",
      "Informed: I talk to customers regularly and know the main competitors.",
      "Strong: my bets come from market insight and they mostly pay off.",
      "Expert: I set positioning and pricing for a product line.",
      "World-class: I see where a market is going before it moves; others learn from me.",
    ],
  },
  organizational: {
    label: "Organizational",
    description: "Getting things done across a company: stakeholders, alignment, influence.",
    levels: [
      "New to it: I work mostly within my own team.",
      "Connected: I keep my stakeholders informed and aligned on my work.",
      "Strong: I align several teams and leaders behind a plan.",
      "Expert: I move decisions across the whole company, including the executive team.",
      "World-class: I shape how organisations decide; leaders seek my help.",
    ],
  },
  domain: {
    label: "Domain",
    description: "Depth in one field, such as ML, hardware, payments or healthcare.",
    levels: [
      "New to it: I am learning the field's vocabulary and constraints.",
      "Working knowledge: I hold my own with the specialists in my team.",
      "Strong: specialists trust my judgement on trade-offs in the field.",
      "Expert: I am the product person people in the field ask for.",
      "World-class: I am known in the field beyond my company.",
    ],
  },
  team: {
    label: "Team",
    description: "Building and leading teams: hiring, coaching, managing managers, team dynamics.",
    levels: [
      "New to it: I have not led people yet, or only informally.",
      "Mentor: I coach peers and newer PMs and help the team work well together.",
      "Manager: I hire, grow and lead a team of product managers.",
      "Leader of leaders: I manage managers and shape the team's culture.",
      "World-class: I build product organisations that others model theirs on.",
    ],
  },
  growth: {
    label: "Growth",
    description: "Acquisition, activation, retention and monetisation: growing use and revenue.",
    levels: [
      "New to it: I know the funnel in outline.",
      "Practised: I run experiments and read their results correctly.",
      "Strong: I own a growth metric and move it quarter after quarter.",
      "Expert: I design the growth model and strategy for a product.",
      "World-class: I have grown products at scale; others learn growth from me.",
    ],
  },
};

export function levelDescription(lane: LaneId, rating: Rating): string {
  return lanes[lane].levels[rating - 1] ?? "";
}
