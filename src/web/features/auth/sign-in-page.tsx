import { Link } from "@tanstack/react-router";
import { lazy } from "react";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { useTitle } from "../../ui/use-title.ts";
import "./auth.css";

// The form, the form library and the account client arrive once the card is on screen: the first
// screen of a visit stays light. The slot keeps the form's height, so nothing moves when it arrives.
const SignInForm = lazy(() => import("./sign-in-form.tsx"));

export function SignInPage() {
  useTitle("Sign in");
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
      <div className="sign-in-slot">
        <AfterPaint component={SignInForm} props={{}} />
      </div>
    </AuthCard>
  );
}
