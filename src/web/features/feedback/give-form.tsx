import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { GiveInput, GiverView } from "../../../shared/feedback.ts";
import { type LaneId, lanes, ratingValues } from "../../../shared/lane-words.ts";
import { ApiError, api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";

export type OpenView = Extract<GiverView, { status: "open" }>;
type Values = Record<string, string>;

// The draft stays in this browser only; Sidecar's server never sees an unsent answer. An emailed
// link ends in #<draft key>, the same for the first email and the reminder (the browser never sends
// a #fragment to the server), so a draft saved under one link opens under the other.
function draftKeys(token: string): string[] {
  const fragment = window.location.hash.slice(1);
  const byLink = `sidecar:give-draft:${token}`;
  return /^[A-Za-z0-9_-]{16,64}$/.test(fragment) ? [`sidecar:give-draft:${fragment}`, byLink] : [byLink];
}

function readDraft(token: string): Values | undefined {
  try {
    for (const key of draftKeys(token)) {
      const stored = window.localStorage.getItem(key);
      if (stored) return JSON.parse(stored) as Values;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function forgetDraft(token: string) {
  try {
    for (const key of draftKeys(token)) window.localStorage.removeItem(key);
  } catch {
    // Nothing was kept, so nothing needs forgetting.
  }
}

function LaneRating({
  lane,
  value,
  error,
  onChange,
}: {
  lane: LaneId;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const options = [
    ...ratingValues.map((r) => ({ value: String(r), label: String(r) })),
    { value: "", label: "Can't say" },
  ];
  return (
    <div
      role="radiogroup"
      className="give-rating"
      aria-labelledby={`give-${lane}-label`}
      aria-describedby={[`give-${lane}-description`, error ? `give-${lane}-error` : null]
        .filter(Boolean)
        .join(" ")}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <h3 id={`give-${lane}-label`}>{lanes[lane].label}</h3>
      <p id={`give-${lane}-description`} className="small muted">
        {lanes[lane].description}
      </p>
      <div className="give-rating-options">
        {options.map((option) => {
          const id = `give-${lane}-${option.value || "skip"}`;
          return (
            <label key={id} htmlFor={id} className="give-option">
              <input
                id={id}
                type="radio"
                name={`lanes.${lane}.rating`}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={`give-${lane}-error`} className="field-error">
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

const loadSchema = () => import("../../../shared/feedback.ts").then((m) => m.giveInput);

/**
 * The giver's answers: loaded once the request's card is on screen, with the form library; the schema
 * loads when the giver first enters the form, so the first screen of the link stays light.
 */
export default function GiveForm({
  token,
  view,
  onSent,
}: {
  token: string;
  view: OpenView;
  onSent: () => void;
}) {
  const queryClient = useQueryClient();
  const [restored] = useState(() => readDraft(token));
  const initial = useMemo(() => {
    const values: Values = {};
    for (const q of view.questions) values[`answers.${q.key}`] = "";
    for (const lane of view.lanes) {
      values[`lanes.${lane}.rating`] = "";
      values[`lanes.${lane}.comment`] = "";
    }
    return { ...values, ...restored };
  }, [view, restored]);
  const form = useSchemaForm<Values, Awaited<ReturnType<typeof loadSchema>>>(initial, {
    schema: loadSchema,
    toInput: (values) => ({
      answers: Object.fromEntries(view.questions.map((q) => [q.key, values[`answers.${q.key}`] ?? ""])),
      lanes: Object.fromEntries(
        view.lanes.map((lane) => {
          const rating = values[`lanes.${lane}.rating`];
          return [
            lane,
            { rating: rating ? Number(rating) : null, comment: values[`lanes.${lane}.comment`] ?? "" },
          ];
        }),
      ),
    }),
    // "answers" is the server's word for "nothing was answered"; it shows below the questions.
    serverFields: (values) => [...Object.keys(values), "answers"],
  });
  const [draftSaved, setDraftSaved] = useState(Boolean(restored));

  const send = useMutation({
    mutationFn: (input: GiveInput) =>
      call(api.give[":token"].$post({ param: { token: encodeURIComponent(token) }, json: input })),
    onSuccess: () => {
      forgetDraft(token);
      onSent();
    },
    onError: async (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        await queryClient.invalidateQueries({ queryKey: ["give", token] });
      }
    },
  });

  function saveDraft() {
    try {
      window.localStorage.setItem(draftKeys(token)[0] as string, JSON.stringify(form.values));
      setDraftSaved(true);
    } catch {
      form.setFormError("This browser would not keep a draft. Your answers are still on the page.");
    }
  }

  return (
    <ValidatedForm
      form={form}
      onSave={(input) => send.mutateAsync(input)}
      onFocus={() => void loadSchema()}
      aria-label="Your feedback"
    >
      {restored ? <Alert tone="info">We restored the draft you saved in this browser.</Alert> : null}
      {view.questions.map((q) => (
        <TextAreaField
          key={q.key}
          label={q.prompt}
          {...form.field(`answers.${q.key}`)}
          value={form.values[`answers.${q.key}`] ?? ""}
          optional
          rows={4}
          maxLength={4200}
        />
      ))}
      {view.lanes.length > 0 ? (
        <section className="give-lanes" aria-labelledby="give-lanes-title">
          <h2 id="give-lanes-title">Rate {view.askedBy} in these lanes</h2>
          <p className="small muted">
            1 is new to it, 3 is strong, 5 is world-class. Pick "Can't say" when you haven't seen it.
          </p>
          {view.lanes.map((lane) => (
            <div key={lane} className="lane-block">
              <LaneRating
                lane={lane}
                value={form.values[`lanes.${lane}.rating`] ?? ""}
                error={form.errors[`lanes.${lane}.rating`]}
                onChange={(value) => form.set(`lanes.${lane}.rating`, value)}
              />
              <TextAreaField
                label={`Comment on ${lanes[lane].label}`}
                {...form.field(`lanes.${lane}.comment`)}
                value={form.values[`lanes.${lane}.comment`] ?? ""}
                optional
                rows={2}
                maxLength={2200}
              />
            </div>
          ))}
        </section>
      ) : null}
      {form.errors.answers ? (
        <p className="field-error" role="alert">
          {form.errors.answers}
        </p>
      ) : null}
      <FormActions>
        <SubmitButton>Send feedback</SubmitButton>
        <Button variant="secondary" onClick={saveDraft}>
          Save draft in this browser
        </Button>
      </FormActions>
      {draftSaved ? (
        <p className="small muted" role="status">
          Draft saved in this browser only. Come back to this link to finish.
        </p>
      ) : null}
    </ValidatedForm>
  );
}
