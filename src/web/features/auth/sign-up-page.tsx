import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { passwordMinLength, signUpInput } from "../../../shared/auth.ts";
import { authClient, describeAuthError } from "../../auth-client.ts";
import { meQuery } from "../../session.ts";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { Form, FormActions, useFormState } from "../../ui/form.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { useMailConfigured } from "./instance-api.ts";

export function SignUpPage() {
  useTitle("Create your account");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mailConfigured = useMailConfigured();
  const form = useFormState({ name: "", email: "", password: "" });
  const [pending, setPending] = useState(false);

  async function submit() {
    const input = form.validate(signUpInput);
    if (!input) return;
    setPending(true);
    const { data, error } = await authClient.signUp.email({ ...input, callbackURL: "/verified" });
    if (error) {
      setPending(false);
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
      setPending(false);
      await navigate({ to: "/setup" });
      return;
    }
    setPending(false);
    await navigate({ to: "/check-email", search: { email: input.email } });
  }

  return (
    <AuthCard
      title="Create your account"
      description="Plan your product career, gather honest feedback and find the right people alongside."
      footer={
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <Form onSubmit={submit} formRef={form.formRef} error={form.formError}>
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
          <Button type="submit" block pending={pending}>
            Create account
          </Button>
        </FormActions>
      </Form>
    </AuthCard>
  );
}
