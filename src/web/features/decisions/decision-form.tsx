import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Scale } from "lucide-react";
import type { Decision, decisionInput } from "../../../shared/decisions.ts";
import { api, call } from "../../api.ts";
import { useMe, useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { RowList } from "../../ui/row-list.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { careerPlanQuery, newRowKey } from "../career-plan/career-plan-api.ts";
import { refreshDecisionLists } from "./decisions-api.ts";
import "./decisions.css";

type OptionRow = { key: string; label: string; servesSkipJob: string };
type Values = {
  dilemma: string;
  decision: string;
  reason: string;
  decidedOn: string;
  revisitOn: string;
  options: OptionRow[];
};

const decisionLabels: Partial<Record<keyof Values, string>> = {
  dilemma: "Dilemma",
  decision: "What you decided",
  reason: "Why",
  decidedOn: "Decided on",
  revisitOn: "Revisit on",
  options: "Options",
};

const emptyOption = (): OptionRow => ({ key: newRowKey(), label: "", servesSkipJob: "" });

function toValues(decision: Decision | undefined, today: string): Values {
  return {
    dilemma: decision?.dilemma ?? "",
    decision: decision?.decision ?? "",
    reason: decision?.reason ?? "",
    decidedOn: decision?.decidedOn ?? today,
    revisitOn: decision?.revisitOn ?? "",
    options: decision
      ? decision.options.map((option) => ({ key: newRowKey(), ...option }))
      : [emptyOption(), emptyOption()],
  };
}

function SkipJobHint() {
  const plan = useQuery(careerPlanQuery);
  const skipJob = plan.data?.skipJob;
  if (plan.isPending) return null;
  if (!skipJob) {
    return (
      <p className="muted small">
        Weigh each option against the job after next. <Link to="/plan">Set your skip job</Link> in your career
        plan to see it here.
      </p>
    );
  }
  return (
    <p className="muted small">
      Your skip job: <strong>{skipJob.role}</strong>
      {skipJob.targetYear ? ` by ${skipJob.targetYear}` : ""}
      {skipJob.needs.length ? `. It needs: ${skipJob.needs.join("; ")}.` : "."}
    </p>
  );
}

export function DecisionForm({ decision }: { decision?: Decision }) {
  const { user } = useMe();
  const today = useMemberToday();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm(toValues(decision, today), {
    schema: () => import("../../../shared/decisions.ts").then((m) => m.decisionInput),
    draftKey: `sidecar:draft:${user.id}:decision:${decision?.id ?? "new"}`,
    toInput: (values) => ({
      dilemma: values.dilemma,
      options: values.options
        .filter((option) => option.label.trim() !== "" || option.servesSkipJob.trim() !== "")
        .map(({ label, servesSkipJob }) => ({ label, servesSkipJob })),
      decision: values.decision,
      reason: values.reason,
      decidedOn: values.decidedOn,
      revisitOn: values.revisitOn || null,
    }),
    serverFields: (values) => [
      ...Object.keys(values),
      ...values.options.flatMap((_, i) => [`options.${i}.label`, `options.${i}.servesSkipJob`]),
    ],
    version: decision?.version,
  });

  const save = useMutation({
    mutationFn: (input: ReturnType<typeof decisionInput.parse>) =>
      decision
        ? call(
            api.decisions[":id"].$put({
              param: { id: encodeURIComponent(decision.id) },
              json: { ...input, version: form.version },
            }),
          )
        : call(api.decisions.$post({ json: input })),
    onSuccess: async (saved) => {
      form.clearDraft();
      queryClient.setQueryData(["decisions", saved.id], saved);
      await refreshDecisionLists(queryClient);
      toast({ title: decision ? "Decision updated" : "Decision recorded" });
      await navigate({ to: "/decisions/$id", params: { id: saved.id } });
    },
  });

  function setOption(index: number, change: Partial<OptionRow>) {
    form.set(
      "options",
      form.values.options.map((option, i) => (i === index ? { ...option, ...change } : option)),
    );
  }

  return (
    <Card
      id="decision-form"
      title={decision ? "Edit the decision" : "The decision"}
      icon={<Scale size={18} />}
      description="Write it down while it is fresh: future you will want to know what you weighed and why."
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby="decision-form-title"
      >
        {decision ? (
          <ConflictNotice
            form={form}
            labels={decisionLabels}
            loadLatest={async () => {
              const latest = await call(
                api.decisions[":id"].$get({ param: { id: encodeURIComponent(decision.id) } }),
              );
              queryClient.setQueryData(["decisions", latest.id], latest);
              return { values: toValues(latest, today), version: latest.version };
            }}
          />
        ) : null}
        {form.draftRestored ? (
          <Alert tone="info">We kept what you had not saved yet. Check it, then save.</Alert>
        ) : null}
        <TextField
          label="The dilemma"
          name="dilemma"
          value={form.values.dilemma}
          onValueChange={(value) => form.set("dilemma", value)}
          error={form.errors.dilemma}
          hint="Such as “Grit it out or move on?”"
          maxLength={320}
        />
        <fieldset className="plan-part">
          <legend>Options</legend>
          <SkipJobHint />
          {form.errors.options ? (
            <p className="field-error" id="options-error">
              <span>{form.errors.options}</span>
            </p>
          ) : null}
          <RowList
            rows={form.values.options}
            noun="option"
            addLabel="Add an option"
            min={2}
            max={6}
            rowClassName="plan-row-option"
            onAdd={() => form.set("options", [...form.values.options, emptyOption()])}
            onRemove={(index) =>
              form.set(
                "options",
                form.values.options.filter((_, i) => i !== index),
              )
            }
            renderRow={(option, index) => (
              <>
                <TextField
                  label={`Option ${index + 1}`}
                  name={`options.${index}.label`}
                  value={option.label}
                  onValueChange={(value) => setOption(index, { label: value })}
                  error={form.errors[`options.${index}.label`]}
                  maxLength={220}
                />
                <TextAreaField
                  label={`How option ${index + 1} serves your skip job`}
                  name={`options.${index}.servesSkipJob`}
                  value={option.servesSkipJob}
                  onValueChange={(value) => setOption(index, { servesSkipJob: value })}
                  error={form.errors[`options.${index}.servesSkipJob`]}
                  optional
                  rows={2}
                  maxLength={1100}
                />
              </>
            )}
          />
        </fieldset>
        <TextAreaField
          label="What you decided"
          name="decision"
          value={form.values.decision}
          onValueChange={(value) => form.set("decision", value)}
          error={form.errors.decision}
          maxLength={1100}
        />
        <TextAreaField
          label="Why"
          name="reason"
          value={form.values.reason}
          onValueChange={(value) => form.set("reason", value)}
          error={form.errors.reason}
          hint="What tipped it: the facts, the feelings, the advice you took."
          optional
          maxLength={2100}
        />
        <div className="form-grid">
          <TextField
            label="Decided on"
            name="decidedOn"
            type="date"
            value={form.values.decidedOn}
            onValueChange={(value) => form.set("decidedOn", value)}
            error={form.errors.decidedOn}
          />
          <TextField
            label="Revisit on"
            name="revisitOn"
            type="date"
            value={form.values.revisitOn}
            onValueChange={(value) => form.set("revisitOn", value)}
            error={form.errors.revisitOn}
            hint="When to look back at how it turned out."
            optional
          />
        </div>
        <FormActions>
          <SubmitButton>{decision ? "Save changes" : "Record decision"}</SubmitButton>
          {decision ? (
            <Link
              to="/decisions/$id"
              params={{ id: decision.id }}
              className={buttonClass("ghost")}
              onClick={() => form.clearDraft()}
            >
              Cancel
            </Link>
          ) : (
            <Link to="/decisions" className={buttonClass("ghost")} onClick={() => form.clearDraft()}>
              Cancel
            </Link>
          )}
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}
