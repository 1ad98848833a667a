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
    milestones: milestones.filter((m) => m.tourId === row.id).map(presentMilestone),
    warnings: warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.tourId ? { tourId: w.tourId } : {}),
    })),
    version: row.version,
  };
}
