import { formatCalendarDate } from "../../shared/calendar-date.ts";

/** The one way a passed date on something still open is flagged, on home and on its own page. */
export function OverdueBadge({ since, what }: { since: string; what?: string }) {
  return (
    <span className="badge badge-danger" title={`Overdue since ${formatCalendarDate(since)}`}>
      Overdue{what ? <span className="visually-hidden">: {what}</span> : null}
    </span>
  );
}
