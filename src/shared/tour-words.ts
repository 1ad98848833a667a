// No zod here: pages that only name tour and milestone statuses import this file.
export const tourStatuses = ["planned", "active", "completed", "ended_early"] as const;
export type TourStatus = (typeof tourStatuses)[number];
export const tourStatusLabels: Record<TourStatus, string> = {
  planned: "Planned",
  active: "Active",
  completed: "Completed",
  ended_early: "Ended early",
};

export const milestoneStatuses = ["planned", "in_progress", "done", "missed"] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];
export const milestoneStatusLabels: Record<MilestoneStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  missed: "Missed",
};
