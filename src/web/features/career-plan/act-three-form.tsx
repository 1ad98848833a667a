import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Sprout } from "lucide-react";
import { useId } from "react";
import {
  type ActThreeInput,
  type CareerPlan,
  type GivingForm,
  givingFormLabels,
  givingForms,
} from "../../../shared/career-plan.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { type FieldErrors, FormActions } from "../../ui/form.tsx";
import { RowList } from "../../ui/row-list.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { careerPlanQuery, newRowKey } from "./career-plan-api.ts";
import "./career-plan.css";

type StepRow = { key: string; text: string; done: boolean };
type Arc = "economics" | "giving";
type Values = {
  economicsDescription: string;
  givingDescription: string;
  givingForms: GivingForm[];
  economicsSteps: StepRow[];
  givingSteps: StepRow[];
};

const stepRows = (steps: { text: string; done: boolean }[] | undefined): StepRow[] =>
  (steps ?? []).map((step) => ({ key: newRowKey(), ...step }));

function toValues(actThree: CareerPlan["actThree"]): Values {
  return {
    economicsDescription: actThree?.economics.description ?? "",
    givingDescription: actThree?.giving.description ?? "",
    givingForms: actThree?.giving.forms ?? [],
    economicsSteps: actThree
      ? stepRows(actThree.economics.steps)
      : [{ key: newRowKey(), text: "", done: false }],
    givingSteps: actThree ? stepRows(actThree.giving.steps) : [{ key: newRowKey(), text: "", done: false }],
  };
}

function StepList({
  arc,
  label,
  steps,
  errors,
  onChange,
}: {
  arc: Arc;
  label: string;
  steps: StepRow[];
  errors: FieldErrors;
  onChange: (steps: StepRow[]) => void;
}) {
  const titleId = useId();
  const hintId = useId();
  const update = (index: number, change: Partial<StepRow>) =>
    onChange(steps.map((step, i) => (i === index ? { ...step, ...change } : step)));
  return (
    <div className="plan-list">
      <h4 className="plan-list-title" id={titleId}>
        {label}
      </h4>
      <p className="muted small" id={hintId}>
        {steps.length === 0 ? "No steps yet. " : ""}
        Name one or two concrete things you can start this month, such as a first call or a first post: an arc
        with a first step gets started.
      </p>
      <RowList
        rows={steps}
        noun="step"
        addLabel="Add a step"
        max={10}
        rowClassName="plan-row-step"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        onAdd={() => onChange([...steps, { key: newRowKey(), text: "", done: false }])}
        onRemove={(index) => onChange(steps.filter((_, i) => i !== index))}
        renderRow={(step, index) => {
          const checkId = `${arc}-step-${index}-done`;
          return (
            <>
              <label htmlFor={checkId} className="step-done">
                <input
                  id={checkId}
                  type="checkbox"
                  checked={step.done}
                  onChange={(event) => update(index, { done: event.target.checked })}
                />
                <span>Done</span>
                <span className="visually-hidden">
                  {" "}
                  — {label.toLowerCase()}, step {index + 1}
                </span>
              </label>
              <TextField
                label={`Step ${index + 1}`}
                name={`${arc}.steps.${index}.text`}
                value={step.text}
                onValueChange={(value) => update(index, { text: value })}
                error={errors[`${arc}.steps.${index}.text`]}
                maxLength={220}
                className={step.done ? "step-text-done" : undefined}
              />
            </>
          );
        }}
      />
    </div>
  );
}

const actThreeLabels: Partial<Record<keyof Values, string>> = {
  economicsDescription: "Scaled-economics arc",
  givingDescription: "Giving arc",
  givingForms: "Ways of giving",
  economicsSteps: "Scaled-economics first steps",
  givingSteps: "Giving first steps",
};

