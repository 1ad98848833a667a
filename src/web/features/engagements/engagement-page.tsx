import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { CalendarDays, ClipboardList, Handshake, ListChecks, NotebookPen, Star, Target } from "lucide-react";
import { useState } from "react";
import {
  actionItemStateLabels,
  type Cadence,
  cadenceLabels,
  cadences,
  type EngagementOutput,
  engagementStateLabels,
  intakeShareParts,
} from "../../../shared/engagements.ts";
import { laneIds, lanes } from "../../../shared/lane-words.ts";
import { api, call } from "../../api.ts";
import { useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Form } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { downloadCalendar, engagementQuery, engagementsQuery } from "./engagements-api.ts";
import "./engagements.css";

type E = EngagementOutput;
type Param = { param: { id: string } };

/** One step on the engagement: sends it, puts the answer in the cache, and says what went wrong. */
function useStep<A>(engagement: E, run: (param: Param["param"], input: A) => Promise<E>, done: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: A) => run({ id: encodeURIComponent(engagement.id) }, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(["engagements", engagement.id], updated);
      void queryClient.invalidateQueries({ queryKey: ["engagements"], exact: true });
      setError(null);
      toast({ title: done });
    },
    onError: (e) => setError(e.message),
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ["engagements", engagement.id] });
  return { mutation, error, reload };
}

function StepError({ error, reload }: { error: string | null; reload: () => void }) {
  if (!error) return null;
  return (
    <Alert tone="error">
      {error}{" "}
      <Button variant="ghost" size="small" onClick={reload}>
        Load the latest
      </Button>
    </Alert>
  );
}

function Agreement({ engagement }: { engagement: E }) {
  const a = engagement.agreement;
  const [goals, setGoals] = useState(a.goals);
  const [cadence, setCadence] = useState<Cadence>(a.cadence);
  const [weeks, setWeeks] = useState(String(a.lengthWeeks));
  const [confidentiality, setConfidentiality] = useState(a.confidentiality);
  const save = useStep(
    engagement,
    (param, _: null) =>
      call(
        api.engagements[":id"].agreement.$put({
          param,
          json: { goals, cadence, lengthWeeks: Number(weeks), confidentiality, version: engagement.version },
        }),
      ),
    "Agreement proposed",
  );
  const accept = useStep(
    engagement,
    (param, _: null) =>
      call(api.engagements[":id"].agreement.accept.$post({ param, json: { version: engagement.version } })),
    "Agreement accepted",
  );
  const mine = engagement.side === "mentee" ? a.menteeAcceptedAt : a.mentorAcceptedAt;
  const theirs = engagement.side === "mentee" ? a.mentorAcceptedAt : a.menteeAcceptedAt;
  const editable = engagement.state === "agreeing";
  return (
    <Card
      id="agreement"
      title="Agreement"
      icon={<Handshake size={18} />}
      description="Goals, cadence, length and confidentiality. Both of you accept it before anything else starts; any change needs both acceptances again."
    >
      {editable ? (
        <Form onSubmit={() => save.mutation.mutate(null)} aria-label="Agreement">
          <StepError error={save.error ?? accept.error} reload={save.reload} />
          <TextAreaField label="Goals" value={goals} onValueChange={setGoals} rows={3} maxLength={2000} />
          <div className="engagement-row">
            <SelectField
              label="Cadence"
              value={cadence}
              onValueChange={(v) => setCadence(v as Cadence)}
              options={cadences.map((c) => ({ value: c, label: cadenceLabels[c] }))}
            />
            <TextField
              label="Length in weeks"
              type="number"
              min={2}
              max={104}
              value={weeks}
              onValueChange={setWeeks}
            />
          </div>
          <TextAreaField
            label="Confidentiality"
            value={confidentiality}
            onValueChange={setConfidentiality}
            rows={3}
            maxLength={2000}
          />
          <p className="muted small">
            {mine ? "You accepted these terms." : "You have not accepted these terms yet."}{" "}
            {theirs ? "The other person accepted them." : "The other person has not accepted them yet."}
          </p>
          <div className="engagement-actions">
            <Button type="submit" variant="secondary" pending={save.mutation.isPending}>
              Save changes
            </Button>
            {!mine ? (
              <Button pending={accept.mutation.isPending} onClick={() => accept.mutation.mutate(null)}>
                Accept the agreement
              </Button>
            ) : null}
          </div>
        </Form>
      ) : (
        <dl className="engagement-terms">
          <dt>Goals</dt>
          <dd>{a.goals}</dd>
          <dt>Cadence</dt>
          <dd>
            {cadenceLabels[a.cadence]}, for {a.lengthWeeks} weeks
          </dd>
          <dt>Confidentiality</dt>
          <dd>{a.confidentiality}</dd>
        </dl>
      )}
    </Card>
  );
}

