import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ShieldCheck } from "lucide-react";
import { type ReactNode, useState } from "react";
import { z } from "zod";
import { totpCodeInput } from "../../../shared/auth.ts";
import { authClient, describeAuthError } from "../../auth-client.ts";
import { meQuery, safeNext } from "../../session.ts";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useTitle } from "../../ui/use-title.ts";

const route = getRouteApi("/public/two-factor");
const recoveryInput = z.object({ code: z.string().trim().min(1, "Enter one of your recovery codes") });

export function TwoFactorPage() {
  useTitle("Two-factor authentication");
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"totp" | "recovery">("totp");
  const form = useSchemaForm(
    { code: "" },
    {
      schema: mode === "totp" ? totpCodeInput : recoveryInput,
      toInput: (values) => (mode === "totp" ? { code: values.code.replace(/\s/g, "") } : values),
    },
  );

  function switchMode(to: "totp" | "recovery") {
    setMode(to);
    form.setValues({ code: "" });
    form.showErrors({});
  }

  async function submit(input: { code: string }) {
    const { error } =
      mode === "totp"
        ? await authClient.twoFactor.verifyTotp({ code: input.code, trustDevice: false })
        : await authClient.twoFactor.verifyBackupCode({ code: input.code });
    if (error) {
      const failure = describeAuthError(error);
      if (failure.code === "INVALID_CODE" || failure.code === "INVALID_BACKUP_CODE") {
        form.showErrors({ code: failure.message });
        return;
      }
      let message: ReactNode = failure.message;
      if (failure.status === 401 || failure.code === "INVALID_TWO_FACTOR_COOKIE") {
        message = (
          <>
            Your sign-in step has expired. <Link to="/sign-in">Sign in again</Link>.
          </>
        );
      }
      form.showErrors({}, message);
      return;
    }
    await queryClient.resetQueries({ queryKey: meQuery.queryKey });
    await navigate({ href: safeNext(next) });
  }

  return (
    <AuthCard
      title="Two-factor authentication"
      icon={<ShieldCheck size={22} />}
      description={
        mode === "totp"
          ? "Open your authenticator app and enter the 6-digit code for Sidecar."
          : "Enter one of the recovery codes you saved when you set up two-factor. Each code works once."
      }
      footer={
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      }
    >
      <ValidatedForm form={form} onSave={submit} aria-label="Two-factor authentication">
        {mode === "totp" ? (
          <TextField
            key="totp"
            label="Authentication code"
            name="code"
            className="input-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={form.values.code}
            onValueChange={(value) => form.set("code", value)}
            error={form.errors.code}
            autoFocus
            required
          />
        ) : (
          <TextField
            key="recovery"
            label="Recovery code"
            name="code"
            className="input-code"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={form.values.code}
            onValueChange={(value) => form.set("code", value)}
            error={form.errors.code}
            autoFocus
            required
          />
        )}
        <FormActions>
          <SubmitButton block>Verify</SubmitButton>
        </FormActions>
        <p className="small">
          {mode === "totp" ? (
            <Button variant="link" onClick={() => switchMode("recovery")}>
              Use a recovery code instead
            </Button>
          ) : (
            <Button variant="link" onClick={() => switchMode("totp")}>
              Use your authenticator app instead
            </Button>
          )}
        </p>
      </ValidatedForm>
    </AuthCard>
  );
}
