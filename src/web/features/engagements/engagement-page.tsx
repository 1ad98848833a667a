import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import {
  CalendarDays,
  ClipboardList,
  Handshake,
  ListChecks,
  MessagesSquare,
  NotebookPen,
  Star,
  Target,
} from "lucide-react";
import { useState } from "react";
import {
  actionItemStateLabels,
  type Cadence,
  cadenceLabels,
  cadences,
  engagementStateLabels,
  intakeShareParts,
  sessionMinutes,
} from "../../../shared/engagement-words.ts";

import type { EngagementOutput } from "../../../shared/engagements.ts";
import { type LaneId, laneIds, lanes } from "../../../shared/lane-words.ts";

import { api, call } from "../../api.ts";
import { useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Form, type FormState, useFormState } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { decisionsQuery } from "../decisions/decisions-api.ts";
import { readAllTours, toursQuery } from "../tours/tours-api.ts";
import { downloadCalendar, engagementQuery, engagementsQuery } from "./engagements-api.ts";
import "./engagements.css";

type E = EngagementOutput;
type Param = { id: string };
type Values = Record<string, unknown>;

/** The engagement as stored now, for a form's "Load the latest version". */
function latestEngagement(id: string) {
  return call(api.engagements[":id"].$get({ param: { id: encodeURIComponent(id) } }));
}

/**
 * One step on the engagement: sends it at the version its form read, puts the answer in the cache, and
 * shows what went wrong on that form (a stale save as the shared conflict notice).
 */
function useStep<V extends Values, A = null>(
  engagement: E,
  form: FormState<V>,
  run: (param: Param, input: A, version: number) => Promise<E>,
  done: string,
  /** After the save: a form that stays on the page starts again from what was saved. */
  after?: (updated: E) => void,
) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (input: A) => run({ id: encodeURIComponent(engagement.id) }, input, form.version),
    onSuccess: (updated) => {
      queryClient.setQueryData(["engagements", engagement.id], updated);
      void queryClient.invalidateQueries({ queryKey: ["engagements"], exact: true });
      after?.(updated);
      toast({ title: done });
    },
    onError: (e) => form.showApiError(e),
  });
}

/** The shared conflict notice for a form of this page, loading the latest engagement when asked. */
function StepConflict<V extends Values>({
  form,
  engagementId,
  labels,
  latest,
}: {
  form: FormState<V>;
  engagementId: string;
  labels: Partial<Record<keyof V, string>>;
  latest: (e: E) => { values: V; version: number };
}) {
  return (
    <ConflictNotice
      form={form}
      labels={labels}
      loadLatest={async () => latest(await latestEngagement(engagementId))}
    />
  );
}

/** A form's error that names no field of it, for steps outside a form. */
function StepError({ form }: { form: FormState<Values> }) {
  return form.formError ? <Alert tone="error">{form.formError}</Alert> : null;
}

type AgreementValues = { goals: string; cadence: Cadence; weeks: string; confidentiality: string };
const agreementLabels = {
  goals: "Goals",
  cadence: "Cadence",
  weeks: "Length in weeks",
  confidentiality: "Confidentiality",
};
const agreementOf = (e: E) => ({
  values: {
    goals: e.agreement.goals,
    cadence: e.agreement.cadence,
    weeks: String(e.agreement.lengthWeeks),
    confidentiality: e.agreement.confidentiality,
  } as AgreementValues,
  version: e.version,
});

