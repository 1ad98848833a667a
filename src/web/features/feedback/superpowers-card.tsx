import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Sparkles } from "lucide-react";
import { type SuperpowersView, superpowersInput } from "../../../shared/feedback.ts";
import { lanes } from "../../../shared/lane-words.ts";
import { type SuperpowerKey, superpowerKeys, superpowers } from "../../../shared/superpowers.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { Form, FormActions, useFormState } from "../../ui/form.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { superpowersQuery } from "./feedback-api.ts";
import "./feedback.css";

type Values = { superpowers: SuperpowerKey[]; responses: Partial<Record<SuperpowerKey, string>> };

function toValues(view: SuperpowersView): Values {
  return {
    superpowers: view.chosen.map((c) => c.key),
    responses: Object.fromEntries(view.chosen.map((c) => [c.key, c.response])),
  };
}

function SuperpowersForm({ view }: { view: SuperpowersView }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useFormState<Values>(toValues(view), { version: view.version });
  const chosen = form.values.superpowers;
  const save = useMutation({
    mutationFn: (input: Values) =>
      call(api.feedback.superpowers.$put({ json: { ...input, version: form.version } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(superpowersQuery.queryKey, saved);
      form.setValues(toValues(saved));
      form.markSaved(saved.version, toValues(saved));
      toast({ title: "Superpowers saved" });
    },
    onError: (error) => form.showApiError(error),
  });

  function toggle(key: SuperpowerKey, on: boolean) {
    form.set("superpowers", on ? [...chosen, key] : chosen.filter((k) => k !== key));
  }

  const contradictionsFor = (key: SuperpowerKey | null) =>
    view.contradictions.filter((c) => c.superpower === key && (key === null || chosen.includes(key)));
  const unlinked = contradictionsFor(null);

  return (
    <Form
      onSubmit={() => {
        const input = form.validate(superpowersInput, form.values);
        if (input) save.mutate(input);
      }}
      formRef={form.formRef}
      error={form.formError ?? form.errors.superpowers}
      aria-label="Your superpowers"
    >
      <ConflictNotice
        form={form}
        labels={{ superpowers: "Superpowers", responses: "What you say about their shadows" }}
        loadLatest={async () => {
          const latest = await queryClient.fetchQuery({ ...superpowersQuery, staleTime: 0 });
          return { values: toValues(latest), version: latest.version };
        }}
      />
      <fieldset className="superpower-choices">
        <legend className="field-label">Your superpowers (up to three)</legend>
        <div className="superpower-grid">
          {superpowerKeys.map((key) => {
            const checked = chosen.includes(key);
            return (
              <label key={key} className="check-option">
                <input
                  type="checkbox"
                  name="superpowers"
                  value={key}
                  checked={checked}
                  disabled={!checked && chosen.length >= 3}
                  onChange={(event) => toggle(key, event.target.checked)}
                />
                <span>{superpowers[key].label}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {chosen.length > 0 ? (
        <ul className="shadow-list">
          {chosen.map((key) => {
            const related = contradictionsFor(key);
            return (
              <li key={key} className="shadow-item">
                <h3>
                  {superpowers[key].label} <span className="muted">casts a shadow:</span>{" "}
                  {superpowers[key].shadow.toLowerCase()}
                </h3>
                <p className="small muted">{superpowers[key].explanation}</p>
                {related.length > 0 ? (
                  <div className="shadow-evidence">
                    <p className="small">
                      <strong>Feedback that argues with the self-image:</strong>
                    </p>
                    <ul>
                      {related.map((c) => (
                        <li key={`${c.requestId}-${c.kind}-${c.lane}-${c.text}`}>
                          {c.kind === "lane" && c.lane ? (
                            <>
                              You rated yourself {c.self} in {lanes[c.lane].label}; givers' median is{" "}
                              {c.givers}.
                            </>
                          ) : (
                            <q>{c.text}</q>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <TextAreaField
                  label={`Your response to the shadow of ${superpowers[key].label}`}
                  value={form.values.responses[key] ?? ""}
                  onValueChange={(value) => form.set("responses", { ...form.values.responses, [key]: value })}
                  error={form.errors[`responses.${key}`]}
                  hint={
                    related.length > 0
                      ? "Before you set this aside: what in it is true, and what will you try?"
                      : "Where might this shadow show up in your work?"
                  }
                  optional
                  maxLength={2200}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      {unlinked.length > 0 ? (
        <Alert tone="warning" title="Ratings lower than your own">
          <ul>
            {unlinked.map((c) =>
              c.lane ? (
                <li key={`${c.requestId}-${c.lane}`}>
                  {lanes[c.lane].label}: you said {c.self}, givers' median is {c.givers}.{" "}
                  <Link to="/feedback/$requestId" params={{ requestId: c.requestId }}>
                    Read what they said
                  </Link>
                </li>
              ) : null,
            )}
          </ul>
        </Alert>
      ) : null}
      <FormActions>
        <Button type="submit" pending={save.isPending}>
          Save superpowers
        </Button>
      </FormActions>
    </Form>
  );
}

export function SuperpowersCard() {
  const query = useQuery(superpowersQuery);
  return (
    <Card
      id="superpowers"
      title="Shadows of your superpowers"
      icon={<Sparkles size={18} />}
      description="Every strength, overused, casts a shadow. Name your superpowers: Sidecar shows each one's shadow and pulls forward the feedback that contradicts how you see yourself, so you can answer it instead of setting it aside."
    >
      {query.isPending ? (
        <LoadingState label="Loading your superpowers…" />
      ) : query.isError ? (
        <Alert tone="error">Your superpowers could not be loaded. {query.error.message}</Alert>
      ) : (
        <SuperpowersForm view={query.data} />
      )}
    </Card>
  );
}
