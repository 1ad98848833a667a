import { getRouteApi, Link } from "@tanstack/react-router";
import { KeyRound } from "lucide-react";
import { lazy } from "react";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { useTitle } from "../../ui/use-title.ts";
import "./auth.css";

const route = getRouteApi("/public/forgot-password");
// The form, its library and the account client arrive once the card is on screen.
const EmailLinkForm = lazy(() => import("./email-link-form.tsx"));

export function ForgotPasswordPage() {
  useTitle("Reset your password");
  const { email } = route.useSearch();
  return (
    <AuthCard
      title="Reset your password"
      icon={<KeyRound size={22} />}
      description="Enter the email you signed up with. We'll send a link to choose a new password."
      footer={
        <p>
          Remembered it? <Link to="/sign-in">Back to sign in</Link>
        </p>
      }
    >
      <div className="email-link-slot">
        <AfterPaint
          component={EmailLinkForm}
          props={{ link: "password-reset", email: email ?? "", submitLabel: "Send reset link" }}
        />
      </div>
    </AuthCard>
  );
}
