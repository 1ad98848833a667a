import { getRouteApi, Link } from "@tanstack/react-router";
import { CircleCheck, CircleX } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { emailField } from "../../../shared/auth.ts";
import { authClient, describeAuthError } from "../../auth-client.ts";
import { Alert } from "../../ui/alert.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useTitle } from "../../ui/use-title.ts";

const route = getRouteApi("/public/verified");
const resendInput = z.object({ email: emailField });

function explain(error: string): string {
  switch (error) {
    case "TOKEN_EXPIRED":
    case "token_expired":
      return "This confirmation link has expired. Links work for 24 hours.";
    case "USER_NOT_FOUND":
    case "user_not_found":
      return "We couldn't find an account for this link. It may have been deleted.";
    default:
      return "This confirmation link is invalid or has already been used. Links work once, for 24 hours.";
  }
}

export function VerifiedPage() {
  const { error } = route.useSearch();
  useTitle(error ? "Link didn't work" : "Email confirmed");
  if (!error) {
    return (
      <AuthCard
        title="Email confirmed"
        icon={<CircleCheck size={22} />}
        iconTone="success"
        description="Your email address is confirmed. Sign in to start using Sidecar."
      >
        <Link to="/sign-in" className={buttonClass("primary", "default", true)}>
          Continue to sign in
        </Link>
      </AuthCard>
    );
  }
  return <VerifyFailed message={explain(error)} />;
}

function VerifyFailed({ message }: { message: string }) {
  const form = useSchemaForm({ email: "" }, { schema: resendInput });
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(input: z.output<typeof resendInput>) {
    const { error } = await authClient.sendVerificationEmail({
      email: input.email,
      callbackURL: "/verified",
    });
    if (error) {
      form.showErrors({}, describeAuthError(error).message);
      return;
    }
    setSentTo(input.email);
  }

  return (
    <AuthCard
      title="This link didn't work"
      icon={<CircleX size={22} />}
      iconTone="danger"
      description={`${message} Enter your email and we'll send a fresh link.`}
      footer={
        <p>
          Already confirmed? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      {sentTo ? (
        <Alert tone="success" title="Check your email">
          If <strong>{sentTo}</strong> has an account waiting for confirmation, a new link is on its way.
        </Alert>
      ) : null}
      <ValidatedForm form={form} onSave={submit} aria-label="Send a new confirmation link">
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
          <SubmitButton block>Send a new link</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </AuthCard>
  );
}
