import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { SignInInput } from "../../../shared/auth.ts";
import { meQuery, safeNext } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { useMailConfigured } from "./instance-api.ts";
import { ResendVerification } from "./resend-verification.tsx";

const route = getRouteApi("/public/sign-in");

// The sign-in schema and the account client load once the person starts on the form, not before the
// page is drawn: the first screen of a visit stays light.
const loadSignIn = () => Promise.all([import("../../../shared/auth.ts"), import("../../auth-client.ts")]);

export function SignInPage() {
  useTitle("Sign in");
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm(
    { email: "", password: "" },
    { schema: () => import("../../../shared/auth.ts").then((m) => m.signInInput) },
  );
  const mailConfigured = useMailConfigured();

  async function submit(input: SignInInput) {
    const [, { authClient, describeAuthError }] = await loadSignIn();
    const { data, error } = await authClient.signIn.email({ email: input.email, password: input.password });
    if (error) {
      const failure = describeAuthError(error);
      let message: ReactNode = failure.message;
      if (failure.code === "EMAIL_NOT_VERIFIED" && mailConfigured === false) {
        message = (
          <span>
            This account is waiting for confirmation. This Sidecar cannot send email yet, so its administrator
            confirms new accounts in Admin → Users. Ask them, then sign in again.
          </span>
        );
      } else if (failure.code === "EMAIL_NOT_VERIFIED") {
        message = (
          <div className="stack">
            <span>
              Confirm your email address before signing in. Open the link we sent to{" "}
              <strong>{input.email}</strong>, or ask for a new one.
            </span>
            <ResendVerification email={input.email} label="Send a new confirmation link" variant="link" />
          </div>
        );
      }
      form.showErrors({}, message);
      return;
    }
    if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) return;
    await queryClient.resetQueries({ queryKey: meQuery.queryKey });
    await navigate({ href: safeNext(next) });
  }

  return (
    <AuthCard
      title="Sign in to Sidecar"
      description="Welcome back. Pick up where you left off."
      footer={
        <p>
          New to Sidecar? <Link to="/sign-up">Create an account</Link>
        </p>
      }
    >
      {next && next !== "/" && !form.formError ? (
        <Alert tone="info">Sign in to continue. We'll take you back to the page you were on.</Alert>
      ) : null}
      <ValidatedForm form={form} onSave={submit} onFocus={() => void loadSignIn()}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={form.values.email}
          onValueChange={(value) => form.set("email", value)}
          error={form.errors.email}
          required
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={form.values.password}
          onValueChange={(value) => form.set("password", value)}
          error={form.errors.password}
          required
          labelAside={
            <Link to="/forgot-password" search={{ email: form.values.email || undefined }} className="small">
              Forgot your password?
            </Link>
          }
        />
        <FormActions>
          <SubmitButton block>Sign in</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </AuthCard>
  );
}
