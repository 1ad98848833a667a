import { CalendarDays } from "lucide-react";
import { Card } from "../../ui/card.tsx";
import { BookSessionForm } from "./book-session-form.tsx";
import type { E } from "./engagement-steps.tsx";
import { SessionItem } from "./session-item.tsx";

/** The booked sessions, and while the mentoring runs, the mentor's free times to book. */
export function SessionsCard({ engagement }: { engagement: E }) {
  return (
    <Card
      id="sessions"
      title="Sessions"
      icon={<CalendarDays size={18} />}
      description="Booked in the mentor's free time, shown on both clocks. Every booking, change and cancellation sends both of you a calendar file."
    >
      {engagement.sessions.length > 0 ? (
        <ul className="engagement-list" aria-label="Booked sessions">
          {engagement.sessions.map((s) => (
            <SessionItem key={s.id} engagement={engagement} session={s} />
          ))}
        </ul>
      ) : null}
      {engagement.state === "active" ? (
        engagement.slots.length === 0 ? (
          <p className="muted">
            The mentor has no free time in the next two weeks. Ask them to add availability.
          </p>
        ) : (
          <BookSessionForm engagement={engagement} />
        )
      ) : null}
    </Card>
  );
}
