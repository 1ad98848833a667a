import { Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { experienceLabels } from "../../../shared/experience-words.ts";
import { lanes } from "../../../shared/lane-words.ts";
import { type MilestoneStatus, type TourStatus, tourStatusLabels } from "../../../shared/tour-words.ts";
import type { Tour } from "../../../shared/tours.ts";
import "./tours.css";

// Small parts shown on several tour pages, apart from the pages, so a list loads no editing forms.
export const tourBadge: Record<TourStatus, string> = {
  planned: "badge",
  active: "badge badge-accent",
  completed: "badge badge-success",
  ended_early: "badge badge-warning",
};

export const milestoneBadge: Record<MilestoneStatus, string> = {
  planned: "badge",
  in_progress: "badge badge-accent",
  done: "badge badge-success",
  missed: "badge badge-danger",
};

export function TourStatusBadge({ status }: { status: TourStatus }) {
  return <span className={tourBadge[status]}>{tourStatusLabels[status]}</span>;
}

export function TourTags({ tour }: { tour: Tour }) {
  if (tour.lanes.length === 0 && tour.experiences.length === 0) return null;
  return (
    <ul className="tour-tags" aria-label="Lanes and experiences">
      {tour.lanes.map((lane) => (
        <li key={lane} className="badge badge-accent">
          {lanes[lane].label} lane
        </li>
      ))}
      {tour.experiences.map((key) => (
        <li key={key} className="badge">
          {experienceLabels[key]}
        </li>
      ))}
    </ul>
  );
}

export function BackToTours() {
  return (
    <Link to="/tours" className="breadcrumb">
      <ArrowLeft size={16} aria-hidden="true" />
      Tours of duty
    </Link>
  );
}
