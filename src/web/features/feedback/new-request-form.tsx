import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Trash2 } from "lucide-react";
import { addDays } from "../../../shared/calendar-date.ts";
import {
  type FeedbackRequestInput,
  maxClosingDays,
  maxQuestions,
  minResponsesBounds,
  starterQuestions,
} from "../../../shared/feedback.ts";
import { type LaneId, laneIds, lanes } from "../../../shared/lane-words.ts";
import { api, call } from "../../api.ts";
import { useMe, useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";

type Values = {
  title: string;
  purpose: string;
  questions: string[];
  lanes: LaneId[];
  closesOn: string;
  minResponses: string;
};

const kOptions = Array.from({ length: minResponsesBounds.max - minResponsesBounds.min + 1 }, (_, i) => {
  const k = String(minResponsesBounds.min + i);
  return { value: k, label: k === "5" ? "5 (recommended)" : k };
});

export default function NewRequestForm() {
  const { user } = useMe();
  const today = useMemberToday();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm(
    {
      title: "",
      purpose: "",
      questions: [...starterQuestions],
      lanes: [...laneIds],
      closesOn: addDays(today, 14),
      minResponses: String(minResponsesBounds.default),
    } as Values,
    {
      schema: async () => {
        const shared = await import("../../../shared/feedback.ts");
        return shared.feedbackRequestInput
          .and(shared.requestTitleRequired)
          .superRefine(shared.closingDateRule(today));
      },
      toInput: (values: Values) => ({ ...values, minResponses: Number(values.minResponses) }),
      serverFields: () => ["title", "purpose", "closesOn", "minResponses", "questions", "lanes"],
      draftKey: `sidecar:draft:${user.id}:feedback-request`,
    },
  );
  const { values } = form;

  const create = useMutation({
    mutationFn: (input: FeedbackRequestInput) => call(api.feedback.requests.$post({ json: input })),
    onSuccess: async (created) => {
      form.clearDraft();
      await queryClient.invalidateQueries({ queryKey: ["feedback", "requests"] });
      toast({ title: "Request created", description: "Now invite the people you want to hear from." });
      await navigate({ to: "/feedback/$requestId", params: { requestId: created.id } });
    },
  });

  const setQuestion = (index: number, text: string) =>
    form.set(
      "questions",
      values.questions.map((q, i) => (i === index ? text : q)),
    );

  return (
    <ValidatedForm
      form={form}
      onSave={(input) => create.mutateAsync(input)}
      aria-labelledby="new-request-title"
    >
      {form.draftRestored ? (
        <Alert tone="info">We kept what you had typed. Check it, then create the request.</Alert>
      ) : null}
      <TextField
        label="Title"
        name="title"
        value={values.title}
        onValueChange={(value) => form.set("title", value)}
        error={form.errors.title}
        hint="A few words to find it by, such as “Before my move to product lead”. Only you see it."
        maxLength={100}
      />
      <TextAreaField
        label="Why you are asking"
        name="purpose"
        value={values.purpose}
        onValueChange={(value) => form.set("purpose", value)}
        error={form.errors.purpose}
        hint="Givers read this first. Such as: I am preparing for a move to product lead and want to know what to work on."
        maxLength={650}
      />
      <fieldset className="fieldset">
        <legend className="field-label">Written questions</legend>
        <p className="small muted">
          The starter set works well; change the words or add your own. Each answer is split into paragraphs
          and shuffled with everyone else's.
        </p>
        {form.errors.questions ? (
          <p className="field-error" role="alert">
            {form.errors.questions}
          </p>
        ) : null}
        {values.questions.map((question, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: questions have no identity until saved; position is the identity.
          <div key={index} className="question-row">
            <TextField
              label={`Question ${index + 1}`}
              value={question}
              onValueChange={(value) => setQuestion(index, value)}
              error={form.errors[`questions.${index}`]}
              maxLength={320}
              fieldClassName="question-field"
            />
            <Button
              variant="ghost"
              className="question-remove"
              aria-label={`Remove question ${index + 1}`}
              onClick={() =>
                form.set(
                  "questions",
                  values.questions.filter((_, i) => i !== index),
                )
              }
            >
              <Trash2 size={16} aria-hidden="true" />
            </Button>
          </div>
        ))}
        {values.questions.length < maxQuestions ? (
          <div>
            <Button
              variant="secondary"
              size="small"
              onClick={() => form.set("questions", [...values.questions, ""])}
            >
              Add a question
            </Button>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field-label">Lanes to rate from 1 to 5, with a comment</legend>
        <p className="small muted">Givers' ratings appear next to your own self-assessment, lane by lane.</p>
        {form.errors.lanes ? (
          <p className="field-error" role="alert">
            {form.errors.lanes}
          </p>
        ) : null}
        <div className="lane-checks">
          {laneIds.map((lane) => (
            <label key={lane} className="check-option">
              <input
                type="checkbox"
                name="lanes"
                value={lane}
                checked={values.lanes.includes(lane)}
                onChange={(event) =>
                  form.set(
                    "lanes",
                    event.target.checked
                      ? laneIds.filter((l) => l === lane || values.lanes.includes(l))
                      : values.lanes.filter((l) => l !== lane),
                  )
                }
              />
              <span>{lanes[lane].label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <TextField
          label="Closing date"
          name="closesOn"
          type="date"
          min={today}
          max={addDays(today, maxClosingDays)}
          value={values.closesOn}
          onValueChange={(value) => form.set("closesOn", value)}
          error={form.errors.closesOn}
          hint="Links stop working after this day. Two weeks is usual."
        />
        <SelectField
          label="Responses needed before you see anything"
          name="minResponses"
          options={kOptions}
          value={values.minResponses}
          onValueChange={(value) => form.set("minResponses", value)}
          error={form.errors.minResponses}
          hint="Fixed once the first answer is in. Each question also needs this many answers before it shows."
        />
      </div>
      <FormActions>
        <SubmitButton>Create request</SubmitButton>
        <Button variant="ghost" asChild>
          <Link to="/feedback">Cancel</Link>
        </Button>
      </FormActions>
    </ValidatedForm>
  );
}
