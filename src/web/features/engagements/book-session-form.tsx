import type { z } from "zod";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import {
  clocks,
  type E,
  engagementParam,
  minuteOptions,
  preloadSchemas,
  schemas,
  slotsHolding,
  useEngagementUpdate,
} from "./engagement-steps.tsx";

type BookValues = { startsAt: string; minutes: string; agenda: string };
type BookInput = Awaited<ReturnType<typeof schemas>>["bookSessionInput"];

/** A length and an agenda, then one of the mentor's free times that holds it: its button books it. */
export function BookSessionForm({ engagement }: { engagement: E }) {
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm<BookValues, BookInput>(
    { startsAt: "", minutes: "60", agenda: "" },
    {
      schema: () => schemas().then((m) => m.bookSessionInput),
      toInput: (values) => ({ ...values, minutes: Number(values.minutes) }),
    },
  );
  const book = async (input: z.output<BookInput>) => {
    const updated = await call(
      api.engagements[":id"].sessions.$post({ param: engagementParam(engagement), json: input }),
    );
    applied(updated, "Session booked: both of you got a calendar file");
  };
  const fitting = slotsHolding(engagement.slots, form.values.minutes);
  const { mine, theirs } = clocks(engagement);
  return (
    <ValidatedForm form={form} onFocus={preloadSchemas} onSave={book} aria-label="Book a session">
      <div className="engagement-row">
        <SelectField label="Length" {...form.field("minutes")} options={minuteOptions} />
        <TextField label="Agenda" {...form.field("agenda")} optional maxLength={1000} />
      </div>
      <h3 className="engagement-subtitle">Free times</h3>
      {form.errors.startsAt ? <Alert tone="error">{form.errors.startsAt}</Alert> : null}
      {fitting.length === 0 ? (
        <p className="muted">No free time in the next two weeks is that long: choose a shorter length.</p>
      ) : null}
      <ul className="engagement-list" aria-label="Free times">
        {fitting.slice(0, 8).map((slot) => (
          <li key={slot.start} className="engagement-item">
            <div>
              <strong>{mine(slot)}</strong>
              <p className="muted small">For them: {theirs(slot)}</p>
            </div>
            <Button
              size="small"
              pending={form.pending && form.values.startsAt === slot.start}
              disabled={form.pending}
              onClick={() => {
                form.set("startsAt", slot.start);
                void form.onSubmit(book)();
              }}
            >
              Book at the start
            </Button>
          </li>
        ))}
      </ul>
    </ValidatedForm>
  );
}