function Agreement({ engagement }: { engagement: E }) {
  const a = engagement.agreement;
  const form = useFormState<AgreementValues>(agreementOf(engagement).values, { version: engagement.version });
  const v = form.values;
  const save = useStep(
    engagement,
    form,
    (param, _: null, version) =>
      call(
        api.engagements[":id"].agreement.$put({
          param,
          json: {
            goals: v.goals,
            cadence: v.cadence,
            lengthWeeks: Number(v.weeks),
            confidentiality: v.confidentiality,
            version,
          },
        }),
      ),
    "Agreement proposed",
  );
  const accept = useStep(
    engagement,
    form,
    (param, _: null, version) =>
      call(api.engagements[":id"].agreement.accept.$post({ param, json: { version } })),
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
        <Form
          onSubmit={() => save.mutate(null)}
          formRef={form.formRef}
          error={form.formError}
          aria-label="Agreement"
        >
          <StepConflict
            form={form}
            engagementId={engagement.id}
            labels={agreementLabels}
            latest={agreementOf}
          />
          <TextAreaField
            label="Goals"
            value={v.goals}
            onValueChange={(x) => form.set("goals", x)}
            error={form.errors.goals}
            rows={3}
            maxLength={2000}
          />
          <div className="engagement-row">
            <SelectField
              label="Cadence"
              value={v.cadence}
              onValueChange={(x) => form.set("cadence", x as Cadence)}
              options={cadences.map((c) => ({ value: c, label: cadenceLabels[c] }))}
            />
            <TextField
              label="Length in weeks"
              type="number"
              min={2}
              max={104}
              value={v.weeks}
              onValueChange={(x) => form.set("weeks", x)}
            />
          </div>
          <TextAreaField
            label="Confidentiality"
            value={v.confidentiality}
            onValueChange={(x) => form.set("confidentiality", x)}
            error={form.errors.confidentiality}
            rows={3}
            maxLength={2000}
          />
          <p className="muted small">
            {mine ? "You accepted these terms." : "You have not accepted these terms yet."}{" "}
            {theirs ? "The other person accepted them." : "The other person has not accepted them yet."}
          </p>
          <div className="engagement-actions">
            <Button type="submit" variant="secondary" pending={save.isPending}>
              Save changes
            </Button>
            {!mine ? (
              <Button pending={accept.isPending} onClick={() => accept.mutate(null)}>
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

type IntakeValues = { questions: string; answers: string[]; share: string[] };
const intakeLabels = {
  questions: "Your intake questions",
  answers: "Answers",
  share: "Shared with your mentor",
};
const intakeOf = (e: E) => ({
  values: {
    questions: e.intake.questions.join("\n"),
    answers: e.intake.questions.map((_, i) => e.intake.answers[i] ?? ""),
    share: e.intake.shared,
  } as IntakeValues,
  version: e.version,
});

function Intake({ engagement }: { engagement: E }) {
  const intake = engagement.intake;
  const form = useFormState<IntakeValues>(intakeOf(engagement).values, { version: engagement.version });
  const v = form.values;
  const ask = useStep(
    engagement,
    form,
    (param, _: null, version) =>
      call(
        api.engagements[":id"].intake.questions.$put({
          param,
          json: {
            questions: v.questions
              .split("\n")
              .map((q) => q.trim())
              .filter(Boolean),
            version,
          },
        }),
      ),
    "Intake questions saved",
  );
  const answer = useStep(
    engagement,
    form,
    (param, _: null, version) =>
      call(
        api.engagements[":id"].intake.answers.$put({
          param,
          json: { answers: v.answers, share: v.share as ("lanes" | "portfolio")[], version },
        }),
      ),
    "Intake answered",
  );
  const open = engagement.state === "agreeing" || engagement.state === "active";
  const conflict = (
    <StepConflict form={form} engagementId={engagement.id} labels={intakeLabels} latest={intakeOf} />
  );
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
            <Form
              onSubmit={() => ask.mutate(null)}
              formRef={form.formRef}
              error={form.formError}
              aria-label="Intake questions"
            >
              {conflict}
              <TextAreaField
                label="Your intake questions, one per line"
                value={v.questions}
                onValueChange={(x) => form.set("questions", x)}
                error={form.errors.questions}
                rows={4}
              />
              <Button type="submit" variant="secondary" pending={ask.isPending}>
                Save questions
              </Button>
            </Form>
          ) : null}
        </div>
      ) : open ? (
        <Form
          onSubmit={() => answer.mutate(null)}
          formRef={form.formRef}
          error={form.formError}
          aria-label="Intake answers"
        >
          {conflict}
          {intake.questions.length === 0 ? (
            <p className="muted small">Your mentor has not asked intake questions yet.</p>
          ) : null}
          {intake.questions.map((q, i) => (
            <TextAreaField
              key={q}
              label={q}
              value={v.answers[i] ?? ""}
              rows={3}
              onValueChange={(x) =>
                form.set(
                  "answers",
                  v.answers.map((old, j) => (j === i ? x : old)),
                )
              }
            />
          ))}
          <CheckboxGroup
            legend="Share with your mentor, read-only, until the mentoring closes"
            name="share"
            options={intakeShareParts.map((p) => ({
              value: p,
              label: p === "lanes" ? "My lanes self-assessment" : "My experience portfolio",
            }))}
            value={v.share}
            onChange={(x) => form.set("share", x)}
          />
          <Button type="submit" pending={answer.isPending}>
            Save intake
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

type Goal = { text: string; measure: string; lane: string; tourId: string; hurdle: string };
type PlanValues = { goals: Goal[]; reason: string };
const planLabels = { goals: "Goals", reason: "Why the plan changes" };
const emptyGoal: Goal = { text: "", measure: "", lane: "", tourId: "", hurdle: "" };
const planOf = (e: E) => ({
  values: {
    goals: e.plan.current?.goals.map((g) => ({
      text: g.text,
      measure: g.measure,
      lane: g.lane ?? "",
      tourId: g.tourId ?? "",
      hurdle: g.hurdle ?? "",
    })) ?? [emptyGoal],
    reason: "",
  } as PlanValues,
  version: e.plan.current?.number ?? 0,
});

type Choice = { value: string; label: string };

/**
 * The mentee's tours of duty and next-level hurdles a goal can link to: the mentee's own, or for the
 * mentor what the mentee shares (the plan, the portfolio); nothing when not shared.
 */
function useGoalLinks(engagement: E): { tours: Choice[]; hurdles: Choice[]; shared: boolean } {
  const mentee = engagement.side === "mentee";
  const ownerId = encodeURIComponent(engagement.mentee.userId);
  // The mentee's own tours share the cache of every tour; the mentor reads what the mentee shares.
  const tours = useQuery({
    queryKey: mentee ? toursQuery.queryKey : ["shared", engagement.mentee.userId, "plan"],
    queryFn: async () =>
      mentee
        ? readAllTours()
        : { tours: (await call(api.shared[":ownerId"].plan.$get({ param: { ownerId } }))).tours },
    select: (list): Choice[] => list.tours.map((t) => ({ value: t.id, label: t.title })),
    retry: false,
  });
  const hurdles = useQuery({
    queryKey: mentee ? ["target-role"] : ["shared", engagement.mentee.userId, "portfolio"],
    queryFn: async () =>
      mentee
        ? (await call(api["target-role"].$get())).hurdles.map((h) => ({ value: h.title, label: h.title }))
        : (await call(api.shared[":ownerId"].portfolio.$get({ param: { ownerId } }))).nextLevel.hurdles.map(
            (h) => ({ value: h.title, label: h.title }),
          ),
    retry: false,
  });
  return {
    tours: tours.data ?? [],
    hurdles: hurdles.data ?? [],
    shared: mentee || tours.isSuccess || hurdles.isSuccess,
  };
}

function Plan({ engagement }: { engagement: E }) {
  const current = engagement.plan.current;
  const initial = planOf(engagement);
  const form = useFormState<PlanValues>(initial.values, { version: initial.version });
  const links = useGoalLinks(engagement);
  const goals = form.values.goals;
  const revise = useStep(
    engagement,
    form,
    (param, _: null, version) =>
      call(
        api.engagements[":id"].plan.$post({
          param,
          json: {
            goals: goals.map((g) => ({
              text: g.text,
              measure: g.measure,
              lane: (g.lane || null) as LaneId | null,
              tourId: g.tourId || null,
              hurdle: g.hurdle || null,
            })),
            reason: form.values.reason,
            version,
          },
        }),
      ),
    current ? "Plan revised" : "Plan saved",
    (updated) => {
      const saved = planOf(updated);
      form.setValues(saved.values);
      form.markSaved(saved.version, saved.values);
    },
  );
  const set = (i: number, patch: Partial<Goal>) =>
    form.set(
      "goals",
      goals.map((g, j) => (j === i ? { ...g, ...patch } : g)),
    );
  const tourName = (id: string | null) => links.tours.find((t) => t.value === id)?.label ?? null;
  return (
    <Card
      id="plan"
      title="Plan"
      icon={<Target size={18} />}
      description="Goals with how you will know they are met, linked to lanes, tours of duty and next-level hurdles. Outgrowing the first plan is a good sign: every revision says why, and the history keeps them all."
    >
      {engagement.state === "active" ? (
        <Form
          onSubmit={() => revise.mutate(null)}
          formRef={form.formRef}
          error={form.formError}
          aria-label="Plan"
        >
          <StepConflict form={form} engagementId={engagement.id} labels={planLabels} latest={planOf} />
          {!links.shared ? (
            <p className="muted small">
              To link goals to tours of duty and next-level hurdles, the mentee shares their plan and
              portfolio with you.
            </p>
          ) : null}
          {goals.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id until saved
            <fieldset key={i} className="engagement-goal">
              <legend>Goal {i + 1}</legend>
              <TextField label="Goal" value={g.text} onValueChange={(x) => set(i, { text: x })} />
              <TextField label="Measure" value={g.measure} onValueChange={(x) => set(i, { measure: x })} />
              <div className="engagement-row">
                <SelectField
                  label="Lane"
                  value={g.lane}
                  onValueChange={(x) => set(i, { lane: x })}
                  options={[
                    { value: "", label: "No lane" },
                    ...laneIds.map((l) => ({ value: l, label: lanes[l].label })),
                  ]}
                />
                <SelectField
                  label="Tour of duty"
                  value={g.tourId}
                  onValueChange={(x) => set(i, { tourId: x })}
                  error={form.errors[`goals.${i}.tourId`]}
                  options={[
                    { value: "", label: "No tour of duty" },
                    ...links.tours,
                    ...(g.tourId && !links.tours.some((t) => t.value === g.tourId)
                      ? [{ value: g.tourId, label: "A tour not shared with you" }]
                      : []),
                  ]}
                />
                <SelectField
                  label="Next-level hurdle"
                  value={g.hurdle}
                  onValueChange={(x) => set(i, { hurdle: x })}
                  options={[
                    { value: "", label: "No hurdle" },
                    ...links.hurdles,
                    ...(g.hurdle && !links.hurdles.some((h) => h.value === g.hurdle)
                      ? [{ value: g.hurdle, label: g.hurdle }]
                      : []),
                  ]}
                />
              </div>
            </fieldset>
          ))}
          <div className="engagement-actions">
            <Button variant="ghost" onClick={() => form.set("goals", [...goals, emptyGoal])}>
              Add a goal
            </Button>
          </div>
          {current ? (
            <TextAreaField
              label="Why the plan changes"
              value={form.values.reason}
              onValueChange={(x) => form.set("reason", x)}
              error={form.errors.reason}
              rows={2}
            />
          ) : null}
          <Button type="submit" pending={revise.isPending}>
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
                    {tourName(g.tourId) ? <span className="badge">Tour: {tourName(g.tourId)}</span> : null}
                    {g.hurdle ? <span className="badge">Hurdle: {g.hurdle}</span> : null}
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

/** The free times that hold a session of `minutes`: a shorter one could only be refused. */
function slotsHolding(slots: E["slots"], minutes: string) {
  const lengthMs = Number(minutes) * 60_000;
  return slots.filter((slot) => Date.parse(slot.end) - Date.parse(slot.start) >= lengthMs);
}

type MoveValues = { startsAt: string; minutes: string; notice: string };
const moveLabels = { startsAt: "New time", minutes: "Length", notice: "Note to the other person" };

/** A booked session: its calendar file, and moving or cancelling it at the version read. */
function SessionItem({ engagement, session }: { engagement: E; session: E["sessions"][number] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [moving, setMoving] = useState(false);
  const empty: MoveValues = { startsAt: "", minutes: String(session.minutes), notice: "" };
  const form = useFormState<MoveValues>(empty, { version: session.version });
  const mine = engagement.side === "mentee";
  const clock = (s: { menteeClock: string; mentorClock: string }) => (mine ? s.menteeClock : s.mentorClock);
  const theirs = (s: { menteeClock: string; mentorClock: string }) => (mine ? s.mentorClock : s.menteeClock);
  const param = { id: encodeURIComponent(session.id) };
  const fitting = slotsHolding(engagement.slots, form.values.minutes);
  const after = async (saved: { version: number }, title: string) => {
    form.setValues(empty);
    form.markSaved(saved.version, empty);
    setMoving(false);
    await queryClient.invalidateQueries({ queryKey: ["engagements", engagement.id] });
    toast({ title });
  };
  const move = useMutation({
    mutationFn: () =>
      call(
        api["engagement-sessions"][":id"].$put({
          param,
          json: {
            startsAt: form.values.startsAt,
            minutes: Number(form.values.minutes) as (typeof sessionMinutes)[number],
            agenda: session.agenda,
            notice: form.values.notice,
            version: form.version,
          },
        }),
      ),
    onSuccess: (saved) => after(saved, "Session moved: both of you got the updated calendar file"),
    onError: (e) => form.showApiError(e),
  });
  const cancel = useMutation({
    mutationFn: () =>
      call(
        api["engagement-sessions"][":id"].cancel.$post({
          param,
          json: { reason: "Cancelled from the engagement page", version: form.version },
        }),
      ),
    onSuccess: (saved) => after(saved, "Session cancelled: both of you got a cancelling calendar file"),
    onError: (e) => form.showApiError(e),
  });
  const conflict = (
    <ConflictNotice
      form={form}
      labels={moveLabels}
      loadLatest={async () => {
        const latest = (await latestEngagement(engagement.id)).sessions.find((s) => s.id === session.id);
        if (!latest) throw new Error("This session is gone.");
        await queryClient.invalidateQueries({ queryKey: ["engagements", engagement.id] });
        return { values: { ...form.values, minutes: String(latest.minutes) }, version: latest.version };
      }}
    />
  );
  return (
    <li className="engagement-item" data-state={session.state}>
      <div>
        <strong>{clock(session)}</strong>, {session.minutes} minutes
        <p className="muted small">For them: {theirs(session)}</p>
        {session.agenda ? <p className="small">Agenda: {session.agenda}</p> : null}
        {session.state === "cancelled" ? <p className="small">Cancelled: {session.cancelReason}</p> : null}
      </div>
      <div className="engagement-actions">
        <Button variant="secondary" size="small" onClick={() => void downloadCalendar(session.id)}>
          Calendar file
        </Button>
        {session.state === "booked" && engagement.state === "active" ? (
          <Button variant="ghost" size="small" aria-expanded={moving} onClick={() => setMoving(!moving)}>
            {moving ? "Keep this time" : "Move"}
          </Button>
        ) : null}
        {session.state === "booked" ? (
          <Button variant="ghost" size="small" pending={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel
          </Button>
        ) : null}
      </div>
      {!moving ? (
        <div className="engagement-item-wide">
          {conflict}
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
        </div>
      ) : (
        <Form
          className="engagement-item-wide"
          onSubmit={() => {
            if (!form.values.startsAt) {
              form.showErrors({ startsAt: "Pick a new time from the mentor's free times" });
              return;
            }
            move.mutate();
          }}
          formRef={form.formRef}
          error={form.formError}
          aria-label={`Move the session of ${clock(session)}`}
        >
          {conflict}
          <div className="engagement-row">
            <SelectField
              label="New time"
              name="startsAt"
              value={form.values.startsAt}
              onValueChange={(x) => form.set("startsAt", x)}
              error={form.errors.startsAt}
              options={[
                { value: "", label: fitting.length ? "Pick a free time" : "No free time that long" },
                ...fitting.slice(0, 20).map((slot) => ({ value: slot.start, label: clock(slot) })),
              ]}
            />
            <SelectField
              label="Length"
              value={form.values.minutes}
              onValueChange={(x) => form.set("minutes", x)}
              options={sessionMinutes.map((m) => ({ value: String(m), label: `${m} minutes` }))}
            />
          </div>
          <TextField
            label="Note to the other person"
            value={form.values.notice}
            onValueChange={(x) => form.set("notice", x)}
            error={form.errors.notice}
            optional
          />
          <Button type="submit" pending={move.isPending}>
            Move the session
          </Button>
        </Form>
      )}
    </li>
  );
}

function Sessions({ engagement }: { engagement: E }) {
  const form = useFormState<{ minutes: string; agenda: string }>({ minutes: "60", agenda: "" });
  const book = useStep(
    engagement,
    form,
    (param, start: string) =>
      call(
        api.engagements[":id"].sessions.$post({
          param,
          json: {
            startsAt: start,
            minutes: Number(form.values.minutes) as (typeof sessionMinutes)[number],
            agenda: form.values.agenda,
          },
        }),
      ),
    "Session booked: both of you got a calendar file",
  );
  const fitting = slotsHolding(engagement.slots, form.values.minutes);
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
      <StepError form={form as unknown as FormState<Values>} />
      {engagement.sessions.length > 0 ? (
        <ul className="engagement-list" aria-label="Booked sessions">
          {engagement.sessions.map((s) => (
            <SessionItem key={s.id} engagement={engagement} session={s} />
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
                value={form.values.minutes}
                onValueChange={(x) => form.set("minutes", x)}
                options={sessionMinutes.map((m) => ({ value: String(m), label: `${m} minutes` }))}
              />
              <TextField
                label="Agenda"
                value={form.values.agenda}
                onValueChange={(x) => form.set("agenda", x)}
                optional
              />
            </div>
            <h3 className="engagement-subtitle">Free times</h3>
            {fitting.length === 0 ? (
              <p className="muted">
                No free time in the next two weeks is that long: choose a shorter length.
              </p>
            ) : null}
            <ul className="engagement-list" aria-label="Free times">
              {fitting.slice(0, 8).map((slot) => (
                <li key={slot.start} className="engagement-item">
                  <div>
                    <strong>{mineClock(slot)}</strong>
                    <p className="muted small">For them: {theirClock(slot)}</p>
                  </div>
                  <Button
                    size="small"
                    pending={book.isPending && book.variables === slot.start}
                    onClick={() => book.mutate(slot.start)}
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
  const form = useFormState<{ body: string; shared: boolean }>({ body: "", shared: false });
  const add = useStep(
    engagement,
    form,
    (param, _: null) =>
      call(
        api.engagements[":id"].notes.$post({
          param,
          json: { body: form.values.body, shared: form.values.shared, sessionId: null },
        }),
      ),
    "Note saved",
    () => form.setValues({ body: "", shared: false }),
  );
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
          onSubmit={() => add.mutate(null)}
          formRef={form.formRef}
          error={form.formError}
          aria-label="New note"
        >
          <TextAreaField
            label="Note"
            value={form.values.body}
            onValueChange={(x) => form.set("body", x)}
            error={form.errors.body}
            rows={3}
          />
          <label className="checkbox-option">
            <input
              type="checkbox"
              checked={form.values.shared}
              onChange={(e) => form.set("shared", e.target.checked)}
            />
            Share this note with{" "}
            {engagement.side === "mentee" ? engagement.mentor.name : engagement.mentee.name}
          </label>
          <Button type="submit" pending={add.isPending}>
            Save note
          </Button>
        </Form>
      ) : null}
      {engagement.notes.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ul className="engagement-list" aria-label="Notes">
          {engagement.notes.map((n) => (
            <NoteItem key={n.id} engagement={engagement} note={n} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A change to one item at the version read; a stale one shows the shared conflict notice. */
function useItemChange<I extends { id: string; version: number }, A>(
  engagement: E,
  item: I,
  run: (input: A, version: number) => Promise<E>,
  find: (latest: E) => I | undefined,
) {
  const queryClient = useQueryClient();
  const form = useFormState<Values>({}, { version: item.version });
  const change = useMutation({
    mutationFn: (input: A) => run(input, form.version),
    onSuccess: (updated) => queryClient.setQueryData(["engagements", engagement.id], updated),
    onError: (e) => form.showApiError(e),
  });
  const notice = (
    <>
      <ConflictNotice
        form={form}
        labels={{}}
        loadLatest={async () => {
          const latest = await latestEngagement(engagement.id);
          const found = find(latest);
          if (!found) throw new Error("It was removed.");
          queryClient.setQueryData(["engagements", engagement.id], latest);
          return { values: {}, version: found.version };
        }}
      />
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
    </>
  );
  return { change, notice };
}

function NoteItem({ engagement, note }: { engagement: E; note: E["notes"][number] }) {
  const { change, notice } = useItemChange(
    engagement,
    note,
    (shared: boolean, version) =>
      call(
        api["engagement-notes"][":id"].$put({
          param: { id: encodeURIComponent(note.id) },
          json: { body: note.body, shared, version },
        }),
      ),
    (latest) => latest.notes.find((n) => n.id === note.id),
  );
  return (
    <li className="engagement-item">
      <div>
        <p className="engagement-note">{note.body}</p>
        <p className="muted small">
          {note.mine ? "You" : note.authorName} · {note.shared ? "Shared" : "Private to you"}
        </p>
      </div>
      {note.mine ? (
        <Button
          variant="ghost"
          size="small"
          pending={change.isPending}
          onClick={() => change.mutate(!note.shared)}
        >
          {note.shared ? "Make private" : "Share"}
        </Button>
      ) : null}
      <div className="engagement-item-wide">{notice}</div>
    </li>
  );
}

function ActionItems({ engagement }: { engagement: E }) {
  const form = useFormState<{ text: string; dueOn: string }>({ text: "", dueOn: "" });
  const add = useStep(
    engagement,
    form,
    (param, _: null) =>
      call(
        api.engagements[":id"]["action-items"].$post({
          param,
          json: { text: form.values.text, dueOn: form.values.dueOn || null },
        }),
      ),
    engagement.side === "mentee" ? "Action committed" : "Action suggested",
    () => form.setValues({ text: "", dueOn: "" }),
  );
  const mentee = engagement.side === "mentee";
  return (
    <Card
      id="actions"
      title="Action items"
      icon={<ListChecks size={18} />}
      description="The mentee's to own: the mentor can suggest, only the mentee commits. A reminder comes on the due day."
    >
      {engagement.state === "active" ? (
        <Form
          onSubmit={() => add.mutate(null)}
          formRef={form.formRef}
          error={form.formError}
          aria-label="New action"
        >
          <div className="engagement-row">
            <TextField
              label={mentee ? "Action" : "Suggest an action"}
              value={form.values.text}
              onValueChange={(x) => form.set("text", x)}
              error={form.errors.text}
            />
            <TextField
              label="Due"
              type="date"
              value={form.values.dueOn}
              onValueChange={(x) => form.set("dueOn", x)}
              error={form.errors.dueOn}
              optional
            />
          </div>
          <Button type="submit" pending={add.isPending}>
            {mentee ? "Commit to it" : "Suggest it"}
          </Button>
        </Form>
      ) : null}
      {engagement.actionItems.length === 0 ? (
        <p className="muted small">No actions yet.</p>
      ) : (
        <ul className="engagement-list" aria-label="Actions">
          {engagement.actionItems.map((item) => (
            <ActionItemRow key={item.id} engagement={engagement} item={item} />
          ))}
        </ul>
      )}
    </Card>
  );
}

type Item = E["actionItems"][number];

function ActionItemRow({ engagement, item }: { engagement: E; item: Item }) {
  const { change, notice } = useItemChange(
    engagement,
    item,
    (state: Item["state"], version) =>
      call(
        api["engagement-action-items"][":id"].$put({
          param: { id: encodeURIComponent(item.id) },
          json: { text: item.text, dueOn: item.dueOn, state, version },
        }),
      ),
    (latest) => latest.actionItems.find((i) => i.id === item.id),
  );
  const step = (state: Item["state"], label: string, variant?: "ghost") => (
    <Button
      size="small"
      variant={variant}
      pending={change.isPending && change.variables === state}
      onClick={() => change.mutate(state)}
    >
      {label}
    </Button>
  );
  return (
    <li className="engagement-item">
      <div>
        <strong>{item.text}</strong>
        <p className="muted small">
          {actionItemStateLabels[item.state]}
          {item.dueOn ? ` · due ${item.dueOn}` : ""}
        </p>
      </div>
      {engagement.side === "mentee" ? (
        <div className="engagement-actions">
          {item.state === "suggested" ? (
            <>
              {step("committed", "Commit")}
              {step("declined", "Not for me", "ghost")}
            </>
          ) : item.state === "committed" ? (
            <>
              {step("done", "Done")}
              {step("not_done", "Not done", "ghost")}
            </>
          ) : null}
        </div>
      ) : null}
      <div className="engagement-item-wide">{notice}</div>
    </li>
  );
}

type Shared = E["decisions"][number];

/**
 * Decisions stay the mentee's: they share one from their journal, read-only, for the engagement's life
 * or until they stop; the mentor reads it and comments, and only the mentee changes it.
 */
function Decisions({ engagement }: { engagement: E }) {
  const mentee = engagement.side === "mentee";
  const open = engagement.state === "active" || engagement.state === "closing";
  return (
    <Card
      id="decisions"
      title="Decisions"
      icon={<MessagesSquare size={18} />}
      description={
        mentee
          ? `Your decisions stay yours. Share one from your journal with ${engagement.mentor.name}, read-only, until you stop or the mentoring closes: they can comment, only you change it.`
          : `Decisions from ${engagement.mentee.name}'s journal they share with you, read-only, while they share them and the mentoring lasts. Comment on them; only they change a decision.`
      }
    >
      {mentee && open ? <ShareDecision engagement={engagement} /> : null}
      {engagement.decisions.length === 0 ? (
        <p className="muted small">
          {mentee
            ? "You share no decision yet."
            : `${engagement.mentee.name} shares no decision with you yet. They can share one from their journal for you to comment on.`}
        </p>
      ) : (
        <ul className="engagement-list" aria-label="Shared decisions">
          {engagement.decisions.map((d) => (
            <SharedDecision key={d.shareId} engagement={engagement} decision={d} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ShareDecision({ engagement }: { engagement: E }) {
  const journal = useQuery(decisionsQuery);
  const form = useFormState<{ decisionId: string }>({ decisionId: "" });
  const share = useStep(
    engagement,
    form,
    (param, _: null) =>
      call(api.engagements[":id"].decisions.$post({ param, json: { decisionId: form.values.decisionId } })),
    `Shared with ${engagement.mentor.name}, read-only`,
    () => form.setValues({ decisionId: "" }),
  );
  if (journal.isPending) return <LoadingState label="Loading your decisions…" />;
  if (journal.isError)
    return <LoadFailed what="your decisions" error={journal.error} retry={() => journal.refetch()} />;
  const sharedIds = new Set(engagement.decisions.map((d) => d.decisionId));
  const choices = journal.data.decisions.filter((d) => !sharedIds.has(d.id));
  if (journal.data.decisions.length === 0) {
    return (
      <p className="small">
        Your decision journal is empty. <Link to="/decisions/new">Record a decision</Link>, then share it
        here.
      </p>
    );
  }
  if (choices.length === 0)
    return <p className="muted small">Every decision in your journal is shared here.</p>;
  return (
    <Form
      onSubmit={() => {
        if (!form.values.decisionId) {
          form.showErrors({ decisionId: "Pick one of your decisions to share" });
          return;
        }
        share.mutate(null);
      }}
      formRef={form.formRef}
      error={form.formError}
      aria-label="Share a decision"
    >
      <SelectField
        label="A decision from your journal"
        name="decisionId"
        value={form.values.decisionId}
        onValueChange={(x) => form.set("decisionId", x)}
        error={form.errors.decisionId}
        options={[
          { value: "", label: "Pick a decision" },
          ...choices.map((d) => ({ value: d.id, label: d.dilemma })),
        ]}
      />
      <Button type="submit" variant="secondary" pending={share.isPending}>
        Share with {engagement.mentor.name}
      </Button>
    </Form>
  );
}

function SharedDecision({ engagement, decision }: { engagement: E; decision: Shared }) {
  const mentee = engagement.side === "mentee";
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const unshare = useMutation({
    mutationFn: () =>
      call(
        api["engagement-decisions"][":id"].$delete({ param: { id: encodeURIComponent(decision.shareId) } }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(["engagements", engagement.id], updated);
      toast({ title: `${engagement.mentor.name} no longer reads this decision` });
    },
    onError: (e) => setError(e.message),
  });
  const open = engagement.state === "active" || engagement.state === "closing";
  return (
    <li className="engagement-item engagement-decision">
      <div>
        <h3 className="engagement-subtitle">{decision.dilemma}</h3>
        <ul className="small">
          {decision.options.map((o) => (
            <li key={o.label}>
              {o.label}
              {o.servesSkipJob ? <span className="muted"> — {o.servesSkipJob}</span> : null}
            </li>
          ))}
        </ul>
        <p className="small">
          <strong>Decided:</strong> {decision.decision}
          {decision.reason ? <span className="muted"> Why: {decision.reason}</span> : null}
        </p>
        {decision.comments.length > 0 ? (
          <ul className="engagement-comments" aria-label="Comments">
            {decision.comments.map((c) => (
              <CommentItem key={`${c.id}:${c.version}`} engagement={engagement} comment={c} />
            ))}
          </ul>
        ) : (
          <p className="muted small">No comments yet.</p>
        )}
        {!mentee && open ? <CommentForm engagement={engagement} decision={decision} /> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      {mentee ? (
        <div className="engagement-actions">
          <Link
            to="/decisions/$id"
            params={{ id: decision.decisionId }}
            className={buttonClass("ghost", "small")}
          >
            Open in your journal
          </Link>
          <Button variant="ghost" size="small" pending={unshare.isPending} onClick={() => unshare.mutate()}>
            Stop sharing
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function CommentForm({ engagement, decision }: { engagement: E; decision: Shared }) {
  const form = useFormState<{ body: string }>({ body: "" });
  const add = useStep(
    engagement,
    form,
    (_param, _: null) =>
      call(
        api["engagement-decisions"][":id"].comments.$post({
          param: { id: encodeURIComponent(decision.shareId) },
          json: { body: form.values.body },
        }),
      ),
    `Comment sent to ${engagement.mentee.name}`,
    () => form.setValues({ body: "" }),
  );
  return (
    <Form
      onSubmit={() => add.mutate(null)}
      formRef={form.formRef}
      error={form.formError}
      aria-label={`Comment on “${decision.dilemma}”`}
    >
      <TextAreaField
        label="Your comment"
        value={form.values.body}
        onValueChange={(x) => form.set("body", x)}
        error={form.errors.body}
        hint="A question or a view; the decision stays theirs."
        rows={2}
        maxLength={4000}
      />
      <Button type="submit" size="small" pending={add.isPending}>
        Comment
      </Button>
    </Form>
  );
}

function CommentItem({ engagement, comment }: { engagement: E; comment: Shared["comments"][number] }) {
  const [editing, setEditing] = useState(false);
  const form = useFormState<{ body: string }>({ body: comment.body }, { version: comment.version });
  const save = useStep(
    engagement,
    form,
    (_param, _: null, version) =>
      call(
        api["engagement-decision-comments"][":id"].$put({
          param: { id: encodeURIComponent(comment.id) },
          json: { body: form.values.body, version },
        }),
      ),
    "Comment changed",
    () => setEditing(false),
  );
  return (
    <li>
      {editing ? (
        <Form
          onSubmit={() => save.mutate(null)}
          formRef={form.formRef}
          error={form.formError}
          aria-label="Change your comment"
        >
          <ConflictNotice
            form={form}
            labels={{ body: "Your comment" }}
            loadLatest={async () => {
              const latest = (await latestEngagement(engagement.id)).decisions
                .flatMap((d) => d.comments)
                .find((c) => c.id === comment.id);
              if (!latest) throw new Error("This comment is no longer shared.");
              return { values: { body: latest.body }, version: latest.version };
            }}
          />
          <TextAreaField
            label="Your comment"
            value={form.values.body}
            onValueChange={(x) => form.set("body", x)}
            error={form.errors.body}
            rows={2}
          />
          <div className="engagement-actions">
            <Button type="submit" size="small" pending={save.isPending}>
              Save
            </Button>
            <Button variant="ghost" size="small" onClick={() => setEditing(false)}>
              Keep it as it was
            </Button>
          </div>
        </Form>
      ) : (
        <>
          <p className="engagement-note">{comment.body}</p>
          <p className="muted small">
            {comment.mine ? "You" : comment.authorName}
            {comment.version > 1 ? " (edited)" : ""}
            {comment.mine ? (
              <>
                {" · "}
                <Button variant="ghost" size="small" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              </>
            ) : null}
          </p>
        </>
      )}
    </li>
  );
}

function CloseOut({ engagement }: { engagement: E }) {
  const form = useFormState<{ rating: string; text: string; quote: boolean }>(
    { rating: "5", text: "", quote: false },
    { version: engagement.version },
  );
  const close = useStep(
    engagement,
    form,
    (param, _: null, version) => call(api.engagements[":id"].close.$post({ param, json: { version } })),
    "Close-out begun",
  );
  const review = useStep(
    engagement,
    form,
    (param, _: null) =>
      call(
        api.engagements[":id"].review.$post({
          param,
          json: {
            rating: Number(form.values.rating),
            text: form.values.text,
            quoteAllowed: form.values.quote,
          },
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
      <StepConflict
        form={form}
        engagementId={engagement.id}
        labels={{ rating: "Rating", text: "Your review", quote: "May be quoted" }}
        latest={(e) => ({ values: form.values, version: e.version })}
      />
      {engagement.state === "active" || engagement.state === "agreeing" ? (
        <>
          <StepError form={form as unknown as FormState<Values>} />
          <Button variant="secondary" pending={close.isPending} onClick={() => close.mutate(null)}>
            Begin the close-out
          </Button>
        </>
      ) : null}
      {(engagement.state === "closing" || engagement.state === "closed") && !r.mine ? (
        <Form
          onSubmit={() => review.mutate(null)}
          formRef={form.formRef}
          error={form.formError}
          aria-label="Your review"
        >
          <SelectField
            label="Rating"
            value={form.values.rating}
            onValueChange={(x) => form.set("rating", x)}
            options={["5", "4", "3", "2", "1"].map((x) => ({ value: x, label: `${x} of 5` }))}
          />
          <TextAreaField
            label="Your review"
            value={form.values.text}
            onValueChange={(x) => form.set("text", x)}
            error={form.errors.text}
            rows={4}
          />
          {engagement.side === "mentee" ? (
            <label className="checkbox-option">
              <input
                type="checkbox"
                checked={form.values.quote}
                onChange={(e) => form.set("quote", e.target.checked)}
              />
              The mentor's profile may quote my review
            </label>
          ) : null}
          <Button type="submit" pending={review.isPending}>
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
            <Decisions engagement={e} />
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
