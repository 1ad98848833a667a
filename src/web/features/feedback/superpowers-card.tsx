import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Sparkles } from "lucide-react";
import type { SuperpowersView } from "../../../shared/feedback.ts";
import { lanes } from "../../../shared/lane-words.ts";
import { type SuperpowerKey, superpowerKeys, superpowers } from "../../../shared/superpowers.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
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
  const form = useSchemaForm(toValues(view), {
    schema: () => import("../../../shared/feedback.ts").then((m) => m.superpowersInput),
    version: view.version,
  });
  const chosen = form.values.superpowers;
  const save = async (input: Values) => {
    const saved = await call(api.feedback.superpowers.$put({ json: { ...input, version: form.version } }));
    queryClient.setQueryData(superpowersQuery.queryKey, saved);
    form.setValues(toValues(saved));
    form.markSaved(saved.version, toValues(saved));
    toast({ title: "Superpowers saved" });
  };

  function toggle(key: SuperpowerKey, on: boolean) {
    form.set("superpowers", on ? [...chosen, key] : chosen.filter((k) => k !== key));
  }

  const contradictionsFor = (key: SuperpowerKey | null) =>
    view.contradictions.filter((c) => c.superpower === key && (key === null || chosen.includes(key)));
  const unlinked = contradictionsFor(null);

  return (
    <ValidatedForm
      form={{ ...form, formError: form.formError ?? form.errors.superpowers }}
      onSave={save}
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
        <SubmitButton>Save superpowers</SubmitButton>
      </FormActions>
    </ValidatedForm>
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
      <QueryState query={query} loading="Loading your superpowers…" failed="Your superpowers">
        {(view) => <SuperpowersForm view={view} />}
      </QueryState>
    </Card>
  );
}
