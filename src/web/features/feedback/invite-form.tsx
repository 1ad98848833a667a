import { useMutation } from "@tanstack/react-query";
import type { FeedbackRequest, InvitationInput } from "../../../shared/feedback.ts";
import { splitEmails } from "../../../shared/feedback-words.ts";
import { api, call } from "../../api.ts";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useRequestUpdate } from "./use-request-update.ts";

/** What an invitation gave back: the links to copy (shown once) and the addresses skipped. */
export type Invited = { links: string[]; alreadyInvited: string[] };

/** The invitation form: loaded once the page is on screen, with its schema and the form library. */
export default function InviteForm({
  request,
  onInvited,
}: {
  request: FeedbackRequest;
  onInvited: (invited: Invited) => void;
}) {
  const toast = useToast();
  const update = useRequestUpdate(request.id);
  const form = useSchemaForm(
    { emails: "", links: "" },
    {
      schema: () => import("../../../shared/feedback.ts").then((m) => m.invitationInput),
      toInput: (values) => ({ emails: splitEmails(values.emails), links: Number(values.links || 0) }),
    },
  );
  const invite = useMutation({
    mutationFn: (input: InvitationInput) =>
      call(
        api.feedback.requests[":id"].invitations.$post({
          param: { id: encodeURIComponent(request.id) },
          json: input,
        }),
      ),
    onSuccess: (result) => {
      update(result.request);
      onInvited({ links: result.links, alreadyInvited: result.alreadyInvited });
      form.setValues({ emails: "", links: "" });
      toast({ title: "Invitations ready" });
    },
  });
  const emailsError =
    form.errors.emails ?? Object.entries(form.errors).find(([key]) => key.startsWith("emails."))?.[1];
  return (
    <ValidatedForm form={form} onSave={(input) => invite.mutateAsync(input)} aria-labelledby="invite-title">
      <TextAreaField
        label="Email addresses"
        {...form.field("emails")}
        error={emailsError}
        hint="Separate them with commas or new lines. Sidecar emails each person their own link."
        optional
      />
      <TextField
        label="Links to copy"
        type="number"
        min={0}
        max={20}
        inputMode="numeric"
        {...form.field("links")}
        placeholder="None"
        hint="How many single-use links to copy, for people you will message yourself (up to 20). They are shown only once."
        optional
      />
      <FormActions>
        <SubmitButton>Invite</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
