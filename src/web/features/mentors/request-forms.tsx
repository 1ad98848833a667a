import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Send } from "lucide-react";
import type { ReactNode } from "react";
import {
  type MentorRequest,
  type MentorRequestInput,
  maxOpenRequests,
  type mentorRequestInput,
  requestStateLabels,
} from "../../../shared/mentors.ts";
import { type SharePart, sharePartLabels, viewableParts } from "../../../shared/sharing.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";

/**
 * The written steps of a mentoring request: the member asks, the mentor asks a question or declines
 * with a reason, the member answers. Loaded when one is shown, never with the page around it.
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

/** A member asks a mentor, saying what they want help with and what they share read-only. */
export function RequestForm({ mentorId, name }: { mentorId: string; name: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useSchemaForm<{ message: string; share: SharePart[] }, typeof mentorRequestInput>(
    { message: "", share: [] },
    {
      schema: () => schemas().then((m) => m.mentorRequestInput),
      toInput: (values) => ({ mentorId, ...values }),
    },
  );
  const send = useMutation({
    mutationFn: (input: MentorRequestInput) => call(api["mentor-requests"].$post({ json: input })),
    onSuccess: async (request) => {
      await queryClient.invalidateQueries({ queryKey: ["mentor-requests"] });
      await queryClient.invalidateQueries({ queryKey: ["mentors"] });
      toast({ title: `Request sent to ${name}` });
      await navigate({ to: "/mentoring/requests/$requestId", params: { requestId: request.id } });
    },
  });
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      onSave={(input) => send.mutateAsync(input)}
      aria-labelledby="request-form-title"
    >
      <TextAreaField
        label="What you want help with"
        {...form.field("message")}
        hint="Where you are, where you want to go, and what you hope this mentor can help with."
        rows={5}
        maxLength={3000}
      />
      <CheckboxGroup
        optional={false}
        legend="Share with them, read-only (optional)"
        hint="They see these parts as long as you share them; you can stop sharing any time under What I share."
        name="share"
        options={viewableParts.map((part) => ({ value: part, label: sharePartLabels[part] }))}
        value={form.values.share}
        onChange={(value) => form.set("share", value)}
        error={form.errors.share}
      />
      <p className="muted small">
        They have 48 hours to accept, decline or ask you for more; after that the request expires and you are
        pointed to other mentors. You can have {maxOpenRequests} requests waiting at once.
      </p>
      <FormActions>
        <SubmitButton icon={<Send size={16} aria-hidden="true" />}>Send request</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
