import { createEvent } from "ics";

export type CalendarSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  state: "booked" | "cancelled";
  agenda: string;
};

export type CalendarPerson = { name: string; email: string };

/**
 * The session as an iCalendar file, written with the `ics` package: times in UTC, a UID that stays
 * the same for the session's whole life, SEQUENCE raised on every change, METHOD REQUEST while it is
 * booked and CANCEL once it is cancelled, so every calendar updates or removes the same event.
 */
export function sessionCalendarFile(
  session: CalendarSession,
  people: { mentor: CalendarPerson; mentee: CalendarPerson },
  options: { title: string; baseUrl: string; host: string; link: string },
) {
  const method = session.state === "cancelled" ? "CANCEL" : "REQUEST";
  const { error, value } = createEvent({
    uid: `${session.id}@${options.host}`,
    method,
    sequence: session.sequence,
    start: session.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: session.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: options.title,
    description: session.agenda
      ? `${session.agenda}\n\n${options.baseUrl}${options.link}`
      : `${options.baseUrl}${options.link}`,
    url: `${options.baseUrl}${options.link}`,
    status: session.state === "cancelled" ? "CANCELLED" : "CONFIRMED",
    organizer: { name: people.mentor.name, email: people.mentor.email },
    attendees: [
      { name: people.mentee.name, email: people.mentee.email, rsvp: true, role: "REQ-PARTICIPANT" },
    ],
    productId: "sidecar/engagements",
  });
  if (error || !value) throw error ?? new Error("The calendar file could not be written.");
  return {
    filename: `sidecar-session-${session.startsAt.toISOString().slice(0, 10)}.ics`,
    method: method as "REQUEST" | "CANCEL",
    sequence: session.sequence,
    content: value,
  };
}