export function ActThreeForm({ plan }: { plan: CareerPlan }) {
  const { user } = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useSchemaForm(toValues(plan.actThree), {
    schema: () => import("../../../shared/career-plan.ts").then((m) => m.actThreeInput),
    draftKey: `sidecar:draft:${user.id}:act-three`,
    toInput: (values) => {
      // Empty step lines are left out rather than refused: they are room to write, not mistakes.
      const steps = (rows: StepRow[]) =>
        rows.filter((row) => row.text.trim() !== "").map((row) => ({ text: row.text, done: row.done }));
      return {
        economics: { description: values.economicsDescription, steps: steps(values.economicsSteps) },
        giving: {
          description: values.givingDescription,
          forms: values.givingForms,
          steps: steps(values.givingSteps),
        },
      };
    },
    serverFields: (values) => [
      "economics.description",
      "giving.description",
      "giving.forms",
      ...values.economicsSteps.map((_, i) => `economics.steps.${i}.text`),
      ...values.givingSteps.map((_, i) => `giving.steps.${i}.text`),
    ],
    version: plan.version,
  });
  const formsErrorId = "giving-forms-error";

  const save = useMutation({
    mutationFn: (input: ActThreeInput) =>
      call(api.plan["act-three"].$put({ json: { ...input, version: form.version } })),
    onSuccess: (saved) => {
      form.clearDraft();
      form.setValues(toValues(saved.actThree));
      form.markSaved(saved.version, toValues(saved.actThree));
      queryClient.setQueryData(careerPlanQuery.queryKey, saved);
      toast({ title: "Act Three saved" });
    },
  });

  const formsError = form.errors["giving.forms"];
  // Asked for after saving, not required: the arcs are worth saving before the steps are clear.
  const missingSteps = plan.actThree
    ? [
        ...(plan.actThree.economics.steps.length === 0 ? ["scaled-economics"] : []),
        ...(plan.actThree.giving.steps.length === 0 ? ["giving"] : []),
      ]
    : [];
  return (
    <Card
      id="act-three"
      title="Act Three: what comes after"
      icon={<Sprout size={18} />}
      iconTone="success"
      description="Two arcs for the years after your North Star: scaled economics, where what you have built keeps working for you, and giving, where you pass it on. Write each in your own words with a few first steps."
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby="act-three-title"
      >
        <ConflictNotice
          form={form}
          labels={actThreeLabels}
          loadLatest={async () => {
            const latest = await queryClient.fetchQuery({ ...careerPlanQuery, staleTime: 0 });
            return { values: toValues(latest.actThree), version: latest.version };
          }}
        />
        {form.draftRestored ? (
          <Alert tone="info">
            We kept the changes you had not saved yet. Check them, then save Act Three.
          </Alert>
        ) : null}
        {missingSteps.length > 0 ? (
          <Alert tone="info" title="Add your first steps">
            Your {missingSteps.join(" and ")} {missingSteps.length === 1 ? "arc has" : "arcs have"} no first
            step yet. Steps are optional, but one concrete step is what turns an arc into a plan.
          </Alert>
        ) : null}
        <fieldset className="plan-part">
          <legend>Scaled economics</legend>
          <TextAreaField
            label="Your scaled-economics arc"
            name="economics.description"
            hint="Investing, accumulating: such as angel investing, advising for equity, building a portfolio."
            value={form.values.economicsDescription}
            onValueChange={(value) => form.set("economicsDescription", value)}
            error={form.errors["economics.description"]}
            maxLength={2100}
          />
          <StepList
            arc="economics"
            label="First steps for scaled economics"
            steps={form.values.economicsSteps}
            errors={form.errors}
            onChange={(steps) => form.set("economicsSteps", steps)}
          />
        </fieldset>
        <fieldset className="plan-part">
          <legend>Giving</legend>
          <TextAreaField
            label="Your giving arc"
            name="giving.description"
            hint="Who you want to help, and how."
            value={form.values.givingDescription}
            onValueChange={(value) => form.set("givingDescription", value)}
            error={form.errors["giving.description"]}
            maxLength={2100}
          />
          <fieldset className="choice-group" aria-describedby={formsError ? formsErrorId : undefined}>
            <legend className="field-label">Ways of giving</legend>
            <div className="choice-options">
              {givingForms.map((kind) => (
                <label key={kind} className="choice-option">
                  <input
                    type="checkbox"
                    name="giving.forms"
                    value={kind}
                    checked={form.values.givingForms.includes(kind)}
                    aria-invalid={formsError ? true : undefined}
                    onChange={(event) =>
                      form.set(
                        "givingForms",
                        event.target.checked
                          ? givingForms.filter((f) => f === kind || form.values.givingForms.includes(f))
                          : form.values.givingForms.filter((f) => f !== kind),
                      )
                    }
                  />
                  <span>{givingFormLabels[kind]}</span>
                </label>
              ))}
            </div>
            {formsError ? (
              <p id={formsErrorId} className="field-error">
                <span>{formsError}</span>
              </p>
            ) : null}
          </fieldset>
          <StepList
            arc="giving"
            label="First steps for giving"
            steps={form.values.givingSteps}
            errors={form.errors}
            onChange={(steps) => form.set("givingSteps", steps)}
          />
        </fieldset>
        <FormActions>
          <SubmitButton>Save Act Three</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}
