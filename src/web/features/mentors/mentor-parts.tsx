import { Link } from "@tanstack/react-router";
import { Clock, Globe2, Users } from "lucide-react";
import type { ReactNode } from "react";
import { formatCalendarDate, formatMoment } from "../../../shared/calendar-date.ts";
import { lanes } from "../../../shared/lane-words.ts";
import type { MentorCard, Slot } from "../../../shared/mentors.ts";
import { levelLabels } from "../../../shared/profile.ts";
import "./mentors.css";

const styleShort = { person: "The person", craft: "The craft", both: "The person and the craft" } as const;

export function MentorSummary({ mentor, children }: { mentor: MentorCard; children?: ReactNode }) {
  return (
    <article className="mentor-card" aria-labelledby={`mentor-${mentor.userId}`}>
      <div className="mentor-card-head">
        <h3 id={`mentor-${mentor.userId}`} className="mentor-card-name">
          <Link to="/mentors/$mentorId" params={{ mentorId: mentor.userId }}>
            {mentor.name}
          </Link>
        </h3>
        <p className="mentor-card-headline">{mentor.headline}</p>
      </div>
      <ul className="mentor-tags" aria-label="Lanes they help with">
        {mentor.lanes.map((lane) => (
          <li key={lane} className="badge">
            {lanes[lane].label}
          </li>
        ))}
      </ul>
      <dl className="mentor-facts">
        <div>
          <dt>Helps</dt>
          <dd>{mentor.levels.map((level) => levelLabels[level]).join(", ")}</dd>
        </div>
        <div>
          <dt>Style</dt>
          <dd>{styleShort[mentor.style]}</dd>
        </div>
        <div>
          <dt>
            <Globe2 size={14} aria-hidden="true" /> Time zone
          </dt>
          <dd>
            {mentor.timeZone} · {mentor.overlapHours} h of your daytime this week
          </dd>
        </div>
        <div>
          <dt>
            <Clock size={14} aria-hidden="true" /> Answers
          </dt>
          <dd>
            Promises within {mentor.responseHours} h. {mentor.responses.summary}.
          </dd>
        </div>
        <div>
          <dt>
            <Users size={14} aria-hidden="true" /> Seats
          </dt>
          <dd>
            {mentor.seatsLeft} of {mentor.capacity} free
          </dd>
        </div>
      </dl>
      {children}
    </article>
  );
}

/** Availability as the viewer reads it: each slot on their own calendar and clock. */
export function SlotList({ slots, timeZone }: { slots: Slot[]; timeZone: string | null }) {
  if (slots.length === 0) {
    return <p className="muted">No open times in the next two weeks.</p>;
  }
  return (
    <ul className="slot-list">
      {slots.map((slot) => (
        <li key={slot.start}>
          {formatMoment(slot.start, timeZone)} – {formatMoment(slot.end, timeZone).split(", ")[1]}
        </li>
      ))}
    </ul>
  );
}

export function dayLabel(day: string) {
  return formatCalendarDate(day);
}
