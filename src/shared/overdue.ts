import type { MilestoneStatus, TourStatus } from "./tours.ts";

/**
 * What is overdue on the member's own calendar: a date that has passed (before today, not today) on
 * something still open. `today` is the member's today (`todayIn(zone)` / `requestToday`).
 */
export function isPastDay(day: string | null | undefined, today: string): boolean {
  return typeof day === "string" && day < today;
}

/** A milestone not done or given up whose due date has passed. */
export function isMilestoneOverdue(
  milestone: { dueOn: string; status: MilestoneStatus },
  today: string,
): boolean {
  return milestone.status !== "done" && milestone.status !== "missed" && isPastDay(milestone.dueOn, today);
}

/** A tour still planned or running whose renegotiation date has passed. */
export function isRenegotiationOverdue(
  tour: { renegotiateOn: string | null; status: TourStatus },
  today: string,
): boolean {
  return (tour.status === "active" || tour.status === "planned") && isPastDay(tour.renegotiateOn, today);
}

/** A decision whose revisit date has passed and that waits for its revisit. */
export function isRevisitOverdue(decision: { revisitOn: string | null }, today: string): boolean {
  return isPastDay(decision.revisitOn, today);
}
