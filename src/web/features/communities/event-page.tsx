import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { CalendarDays } from "lucide-react";
import { useState } from "react";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { eventQuery } from "./communities-api.ts";
import { EventTimes } from "./event-parts.tsx";
import "./communities.css";

export function EventPage() {
  const { eventId } = useParams({ strict: false }) as { eventId: string };
  const query = useQuery(eventQuery(eventId));
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  useTitle(query.data?.title ?? "Event");
  const rsvp = useMutation({
    mutationFn: (going: boolean) => {
      const param = { id: encodeURIComponent(eventId) };
      return going
        ? call(api.events[":id"].rsvp.$post({ param }))
        : call(api.events[":id"].rsvp.$delete({ param }));
    },
    onSuccess: (data) => {
      setError(null);
      queryClient.setQueryData(eventQuery(eventId).queryKey, data);
      toast({
        title:
          data.myRsvp === "going"
            ? "You are going"
            : data.myRsvp === "waitlisted"
              ? `You are number ${data.myWaitlistPosition} on the waitlist`
              : "RSVP cancelled",
      });
    },
    onError: (e) => setError(e.message),
  });
  if (query.isPending) return <LoadingState label="Loading the event…" />;
  if (query.isError) {
    return (
      <>
        <PageHeader title="Event" />
        <Alert tone="error">
          {query.error.message} <Link to="/communities">All communities</Link>
        </Alert>
      </>
    );
  }
  const event = query.data;
  const full = event.capacity !== null && event.going >= event.capacity;
  return (
    <>
      <PageHeader
        title={event.title}
        description={event.mode === "online" ? "Online" : `${event.place}, ${event.city}`}
      />
      <div className="stack-lg">
        <Card id="event" title="When and where" icon={<CalendarDays size={18} />}>
          <EventTimes event={event} />
          {event.mode === "online" ? (
            <p>
              Join at <a href={event.url}>{event.url}</a>
            </p>
          ) : null}
          {event.description ? <p className="community-prose">{event.description}</p> : null}
          {event.nextOccurrences.length > 1 ? (
            <p className="small muted">Repeats: {event.nextOccurrences.length} upcoming meetings.</p>
          ) : null}
          <p>
            {event.capacity ? `${event.going} of ${event.capacity} places taken` : `${event.going} going`}
            {event.waitlisted > 0 ? `, ${event.waitlisted} waiting` : ""}.
          </p>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <p aria-live="polite">
            {event.myRsvp === "going"
              ? "You are going."
              : event.myRsvp === "waitlisted"
                ? `You are number ${event.myWaitlistPosition} on the waitlist: you move up when someone cancels, and you will be told.`
                : ""}
          </p>
          <div className="community-actions">
            {event.myRsvp ? (
              <Button variant="secondary" pending={rsvp.isPending} onClick={() => rsvp.mutate(false)}>
                {event.myRsvp === "going" ? "Cancel my place" : "Leave the waitlist"}
              </Button>
            ) : (
              <Button pending={rsvp.isPending} onClick={() => rsvp.mutate(true)}>
                {full ? "Join the waitlist" : "RSVP"}
              </Button>
            )}
            <a
              className={buttonClass("ghost")}
              href={`/api/events/${encodeURIComponent(event.id)}/calendar`}
              download
            >
              Add to my calendar (.ics)
            </a>
          </div>
        </Card>
        <p>
          <Link to="/communities/$communityId" params={{ communityId: event.communityId }}>
            Back to the community
          </Link>
        </p>
      </div>
    </>
  );
}