function Intake({ engagement }: { engagement: E }) {
  const intake = engagement.intake;
  const [questions, setQuestions] = useState(intake.questions.join("\n"));
  const [answers, setAnswers] = useState<string[]>(intake.questions.map((_, i) => intake.answers[i] ?? ""));
  const [share, setShare] = useState<string[]>(intake.shared);
  const ask = useStep(
    engagement,
    (param, _: null) =>
      call(
        api.engagements[":id"].intake.questions.$put({
          param,
          json: {
            questions: questions
              .split("\n")
              .map((q) => q.trim())
              .filter(Boolean),
            version: engagement.version,
          },
        }),
      ),
    "Intake questions saved",
  );
  const answer = useStep(
    engagement,
    (param, _: null) =>
      call(
        api.engagements[":id"].intake.answers.$put({
          param,
          json: { answers, share: share as ("lanes" | "portfolio")[], version: engagement.version },
        }),
      ),
    "Intake answered",
  );
  const open = engagement.state === "agreeing" || engagement.state === "active";
  return (
    <Card
      id="intake"
      title="Intake"
      icon={<ClipboardList size={18} />}
      description="The mentee's lanes self-assessment and portfolio, shared read-only for the engagement's life, and the mentor's own questions."
    >
      {engagement.side === "mentor" ? (
        <div className="stack">
          {intake.shared.length > 0 ? (
            <p className="small">
              Shared with you:{" "}
              {intake.shared.map((part, i) => (
                <span key={part}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/shared/$ownerId/${part}`} params={{ ownerId: engagement.mentee.userId }}>
                    {part === "lanes" ? "Lanes" : "Portfolio"}
                  </Link>
                </span>
              ))}
            </p>
          ) : (
            <p className="muted small">The mentee shares nothing from their record yet.</p>
          )}
          {intake.answeredAt ? (
            <ol className="engagement-answers">
              {intake.questions.map((q, i) => (
                <li key={q}>
                  <strong>{q}</strong>
                  <p>{intake.answers[i] || "(no answer)"}</p>
                </li>
              ))}
            </ol>
          ) : null}
          {open ? (
            <Form onSubmit={() => ask.mutation.mutate(null)} aria-label="Intake questions">
              <StepError error={ask.error} reload={ask.reload} />
              <TextAreaField
                label="Your intake questions, one per line"
                value={questions}
                onValueChange={setQuestions}
                rows={4}
              />
              <Button type="submit" variant="secondary" pending={ask.mutation.isPending}>
                Save questions
              </Button>
            </Form>
          ) : null}
        </div>
      ) : open ? (
        <Form onSubmit={() => answer.mutation.mutate(null)} aria-label="Intake answers">
          <StepError error={answer.error} reload={answer.reload} />
          {intake.questions.length === 0 ? (
            <p className="muted small">Your mentor has not asked intake questions yet.</p>
          ) : null}
          {intake.questions.map((q, i) => (
            <TextAreaField
              key={q}
              label={q}
              value={answers[i] ?? ""}
              rows={3}
              onValueChange={(v) => setAnswers((all) => all.map((x, j) => (j === i ? v : x)))}
            />
          ))}
          <CheckboxGroup
            legend="Share with your mentor, read-only, until the mentoring closes"
            name="share"
            options={intakeShareParts.map((p) => ({
              value: p,
              label: p === "lanes" ? "My lanes self-assessment" : "My experience portfolio",
            }))}
            value={share}
            onChange={setShare}
          />
          <Button type="submit" pending={answer.mutation.isPending}>
            Save intake
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

type Goal = { text: string; measure: string; lane: string };

function Plan({ engagement }: { engagement: E }) {
  const current = engagement.plan.current;
  const [goals, setGoals] = useState<Goal[]>(
    current?.goals.map((g) => ({ text: g.text, measure: g.measure, lane: g.lane ?? "" })) ?? [
      { text: "", measure: "", lane: "" },
    ],
  );
  const [reason, setReason] = useState("");
  const revise = useStep(
    engagement,
    (param, _: null) =>
      call(
        api.engagements[":id"].plan.$post({
          param,
          json: {
            goals: goals.map((g) => ({
              text: g.text,
              measure: g.measure,
              lane: (g.lane || null) as never,
              tourId: null,
              hurdle: null,
            })),
            reason,
            version: current?.number ?? 0,
          },
        }),
      ),
    current ? "Plan revised" : "Plan saved",
  );
  const set = (i: number, patch: Partial<Goal>) =>
    setGoals((all) => all.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <Card
      id="plan"
      title="Plan"
      icon={<Target size={18} />}
      description="Goals with how you will know they are met, linked to lanes. Outgrowing the first plan is a good sign: every revision says why, and the history keeps them all."
    >
      {engagement.state === "active" ? (
        <Form
          onSubmit={() => {
            revise.mutation.mutate(null);
            setReason("");
          }}
          aria-label="Plan"
        >
          <StepError error={revise.error} reload={revise.reload} />
          {goals.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id until saved
            <fieldset key={i} className="engagement-goal">
              <legend>Goal {i + 1}</legend>
              <TextField label="Goal" value={g.text} onValueChange={(v) => set(i, { text: v })} />
              <TextField label="Measure" value={g.measure} onValueChange={(v) => set(i, { measure: v })} />
              <SelectField
                label="Lane"
                value={g.lane}
                onValueChange={(v) => set(i, { lane: v })}
                options={[
                  { value: "", label: "No lane" },
                  ...laneIds.map((l) => ({ value: l, label: lanes[l].label })),
                ]}
              />
            </fieldset>
          ))}
          <div className="engagement-actions">
            <Button
              variant="ghost"
              onClick={() => setGoals((all) => [...all, { text: "", measure: "", lane: "" }])}
            >
              Add a goal
            </Button>
          </div>
          {current ? (
            <TextAreaField label="Why the plan changes" value={reason} onValueChange={setReason} rows={2} />
          ) : null}
          <Button type="submit" pending={revise.mutation.isPending}>
            {current ? "Save revision" : "Save the plan"}
          </Button>
        </Form>
      ) : null}
      {engagement.plan.history.length > 0 ? (
        <ol className="engagement-history" aria-label="Plan history">
          {engagement.plan.history.map((r) => (
            <li key={r.number}>
              <strong>Revision {r.number}</strong> by {r.authorName}
              {r.reason ? <p className="small">Why: {r.reason}</p> : null}
              <ul>
                {r.goals.map((g) => (
                  <li key={g.text}>
                    {g.text} — <span className="muted">{g.measure}</span>
                    {g.lane ? <span className="badge">{lanes[g.lane].label}</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">No plan yet: write its first goals together after the intake.</p>
      )}
    </Card>
  );
}

function Sessions({ engagement }: { engagement: E }) {
  const [minutes, setMinutes] = useState("60");
  const [agenda, setAgenda] = useState("");
  const book = useStep(
    engagement,
    (param, start: string) =>
      call(
        api.engagements[":id"].sessions.$post({
          param,
          json: { startsAt: start, minutes: Number(minutes) as 60, agenda },
        }),
      ),
    "Session booked: both of you got a calendar file",
  );
  const queryClient = useQueryClient();
  const [cancelError, setCancelError] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: (s: E["sessions"][number]) =>
      call(
        api["engagement-sessions"][":id"].cancel.$post({
          param: { id: encodeURIComponent(s.id) },
          json: { reason: "Cancelled from the engagement page", version: s.version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["engagements", engagement.id] }),
    onError: (e) => setCancelError(e.message),
  });
  const mineClock = (s: { menteeClock: string; mentorClock: string }) =>
    engagement.side === "mentee" ? s.menteeClock : s.mentorClock;
  const theirClock = (s: { menteeClock: string; mentorClock: string }) =>
    engagement.side === "mentee" ? s.mentorClock : s.menteeClock;
  return (
    <Card
      id="sessions"
      title="Sessions"
      icon={<CalendarDays size={18} />}
      description="Booked in the mentor's free time, shown on both clocks. Every booking, change and cancellation sends both of you a calendar file."
    >
      <StepError error={book.error ?? cancelError} reload={book.reload} />
      {engagement.sessions.length > 0 ? (
        <ul className="engagement-list" aria-label="Booked sessions">
          {engagement.sessions.map((s) => (
            <li key={s.id} className="engagement-item" data-state={s.state}>
              <div>
                <strong>{mineClock(s)}</strong>, {s.minutes} minutes
                <p className="muted small">For them: {theirClock(s)}</p>
                {s.state === "cancelled" ? <p className="small">Cancelled: {s.cancelReason}</p> : null}
              </div>
              <div className="engagement-actions">
                <Button variant="secondary" size="small" onClick={() => void downloadCalendar(s.id)}>
                  Calendar file
                </Button>
                {s.state === "booked" ? (
                  <Button
                    variant="ghost"
                    size="small"
                    pending={cancel.isPending}
                    onClick={() => cancel.mutate(s)}
                  >
                    Cancel
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {engagement.state === "active" ? (
        engagement.slots.length === 0 ? (
          <p className="muted">
            The mentor has no free time in the next two weeks. Ask them to add availability.
          </p>
        ) : (
          <div className="stack">
            <div className="engagement-row">
              <SelectField
                label="Length"
                value={minutes}
                onValueChange={setMinutes}
                options={["30", "45", "60", "90"].map((m) => ({ value: m, label: `${m} minutes` }))}
              />
              <TextField label="Agenda" value={agenda} onValueChange={setAgenda} optional />
            </div>
            <h3 className="engagement-subtitle">Free times</h3>
            <ul className="engagement-list" aria-label="Free times">
              {engagement.slots.slice(0, 8).map((slot) => (
                <li key={slot.start} className="engagement-item">
                  <div>
                    <strong>{mineClock(slot)}</strong>
                    <p className="muted small">For them: {theirClock(slot)}</p>
                  </div>
                  <Button
                    size="small"
                    pending={book.mutation.isPending && book.mutation.variables === slot.start}
                    onClick={() => book.mutation.mutate(slot.start)}
                  >
                    Book at the start
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </Card>
  );
}

function Notes({ engagement }: { engagement: E }) {
  const [body, setBody] = useState("");
  const [shared, setShared] = useState(false);
  const add = useStep(
    engagement,
    (param, _: null) =>
      call(api.engagements[":id"].notes.$post({ param, json: { body, shared, sessionId: null } })),
    "Note saved",
  );
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (n: E["notes"][number]) =>
      call(
        api["engagement-notes"][":id"].$put({
          param: { id: encodeURIComponent(n.id) },
          json: { body: n.body, shared: !n.shared, version: n.version },
        }),
      ),
    onSuccess: (updated) => queryClient.setQueryData(["engagements", engagement.id], updated),
  });
  const open = engagement.state === "active" || engagement.state === "closing";
  return (
    <Card
      id="notes"
      title="Session notes"
      icon={<NotebookPen size={18} />}
      description="Each note is private to you unless you share it; you can change that any time. A private note is seen by nobody else."
    >
      {open ? (
        <Form
          onSubmit={() => {
            add.mutation.mutate(null);
            setBody("");
          }}
          aria-label="New note"
        >
          <StepError error={add.error} reload={add.reload} />
          <TextAreaField label="Note" value={body} onValueChange={setBody} rows={3} />
          <label className="checkbox-option">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            Share this note with{" "}
            {engagement.side === "mentee" ? engagement.mentor.name : engagement.mentee.name}
          </label>
          <Button type="submit" pending={add.mutation.isPending}>
            Save note
          </Button>
        </Form>
      ) : null}
      {engagement.notes.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ul className="engagement-list" aria-label="Notes">
          {engagement.notes.map((n) => (
            <li key={n.id} className="engagement-item">
              <div>
                <p className="engagement-note">{n.body}</p>
                <p className="muted small">
                  {n.mine ? "You" : n.authorName} · {n.shared ? "Shared" : "Private to you"}
                </p>
              </div>
              {n.mine ? (
                <Button variant="ghost" size="small" onClick={() => toggle.mutate(n)}>
                  {n.shared ? "Make private" : "Share"}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ActionItems({ engagement }: { engagement: E }) {
  const [text, setText] = useState("");
  const [dueOn, setDueOn] = useState("");
  const add = useStep(
    engagement,
    (param, _: null) =>
      call(api.engagements[":id"]["action-items"].$post({ param, json: { text, dueOn: dueOn || null } })),
    engagement.side === "mentee" ? "Action committed" : "Action suggested",
  );
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: ({
      item,
      state,
    }: {
      item: E["actionItems"][number];
      state: E["actionItems"][number]["state"];
    }) =>
      call(
        api["engagement-action-items"][":id"].$put({
          param: { id: encodeURIComponent(item.id) },
          json: { text: item.text, dueOn: item.dueOn, state, version: item.version },
        }),
      ),
    onSuccess: (updated) => queryClient.setQueryData(["engagements", engagement.id], updated),
    onError: (e) => setError(e.message),
  });
  const mentee = engagement.side === "mentee";
  return (
    <Card
      id="actions"
      title="Action items"
      icon={<ListChecks size={18} />}
      description="The mentee's to own: the mentor can suggest, only the mentee commits. A reminder comes on the due day."
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      {engagement.state === "active" ? (
        <Form
          onSubmit={() => {
            add.mutation.mutate(null);
            setText("");
          }}
          aria-label="New action"
        >
          <StepError error={add.error} reload={add.reload} />
          <div className="engagement-row">
            <TextField label={mentee ? "Action" : "Suggest an action"} value={text} onValueChange={setText} />
            <TextField label="Due" type="date" value={dueOn} onValueChange={setDueOn} optional />
          </div>
          <Button type="submit" pending={add.mutation.isPending}>
            {mentee ? "Commit to it" : "Suggest it"}
          </Button>
        </Form>
      ) : null}
      {engagement.actionItems.length === 0 ? (
        <p className="muted small">No actions yet.</p>
      ) : (
        <ul className="engagement-list" aria-label="Actions">
          {engagement.actionItems.map((item) => (
            <li key={item.id} className="engagement-item">
              <div>
                <strong>{item.text}</strong>
                <p className="muted small">
                  {actionItemStateLabels[item.state]}
                  {item.dueOn ? ` · due ${item.dueOn}` : ""}
                </p>
              </div>
              {mentee ? (
                <div className="engagement-actions">
                  {item.state === "suggested" ? (
                    <>
                      <Button size="small" onClick={() => move.mutate({ item, state: "committed" })}>
                        Commit
                      </Button>
                      <Button
                        size="small"
                        variant="ghost"
                        onClick={() => move.mutate({ item, state: "declined" })}
                      >
                        Not for me
                      </Button>
                    </>
                  ) : item.state === "committed" ? (
                    <>
                      <Button size="small" onClick={() => move.mutate({ item, state: "done" })}>
                        Done
                      </Button>
                      <Button
                        size="small"
                        variant="ghost"
                        onClick={() => move.mutate({ item, state: "not_done" })}
                      >
                        Not done
                      </Button>
                    </>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function CloseOut({ engagement }: { engagement: E }) {
  const [rating, setRating] = useState("5");
  const [text, setText] = useState("");
  const [quote, setQuote] = useState(false);
  const close = useStep(
    engagement,
    (param, _: null) =>
      call(api.engagements[":id"].close.$post({ param, json: { version: engagement.version } })),
    "Close-out begun",
  );
  const review = useStep(
    engagement,
    (param, _: null) =>
      call(
        api.engagements[":id"].review.$post({
          param,
          json: { rating: Number(rating), text, quoteAllowed: quote },
        }),
      ),
    "Review saved",
  );
  const r = engagement.reviews;
  return (
    <Card
      id="close-out"
      title="Close-out"
      icon={<Star size={18} />}
      description="Each of you writes a review. Neither is shown until both are in, or 14 days have passed."
    >
      <StepError error={close.error ?? review.error} reload={close.reload} />
      {engagement.state === "active" || engagement.state === "agreeing" ? (
        <Button
          variant="secondary"
          pending={close.mutation.isPending}
          onClick={() => close.mutation.mutate(null)}
        >
          Begin the close-out
        </Button>
      ) : null}
      {(engagement.state === "closing" || engagement.state === "closed") && !r.mine ? (
        <Form onSubmit={() => review.mutation.mutate(null)} aria-label="Your review">
          <SelectField
            label="Rating"
            value={rating}
            onValueChange={setRating}
            options={["5", "4", "3", "2", "1"].map((v) => ({ value: v, label: `${v} of 5` }))}
          />
          <TextAreaField label="Your review" value={text} onValueChange={setText} rows={4} />
          {engagement.side === "mentee" ? (
            <label className="checkbox-option">
              <input type="checkbox" checked={quote} onChange={(e) => setQuote(e.target.checked)} />
              The mentor's profile may quote my review
            </label>
          ) : null}
          <Button type="submit" pending={review.mutation.isPending}>
            Save review
          </Button>
        </Form>
      ) : null}
      {r.mine ? (
        <p className="small">
          Your review: {r.mine.rating} of 5. “{r.mine.text}”
        </p>
      ) : null}
      {r.theirs ? (
        <p className="small">
          {r.theirs.authorName}'s review: {r.theirs.rating} of 5. “{r.theirs.text}”
        </p>
      ) : engagement.state !== "active" && engagement.state !== "agreeing" ? (
        <p className="muted small">
          {r.theirsIn ? "The other review is in; it shows once yours is." : "The other review is not in yet."}
        </p>
      ) : null}
    </Card>
  );
}

export function EngagementPage() {
  const { engagementId } = useParams({ strict: false }) as { engagementId: string };
  const query = useQuery(engagementQuery(engagementId));
  useTitle("Mentoring engagement");
  if (query.isPending) return <LoadingState label="Loading the engagement…" />;
  if (query.isError)
    return <LoadFailed what="the engagement" error={query.error} retry={() => query.refetch()} />;
  const e = query.data;
  const other = e.side === "mentee" ? e.mentor : e.mentee;
  return (
    <>
      <PageHeader
        title={e.side === "mentee" ? `Mentored by ${other.name}` : `Mentoring ${other.name}`}
        description={`${engagementStateLabels[e.state]} · ${other.name}'s clock: ${other.timeZone}`}
      />
      <div className="stack-lg" key={e.version}>
        <Agreement engagement={e} />
        {e.state !== "agreeing" ? (
          <>
            <Intake engagement={e} />
            <Plan engagement={e} />
            <Sessions engagement={e} />
            <Notes engagement={e} />
            <ActionItems engagement={e} />
          </>
        ) : null}
        <CloseOut engagement={e} />
        <p>
          <Link to="/engagements">All engagements</Link>
        </p>
      </div>
    </>
  );
}

export function EngagementsPage() {
  useTitle("Engagements");
  const query = useQuery(engagementsQuery);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (requestId: string) => call(api.engagements.$post({ json: { requestId } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["engagements"] });
    },
    onError: (e) => setError(e.message),
  });
  const { moment } = useMomentFormat();
  return (
    <>
      <PageHeader title="Engagements" description="Your mentorings, from the agreement to the close-out." />
      {query.isPending ? (
        <LoadingState label="Loading your engagements…" />
      ) : query.isError ? (
        <LoadFailed what="your engagements" error={query.error} retry={() => query.refetch()} />
      ) : (
        <div className="stack-lg">
          {error ? <Alert tone="error">{error}</Alert> : null}
          {query.data.startable.length > 0 ? (
            <Card
              id="startable"
              title="Ready to start"
              icon={<Handshake size={18} />}
              description="Accepted requests: either of you can start the engagement, then agree its terms."
            >
              <ul className="engagement-list">
                {query.data.startable.map((s) => (
                  <li key={s.requestId} className="engagement-item">
                    <span>
                      {s.side === "mentee"
                        ? `With your mentor ${s.other.name}`
                        : `With your mentee ${s.other.name}`}
                    </span>
                    <Button size="small" pending={start.isPending} onClick={() => start.mutate(s.requestId)}>
                      Start the engagement
                    </Button>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {query.data.engagements.length === 0 ? (
            <EmptyState title="No engagements yet">
              An engagement starts from an accepted mentoring request.{" "}
              <Link to="/mentors">Find a mentor</Link>.
            </EmptyState>
          ) : (
            <ul className="engagement-list" aria-label="Engagements">
              {query.data.engagements.map((e) => (
                <li key={e.id} className="engagement-item">
                  <div>
                    <Link to="/engagements/$engagementId" params={{ engagementId: e.id }}>
                      {e.side === "mentee" ? `Mentored by ${e.other.name}` : `Mentoring ${e.other.name}`}
                    </Link>
                    <p className="muted small">
                      {engagementStateLabels[e.state]}
                      {e.nextSessionAt ? ` · next session ${moment(e.nextSessionAt)}` : ""}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/urgent-calls" className={buttonClass("secondary")}>
              911 calls
            </Link>
          </p>
        </div>
      )}
    </>
  );
}
