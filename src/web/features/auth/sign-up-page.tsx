import { Link } from "@tanstack/react-router";
import { lazy } from "react";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { useTitle } from "../../ui/use-title.ts";
import "./auth.css";

// The form, its library and the account client arrive once the card is on screen.
const SignUpForm = lazy(() => import("./sign-up-form.tsx"));

export function SignUpPage() {
  useTitle("Create your account");
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
      <div className="sign-up-slot">
        <AfterPaint component={SignUpForm} props={{}} />
      </div>
    </AuthCard>
  );
}
