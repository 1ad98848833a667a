import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatMoment } from "../../../shared/calendar-date.ts";
import type { Community, CommunityEvent } from "../../../shared/communities.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Form, FormActions } from "../../ui/form.tsx";

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

export function NewEventForm({ community, onDone }: { community: Community; onDone: () => void }) {
  const queryClient = useQueryClient();
  const zone = useMe().profile.timeZone ?? "UTC";
  const [values, setValues] = useState({
    title: "",
    description: "",
    mode: "online",
    url: "",
    place: "",
    city: "",
    timeZone: zone,
    start: "",
    end: "",
    capacity: "",
    recurrence: "none",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof values) => (value: string) => setValues({ ...values, [key]: value });
  const create = useMutation({
    mutationFn: () =>
      call(
        api.communities[":id"].events.$post({
          param: { id: encodeURIComponent(community.id) },
          json: {
            ...values,
            mode: values.mode as "online",
            recurrence: values.recurrence as "none",
            capacity: values.capacity ? Number(values.capacity) : null,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["communities", community.id, "events"] });
      onDone();
    },
    onError: (e: Error & { field?: string }) => setErrors({ [e.field ?? "form"]: e.message }),
  });
  return (
    <Form onSubmit={() => create.mutate()} error={errors.form} aria-label="Add an event">
      <TextField label="Title" value={values.title} onValueChange={set("title")} error={errors.title} />
      <TextAreaField
        label="Description"
        optional
        value={values.description}
        onValueChange={set("description")}
      />
      <SelectField
        label="Where"
        value={values.mode}
        onValueChange={set("mode")}
        options={[
          { value: "online", label: "Online" },
          { value: "in_person", label: "In person" },
        ]}
      />
      {values.mode === "online" ? (
        <TextField label="Link to join" value={values.url} onValueChange={set("url")} error={errors.url} />
      ) : (
        <>
          <TextField label="Place" value={values.place} onValueChange={set("place")} error={errors.place} />
          <TextField label="City" value={values.city} onValueChange={set("city")} error={errors.city} />
        </>
      )}
      <TextField
        label="Time zone"
        value={values.timeZone}
        onValueChange={set("timeZone")}
        error={errors.timeZone}
      />
      <TextField
        label="Starts"
        type="datetime-local"
        value={values.start}
        onValueChange={set("start")}
        error={errors.start}
      />
      <TextField
        label="Ends"
        type="datetime-local"
        value={values.end}
        onValueChange={set("end")}
        error={errors.end}
      />
      <TextField
        label="Capacity"
        optional
        type="number"
        min={1}
        value={values.capacity}
        onValueChange={set("capacity")}
        error={errors.capacity}
        hint="Past it, people join a waitlist and move up when someone cancels."
      />
      {community.kind === "circle" ? (
        <SelectField
          label="Repeats"
          value={values.recurrence}
          onValueChange={set("recurrence")}
          options={[
            { value: "none", label: "Once" },
            { value: "weekly", label: "Every week (6 times)" },
            { value: "biweekly", label: "Every two weeks (6 times)" },
            { value: "monthly", label: "Every month (6 times)" },
          ]}
        />
      ) : null}
      <FormActions>
        <Button type="submit" pending={create.isPending}>
          Add the event
        </Button>
      </FormActions>
    </Form>
  );
}
