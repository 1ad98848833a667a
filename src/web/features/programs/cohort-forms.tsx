import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type CohortOutput,
  type CohortSettings,
  criteria,
  criterionLabels,
  type ImportField,
  importFieldLabels,
  importFields,
  ruleLabels,
} from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { describedBy, FieldShell, SelectField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { ScrollBox } from "../../ui/scroll-box.tsx";
import { useToast } from "../../ui/toast.tsx";
import { cohortQuery, param, previewQuery } from "./programs-api.ts";

/**
 * The cohort page's own forms: the participants import (a preview, then the import itself) and the
 * matching criteria and rules. The page loads this file after its first paint.
 */

const schemas = () => import("../../../shared/programs.ts");
/** Fetches the schemas when focus first enters a form, so its first submit need not wait for them. */
const preload = () => void schemas();

type Mapping = Partial<Record<ImportField, string>>;
type ImportResult = Awaited<ReturnType<typeof importCsv>>;
function importCsv(cohortId: string, json: { csv: string; mapping: Mapping; apply: boolean }) {
  return call(api.cohorts[":id"].import.$post({ param: param(cohortId), json }));
}

/** Reads a CSV file, previews it (problems by line and column), and imports it once it has none. */
export function ImportForm({ cohort }: { cohort: CohortOutput }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [fileName, setFileName] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const form = useSchemaForm(
    { csv: "", mapping: {} as Mapping },
    // Whether it applies is the button's, not the form's: the same input is previewed, then imported.
    { schema: () => schemas().then((m) => m.importInput.omit({ apply: true })) },
  );
  const run = useMutation({
    mutationFn: (json: { csv: string; mapping: Mapping; apply: boolean }) => importCsv(cohort.id, json),
  });
  const send = (apply: boolean) => async (input: { csv: string; mapping: Mapping }) => {
    const data = await run.mutateAsync({ ...input, apply });
    setResult(data);
    form.set("mapping", data.mapping as Mapping);
    if (data.applied) {
      toast({ title: `${data.created} added, ${data.updated} updated, ${data.unchanged} unchanged` });
      await queryClient.invalidateQueries({ queryKey: ["cohorts", cohort.id] });
    }
  };
  const headerOptions = [
    { value: "", label: "(none)" },
    ...(result?.headers ?? []).map((h) => ({ value: h, label: h })),
  ];
  const fileError = form.errors.csv;
  return (
    <>
      <ValidatedForm form={form} onFocus={preload} onSave={send(false)} aria-label="Import participants">
        <FieldShell id="participants-file" label="CSV file" error={fileError}>
          <input
            id="participants-file"
            type="file"
            accept=".csv,text/csv"
            className="input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy("participants-file", undefined, fileError)}
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              form.set("csv", await file.text());
              setResult(null);
            }}
          />
        </FieldShell>
        {result ? (
          <fieldset className="program-weights">
            <legend className="field-label">Columns</legend>
            {importFields.map((field) => (
              <SelectField
                key={field}
                label={importFieldLabels[field]}
                value={form.values.mapping[field] ?? ""}
                onValueChange={(value) => form.set("mapping", { ...form.values.mapping, [field]: value })}
                options={headerOptions}
                error={form.errors[`mapping.${field}`]}
              />
            ))}
          </fieldset>
        ) : null}
        <FormActions>
          <SubmitButton variant="secondary" disabled={!form.values.csv}>
            Preview {fileName}
          </SubmitButton>
          {result && result.errors.length === 0 && !result.applied ? (
            <Button
              pending={form.pending && run.variables?.apply === true}
              disabled={form.pending}
              onClick={() => void form.onSubmit(send(true))()}
            >
              Import {result.valid} participants
            </Button>
          ) : null}
        </FormActions>
      </ValidatedForm>
      {result ? (
        <div aria-live="polite">
          <p>
            {result.rows} rows: {result.valid} valid · {result.created} new · {result.updated} changed ·{" "}
            {result.unchanged} unchanged · {result.reportingLines} reporting lines inside the cohort
            {result.applied ? ` · ${result.invited} invited by email` : ""}
          </p>
          {result.errors.length > 0 ? (
            <Alert tone="error" title={`${result.errors.length} problems to fix before importing`}>
              <ScrollBox label="Problems in the file">
                <table className="program-table">
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Column</th>
                      <th scope="col">Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.errors.map((e) => (
                      <tr key={`${e.line}-${e.column}-${e.message}`}>
                        <td>{e.line}</td>
                        <td>{e.column}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

const rules = [...(Object.keys(ruleLabels) as (keyof typeof ruleLabels)[]), "mentorCapacity" as const];

/** Weights, hard rules and the objective of the matching; a save on a stale version is explained. */
export function SettingsForm({ cohort }: { cohort: CohortOutput }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const preview = useQuery(previewQuery(cohort.id));
  const form = useSchemaForm(
    { settings: cohort.settings },
    {
      schema: () => schemas().then((m) => m.cohortSettingsInput.omit({ version: true })),
      version: cohort.version,
    },
  );
  const settings = form.values.settings;
  const change = (next: Partial<CohortSettings>) => form.set("settings", { ...settings, ...next });
  const err = (path: string) => form.errors[`settings.${path}`];
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Criteria and rules"
      onSave={async (input) => {
        const data = await call(
          api.cohorts[":id"].settings.$put({
            param: param(cohort.id),
            json: { ...input, version: form.version },
          }),
        );
        form.markSaved(data.version, { settings: data.settings });
        queryClient.setQueryData(cohortQuery(cohort.id).queryKey, data);
        await queryClient.invalidateQueries({ queryKey: ["cohorts", cohort.id, "preview"] });
        toast({ title: "Criteria and rules saved" });
      }}
    >
      <ConflictNotice
        form={form}
        labels={{ settings: "Criteria and rules" }}
        loadLatest={async () => {
          const latest = await queryClient.fetchQuery({ ...cohortQuery(cohort.id), staleTime: 0 });
          return { values: { settings: latest.settings }, version: latest.version };
        }}
      />
      <fieldset className="program-weights">
        <legend className="field-label">Weights (0 to 10)</legend>
        {criteria.map((c) => (
          <TextField
            key={c}
            label={criterionLabels[c]}
            type="number"
            min={0}
            max={10}
            value={String(settings.weights[c])}
            onValueChange={(v) => change({ weights: { ...settings.weights, [c]: Number(v) } })}
            error={err(`weights.${c}`)}
          />
        ))}
      </fieldset>
      {err("weights") ? <Alert tone="error">{err("weights")}</Alert> : null}
      <fieldset className="field">
        <legend className="field-label">Hard rules</legend>
        {rules.map((rule) => (
          <label key={rule} className="checkbox">
            <input
              type="checkbox"
              checked={settings.rules[rule]}
              onChange={(e) => change({ rules: { ...settings.rules, [rule]: e.target.checked } })}
            />{" "}
            {rule === "mentorCapacity" ? "Mentor capacity (seats)" : ruleLabels[rule]}
            {rule !== "mentorCapacity" && preview.data ? (
              <span className="muted small"> — removes {preview.data.removedBy[rule]} pairs</span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <div className="program-weights">
        <TextField
          label="Minimum weekly overlap (minutes)"
          type="number"
          value={String(settings.minimumOverlapMinutes)}
          onValueChange={(v) => change({ minimumOverlapMinutes: Number(v) })}
          error={err("minimumOverlapMinutes")}
        />
        <TextField
          label="Mentor ahead by at least (levels)"
          type="number"
          value={String(settings.seniorityMinGap)}
          onValueChange={(v) => change({ seniorityMinGap: Number(v) })}
          error={err("seniorityMinGap")}
        />
        <TextField
          label="Mentor ahead by at most (levels)"
          type="number"
          value={String(settings.seniorityMaxGap)}
          onValueChange={(v) => change({ seniorityMaxGap: Number(v) })}
          error={err("seniorityMaxGap")}
        />
        <SelectField
          label="Objective"
          value={settings.mode}
          onValueChange={(v) => change({ mode: v as CohortSettings["mode"] })}
          options={[
            { value: "participation", label: "Match as many mentees as possible, then the best total" },
            { value: "score", label: "The best total score" },
          ]}
        />
      </div>
      <FormActions>
        <SubmitButton>Save criteria and rules</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
