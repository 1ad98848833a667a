import { useMutation, useQueryClient } from "@tanstack/react-query";
import { laneIds, lanes } from "../../../shared/lane-words.ts";
import { weekdayLabels } from "../../../shared/mentors.ts";
import { levelLabels, levels } from "../../../shared/profile.ts";
import type { Questionnaire } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { myPlacesQuery, param } from "./programs-api.ts";

/**
 * A participant's forms on "My program places": the questionnaire that joins a cohort, and the date of
 * a meeting with their match. The page loads this file after its first paint.
 */

export type Place = Awaited<ReturnType<NonNullable<typeof myPlacesQuery.queryFn>>>["participations"][number];
type Slot = { weekday: number; start: string; end: string };

const schemas = () => import("../../../shared/programs.ts");
/** Fetches the schemas when focus first enters a form, so its first submit need not wait for them. */
const preload = () => void schemas();
const dayOptions = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayLabels[d] ?? "" }));

function toValues(place: Place) {
  const answered = place.questionnaire;
  return {
    goals: answered?.goals.join("\n") ?? "",
    lanes: (answered?.lanes ?? []) as string[],
    level: answered?.level ?? "",
    timeZone: answered?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    // Each row keeps its own key while its day or times change.
    availability: (
      answered?.availability ?? [
        { weekday: 2, start: "09:00", end: "11:00" },
        { weekday: 4, start: "14:00", end: "16:00" },
      ]
    ).map((slot, k) => ({ ...slot, key: `slot-${k}` })),
  };
}

type Values = ReturnType<typeof toValues>;

function toInput(values: Values): { questionnaire: unknown } {
  return {
    questionnaire: {
      goals: values.goals
        .split("\n")
        .map((g) => g.trim())
        .filter(Boolean),
      stages: [],
      markets: [],
      level: values.level || null,
      timeZone: values.timeZone || null,
      availability: values.availability.map(({ weekday, start, end }) => ({ weekday, start, end })),
      lanes: values.lanes,
    },
  };
}

export function JoinForm({ place }: { place: Place }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useSchemaForm(toValues(place), {
    schema: () => schemas().then((m) => m.joinInput),
    toInput,
    // The server names a questionnaire field ("questionnaire.goals.0"): shown under that field.
    serverFields: () => ["questionnaire"],
  });
  const join = useMutation({
    mutationFn: (questionnaire: Questionnaire) =>
      call(api["my-programs"][":id"].join.$post({ param: param(place.id), json: { questionnaire } })),
  });
  /** The first message on a questionnaire field or anything inside it (one goal, one slot). */
  const err = (path: string) => {
    const prefix = `questionnaire.${path}`;
    const key = Object.keys(form.errors).find(
      (k) => form.errors[k] && (k === prefix || k.startsWith(`${prefix}.`)),
    );
    return key ? form.errors[key] : undefined;
  };
  const setSlot = (index: number, change: Partial<Slot>) =>
    form.set(
      "availability",
      form.values.availability.map((s, k) => (k === index ? { ...s, ...change } : s)),
    );
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label={`Join ${place.cohortName}`}
      onSave={async (input) => {
        const data = await join.mutateAsync(input.questionnaire);
        queryClient.setQueryData(myPlacesQuery.queryKey, data);
        toast({ title: "You joined the cohort" });
      }}
    >
      <TextAreaField
        label={place.role === "mentee" ? "Your goals, one a line" : "Goals you can help with, one a line"}
        {...form.field("goals")}
        error={err("goals")}
        rows={3}
      />
      <CheckboxGroup
        name={`lanes-${place.id}`}
        legend={place.role === "mentee" ? "Lanes you want to grow in" : "Lanes you can help with"}
        hint="Left empty, your latest lane assessment decides."
        options={laneIds.map((id) => ({ value: id, label: lanes[id].label }))}
        value={form.values.lanes}
        onChange={(value) => form.set("lanes", value)}
        error={err("lanes")}
      />
      <SelectField
        label="Your level"
        hint="Used only where your profile has none."
        {...form.field("level")}
        error={err("level")}
        options={[
          { value: "", label: "From my profile" },
          ...levels.map((l) => ({ value: l, label: levelLabels[l] })),
        ]}
      />
      <TextField label="Time zone of your availability" {...form.field("timeZone")} error={err("timeZone")} />
      <fieldset className="field">
        <legend className="field-label">When you can meet each week</legend>
        {form.values.availability.map((slot, index) => (
          <div className="program-actions" key={slot.key}>
            <SelectField
              label={`Day ${index + 1}`}
              value={String(slot.weekday)}
              onValueChange={(v) => setSlot(index, { weekday: Number(v) })}
              options={dayOptions}
              error={err(`availability.${index}.weekday`)}
            />
            <TextField
              label="From"
              type="time"
              value={slot.start}
              onValueChange={(v) => setSlot(index, { start: v })}
              error={err(`availability.${index}.start`)}
            />
            <TextField
              label="To"
              type="time"
              value={slot.end}
              onValueChange={(v) => setSlot(index, { end: v })}
              error={err(`availability.${index}.end`) ?? err(`availability.${index}`)}
            />
          </div>
        ))}
      </fieldset>
      <FormActions>
        <SubmitButton>{place.joined ? "Save my answers" : "Join the cohort"}</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

/** The day a pair met; only the date is kept. */
export function MeetingForm({ match }: { match: Place["matches"][number] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useSchemaForm({ metOn: "" }, { schema: () => schemas().then((m) => m.meetingInput) });
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Record a meeting"
      onSave={async (json) => {
        const data = await call(
          api["program-matches"][":id"].meetings.$post({ param: param(match.pairId), json }),
        );
        queryClient.setQueryData(myPlacesQuery.queryKey, data);
        toast({ title: "Meeting recorded" });
        form.setValues({ metOn: "" });
      }}
    >
      <TextField
        label="We met on"
        type="date"
        {...form.field("metOn")}
        required
        hint={
          match.lastMetOn
            ? `Last meeting recorded: ${match.lastMetOn}. Only the date is kept.`
            : "Only the date is kept."
        }
      />
      <FormActions>
        <SubmitButton variant="secondary" disabled={!form.values.metOn}>
          Record the meeting
        </SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
