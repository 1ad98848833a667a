import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { type MentorRequest, requestStateLabels } from "../../../shared/mentors.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";

/**
 * The written steps of a mentoring request: the mentor asks a question or declines with a reason, the
 * member answers. Loaded when one is shown, never with the requests page.
 */

const schemas = () => import("../../../shared/mentors.ts");
/** Fetches the schemas when focus first enters a form, so its first submit need not wait for them. */
const preload = () => void schemas();
const route = api["mentor-requests"][":id"];
const param = (request: MentorRequest) => ({ id: encodeURIComponent(request.id) });

function useStepDone(request: MentorRequest) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return async (updated: MentorRequest) => {
    queryClient.setQueryData(["mentor-requests", request.id], updated);
    await queryClient.invalidateQueries({ queryKey: ["mentor-requests"], exact: true });
    toast({ title: requestStateLabels[updated.state] });
  };
}

/** The mentor asks what they need to know, or declines with a reason the member reads. */
export function AskOrDeclineForm({
  request,
  kind,
  onDone,
  onCancel,
}: {
  request: MentorRequest;
  kind: "ask" | "decline";
  onDone: () => void;
  onCancel: () => void;
}) {
  const done = useStepDone(request);
  const ask = kind === "ask";
  const form = useSchemaForm(
    { text: "" },
    {
      schema: () => schemas().then((m) => (ask ? m.askInput : m.declineInput)),
      toInput: (values) => (ask ? { question: values.text } : { reason: values.text }),
      serverFields: () => ["question", "reason"],
    },
  );
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label={kind === "ask" ? "Ask the mentee" : "Decline"}
      onSave={async (input) => {
        const updated =
          "question" in input
            ? await call(route.ask.$post({ param: param(request), json: input }))
            : await call(route.decline.$post({ param: param(request), json: input }));
        await done(updated);
        onDone();
      }}
    >
      <TextAreaField
        label={kind === "ask" ? "What do you need to know?" : "Reason (optional, the member sees it)"}
        {...form.field("text")}
        error={form.errors.question ?? form.errors.reason}
        rows={3}
        maxLength={1000}
      />
      <div className="mentor-actions">
        <SubmitButton>{kind === "ask" ? "Send question" : "Decline request"}</SubmitButton>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </ValidatedForm>
  );
}

/** The member answers the mentor's question; withdrawing stays beside the answer. */
export function AnswerForm({ request, withdraw }: { request: MentorRequest; withdraw: ReactNode }) {
  const done = useStepDone(request);
  const form = useSchemaForm({ answer: "" }, { schema: () => schemas().then((m) => m.answerInput) });
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Answer the mentor"
      onSave={async (json) => {
        await done(await call(route.answer.$post({ param: param(request), json })));
      }}
    >
      <TextAreaField label="Your answer" {...form.field("answer")} rows={4} maxLength={3000} />
      <div className="mentor-actions">
        <SubmitButton>Send answer</SubmitButton>
        {withdraw}
      </div>
    </ValidatedForm>
  );
}
