import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import {
  clocks,
  type E,
  latestEngagement,
  minuteOptions,
  preloadSchemas,
  schemas,
  slotsHolding,
} from "./engagement-steps.tsx";
import { downloadCalendar, engagementQuery } from "./engagements-api.ts";

type Session = E["sessions"][number];
type MoveValues = { startsAt: string; minutes: string; notice: string };
const moveLabels = { startsAt: "New time", minutes: "Length", notice: "Note to the other person" };

/** A booked session: its calendar file, and moving or cancelling it at the version read. */
export function SessionItem({ engagement, session }: { engagement: E; session: Session }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [moving, setMoving] = useState(false);
  const empty: MoveValues = { startsAt: "", minutes: String(session.minutes), notice: "" };
  const form = useSchemaForm(empty, {
    schema: () => schemas().then((m) => m.rescheduleSessionInput.omit({ version: true })),
    toInput: (values) => ({ ...values, minutes: Number(values.minutes), agenda: session.agenda }),
    version: session.version,
  });
  const { mine, theirs } = clocks(engagement);
  const param = { id: encodeURIComponent(session.id) };
  const fitting = slotsHolding(engagement.slots, form.values.minutes);
  const after = async (saved: { version: number }, title: string) => {
    form.setValues(empty);
    form.markSaved(saved.version, empty);
    setMoving(false);
    await queryClient.invalidateQueries({ queryKey: engagementQuery(engagement.id).queryKey });
    toast({ title });
  };
  const cancel = useMutation({
    mutationFn: () =>
      call(
        api["engagement-sessions"][":id"].cancel.$post({
          param,
          json: { reason: "Cancelled from the engagement page", version: form.version },
        }),
      ),
    onSuccess: (saved) => after(saved, "Session cancelled: both of you got a cancelling calendar file"),
    onError: (error) => form.showApiError(error),
  });
  const conflict = (
    <ConflictNotice
      form={form}
      labels={moveLabels}
      loadLatest={async () => {
        const latest = (await latestEngagement(engagement.id)).sessions.find((s) => s.id === session.id);
        if (!latest) throw new Error("This session is gone.");
        await queryClient.invalidateQueries({ queryKey: engagementQuery(engagement.id).queryKey });
        return { values: { ...form.values, minutes: String(latest.minutes) }, version: latest.version };
      }}
    />
  );
  return (
    <li className="engagement-item" data-state={session.state}>
      <div>
        <strong>{mine(session)}</strong>, {session.minutes} minutes
        <p className="muted small">For them: {theirs(session)}</p>
        {session.agenda ? <p className="small">Agenda: {session.agenda}</p> : null}
        {session.state === "cancelled" ? <p className="small">Cancelled: {session.cancelReason}</p> : null}
      </div>
      <div className="engagement-actions">
        <Button variant="secondary" size="small" onClick={() => void downloadCalendar(session.id)}>
          Calendar file
        </Button>
        {session.state === "booked" && engagement.state === "active" ? (
          <Button variant="ghost" size="small" aria-expanded={moving} onClick={() => setMoving(!moving)}>
            {moving ? "Keep this time" : "Move"}
          </Button>
        ) : null}
        {session.state === "booked" ? (
          <Button variant="ghost" size="small" pending={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel
          </Button>
        ) : null}
      </div>
      {!moving ? (
        <div className="engagement-item-wide">
          {conflict}
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
        </div>
      ) : (
        <ValidatedForm
          form={form}
          onFocus={preloadSchemas}
          className="engagement-item-wide"
          onSave={async (input) => {
            const saved = await call(
              api["engagement-sessions"][":id"].$put({ param, json: { ...input, version: form.version } }),
            );
            await after(saved, "Session moved: both of you got the updated calendar file");
          }}
          aria-label={`Move the session of ${mine(session)}`}
        >
          {conflict}
          <div className="engagement-row">
            <SelectField
              label="New time"
              {...form.field("startsAt")}
              options={[
                { value: "", label: fitting.length ? "Pick a free time" : "No free time that long" },
                ...fitting.slice(0, 20).map((slot) => ({ value: slot.start, label: mine(slot) })),
              ]}
            />
            <SelectField label="Length" {...form.field("minutes")} options={minuteOptions} />
          </div>
          <TextField label="Note to the other person" {...form.field("notice")} optional maxLength={1000} />
          <SubmitButton>Move the session</SubmitButton>
        </ValidatedForm>
      )}
    </li>
  );
}
