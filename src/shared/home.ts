import type { ExperienceKey } from "./experience.ts";
import type { LaneId } from "./lanes.ts";
import type { MilestoneStatus, TourStatus } from "./tours.ts";

/** The first-run guide's steps, in the order a new member takes them. */
export const guideSteps = ["north-star", "lanes", "portfolio", "first-tour"] as const;
export type GuideStep = (typeof guideSteps)[number];

export type HomeDashboard = {
  guide: { steps: { step: GuideStep; done: boolean }[]; complete: boolean };
  northStar: { role: string; horizonYear: number; reached: boolean } | null;
  skipJob: { role: string; targetYear: number | null } | null;
  tour: {
    id: string;
    title: string;
    status: TourStatus;
    startsOn: string;
    endsOn: string;
    renegotiateOn: string | null;
    nextMilestone: { id: string; title: string; dueOn: string; status: MilestoneStatus } | null;
    milestonesDone: number;
    milestonesTotal: number;
  } | null;
  decisionDue: { id: string; dilemma: string; revisitOn: string; dueCount: number } | null;
  lanes: {
    worldClassLane: LaneId | null;
    worldClassRating: number | null;
    weakestLane: LaneId;
    weakestRating: number;
    assessedAt: string;
  } | null;
  biggestGap: { mission: string; experiences: ExperienceKey[]; tourPath: string; gapCount: number } | null;
};
