import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Outlet, useParams } from "@tanstack/react-router";
import { CheckCircle2, Clock, Link2Off, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { GiveInput, GiverView } from "../../../shared/feedback.ts";
import { type LaneId, lanes, ratingValues } from "../../../shared/lane-words.ts";
import { ApiError, api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { Button } from "../../ui/button.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { Form, FormActions, useFormState } from "../../ui/form.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Wordmark } from "../../ui/wordmark.tsx";
import { giverViewQuery } from "./feedback-api.ts";
import "../lanes/lanes.css";
import "./feedback.css";

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

type OpenView = Extract<GiverView, { status: "open" }>;
type Values = Record<string, string>;

// The draft stays in this browser only; Sidecar's server never sees an unsent answer. An emailed
// link ends in #<draft key>, the same for the first email and the reminder (the browser never sends
// a #fragment to the server), so a draft saved under one link opens under the other.
function draftKeys(token: string): string[] {
  const fragment = window.location.hash.slice(1);
  const byLink = `sidecar:give-draft:${token}`;
  return /^[A-Za-z0-9_-]{16,64}$/.test(fragment) ? [`sidecar:give-draft:${fragment}`, byLink] : [byLink];
}

function readDraft(token: string): Values | undefined {
  try {
    for (const key of draftKeys(token)) {
      const stored = window.localStorage.getItem(key);
      if (stored) return JSON.parse(stored) as Values;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function forgetDraft(token: string) {
  try {
    for (const key of draftKeys(token)) window.localStorage.removeItem(key);
  } catch {
    // Nothing was kept, so nothing needs forgetting.
  }
}

function LaneRating({
  lane,
  value,
  error,
  onChange,
}: {
  lane: LaneId;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const options = [
    ...ratingValues.map((r) => ({ value: String(r), label: String(r) })),
    { value: "", label: "Can't say" },
  ];
  return (
    <div
      role="radiogroup"
      className="give-rating"
      aria-labelledby={`give-${lane}-label`}
      aria-describedby={[`give-${lane}-description`, error ? `give-${lane}-error` : null]
        .filter(Boolean)
        .join(" ")}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <h3 id={`give-${lane}-label`}>{lanes[lane].label}</h3>
      <p id={`give-${lane}-description`} className="small muted">
        {lanes[lane].description}
      </p>
      <div className="give-rating-options">
        {options.map((option) => {
          const id = `give-${lane}-${option.value || "skip"}`;
          return (
            <label key={id} htmlFor={id} className="give-option">
              <input
                id={id}
                type="radio"
                name={`lanes.${lane}.rating`}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={`give-${lane}-error`} className="field-error">
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

function GiveForm({ token, view, onSent }: { token: string; view: OpenView; onSent: () => void }) {
  const queryClient = useQueryClient();
  const [restored] = useState(() => readDraft(token));
  const initial: Values = {};
  for (const q of view.questions) initial[`answers.${q.key}`] = "";
  for (const lane of view.lanes) {
    initial[`lanes.${lane}.rating`] = "";
    initial[`lanes.${lane}.comment`] = "";
  }
  const form = useFormState<Values>({ ...initial, ...restored });
  const [draftSaved, setDraftSaved] = useState(Boolean(restored));

  const send = useMutation({
    mutationFn: (input: GiveInput) =>
      call(api.give[":token"].$post({ param: { token: encodeURIComponent(token) }, json: input })),
    onSuccess: () => {
      forgetDraft(token);
      onSent();
    },
    onError: async (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        await queryClient.invalidateQueries({ queryKey: ["give", token] });
      }
      form.showApiError(error);
    },
  });

  function saveDraft() {
    try {
      window.localStorage.setItem(draftKeys(token)[0] as string, JSON.stringify(form.values));
      setDraftSaved(true);
    } catch {
      form.setFormError("This browser would not keep a draft. Your answers are still on the page.");
    }
  }

  async function submit() {
    // The schema loads with the first send, not with the page: a giver's first screen stays light.
    const { giveInput } = await import("../../../shared/feedback.ts");
    const { values } = form;
    const input = form.validate(giveInput, {
      answers: Object.fromEntries(view.questions.map((q) => [q.key, values[`answers.${q.key}`] ?? ""])),
      lanes: Object.fromEntries(
        view.lanes.map((lane) => {
          const rating = values[`lanes.${lane}.rating`];
          return [
            lane,
            { rating: rating ? Number(rating) : null, comment: values[`lanes.${lane}.comment`] ?? "" },
          ];
        }),
      ),
    });
    if (input) send.mutate(input);
  }

  return (
    <>
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
      <div className="auth-card give-card">
        <Form
          onSubmit={() => void submit()}
          onFocus={() => void import("../../../shared/feedback.ts")}
          formRef={form.formRef}
          error={form.formError}
          aria-label="Your feedback"
        >
          {restored ? <Alert tone="info">We restored the draft you saved in this browser.</Alert> : null}
          {view.questions.map((q) => (
            <TextAreaField
              key={q.key}
              label={q.prompt}
              name={`answers.${q.key}`}
              value={form.values[`answers.${q.key}`] ?? ""}
              onValueChange={(value) => form.set(`answers.${q.key}`, value)}
              error={form.errors[`answers.${q.key}`]}
              optional
              rows={4}
              maxLength={4200}
            />
          ))}
          {view.lanes.length > 0 ? (
            <section className="give-lanes" aria-labelledby="give-lanes-title">
              <h2 id="give-lanes-title">Rate {view.askedBy} in these lanes</h2>
              <p className="small muted">
                1 is new to it, 3 is strong, 5 is world-class. Pick "Can't say" when you haven't seen it.
              </p>
              {view.lanes.map((lane) => (
                <div key={lane} className="lane-block">
                  <LaneRating
                    lane={lane}
                    value={form.values[`lanes.${lane}.rating`] ?? ""}
                    error={form.errors[`lanes.${lane}.rating`]}
                    onChange={(value) => form.set(`lanes.${lane}.rating`, value)}
                  />
                  <TextAreaField
                    label={`Comment on ${lanes[lane].label}`}
                    name={`lanes.${lane}.comment`}
                    value={form.values[`lanes.${lane}.comment`] ?? ""}
                    onValueChange={(value) => form.set(`lanes.${lane}.comment`, value)}
                    error={form.errors[`lanes.${lane}.comment`]}
                    optional
                    rows={2}
                    maxLength={2200}
                  />
                </div>
              ))}
            </section>
          ) : null}
          {form.errors.answers ? (
            <p className="field-error" role="alert">
              {form.errors.answers}
            </p>
          ) : null}
          <FormActions>
            <Button type="submit" pending={send.isPending}>
              Send feedback
            </Button>
            <Button variant="secondary" onClick={saveDraft}>
              Save draft in this browser
            </Button>
          </FormActions>
          {draftSaved ? (
            <p className="small muted" role="status">
              Draft saved in this browser only. Come back to this link to finish.
            </p>
          ) : null}
        </Form>
      </div>
    </>
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
  if (view.status === "open") return <GiveForm token={token} view={view} onSent={() => setSent(true)} />;
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
