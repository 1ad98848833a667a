import { useState } from "react";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";

/** A button that sends a fresh verification link to one address, with its own outcome message. */
export function ResendVerification({
  email,
  label = "Send a new link",
  variant = "secondary",
}: {
  email: string;
  label?: string;
  variant?: "primary" | "secondary" | "link";
}) {
  const [state, setState] = useState<
    { status: "idle" | "pending" | "sent" } | { status: "error"; message: string }
  >({
    status: "idle",
  });

  async function resend() {
    setState({ status: "pending" });
    const { authClient, describeAuthError } = await import("../../auth-client.ts");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/verified" });
    if (error) setState({ status: "error", message: describeAuthError(error).message });
    else setState({ status: "sent" });
  }

  return (
    <div className="stack">
      <div>
        <Button variant={variant} pending={state.status === "pending"} onClick={resend}>
          {label}
        </Button>
      </div>
      {state.status === "sent" ? (
        <Alert tone="success">
          If <strong>{email}</strong> has an account waiting for confirmation, a new link is on its way.
        </Alert>
      ) : null}
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
    </div>
  );
}
