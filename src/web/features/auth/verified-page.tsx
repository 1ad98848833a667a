import { getRouteApi, Link } from "@tanstack/react-router";
import { CircleCheck, CircleX } from "lucide-react";
import { lazy } from "react";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { useTitle } from "../../ui/use-title.ts";
import "./auth.css";

const route = getRouteApi("/public/verified");
const EmailLinkForm = lazy(() => import("./email-link-form.tsx"));

function explain(error: string): string {
  switch (error) {
    case "TOKEN_EXPIRED":
    case "token_expired":
      return "This confirmation link has expired. Links work for 24 hours.";
    case "USER_NOT_FOUND":
    case "user_not_found":
      return "We couldn't find an account for this link. It may have been deleted.";
    default:
      return "This confirmation link is invalid or has already been used. Links work once, for 24 hours.";
  }
}

export function VerifiedPage() {
  const { error } = route.useSearch();
  useTitle(error ? "Link didn't work" : "Email confirmed");
  if (!error) {
    return (
      <AuthCard
        title="Email confirmed"
        icon={<CircleCheck size={22} />}
        iconTone="success"
        description="Your email address is confirmed. Sign in to start using Sidecar."
      >
        <Link to="/sign-in" className={buttonClass("primary", "default", true)}>
          Continue to sign in
        </Link>
      </AuthCard>
    );
  }
  return <VerifyFailed message={explain(error)} />;
}

function VerifyFailed({ message }: { message: string }) {
  return (
    <AuthCard
      title="This link didn't work"
      icon={<CircleX size={22} />}
      iconTone="danger"
      description={`${message} Enter your email and we'll send a fresh link.`}
      footer={
        <p>
          Already confirmed? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <div className="email-link-slot">
        <AfterPaint
          component={EmailLinkForm}
          props={{
            link: "confirmation",
            submitLabel: "Send a new link",
            label: "Send a new confirmation link",
          }}
        />
      </div>
    </AuthCard>
  );
}
