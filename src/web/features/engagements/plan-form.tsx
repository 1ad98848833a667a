import { type LaneId, laneIds, lanes } from "../../../shared/lane-words.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import {
  type E,
  engagementParam,
  preloadSchemas,
  StepConflict,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";
import type { Choice, GoalLinks } from "./goal-links.ts";

type Goal = { text: string; measure: string; lane: string; tourId: string; hurdle: string };
type PlanValues = { goals: Goal[]; reason: string };
const planLabels = { goals: "Goals", reason: "Why the plan changes" };
const emptyGoal: Goal = { text: "", measure: "", lane: "", tourId: "", hurdle: "" };
const planOf = (e: E) => ({
  values: {
    goals: e.plan.current?.goals.map((g) => ({
      text: g.text,
      measure: g.measure,
      lane: g.lane ?? "",
      tourId: g.tourId ?? "",
      hurdle: g.hurdle ?? "",
    })) ?? [emptyGoal],
    reason: "",
  } as PlanValues,
  version: e.plan.current?.number ?? 0,
});

/** A linked choice the reader cannot see (not shared, or since renamed) still shows as chosen. */
const withChosen = (choices: Choice[], chosen: string, label: string) =>
  chosen && !choices.some((c) => c.value === chosen) ? [...choices, { value: chosen, label }] : choices;

/** The plan's goals, saved as a new revision; after the first, each revision says why. */
export function PlanForm({ engagement, links }: { engagement: E; links: GoalLinks }) {
  const current = engagement.plan.current;
  const initial = planOf(engagement);
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(initial.values, {
    schema: () => schemas().then((m) => m.planRevisionInput.omit({ version: true })),
    toInput: (values) => ({
      goals: values.goals.map((g) => ({
        text: g.text,
        measure: g.measure,
        lane: (g.lane || null) as LaneId | null,
        tourId: g.tourId || null,
        hurdle: g.hurdle || null,
      })),
      reason: values.reason,
    }),
    version: initial.version,
  });
  const goals = form.values.goals;
  const set = (i: number, patch: Partial<Goal>) =>
    form.set(
      "goals",
      goals.map((g, j) => (j === i ? { ...g, ...patch } : g)),
    );
  const goalError = (i: number, key: keyof Goal) => form.errors[`goals.${i}.${key}`];
  return (
    <ValidatedForm
      form={form}
      onFocus={preloadSchemas}
      onSave={async (input) => {
        const updated = await call(
          api.engagements[":id"].plan.$post({
            param: engagementParam(engagement),
            json: { ...input, version: form.version },
          }),
        );
        const saved = planOf(updated);
        form.setValues(saved.values);
        form.markSaved(saved.version, saved.values);
        applied(updated, current ? "Plan revised" : "Plan saved");
      }}
      aria-label="Plan"
    >
      <StepConflict form={form} engagementId={engagement.id} labels={planLabels} latest={planOf} />
      {!links.shared ? (
        <p className="muted small">
          To link goals to tours of duty and next-level hurdles, the mentee shares their plan and portfolio
          with you.
        </p>
      ) : null}
      {goals.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id until saved
        <fieldset key={i} className="engagement-goal">
          <legend>Goal {i + 1}</legend>
          <TextField
            label="Goal"
            name={`goals.${i}.text`}
            value={g.text}
            onValueChange={(x) => set(i, { text: x })}
            error={goalError(i, "text")}
            maxLength={500}
          />
          <TextField
            label="Measure"
            name={`goals.${i}.measure`}
            value={g.measure}
            onValueChange={(x) => set(i, { measure: x })}
            error={goalError(i, "measure")}
            maxLength={500}
          />
          <div className="engagement-row">
            <SelectField
              label="Lane"
              value={g.lane}
              onValueChange={(x) => set(i, { lane: x })}
              error={goalError(i, "lane")}
              options={[
                { value: "", label: "No lane" },
                ...laneIds.map((l) => ({ value: l, label: lanes[l].label })),
              ]}
            />
            <SelectField
              label="Tour of duty"
              value={g.tourId}
              onValueChange={(x) => set(i, { tourId: x })}
              error={goalError(i, "tourId")}
              options={[
                { value: "", label: "No tour of duty" },
                ...withChosen(links.tours, g.tourId, "A tour not shared with you"),
              ]}
            />
            <SelectField
              label="Next-level hurdle"
              value={g.hurdle}
              onValueChange={(x) => set(i, { hurdle: x })}
              error={goalError(i, "hurdle")}
              options={[{ value: "", label: "No hurdle" }, ...withChosen(links.hurdles, g.hurdle, g.hurdle)]}
            />
          </div>
        </fieldset>
      ))}
      {form.errors.goals ? <Alert tone="error">{form.errors.goals}</Alert> : null}
      <div className="engagement-actions">
        <Button variant="ghost" onClick={() => form.set("goals", [...goals, emptyGoal])}>
          Add a goal
        </Button>
      </div>
      {current ? (
        <TextAreaField label="Why the plan changes" {...form.field("reason")} rows={2} maxLength={1000} />
      ) : null}
      <SubmitButton>{current ? "Save revision" : "Save the plan"}</SubmitButton>
    </ValidatedForm>
  );
}
