import { useState } from "react";
import { z } from "zod";
import { emailField } from "../../../shared/auth.ts";
import { authClient, describeAuthError } from "../../auth-client.ts";
import { Alert } from "../../ui/alert.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";

const emailInput = z.object({ email: emailField });

/** The two links Sidecar mails to an address someone types: a password reset and a fresh confirmation. */
const links = {
  "password-reset": {
    send: (email: string) => authClient.requestPasswordReset({ email, redirectTo: "/reset-password" }),
    sent: (email: string) => (
      <Alert tone="success" title="Check your email">
        If an account exists for <strong>{email}</strong>, we sent a link to reset the password. It works for
        one hour.
      </Alert>
    ),
  },
  confirmation: {
    send: (email: string) => authClient.sendVerificationEmail({ email, callbackURL: "/verified" }),
    sent: (email: string) => (
      <Alert tone="success" title="Check your email">
        If <strong>{email}</strong> has an account waiting for confirmation, a new link is on its way.
      </Alert>
    ),
  },
};

export type EmailLink = keyof typeof links;

/** One email field that mails a link to it, and says so without telling whether the account exists. */
export default function EmailLinkForm({
  link,
  email = "",
  submitLabel,
  label,
}: {
  link: EmailLink;
  email?: string;
  submitLabel: string;
  label?: string;
}) {
  const form = useSchemaForm({ email }, { schema: emailInput });
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(input: z.output<typeof emailInput>) {
    const { error } = await links[link].send(input.email);
    if (error) {
      form.showErrors({}, describeAuthError(error).message);
      return;
    }
    setSentTo(input.email);
  }

  return (
    <>
      {sentTo ? links[link].sent(sentTo) : null}
      <ValidatedForm form={form} onSave={submit} aria-label={label}>
        <TextField label="Email" type="email" autoComplete="email" {...form.field("email")} required />
        <FormActions>
          <SubmitButton block>{submitLabel}</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </>
  );
}
