import { getRouteApi, Link } from "@tanstack/react-router";
import { MailCheck } from "lucide-react";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { ResendVerification } from "./resend-verification.tsx";

const route = getRouteApi("/public/check-email");

export function CheckEmailPage() {
  useTitle("Check your email");
  const { email } = route.useSearch();
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
