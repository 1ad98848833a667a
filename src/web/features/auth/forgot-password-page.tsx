import { getRouteApi, Link } from "@tanstack/react-router";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { emailField } from "../../../shared/auth.ts";
import { authClient, describeAuthError } from "../../auth-client.ts";
import { Alert } from "../../ui/alert.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useTitle } from "../../ui/use-title.ts";

const route = getRouteApi("/public/forgot-password");
const forgotInput = z.object({ email: emailField });

export function ForgotPasswordPage() {
  useTitle("Reset your password");
  const { email } = route.useSearch();
  const form = useSchemaForm({ email: email ?? "" }, { schema: forgotInput });
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(input: z.output<typeof forgotInput>) {
    const { error } = await authClient.requestPasswordReset({
      email: input.email,
      redirectTo: "/reset-password",
    });
    if (error) {
      form.showErrors({}, describeAuthError(error).message);
      return;
    }
    setSentTo(input.email);
  }

  return (
    <AuthCard
      title="Reset your password"
      icon={<KeyRound size={22} />}
      description="Enter the email you signed up with. We'll send a link to choose a new password."
      footer={
        <p>
          Remembered it? <Link to="/sign-in">Back to sign in</Link>
        </p>
      }
    >
      {sentTo ? (
        <Alert tone="success" title="Check your email">
          If an account exists for <strong>{sentTo}</strong>, we sent a link to reset the password. It works
          for one hour.
        </Alert>
      ) : null}
      <ValidatedForm form={form} onSave={submit}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          value={form.values.email}
          onValueChange={(value) => form.set("email", value)}
          error={form.errors.email}
          required
        />
        <FormActions>
          <SubmitButton block>Send reset link</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </AuthCard>
  );
}
