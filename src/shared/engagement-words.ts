// The engagement's states, choices and labels, apart from their schemas, so a page that only names
// them loads no validation library.

export const engagementStates = ["agreeing", "active", "closing", "closed"] as const;
export type EngagementState = (typeof engagementStates)[number];
export const engagementStateLabels: Record<EngagementState, string> = {
  agreeing: "Agreeing terms",
  active: "In progress",
  closing: "Closing: reviews",
  closed: "Closed",
};

export const cadences = ["weekly", "fortnightly", "monthly"] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceLabels: Record<Cadence, string> = {
  weekly: "Every week",
  fortnightly: "Every two weeks",
  monthly: "Every month",
};

/** Sessions last one of these many minutes. */
export const sessionMinutes = [30, 45, 60, 90] as const;
/** No session booked for this many days: both people are nudged. */
export const stallDays = 21;
/** Reviews are shown once both are in, or this many days after the close-out began. */
export const reviewRevealDays = 14;

export const intakeShareParts = ["lanes", "portfolio"] as const;
export type IntakeSharePart = (typeof intakeShareParts)[number];

export const actionItemStates = ["suggested", "committed", "done", "not_done", "declined"] as const;
export type ActionItemState = (typeof actionItemStates)[number];
export const actionItemStateLabels: Record<ActionItemState, string> = {
  suggested: "Suggested by the mentor",
  committed: "Committed",
  done: "Done",
  not_done: "Not done",
  declined: "Not taken up",
};

export const urgentCallKinds = ["offer", "layoff", "conflict", "other"] as const;
export type UrgentCallKind = (typeof urgentCallKinds)[number];
export const urgentCallKindLabels: Record<UrgentCallKind, string> = {
  offer: "An offer with a deadline",
  layoff: "A layoff",
  conflict: "A conflict at work",
  other: "Something else urgent",
};
/** How long the mentors of each wave have to accept before the call widens or ends. */
export const urgentPromiseMinutes = 120;
