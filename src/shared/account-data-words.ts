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
