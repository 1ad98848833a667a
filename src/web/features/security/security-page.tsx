import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { KeyRound, LogOut } from "lucide-react";
import { z } from "zod";
import { passwordField, passwordMinLength } from "../../../shared/auth.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { loadAuthClient, TwoFactorCard } from "./two-factor-card.tsx";

const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Enter your current password"), newPassword: passwordField })
  .refine((input) => input.currentPassword !== input.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });

export function SecurityPage() {
  useTitle("Security");
  return (
    <>
      <PageHeader title="Security" description="Protect your account and control where you're signed in." />
      <div className="stack-lg">
        <TwoFactorCard />
        <ChangePasswordCard />
        <SessionsCard />
      </div>
    </>
  );
}

function ChangePasswordCard() {
  const toast = useToast();
  const form = useSchemaForm({ currentPassword: "", newPassword: "" }, { schema: changePasswordInput });

  async function submit(input: z.output<typeof changePasswordInput>) {
    const { authClient, describeAuthError } = await loadAuthClient();
    const { error } = await authClient.changePassword({ ...input, revokeOtherSessions: true });
    if (error) {
      const failure = describeAuthError(error);
      if (failure.code === "INVALID_PASSWORD")
        form.showErrors({ currentPassword: "Your current password is incorrect." });
      else if (failure.field) form.showErrors({ newPassword: failure.message });
      else form.showErrors({}, failure.message);
      return;
    }
    form.setValues({ currentPassword: "", newPassword: "" });
    toast({ title: "Password changed", description: "You've been signed out on your other devices." });
  }

  return (
    <Card
      id="change-password"
      title="Change password"
      icon={<KeyRound size={18} />}
      description="Changing your password signs you out on every other device."
    >
      <ValidatedForm form={form} onSave={submit}>
        <div className="form-grid">
          <TextField
            label="Current password"
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            value={form.values.currentPassword}
            onValueChange={(value) => form.set("currentPassword", value)}
            error={form.errors.currentPassword}
            required
          />
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
        </div>
        <FormActions>
          <SubmitButton variant="secondary">Change password</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

function SessionsCard() {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: async () => {
      const { authClient, describeAuthError } = await loadAuthClient();
      const result = await authClient.revokeSessions();
      if (result.error) throw new Error(describeAuthError(result.error).message);
    },
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: "/sign-in" });
      toast({ title: "Signed out everywhere", description: "Every session has ended, including this one." });
    },
  });
  const error = signOut.error?.message;

  return (
    <Card
      id="sessions"
      title="Sessions"
      icon={<LogOut size={18} />}
      description="Lost a device or signed in on a shared computer? End every session, including this one. You'll sign in again here."
    >
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="card-footer">
        <Button variant="secondary" pending={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out everywhere
        </Button>
      </div>
    </Card>
  );
}
