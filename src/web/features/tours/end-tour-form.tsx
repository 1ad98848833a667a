import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addDays, formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { EndTourInput, Tour } from "../../../shared/tours.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Button } from "../../ui/button.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { rememberTour, tourQuery } from "./tours-api.ts";

/** Ends a tour before its end date, with the day and the reason. */
export default function EndTourForm({
  tour,
  onOpenChange,
}: {
  tour: Tour;
  onOpenChange: (open: boolean) => void;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const today = useMemberToday();
  const dayBeforeEnd = addDays(tour.endsOn, -1);
  const latest = today < dayBeforeEnd ? today : dayBeforeEnd;
  const suggested = latest >= tour.startsOn ? latest : tour.startsOn;
  const form = useSchemaForm(
    { endedOn: suggested, reason: "" },
    { schema: () => import("../../../shared/tours.ts").then((m) => m.endTourInput), version: tour.version },
  );
  const end = useMutation({
    mutationFn: (input: EndTourInput) =>
      call(
        api.tours[":id"]["end-early"].$post({
          param: { id: encodeURIComponent(tour.id) },
          json: { ...input, version: form.version },
        }),
      ),
    onSuccess: (saved) => {
      rememberTour(queryClient, saved);
      onOpenChange(false);
      toast({ title: "Tour ended early" });
    },
  });
  return (
    <ValidatedForm form={form} onSave={(input) => end.mutateAsync(input)} aria-label="End the tour early">
      <ConflictNotice
        form={form}
        labels={{ endedOn: "Ended on", reason: "Reason" }}
        loadLatest={async () => {
          const latest = await queryClient.fetchQuery({ ...tourQuery(tour.id), staleTime: 0 });
          rememberTour(queryClient, latest);
          return { values: form.values, version: latest.version };
        }}
      />
      <TextField
        label="Ended on"
        name="endedOn"
        type="date"
        value={form.values.endedOn}
        onValueChange={(value) => form.set("endedOn", value)}
        error={form.errors.endedOn}
        hint={`Within the tour and not after today: from ${formatCalendarDate(tour.startsOn)} to ${formatCalendarDate(latest)}.`}
        min={tour.startsOn}
        max={latest}
        required
      />
      <TextAreaField
        label="Why it ended early"
        name="reason"
        value={form.values.reason}
        onValueChange={(value) => form.set("reason", value)}
        error={form.errors.reason}
        maxLength={1100}
        required
      />
      <FormActions>
        <SubmitButton>End tour early</SubmitButton>
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
      </FormActions>
    </ValidatedForm>
  );
}
