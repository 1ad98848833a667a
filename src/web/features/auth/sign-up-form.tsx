import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { passwordMinLength, type SignUpInput, signUpInput } from "../../../shared/auth.ts";
import { authClient, describeAuthError } from "../../auth-client.ts";
import { meQuery } from "../../session.ts";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useMailConfigured } from "./instance-api.ts";

export default function SignUpForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mailConfigured = useMailConfigured();
  const form = useSchemaForm({ name: "", email: "", password: "" }, { schema: signUpInput });

  async function submit(input: SignUpInput) {
    const { data, error } = await authClient.signUp.email({ ...input, callbackURL: "/verified" });
    if (error) {
      const failure = describeAuthError(error);
      if (failure.field && failure.field in form.values)
        form.showErrors({ [failure.field]: failure.message });
      else form.showErrors({}, failure.message);
      return;
    }
    // The first account on a fresh server is its administrator, confirmed already: sign it in and
    // say what that means instead of asking for a confirmation that will never come.
    if ("role" in data.user && data.user.role === "admin" && data.user.emailVerified) {
      await authClient.signIn.email({ email: input.email, password: input.password });
      await queryClient.resetQueries({ queryKey: meQuery.queryKey });
      await navigate({ to: "/setup" });
      return;
    }
    await navigate({ to: "/check-email", search: { email: input.email } });
  }

  return (
    <ValidatedForm form={form} onSave={submit}>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        value={form.values.name}
        onValueChange={(value) => form.set("name", value)}
        error={form.errors.name}
        required
      />
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        value={form.values.email}
        onValueChange={(value) => form.set("email", value)}
        error={form.errors.email}
        hint={
          mailConfigured === false
            ? "This server sends no email yet: an administrator confirms new accounts."
            : "We'll send a link to confirm it."
        }
        required
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        value={form.values.password}
        onValueChange={(value) => form.set("password", value)}
        error={form.errors.password}
        hint={`At least ${passwordMinLength} characters. A few unrelated words make a strong password.`}
        required
      />
      <FormActions>
        <SubmitButton block>Create account</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
