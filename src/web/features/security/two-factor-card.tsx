import { ShieldAlert, ShieldCheck } from "lucide-react";
import { QRCodeSVG } from "qrcode.react";
import { useState } from "react";
import { z } from "zod";
import { totpCodeInput } from "../../../shared/auth.ts";
import type { AuthFailure } from "../../auth-client.ts";
import { useMe, useSetMe } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { RecoveryCodes } from "./recovery-codes.tsx";
import "./security.css";

const passwordInput = z.object({ password: z.string().min(1, "Enter your password") });

function secretOf(totpURI: string): string {
  try {
    return new URL(totpURI).searchParams.get("secret") ?? "";
  } catch {
    return /[?&]secret=([^&]+)/.exec(totpURI)?.[1] ?? "";
  }
}

// The account client (better-auth's) loads when a change is asked for, not with the page.
export const loadAuthClient = () => import("../../auth-client.ts");

const isAboutPassword = (failure: AuthFailure) =>
  failure.code === "INVALID_PASSWORD" || failure.field === "password";

export function TwoFactorCard() {
  const { user } = useMe();
  const [setup, setSetup] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);

  if (user.twoFactorEnabled) return <TwoFactorOn />;
  if (setup) return <TwoFactorSetup setup={setup} onCancel={() => setSetup(null)} />;
  return <TwoFactorOff onStarted={setSetup} />;
}

function TwoFactorOff({
  onStarted,
}: {
  onStarted: (setup: { totpURI: string; backupCodes: string[] }) => void;
}) {
  const form = useSchemaForm({ password: "" }, { schema: passwordInput });

  async function submit(input: { password: string }) {
    const { authClient, describeAuthError } = await loadAuthClient();
    const { data, error } = await authClient.twoFactor.enable({ password: input.password });
    if (error || !data || !("totpURI" in data)) {
      const failure = describeAuthError(error);
      if (isAboutPassword(failure)) form.showErrors({ password: failure.message });
      else form.showErrors({}, failure.message);
      return;
    }
    onStarted({ totpURI: data.totpURI, backupCodes: data.backupCodes });
  }

  return (
    <Card
      id="two-factor"
      title="Two-factor authentication"
      icon={<ShieldAlert size={18} />}
      iconTone="warning"
      description="Off. Add a second step at sign-in: a 6-digit code from an authenticator app such as 1Password, Google Authenticator or Authy."
    >
      <ValidatedForm form={form} onSave={submit}>
        <PasswordConfirmation form={form} hint="Confirm your password to start." />
        <FormActions>
          <SubmitButton>Set up two-factor</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

function TwoFactorSetup({
  setup,
  onCancel,
}: {
  setup: { totpURI: string; backupCodes: string[] };
  onCancel: () => void;
}) {
  const { user } = useMe();
  const setMe = useSetMe();
  const toast = useToast();
  const form = useSchemaForm(
    { code: "" },
    { schema: totpCodeInput, toInput: (values) => ({ code: values.code.replace(/\s/g, "") }) },
  );
  const secret = secretOf(setup.totpURI);

  async function submit(input: { code: string }) {
    const { authClient, describeAuthError } = await loadAuthClient();
    const { error } = await authClient.twoFactor.verifyTotp({ code: input.code });
    if (error) {
      const failure = describeAuthError(error);
      if (failure.code === "INVALID_CODE") form.showErrors({ code: failure.message });
      else form.showErrors({}, failure.message);
      return;
    }
    setMe((me) => ({ ...me, user: { ...me.user, twoFactorEnabled: true } }));
    toast({
      title: "Two-factor is on",
      description: "You'll enter a code from your app each time you sign in.",
    });
  }

  return (
    <Card
      id="two-factor"
      title="Set up two-factor authentication"
      icon={<ShieldAlert size={18} />}
      iconTone="warning"
      description="Three steps. Two-factor stays off until you enter a code from your app."
    >
      <ol className="steps">
        <li className="step">
          <div className="step-body">
            <h3>Scan this code with your authenticator app</h3>
            <div className="setup-grid">
              <div className="qr-box">
                <QRCodeSVG
                  value={setup.totpURI}
                  size={168}
                  marginSize={0}
                  title="QR code for your authenticator app"
                />
              </div>
              <div className="stack">
                <p className="small muted">
                  Can't scan it? Add an account in the app by hand and enter this key:
                </p>
                <code className="secret" data-testid="totp-secret">
                  {secret}
                </code>
                <p className="small muted">Time-based, 6 digits, every 30 seconds.</p>
              </div>
            </div>
          </div>
        </li>
        <li className="step">
          <div className="step-body">
            <h3>Save your recovery codes</h3>
            <p className="small muted">
              If you lose your phone, each code signs you in once. Keep them somewhere safe, such as a
              password manager. They won't be shown again.
            </p>
            <RecoveryCodes codes={setup.backupCodes} email={user.email} />
          </div>
        </li>
        <li className="step">
          <div className="step-body">
            <h3>Enter the code from your app</h3>
            <ValidatedForm form={form} onSave={submit} aria-label="Turn on two-factor">
              <TextField
                label="Authentication code"
                name="code"
                className="input-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={form.values.code}
                onValueChange={(value) => form.set("code", value)}
                error={form.errors.code}
                required
              />
              <FormActions>
                <SubmitButton>Turn on two-factor</SubmitButton>
                <Button variant="ghost" onClick={onCancel} disabled={form.pending}>
                  Cancel
                </Button>
              </FormActions>
            </ValidatedForm>
          </div>
        </li>
      </ol>
    </Card>
  );
}

function TwoFactorOn() {
  const [dialog, setDialog] = useState<"disable" | "codes" | null>(null);
  return (
    <Card
      id="two-factor"
      title="Two-factor authentication"
      icon={<ShieldCheck size={18} />}
      iconTone="success"
      description="On. You enter a code from your authenticator app each time you sign in."
      actions={
        <>
          <Button variant="secondary" onClick={() => setDialog("codes")}>
            Get new recovery codes
          </Button>
          <Button variant="danger" onClick={() => setDialog("disable")}>
            Turn off two-factor
          </Button>
        </>
      }
    >
      <DisableDialog
        open={dialog === "disable"}
        onOpenChange={(open) => setDialog(open ? "disable" : null)}
      />
      <NewCodesDialog open={dialog === "codes"} onOpenChange={(open) => setDialog(open ? "codes" : null)} />
    </Card>
  );
}

function DisableDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const setMe = useSetMe();
  const toast = useToast();
  const form = useSchemaForm({ password: "" }, { schema: passwordInput });

  async function submit(input: { password: string }) {
    const { authClient, describeAuthError } = await loadAuthClient();
    const { error } = await authClient.twoFactor.disable({ password: input.password });
    if (error) {
      const failure = describeAuthError(error);
      if (isAboutPassword(failure)) form.showErrors({ password: failure.message });
      else form.showErrors({}, failure.message);
      return;
    }
    onOpenChange(false);
    setMe((me) => ({ ...me, user: { ...me.user, twoFactorEnabled: false } }));
    toast({ title: "Two-factor is off", description: "Your password alone now signs you in." });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) form.setValues({ password: "" });
        onOpenChange(next);
      }}
      title="Turn off two-factor?"
      description="Without it, anyone with your password can sign in as you. Your recovery codes stop working."
    >
      <ValidatedForm form={form} onSave={submit}>
        <PasswordConfirmation form={form} />
        <FormActions>
          <SubmitButton variant="danger">Turn off two-factor</SubmitButton>
          <Button variant="ghost" onClick={() => onOpenChange(false)} disabled={form.pending}>
            Keep it on
          </Button>
        </FormActions>
      </ValidatedForm>
    </Dialog>
  );
}

function NewCodesDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { user } = useMe();
  const form = useSchemaForm({ password: "" }, { schema: passwordInput });
  const [codes, setCodes] = useState<string[] | null>(null);

  async function submit(input: { password: string }) {
    const { authClient, describeAuthError } = await loadAuthClient();
    const { data, error } = await authClient.twoFactor.generateBackupCodes({ password: input.password });
    if (error || !data) {
      const failure = describeAuthError(error);
      if (isAboutPassword(failure)) form.showErrors({ password: failure.message });
      else form.showErrors({}, failure.message);
      return;
    }
    setCodes(data.backupCodes);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          form.setValues({ password: "" });
          setCodes(null);
        }
        onOpenChange(next);
      }}
      title={codes ? "Your new recovery codes" : "Get new recovery codes"}
      description={
        codes
          ? "Your old codes no longer work. Save these somewhere safe; they won't be shown again."
          : "New codes replace the old ones, which stop working at once."
      }
    >
      {codes ? (
        <div className="stack">
          <RecoveryCodes codes={codes} email={user.email} />
          <Alert tone="info">Each code signs you in once if you lose your authenticator app.</Alert>
          <FormActions>
            <Button onClick={() => onOpenChange(false)}>Done</Button>
          </FormActions>
        </div>
      ) : (
        <ValidatedForm form={form} onSave={submit} aria-label="Get new recovery codes">
          <PasswordConfirmation form={form} />
          <FormActions>
            <SubmitButton>Get new recovery codes</SubmitButton>
            <Button variant="ghost" onClick={() => onOpenChange(false)} disabled={form.pending}>
              Cancel
            </Button>
          </FormActions>
        </ValidatedForm>
      )}
    </Dialog>
  );
}

type PasswordForm = {
  values: { password: string };
  errors: Record<string, string | undefined>;
  set: (key: "password", value: string) => void;
};

/** Every two-factor change asks for the password again, the same way. */
function PasswordConfirmation({ form, hint }: { form: PasswordForm; hint?: string }) {
  return (
    <TextField
      label="Password"
      type="password"
      name="password"
      autoComplete="current-password"
      value={form.values.password}
      onValueChange={(value) => form.set("password", value)}
      error={form.errors.password}
      hint={hint}
      required
    />
  );
}
