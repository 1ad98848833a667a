import { Link } from "@tanstack/react-router";
import { ShieldCheck } from "lucide-react";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { useMailConfigured } from "./instance-api.ts";

/** Shown once, to the first account on a fresh server: what being its administrator means. */
export function SetupPage() {
  useTitle("Your Sidecar is ready");
  const mailConfigured = useMailConfigured();
  return (
    <AuthCard
      title="Your Sidecar is ready"
      icon={<ShieldCheck size={22} />}
      iconTone="success"
      description="Yours is the first account on this server, so it is confirmed already and you are this Sidecar's administrator."
    >
      <div className="stack">
        <ul className="setup-list">
          <li>
            <strong>Admin</strong> in the menu holds the users, the outbox of every email and the background
            jobs.
          </li>
          {mailConfigured === false ? (
            <li>
              <strong>This server cannot send email yet.</strong> People who sign up get no link: confirm each
              of them with one click in Admin → Users. To send mail, set <code>SMTP_HOST</code> (see
              Configuration in the README) and restart.
            </li>
          ) : mailConfigured ? (
            <li>Email is set up: people who sign up confirm their address from the link they receive.</li>
          ) : null}
          <li>Everything you write in your own plan stays private to you, administrator or not.</li>
        </ul>
        <Link to="/" className={buttonClass("primary", "default", true)}>
          Start your plan
        </Link>
      </div>
    </AuthCard>
  );
}
