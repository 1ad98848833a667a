import { getRouteApi, Link } from "@tanstack/react-router";
import { MailCheck, UserCheck } from "lucide-react";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { useMailConfigured } from "./instance-api.ts";
import { ResendVerification } from "./resend-verification.tsx";

const route = getRouteApi("/public/check-email");

export function CheckEmailPage() {
  const { email } = route.useSearch();
  const mailConfigured = useMailConfigured();
  useTitle(mailConfigured === false ? "Waiting for confirmation" : "Check your email");
  if (mailConfigured === undefined)
    return <LoadingState label="Checking how this server confirms accounts…" />;
  if (!mailConfigured) return <WaitingForAdmin email={email} />;
  return (
    <AuthCard
      title="Check your email"
      icon={<MailCheck size={22} />}
      description={
        email ? (
          <>
            We sent a link to <strong>{email}</strong>. Open it to confirm your address, then sign in.
          </>
        ) : (
          "We sent you a link. Open it to confirm your address, then sign in."
        )
      }
      footer={
        <p>
          Confirmed already? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <div className="stack">
        <p className="muted small">
          The link works for 24 hours. If nothing arrives within a few minutes, look in your spam folder or
          ask for a new link.
        </p>
        {email ? <ResendVerification email={email} label="Send the link again" /> : null}
      </div>
    </AuthCard>
  );
}

/** Without SMTP no link leaves the server: say so, and say who confirms the account instead. */
function WaitingForAdmin({ email }: { email?: string }) {
  return (
    <AuthCard
      title="Waiting for confirmation"
      icon={<UserCheck size={22} />}
      description={
        <>
          Your account {email ? <strong>{email}</strong> : null} is created. This Sidecar cannot send email
          yet, so no confirmation link was sent.
        </>
      }
      footer={
        <p>
          Confirmed already? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <div className="stack">
        <p>
          Ask the person who runs this Sidecar to confirm your account: in <strong>Admin → Users</strong> they
          click <strong>Confirm email</strong> beside your address. Then sign in.
        </p>
        <p className="muted small">
          Do you run this server? Sign in with its first account (the administrator) and confirm this one in
          Admin → Users, or set <code>SMTP_HOST</code> so Sidecar can send mail (see Configuration in the
          README).
        </p>
      </div>
    </AuthCard>
  );
}
