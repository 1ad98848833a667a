/** Words the managers pages show, kept free of zod so the pages do not pull it into the first render. */
export const checkInAreas = [
  "lanes",
  "tour",
  "decision",
  "story",
  "feedback_themes",
  "promotion_diagnosis",
] as const;
export type CheckInArea = (typeof checkInAreas)[number];

/** Areas that name one record of the report's (a tour, a decision…); the others are the whole part. */
export const areasWithTarget = ["tour", "decision", "feedback_themes", "promotion_diagnosis"] as const;

export function needsTarget(area: CheckInArea): boolean {
  return (areasWithTarget as readonly string[]).includes(area);
}

export const checkInAreaLabels: Record<CheckInArea, string> = {
  lanes: "Lanes",
  tour: "A tour of duty",
  decision: "A decision",
  story: "Career story",
  feedback_themes: "Feedback themes",
  promotion_diagnosis: "Promotion diagnosis",
};

export const checkInAreaDescriptions: Record<CheckInArea, string> = {
  lanes: "Your lane self-assessments with their evidence.",
  tour: "One tour of duty: its mission, dates, lanes and milestones.",
  decision: "One decision from your journal: the dilemma, the options, what you decided and why.",
  story: "Your career story entries and press release.",
  feedback_themes:
    "The themes of one feedback request's results and what you heard: never an answer's words.",
  promotion_diagnosis: "One promotion diagnosis: the causes, the verdict and the moves. Not your notes.",
};

export const cadences = ["weekly", "fortnightly", "monthly"] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceLabels: Record<Cadence, string> = {
  weekly: "Every week",
  fortnightly: "Every two weeks",
  monthly: "Every month",
};

export const linkStates = ["invited", "active", "declined", "ended"] as const;
export type LinkState = (typeof linkStates)[number];

export const agendaStates = ["accepted", "suggested", "declined"] as const;
export type AgendaState = (typeof agendaStates)[number];
