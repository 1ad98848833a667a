import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChartNoAxesCombined } from "lucide-react";
import { type LaneId, laneIds, lanes, ratingValues } from "../../../shared/lane-words.ts";
import type { LaneAssessment, LaneAssessmentInput } from "../../../shared/lanes.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { laneAssessmentsQuery } from "./lanes-api.ts";
import "./lanes.css";

type Values = Record<string, string>;

function toValues(latest: LaneAssessment | undefined): Values {
  const values: Values = {
    domainName: latest?.domainName ?? "",
    worldClassLane: latest?.worldClassLane ?? "",
  };
  for (const lane of laneIds) {
    values[`ratings_${lane}`] = latest ? String(latest.ratings[lane]) : "";
    values[`evidence_${lane}`] = latest?.evidence[lane] ?? "";
  }
  return values;
}

const worldClassOptions = [
  { value: "", label: "Not chosen yet" },
  ...laneIds.map((lane) => ({ value: lane, label: lanes[lane].label })),
];

function RatingGroup({
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
  const { label, description, levels } = lanes[lane];
  const errorId = `lane-${lane}-error`;
  return (
    <div
      role="radiogroup"
      className="lane-rating"
      aria-labelledby={`lane-${lane}-label`}
      aria-describedby={[`lane-${lane}-description`, error ? errorId : null].filter(Boolean).join(" ")}
      aria-invalid={error ? true : undefined}
      aria-required="true"
      tabIndex={-1}
    >
      <div className="lane-rating-head">
        <h3 id={`lane-${lane}-label`}>{label}</h3>
        <p id={`lane-${lane}-description`} className="muted small">
          {description}
        </p>
      </div>
      <div className="lane-rating-options">
        {ratingValues.map((rating) => {
          const id = `lane-${lane}-${rating}`;
          return (
            <label key={rating} htmlFor={id} className="lane-option">
              <input
                id={id}
                type="radio"
                name={`ratings.${lane}`}
                value={rating}
                checked={value === String(rating)}
                onChange={() => onChange(String(rating))}
              />
              <span className="lane-option-number">{rating}</span>
              <span className="lane-option-text">{levels[rating - 1]}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** The assessment form: loaded once the page around it is on screen, with the form library. */
export default function AssessmentForm({ latest }: { latest: LaneAssessment | undefined }) {
  const { user } = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useSchemaForm(toValues(latest), {
    schema: () => import("../../../shared/lanes.ts").then((m) => m.laneAssessmentInput),
    draftKey: `sidecar:draft:${user.id}:lanes`,
    toInput: (values) => ({
      ratings: Object.fromEntries(
        laneIds.map((lane) => [
          lane,
          values[`ratings_${lane}`] ? Number(values[`ratings_${lane}`]) : undefined,
        ]),
      ),
      evidence: Object.fromEntries(laneIds.map((lane) => [lane, values[`evidence_${lane}`] ?? ""])),
      domainName: values.domainName ?? "",
      worldClassLane: values.worldClassLane || null,
    }),
    serverFields: () => [
      "domainName",
      "worldClassLane",
      ...laneIds.flatMap((lane) => [`ratings.${lane}`, `evidence.${lane}`]),
    ],
  });

  const save = useMutation({
    mutationFn: (input: LaneAssessmentInput) => call(api.lanes.assessments.$post({ json: input })),
    onSuccess: async (saved) => {
      form.clearDraft();
      form.setValues(toValues(saved));
      queryClient.setQueryData(laneAssessmentsQuery.queryKey, (current) => ({
        assessments: [saved, ...(current?.assessments ?? [])],
      }));
      toast({ title: "Assessment saved" });
      await queryClient.invalidateQueries({ queryKey: ["lanes"] });
    },
  });

  return (
    <Card
      id="lanes-form"
      title={latest ? "Take a new assessment" : "Take your first assessment"}
      icon={<ChartNoAxesCombined size={18} />}
      description={
        latest
          ? "We filled in your latest answers. Change what has moved; saving adds a new entry and keeps the old ones."
          : "Rate yourself from 1 to 5 in each lane. Be honest: this is private to you, and it is a starting point, not a grade."
      }
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby="lanes-form-title"
      >
        {form.draftRestored ? (
          <Alert tone="info">We kept the answers you had not saved yet. Check them, then save.</Alert>
        ) : null}
        {laneIds.map((lane) => (
          <div key={lane} className="lane-block">
            <RatingGroup
              lane={lane}
              value={form.values[`ratings_${lane}`] ?? ""}
              error={form.errors[`ratings.${lane}`]}
              onChange={(value) => form.set(`ratings_${lane}`, value)}
            />
            {lane === "domain" ? (
              <TextField
                label="Which domain"
                name="domainName"
                value={form.values.domainName ?? ""}
                onValueChange={(value) => form.set("domainName", value)}
                error={form.errors.domainName}
                hint="Such as ML, hardware, payments or healthcare."
                optional
                maxLength={100}
              />
            ) : null}
            <TextAreaField
              label={`Evidence for ${lanes[lane].label}`}
              name={`evidence.${lane}`}
              value={form.values[`evidence_${lane}`] ?? ""}
              onValueChange={(value) => form.set(`evidence_${lane}`, value)}
              error={form.errors[`evidence.${lane}`]}
              hint="What you did that shows this level: projects, outcomes, feedback you received."
              optional
              maxLength={2200}
            />
          </div>
        ))}
        <SelectField
          label="The lane to become world-class in"
          name="worldClassLane"
          options={worldClassOptions}
          value={form.values.worldClassLane ?? ""}
          onValueChange={(value) => form.set("worldClassLane", value)}
          error={form.errors.worldClassLane}
          hint="Great product leaders are world-class in one lane and good enough in the rest."
        />
        <FormActions>
          <SubmitButton>Save assessment</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}
