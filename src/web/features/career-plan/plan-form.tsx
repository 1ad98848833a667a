import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Compass } from "lucide-react";
import { yearOf } from "../../../shared/calendar-date.ts";
import type { CareerPlan, CareerPlanInput } from "../../../shared/career-plan.ts";
import { type ExperienceKey, experienceKeys, experienceLabels } from "../../../shared/experience-words.ts";
import { type LaneId, laneIds, lanes } from "../../../shared/lane-words.ts";
import { api, call } from "../../api.ts";
import { useMe, useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { RowList } from "../../ui/row-list.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { Term } from "../glossary/term.tsx";
import { careerPlanQuery, newRowKey, planDraftKey, yearFromField } from "./career-plan-api.ts";
import "./career-plan.css";

type NeedRow = { key: string; text: string; link: string };
type Values = {
  "northStar.role": string;
  "northStar.companyKind": string;
  "northStar.knownFor": string;
  "northStar.horizonYear": string;
  "skipJob.role": string;
  "skipJob.targetYear": string;
  "nextJob.role": string;
  "nextJob.targetYear": string;
  needs: NeedRow[];
};

const planLabels: Partial<Record<keyof Values, string>> = {
  "northStar.role": "North Star role",
  "northStar.companyKind": "Kind of company",
  "northStar.knownFor": "What you want to be known for",
  "northStar.horizonYear": "Year you aim to get there",
  "skipJob.role": "Skip job",
  "skipJob.targetYear": "Skip job's year",
  "nextJob.role": "Next job",
  "nextJob.targetYear": "Next job's year",
  needs: "What the skip job needs",
};

const linkOptions = [
  { value: "", label: "Nothing specific" },
  ...laneIds.map((lane) => ({ value: `lane:${lane}`, label: `Lane: ${lanes[lane].label}` })),
  ...experienceKeys.map((key) => ({
    value: `experience:${key}`,
    label: `Experience: ${experienceLabels[key]}`,
  })),
];

function linkOf(need: { lane: LaneId | null; experience: ExperienceKey | null }): string {
  if (need.lane) return `lane:${need.lane}`;
  if (need.experience) return `experience:${need.experience}`;
  return "";
}

function toValues(plan: CareerPlan): Values {
  return {
    "northStar.role": plan.northStar?.role ?? "",
    "northStar.companyKind": plan.northStar?.companyKind ?? "",
    "northStar.knownFor": plan.northStar?.knownFor ?? "",
    "northStar.horizonYear": plan.northStar ? String(plan.northStar.horizonYear) : "",
    "skipJob.role": plan.skipJob?.role ?? "",
    "skipJob.targetYear": plan.skipJob?.targetYear ? String(plan.skipJob.targetYear) : "",
    "nextJob.role": plan.nextJob?.role ?? "",
    "nextJob.targetYear": plan.nextJob?.targetYear ? String(plan.nextJob.targetYear) : "",
    needs: (plan.skipJob?.needDetails ?? []).map((need) => ({
      key: newRowKey(),
      text: need.text,
      link: linkOf(need),
    })),
  };
}

const blank = (...fields: string[]) => fields.every((field) => field.trim() === "");

// A part left entirely empty is "not set yet"; a part with anything in it is checked as a whole.
function toInput(values: Values) {
  const needs = values.needs.filter((need) => need.text.trim() !== "" || need.link !== "");
  return {
    northStar: blank(
      values["northStar.role"],
      values["northStar.companyKind"],
      values["northStar.knownFor"],
      values["northStar.horizonYear"],
    )
      ? null
      : {
          role: values["northStar.role"],
          companyKind: values["northStar.companyKind"],
          knownFor: values["northStar.knownFor"],
          horizonYear: yearFromField(values["northStar.horizonYear"]) ?? undefined,
        },
    skipJob:
      blank(values["skipJob.role"], values["skipJob.targetYear"]) && needs.length === 0
        ? null
        : {
            role: values["skipJob.role"],
            targetYear: yearFromField(values["skipJob.targetYear"]),
            needs: needs.map((need) => ({
              text: need.text,
              lane: need.link.startsWith("lane:") ? need.link.slice("lane:".length) : null,
              experience: need.link.startsWith("experience:") ? need.link.slice("experience:".length) : null,
            })),
          },
    nextJob: blank(values["nextJob.role"], values["nextJob.targetYear"])
      ? null
      : { role: values["nextJob.role"], targetYear: yearFromField(values["nextJob.targetYear"]) },
  };
}

export function PlanForm({
  plan,
  onSaved,
  onCancel,
}: {
  plan: CareerPlan;
  onSaved?: () => void;
  onCancel?: () => void;
}) {
  const { user } = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useSchemaForm(toValues(plan), {
    schema: () => import("../../../shared/career-plan.ts").then((m) => m.careerPlanInput),
    draftKey: planDraftKey(user.id),
    toInput,
    serverFields: (values) => [
      ...Object.keys(values),
      ...values.needs.flatMap((_, i) => [`skipJob.needs.${i}.text`, `skipJob.needs.${i}.lane`]),
    ],
    version: plan.version,
  });
  const thisYear = yearOf(useMemberToday());

  const save = useMutation({
    mutationFn: (input: CareerPlanInput) =>
      call(api.plan.$put({ json: { ...input, version: form.version } })),
    onSuccess: (saved) => {
      form.clearDraft();
      form.setValues(toValues(saved));
      form.markSaved(saved.version, toValues(saved));
      queryClient.setQueryData(careerPlanQuery.queryKey, saved);
      toast({ title: "Plan saved" });
      onSaved?.();
    },
  });

  function setNeed(index: number, change: Partial<NeedRow>) {
    form.set(
      "needs",
      form.values.needs.map((need, i) => (i === index ? { ...need, ...change } : need)),
    );
  }

  const text = (key: Exclude<keyof Values, "needs">) => ({
    name: key,
    value: form.values[key],
    onValueChange: (value: string) => form.set(key, value),
    error: form.errors[key],
  });
  const yearProps = { inputMode: "numeric" as const, maxLength: 4, className: "input-year" };

  return (
    <Card
      id="plan-form"
      title={plan.northStar ? "Your plan" : "Write your plan"}
      icon={<Compass size={18} />}
      description="Start from the end state and work back. Leave a part empty until you know it."
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby="plan-form-title"
      >
        <ConflictNotice
          form={form}
          labels={planLabels}
          loadLatest={async () => {
            const latest = await queryClient.fetchQuery({ ...careerPlanQuery, staleTime: 0 });
            return { values: toValues(latest), version: latest.version };
          }}
        />
        {form.draftRestored ? (
          <Alert tone="info">
            We kept the changes you had not saved yet. Check them, then save your plan.
          </Alert>
        ) : null}
        <fieldset className="plan-part">
          <legend>
            <Term id="north-star" />
          </legend>
          <p className="muted small">
            Where you want to end up: the role, the kind of company, what you are known for.
          </p>
          <div className="form-grid">
            <TextField
              label="Role"
              {...text("northStar.role")}
              hint="Such as Chief Product Officer."
              maxLength={140}
            />
            <TextField
              label="Horizon year"
              {...text("northStar.horizonYear")}
              {...yearProps}
              hint={`When you aim to get there: ${thisYear} to ${thisYear + 40}.`}
            />
            <TextField
              label="Kind of company"
              {...text("northStar.companyKind")}
              hint="Such as a mission-driven health company of 200–500 people."
              optional
              maxLength={180}
              fieldClassName="field-wide"
            />
            <TextAreaField
              label="What you want to be known for"
              {...text("northStar.knownFor")}
              optional
              maxLength={520}
              fieldClassName="field-wide"
            />
          </div>
        </fieldset>
        <fieldset className="plan-part">
          <legend>
            <Term id="skip-job" />
          </legend>
          <p className="muted small">
            The job after next, and what it needs that you don't have yet. Name the lane or experience each
            need builds, so Sidecar can point your tours of duty and mentors at it.
          </p>
          <div className="form-grid">
            <TextField
              label="Skip job role"
              {...text("skipJob.role")}
              hint="Such as Head of Product."
              maxLength={140}
            />
            <TextField
              label="Skip job year"
              {...text("skipJob.targetYear")}
              {...yearProps}
              hint="Before or in your horizon year."
              optional
            />
          </div>
          <div className="plan-list">
            <h3 className="plan-list-title" id="needs-title">
              What it needs that you lack
            </h3>
            <RowList
              rows={form.values.needs}
              noun="need"
              addLabel="Add a need"
              max={20}
              rowClassName="plan-row-need"
              aria-labelledby="needs-title"
              empty={
                <p className="muted small">
                  No needs listed yet. Add the first gap between you and the skip job.
                </p>
              }
              onAdd={() =>
                form.set("needs", [...form.values.needs, { key: newRowKey(), text: "", link: "" }])
              }
              onRemove={(index) =>
                form.set(
                  "needs",
                  form.values.needs.filter((_, i) => i !== index),
                )
              }
              renderRow={(need, index) => (
                <>
                  <TextField
                    label={`Need ${index + 1}`}
                    name={`skipJob.needs.${index}.text`}
                    value={need.text}
                    onValueChange={(value) => setNeed(index, { text: value })}
                    error={form.errors[`skipJob.needs.${index}.text`]}
                    maxLength={220}
                  />
                  <SelectField
                    label={`Need ${index + 1} builds`}
                    name={`skipJob.needs.${index}.link`}
                    options={linkOptions}
                    value={need.link}
                    onValueChange={(value) => setNeed(index, { link: value })}
                    error={
                      form.errors[`skipJob.needs.${index}.lane`] ??
                      form.errors[`skipJob.needs.${index}.experience`]
                    }
                  />
                </>
              )}
            />
          </div>
        </fieldset>
        <fieldset className="plan-part">
          <legend>Next job</legend>
          <p className="muted small">The step between where you are and the skip job.</p>
          <div className="form-grid">
            <TextField
              label="Next job role"
              {...text("nextJob.role")}
              hint="Such as Group PM."
              maxLength={140}
            />
            <TextField
              label="Next job year"
              {...text("nextJob.targetYear")}
              {...yearProps}
              hint="Before your skip job's year."
              optional
            />
          </div>
        </fieldset>
        <FormActions>
          <SubmitButton>Save plan</SubmitButton>
          {onCancel ? (
            <Button
              variant="secondary"
              onClick={() => {
                form.clearDraft();
                onCancel();
              }}
            >
              Cancel
            </Button>
          ) : null}
          <Link to="/decisions" className="small">
            Facing a choice? Weigh it in your decision journal
          </Link>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}
