import type { Milestone, Tour, TourWarning } from "../../../shared/tours.ts";
import { tourStatus } from "../../../shared/tours.ts";
import type { MilestoneRow, TourRow } from "./tours.repo.ts";

export function presentMilestone(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    title: row.title,
    dueOn: row.dueOn,
    status: row.status,
    doneOn: row.doneOn,
    version: row.version,
  };
}

/** Milestones grouped under their tours in one pass, so a list never scans every milestone per tour. */
export function milestonesByTour(milestones: MilestoneRow[]): (tourId: string) => MilestoneRow[] {
  const grouped = new Map<string, MilestoneRow[]>();
  for (const milestone of milestones) {
    const list = grouped.get(milestone.tourId);
    if (list) list.push(milestone);
    else grouped.set(milestone.tourId, [milestone]);
  }
  return (tourId) => grouped.get(tourId) ?? [];
}

/** `milestones` are this tour's own, in their order. */
export function presentTour(
  row: TourRow,
  milestones: MilestoneRow[],
  warnings: TourWarning[],
  today: string,
): Tour {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    mission: row.mission,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    renegotiateOn: row.renegotiateOn,
    lanes: [...row.lanes],
    experiences: [...row.experiences],
    status: tourStatus(row, today),
    endedOn: row.endedOn,
    endReason: row.endReason,
    milestones: milestones.map(presentMilestone),
    warnings: warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.tourId ? { tourId: w.tourId } : {}),
    })),
    version: row.version,
  };
}
