// Words and states of the "Your data" page, without zod, so the page's first render stays light.

export const accountExportStates = ["queued", "running", "ready", "failed", "expired"] as const;
export type AccountExportState = (typeof accountExportStates)[number];

/** How long a finished export may be downloaded. */
export const accountExportKeepDays = 7;

export const formerMemberName = "A former member";

export const accountExportStateLabels: Record<AccountExportState, string> = {
  queued: "Waiting to start",
  running: "Gathering your data",
  ready: "Ready to download",
  failed: "Could not be built",
  expired: "Expired",
};

/** What an export holds, in the member's words, for the "Your data" page. */
export const accountDataContents = [
  "Your account and profile",
  "Career plan, tours of duty and milestones",
  "Decisions and their revisits",
  "Lane assessments, experience portfolio and next-level checklist",
  "Career story, press release and thought-leadership log",
  "Promotion diagnoses and company health checks",
  "Feedback requests and their results, as the results page shows them",
  "Mentor profile, requests and mentoring log",
  "Engagements: agreement, plan, sessions, action items, your notes and the notes shared with you, reviews",
  "Community memberships, applications, your posts and RSVPs",
  "Program places, what you share, and your email settings",
] as const;
