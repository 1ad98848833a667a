import { api, call } from "../../api.ts";
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

type QuestionValues = { questions: string };
const questionsOf = (e: E) => ({
  values: { questions: e.intake.questions.join("\n") } as QuestionValues,
  version: e.version,
});
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The mentor's own intake questions, one per line. */
export function IntakeQuestionsForm({ engagement }: { engagement: E }) {
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(questionsOf(engagement).values, {
    schema: () => schemas().then((m) => m.intakeQuestionsInput.omit({ version: true })),
    toInput: (values) => ({ questions: lines(values.questions) }),
    version: engagement.version,
  });
  // A question too long is named by its place in the list; the one text box shows it.
  const error =
    form.errors.questions ??
    Object.entries(form.errors).find(([key, text]) => key.startsWith("questions.") && text)?.[1];
  return (
    <ValidatedForm
      form={form}
      onFocus={preloadSchemas}
      onSave={async (input) => {
        const updated = await call(
          api.engagements[":id"].intake.questions.$put({
            param: engagementParam(engagement),
            json: { ...input, version: form.version },
          }),
        );
        applied(updated, "Intake questions saved");
      }}
      aria-label="Intake questions"
    >
      <StepConflict
        form={form}
        engagementId={engagement.id}
        labels={{ questions: "Your intake questions" }}
        latest={questionsOf}
      />
      <TextAreaField
        label="Your intake questions, one per line"
        {...form.field("questions")}
        error={error}
        rows={4}
      />
      <SubmitButton variant="secondary">Save questions</SubmitButton>
    </ValidatedForm>
  );
}
