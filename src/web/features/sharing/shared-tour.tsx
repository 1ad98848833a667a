import type { ReactNode } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { SharedPlan } from "../../../shared/sharing.ts";
import { milestoneStatusLabels } from "../../../shared/tour-words.ts";
import type { Tour } from "../../../shared/tours.ts";
import { milestoneBadge } from "../tours/tour-parts.tsx";
import "./sharing.css";

type SharedTour = SharedPlan["tours"][number];

/** A shared tour in the owner's own shape, for the tour parts; read-only, so its versions are never sent back. */
export const asTour = (tour: SharedTour): Tour => ({
  ...tour,
  endReason: null,
  warnings: [],
  milestones: tour.milestones.map((milestone) => ({ ...milestone, version: 0 })),
  version: 0,
});

/** Someone else's milestones of one tour, read-only; `empty` stands in when there are none. */
export function SharedMilestones({ tour, empty = null }: { tour: SharedTour; empty?: ReactNode }) {
  if (!tour.milestones.length) return empty;
  return (
    <ul className="shared-milestones" aria-label={`Milestones of ${tour.title}`}>
      {tour.milestones.map((milestone) => (
        <li key={milestone.id} className="row-between">
          <span>
            {milestone.title} <span className="small muted">due {formatCalendarDate(milestone.dueOn)}</span>
          </span>
          <span className={milestoneBadge[milestone.status]}>{milestoneStatusLabels[milestone.status]}</span>
        </li>
      ))}
    </ul>
  );
}
