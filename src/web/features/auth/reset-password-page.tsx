import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { CircleX, KeyRound } from "lucide-react";
import type { ReactNode } from "react";
import { z } from "zod";
import { passwordField, passwordMinLength } from "../../../shared/auth.ts";
import { authClient, describeAuthError } from "../../auth-client.ts";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";

const route = getRouteApi("/public/reset-password");
const resetInput = z.object({ newPassword: passwordField });

export function ResetPasswordPage() {
  const { token, error } = route.useSearch();
  useTitle("Set a new password");
  if (error || !token) {
    return (
      <AuthCard
        title="This reset link didn't work"
        icon={<CircleX size={22} />}
        iconTone="danger"
        description="The link is invalid, has expired or was already used. Reset links work once, for one hour."
      >
        <Link to="/forgot-password" className={buttonClass("primary", "default", true)}>
          Get a new reset link
        </Link>
      </AuthCard>
    );
  }
  return <ResetForm token={token} />;
}

function ResetForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const toast = useToast();
  const form = useSchemaForm({ newPassword: "" }, { schema: resetInput });

  async function submit(input: z.output<typeof resetInput>) {
    const { error } = await authClient.resetPassword({ newPassword: input.newPassword, token });
    if (error) {
      const failure = describeAuthError(error);
      if (failure.field) {
        form.showErrors({ newPassword: failure.message });
        return;
      }
      let message: ReactNode = failure.message;
      if (failure.code === "INVALID_TOKEN" || failure.code === "TOKEN_EXPIRED") {
        message = (
          <>
            This reset link is invalid or has expired. <Link to="/forgot-password">Get a new reset link</Link>
            .
          </>
        );
      }
      form.showErrors({}, message);
      return;
    }
    await navigate({ to: "/sign-in" });
    toast({ title: "Password changed", description: "Sign in with your new password." });
  }

  return (
    <AuthCard
      title="Set a new password"
      icon={<KeyRound size={22} />}
      description="Choose a password you don't use anywhere else. You'll be signed out on every device."
    >
      <ValidatedForm form={form} onSave={submit}>
        <TextField
          label="New password"
          type="password"
          name="newPassword"
          autoComplete="new-password"
          value={form.values.newPassword}
          onValueChange={(value) => form.set("newPassword", value)}
          error={form.errors.newPassword}
          hint={`At least ${passwordMinLength} characters.`}
          required
        />
        <FormActions>
          <SubmitButton block>Set new password</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </AuthCard>
  );
}
