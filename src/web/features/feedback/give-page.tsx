import { useQuery } from "@tanstack/react-query";
import { Outlet, useParams } from "@tanstack/react-router";
import { CheckCircle2, Clock, Link2Off, ShieldCheck } from "lucide-react";
import { lazy, useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { GiverView } from "../../../shared/feedback.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Wordmark } from "../../ui/wordmark.tsx";
import { giverViewQuery } from "./feedback-api.ts";
import type { OpenView } from "./give-form.tsx";
import "../lanes/lanes.css";
import "./feedback.css";
import "./give-page.css";

// The form, the form library and (on the first focus) the schema arrive once the request's card is on
// screen: a giver's first screen stays light. The slot keeps room for the form, so nothing jumps.
const GiveForm = lazy(() => import("./give-form.tsx"));

/** The giver's page stands alone: no account, no app shell, nothing that asks who they are. */
export function GiveLayout() {
  return (
    <div className="auth-page">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="auth-brand">
        <Wordmark />
      </header>
      <main id="main" className="auth-main give-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="auth-page-footer">
        <p>Sidecar · open-source career companion for product people</p>
      </footer>
    </div>
  );
}

/** Who asks, why, and what anonymity the giver can count on: drawn at once, before the form arrives. */
function GiveIntro({ view }: { view: OpenView }) {
  return (
    <div className="auth-card give-card">
      <div className="auth-card-header">
        <h1>{view.askedBy} asks for your honest feedback</h1>
        <blockquote className="give-purpose">{view.purpose}</blockquote>
      </div>
      <section className="give-promise" aria-labelledby="give-promise-title">
        <h2 id="give-promise-title">
          <ShieldCheck size={18} aria-hidden="true" /> Your answers are anonymous
        </h2>
        <ul>
          <li>You need no account. Your name, email and this link are never stored with your answers.</li>
          <li>Each answer is split into paragraphs and shuffled with everyone else's.</li>
          <li>
            {view.askedBy} sees nothing until {view.minResponses} people have answered, and a question only
            once {view.minResponses} people answered it.
          </li>
          <li>Dates are kept to the day, never the time.</li>
        </ul>
        <p className="small muted">
          To stay anonymous, leave out details only you would know. Every question is optional. This link
          works once, until {formatCalendarDate(view.closesOn)}.
        </p>
      </section>
    </div>
  );
}

export function GivePage() {
  const { token } = useParams({ from: "/giver/give/$token" });
  const query = useQuery(giverViewQuery(token));
  const [sent, setSent] = useState(false);
  const view: GiverView = query.isError ? { status: "unknown" } : (query.data ?? { status: "unknown" });
  useTitle(sent ? "Thank you" : view.status === "open" ? "Give feedback" : "Feedback link");

  if (query.isPending) return <LoadingState label="Opening your feedback link…" />;
  if (sent) {
    return (
      <AuthCard
        title="Thank you: your feedback is in"
        icon={<CheckCircle2 size={22} />}
        iconTone="success"
        description={`It was stored without your name, split into paragraphs and mixed with everyone else's. ${
          view.status === "open" ? view.askedBy : "They"
        } will see it only once ${view.status === "open" ? view.minResponses : "enough"} people have answered.`}
      />
    );
  }
  if (view.status === "open") {
    return (
      <>
        <GiveIntro view={view} />
        <div className="auth-card give-card give-form-slot">
          <AfterPaint component={GiveForm} props={{ token, view, onSent: () => setSent(true) }} />
        </div>
      </>
    );
  }
  if (view.status === "used") {
    return (
      <AuthCard
        title="This link has been used"
        icon={<CheckCircle2 size={22} />}
        iconTone="success"
        description={`Each link takes one set of answers, and this one already has. If that was you: thank you, ${view.askedBy} will see your answers mixed with everyone else's.`}
      />
    );
  }
  if (view.status === "closed") {
    return (
      <AuthCard
        title="This request has closed"
        icon={<Clock size={22} />}
        description={`${view.askedBy} is no longer collecting answers, so nothing can be sent from this link. Thank you for coming back to it.`}
      />
    );
  }
  return (
    <AuthCard
      title="This link does not work"
      icon={<Link2Off size={22} />}
      iconTone="danger"
      description="Check that you copied the whole link. If you received a reminder, the links in both emails work until you answer with one of them."
    />
  );
}
