import { type IntakeSharePart, intakeShareParts } from "../../../shared/engagement-words.ts";
import { api, call } from "../../api.ts";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import {
  type E,
  engagementParam,
  preloadSchemas,
  StepConflict,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";

type AnswerValues = { answers: string[]; share: IntakeSharePart[] };
const answersOf = (e: E) => ({
  values: {
    answers: e.intake.questions.map((_, i) => e.intake.answers[i] ?? ""),
    share: e.intake.shared,
  } as AnswerValues,
  version: e.version,
});
const shareLabels: Record<IntakeSharePart, string> = {
  lanes: "My lanes self-assessment",
  portfolio: "My experience portfolio",
};

/** The mentee answers the mentor's questions and chooses what of their record the mentor reads. */
export function IntakeAnswersForm({ engagement }: { engagement: E }) {
  const questions = engagement.intake.questions;
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(answersOf(engagement).values, {
    schema: () => schemas().then((m) => m.intakeAnswersInput.omit({ version: true })),
    version: engagement.version,
  });
  const answers = form.values.answers;
  return (
    <ValidatedForm
      form={form}
      onFocus={preloadSchemas}
      onSave={async (input) => {
        const updated = await call(
          api.engagements[":id"].intake.answers.$put({
            param: engagementParam(engagement),
            json: { ...input, version: form.version },
          }),
        );
        applied(updated, "Intake answered");
      }}
      aria-label="Intake answers"
    >
      <StepConflict
        form={form}
        engagementId={engagement.id}
        labels={{ answers: "Answers", share: "Shared with your mentor" }}
        latest={answersOf}
      />
      {questions.length === 0 ? (
        <p className="muted small">Your mentor has not asked intake questions yet.</p>
      ) : null}
      {questions.map((q, i) => (
        <TextAreaField
          key={q}
          label={q}
          name={`answers.${i}`}
          value={answers[i] ?? ""}
          rows={3}
          onValueChange={(x) =>
            form.set(
              "answers",
              answers.map((old, j) => (j === i ? x : old)),
            )
          }
          error={form.errors[`answers.${i}`] ?? (i === 0 ? form.errors.answers : undefined)}
        />
      ))}
      <CheckboxGroup
        legend="Share with your mentor, read-only, until the mentoring closes"
        name="share"
        options={intakeShareParts.map((p) => ({ value: p, label: shareLabels[p] }))}
        value={form.values.share}
        onChange={(x) => form.set("share", x)}
        error={form.errors.share ?? form.errors["share.0"] ?? form.errors["share.1"]}
      />
      <SubmitButton>Save intake</SubmitButton>
    </ValidatedForm>
  );
}
