import { useMutation } from "@tanstack/react-query";
import type { FeedbackRequest, ThankYouInput } from "../../../shared/feedback.ts";
import { api, call } from "../../api.ts";
import { TextAreaField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useRequestUpdate } from "./use-request-update.ts";

/** The thank-you message: loaded once the page is on screen, with its schema and the form library. */
export default function ThankYouForm({ request }: { request: FeedbackRequest }) {
  const toast = useToast();
  const update = useRequestUpdate(request.id);
  const form = useSchemaForm(
    { message: "" },
    {
      schema: () => import("../../../shared/feedback.ts").then((m) => m.thankYouInput),
      draftKey: `sidecar:draft:thank-you:${request.id}`,
    },
  );
  const send = useMutation({
    mutationFn: (input: ThankYouInput) =>
      call(
        api.feedback.requests[":id"]["thank-you"].$post({
          param: { id: encodeURIComponent(request.id) },
          json: input,
        }),
      ),
    onSuccess: (updated) => {
      form.clearDraft();
      update(updated);
      toast({ title: "Thank-you sent" });
    },
  });
  return (
    <ValidatedForm form={form} onSave={(input) => send.mutateAsync(input)} aria-labelledby="thank-you-title">
      <TextAreaField
        label="Your message"
        {...form.field("message")}
        hint="Say what you heard and what you will do with it. People give more next time when they see it landed."
        maxLength={2100}
      />
      <FormActions>
        <SubmitButton>Send thank-you</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
