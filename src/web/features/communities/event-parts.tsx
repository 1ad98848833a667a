import { Link } from "@tanstack/react-router";
import { formatMoment } from "../../../shared/calendar-date.ts";
import type { CommunityEvent } from "../../../shared/communities.ts";
import { useMe } from "../../session.ts";

/** The event's time in the viewer's zone, and in the organizer's when that differs. */
export function EventTimes({ event }: { event: CommunityEvent }) {
  const zone = useMe().profile.timeZone;
  const mine = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="event-times">
      <span>
        {formatMoment(event.start, mine)} – {formatMoment(event.end, mine)}{" "}
        <span className="small muted">(your time, {mine})</span>
      </span>
      {mine !== event.timeZone ? (
        <span className="small muted">
          {formatMoment(event.start, event.timeZone)} in {event.timeZone}, the organizer's time
        </span>
      ) : null}
    </div>
  );
}

export function EventSummary({ event }: { event: CommunityEvent }) {
  return (
    <>
      <Link to="/events/$eventId" params={{ eventId: event.id }}>
        {event.title}
      </Link>
      <EventTimes event={event} />
      <span className="small muted">
        {event.mode === "online" ? "Online" : `${event.place ? `${event.place}, ` : ""}${event.city}`}
        {event.capacity ? ` · ${event.going} of ${event.capacity} places taken` : ` · ${event.going} going`}
        {event.recurrence ? " · repeats" : ""}
        {event.myRsvp === "going"
          ? " · you are going"
          : event.myRsvp === "waitlisted"
            ? ` · you are number ${event.myWaitlistPosition} on the waitlist`
            : ""}
      </span>
    </>
  );
}
