import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Activity, ArrowLeft, FileUp, Gauge, Play, Send, SlidersHorizontal } from "lucide-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { type CohortOutput, criterionLabels, type RunOutput } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { isNotFound, LoadFailed, QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { ScrollBox } from "../../ui/scroll-box.tsx";
import { LoadingState, Spinner } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import {
  cohortQuery,
  healthQuery,
  param,
  participantsQuery,
  previewQuery,
  runProgressQuery,
  runQuery,
} from "./programs-api.ts";
import "./programs.css";

// The chart library loads with the health card only, never in the main bundle.
const HealthChart = lazy(() => import("./health-chart.tsx"));
// The import and settings forms load after the page's first picture; the override forms and their
// schema when one is opened.
const ImportForm = lazy(() => import("./cohort-forms.tsx").then((m) => ({ default: m.ImportForm })));
const SettingsForm = lazy(() => import("./cohort-forms.tsx").then((m) => ({ default: m.SettingsForm })));
const ReasonForm = lazy(() => import("./override-forms.tsx").then((m) => ({ default: m.ReasonForm })));
const SeatForm = lazy(() => import("./override-forms.tsx").then((m) => ({ default: m.SeatForm })));

function ImportCard({ cohort }: { cohort: CohortOutput }) {
  const [page, setPage] = useState(1);
  const list = useQuery(participantsQuery(cohort.id, page));
  return (
    <Card
      id="participants"
      title="Participants"
      icon={<FileUp size={18} />}
      description="Import a CSV with email, name, role (mentee or mentor), the manager's email and a mentor's seats. Importing the same file again changes nothing; invited people join with their Sidecar account."
    >
      <AfterPaint component={ImportForm} props={{ cohort }} />
      <QueryState
        query={list}
        loading="Loading participants…"
        failed="Participants"
        isEmpty={(data) => data.total === 0}
        empty={
          <EmptyState title="No participants yet" headingLevel={3}>
            Choose a CSV file above, preview it, then import it.
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <ScrollBox label="Participants">
              <table className="program-table">
                <caption className="visually-hidden">Participants</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Seats</th>
                    <th scope="col">Joined</th>
                  </tr>
                </thead>
                <tbody>
                  {data.participants.map((p) => (
                    <tr key={p.id}>
                      <td>
                        {p.name}
                        <br />
                        <span className="muted small">{p.email}</span>
                      </td>
                      <td>{p.role}</td>
                      <td>{p.role === "mentor" ? p.capacity : ""}</td>
                      <td>{p.joined ? "Joined" : "Invited"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            <div className="program-actions">
              <Button size="small" variant="ghost" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <span className="muted small">
                Page {page} of {Math.max(1, Math.ceil(data.total / data.pageSize))}
              </span>
              <Button
                size="small"
                variant="ghost"
                disabled={page * data.pageSize >= data.total}
                onClick={() => setPage(page + 1)}
              >
                Next
              </Button>
            </div>
          </>
        )}
      </QueryState>
    </Card>
  );
}

function SettingsCard({ cohort }: { cohort: CohortOutput }) {
  const preview = useQuery(previewQuery(cohort.id));
  return (
    <Card
      id="criteria"
      title="Criteria and rules"
      icon={<SlidersHorizontal size={18} />}
      description="Weights say how much each criterion counts; hard rules remove pairs altogether."
    >
      <AfterPaint component={SettingsForm} props={{ cohort }} />
      {preview.data ? (
        <p aria-live="polite">
          With the saved rules: {preview.data.feasiblePairs} of {preview.data.allPairs} pairs allowed ·{" "}
          {preview.data.mentees} mentees, {preview.data.mentors} mentors, {preview.data.seats} seats
          {preview.data.notReady > 0 ? ` · ${preview.data.notReady} not joined yet, left out` : ""}
        </p>
      ) : null}
    </Card>
  );
}

const isLive = (run: RunOutput) => run.state === "queued" || run.state === "running";

function progressText(run: RunOutput, stopping: boolean) {
  if (stopping) return "Cancelling… the run stops at its next check";
  if (run.state === "queued") return "Waiting for the worker…";
  if (run.state === "cancelled") return "Cancelled";
  if (run.state === "failed") return "The run could not finish";
  if (run.state === "done" || run.phase === "done") return "Finished";
  if (run.phase === "queued" || (run.phase === "scoring" && run.total === 0)) return "Reading the cohort…";
  if (run.phase === "matching") return `Placing mentees: ${run.done} of ${run.total} placed`;
  if (run.phase === "pricing") return "Pricing: checking every other pair against the dual";
  if (run.phase === "saving") return "Saving the pairs";
  return `Scoring every pair: ${run.done} of ${run.total} mentees`;
}

type Step = RunOutput["steps"][number];
const stepLabels: Record<Step["phase"], string> = {
  scoring: "Scoring every pair",
  matching: "Placing mentees",
  pricing: "Pricing every other pair",
  saving: "Saving the pairs",
};

function stepText(step: Step) {
  const round = step.round > 1 ? ` (round ${step.round})` : "";
  if (step.phase === "scoring") return `${step.done} of ${step.total} mentees scored`;
  if (step.phase === "matching") return `${step.done} of ${step.total} placed${round}`;
  if (step.phase === "pricing")
    return step.finished ? `every other pair checked${round}` : `checking every other pair${round}`;
  return step.finished ? "saved" : "saving";
}

/**
 * A run's phases as they happen: each phase stays listed once reached, with its figures, so a phase
 * that takes a fraction of a second still shows; the current one is marked and its figures move.
 */
function RunSteps({ run }: { run: RunOutput }) {
  const order: Step["phase"][] = ["scoring", "matching", "pricing", "saving"];
  // The latest round of each phase.
  const latest = new Map<Step["phase"], Step>();
  for (const step of run.steps) latest.set(step.phase, step);
  return (
    <ol className="program-steps" aria-label="Phases of the run">
      {order.map((phase) => {
        const step = latest.get(phase);
        const state = !step ? "waiting" : step.finished ? "finished" : "current";
        return (
          <li
            key={phase}
            data-step={phase}
            data-state={state}
            aria-current={state === "current" ? "step" : undefined}
          >
            <span className="program-step-mark" aria-hidden="true">
              {state === "finished" ? "✓" : state === "current" ? "…" : ""}
            </span>
            <span>
              <strong>{stepLabels[phase]}</strong>{" "}
              <span className="muted">{step ? stepText(step) : "not yet"}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Asks for the run's progress four times a second while it runs; tells the cohort when it ends. A
 * cancelled run goes on until the worker's next check, so it shows as cancelling until then.
 */
function LiveRun({
  cohortId,
  initial,
  cancel,
}: {
  cohortId: string;
  initial: RunOutput;
  cancel: {
    pending: boolean;
    requested: string | undefined;
    error: Error | null;
    mutate: (id: string) => void;
  };
}) {
  const queryClient = useQueryClient();
  const progress = useQuery({
    ...runProgressQuery(initial.id),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isLive(q.state.data) ? 250 : false),
  });
  const live = progress.data;
  const ended = !isLive(live);
  // A reading sent before the cancel may answer after it: the cancel asked for still holds.
  const stopping = !ended && (live.cancelRequested || cancel.requested === live.id);
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ["cohorts", cohortId] });
  }, [ended, cohortId, queryClient]);
  const value = !stopping && (live.phase === "matching" || live.phase === "scoring") ? live.done : undefined;
  return (
    <div className="stack">
      <p data-run-progress="" aria-live="polite" className="row">
        {stopping ? <Spinner /> : null}
        {progressText(live, stopping)}
      </p>
      <progress
        className="program-progress"
        aria-label="Matching progress"
        max={Math.max(1, live.total)}
        value={value}
      />
      <RunSteps run={live} />
      <Button
        variant="secondary"
        pending={cancel.pending}
        disabled={ended || stopping}
        onClick={() => cancel.mutate(live.id)}
      >
        Cancel the run
      </Button>
      {cancel.error ? <Alert tone="error">{cancel.error.message}</Alert> : null}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="program-figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function MatchingCard({ cohort }: { cohort: CohortOutput }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<{
    kind: "pin" | "forbid" | "seats";
    menteeId: string;
    mentorId: string;
  } | null>(null);
  const current = cohort.currentRun;
  const result = useQuery({ ...runQuery(current?.id ?? "", page), enabled: Boolean(current) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["cohorts", cohort.id] });
  const start = useMutation({
    mutationFn: () => call(api.cohorts[":id"].runs.$post({ param: param(cohort.id) })),
    // The run shows at once; the rest of the cohort is read again behind it.
    onSuccess: (run) => {
      queryClient.setQueryData(cohortQuery(cohort.id).queryKey, (old) => old && { ...old, liveRun: run });
      void refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => call(api.runs[":id"].cancel.$post({ param: param(id) })),
    // The answer is the run as it stands: still live, asked to stop, unless it had not started.
    onSuccess: (run) => queryClient.setQueryData(runProgressQuery(run.id).queryKey, run),
  });
  const override = useMutation({
    mutationFn: (json: Parameters<(typeof api.cohorts)[":id"]["overrides"]["$post"]>[0]["json"]) =>
      call(api.cohorts[":id"].overrides.$post({ param: param(cohort.id), json })),
    onSuccess: (data) => {
      queryClient.setQueryData(cohortQuery(cohort.id).queryKey, data);
      setActing(null);
      toast({ title: "Recorded. Run matching again to solve around it." });
    },
  });
  const live = cohort.liveRun;
  const published = Boolean(cohort.publishedAt);
  // A run is said to be cancelled only once the cohort no longer shows it live, from its final state.
  const watched = useRef(live?.id);
  useEffect(() => {
    const gone = watched.current;
    watched.current = live?.id;
    if (!gone || gone === live?.id) return;
    void queryClient
      .fetchQuery({
        ...runProgressQuery(gone),
        staleTime: (q) => (q.state.data && !isLive(q.state.data) ? Number.POSITIVE_INFINITY : 0),
      })
      .then(
        (run) => {
          if (run.state === "cancelled") toast({ title: "Run cancelled" });
        },
        () => {},
      );
  }, [live?.id, queryClient, toast]);
  return (
    <Card
      id="matching"
      title="Matching"
      icon={<Gauge size={18} />}
      description="Each run solves the whole cohort for the best total and proves it optimal; the greedy baseline shows what first-come matching would have given."
    >
      {live ? (
        <LiveRun
          key={live.id}
          cohortId={cohort.id}
          initial={live}
          cancel={{
            pending: cancel.isPending,
            requested: cancel.isSuccess ? cancel.variables : undefined,
            error: cancel.error,
            mutate: cancel.mutate,
          }}
        />
      ) : (
        <div className="program-actions">
          <Button
            icon={<Play size={16} aria-hidden="true" />}
            disabled={published}
            pending={start.isPending}
            onClick={() => start.mutate()}
          >
            {current ? "Run matching again" : "Run matching"}
          </Button>
          {start.isError ? <Alert tone="error">{start.error.message}</Alert> : null}
        </div>
      )}
      {!current ? (
        <EmptyState title="No result yet" headingLevel={3}>
          Import participants, let them join, then run matching.
        </EmptyState>
      ) : (
        <>
          <dl className="program-figures">
            <Figure label="Matched" value={`${current.matched} of ${current.menteeCount}`} />
            <Figure label="Total score" value={current.score} />
            <Figure label="Greedy: matched" value={current.greedyMatched} />
            <Figure label="Greedy: total score" value={current.greedyScore} />
            <Figure label="Proved optimal" value={current.certified ? "Yes" : "No"} />
          </dl>
          {result.data ? (
            <>
              <h3>Pairs</h3>
              <ul className="program-list">
                {result.data.pairs.map((pair) => (
                  <li key={pair.id}>
                    <details className="program-pair" style={{ width: "100%" }}>
                      <summary>
                        <span>
                          {pair.mentee.name} with {pair.mentor.name}
                          {pair.pinned ? " (pinned)" : ""}
                        </span>
                        <span className="muted">score {pair.score}</span>
                      </summary>
                      <ul>
                        {pair.explanation.criteria.map((c) => (
                          <li key={c.criterion + c.text}>
                            <strong>{criterionLabels[c.criterion]}</strong> ({c.points} points): {c.text}
                          </li>
                        ))}
                      </ul>
                      {published ? null : acting?.kind === "seats" &&
                        acting.menteeId === pair.mentee.id &&
                        acting.mentorId === pair.mentor.id &&
                        current ? (
                        <Suspense fallback={null}>
                          <SeatForm
                            cohortId={cohort.id}
                            pair={pair}
                            page={{ runId: current.id, number: page }}
                            onDone={() => setActing(null)}
                            onCancel={() => setActing(null)}
                          />
                        </Suspense>
                      ) : acting &&
                        acting.kind !== "seats" &&
                        acting.menteeId === pair.mentee.id &&
                        acting.mentorId === pair.mentor.id ? (
                        <Suspense fallback={null}>
                          <ReasonForm
                            cohortId={cohort.id}
                            kind={acting.kind}
                            pair={pair}
                            onDone={() => setActing(null)}
                            onCancel={() => setActing(null)}
                          />
                        </Suspense>
                      ) : (
                        <div className="program-actions">
                          <Button
                            size="small"
                            variant="secondary"
                            onClick={() =>
                              setActing({ kind: "pin", menteeId: pair.mentee.id, mentorId: pair.mentor.id })
                            }
                          >
                            Pin
                          </Button>
                          <Button
                            size="small"
                            variant="ghost"
                            onClick={() =>
                              setActing({
                                kind: "forbid",
                                menteeId: pair.mentee.id,
                                mentorId: pair.mentor.id,
                              })
                            }
                          >
                            Forbid
                          </Button>
                          <Button
                            size="small"
                            variant="ghost"
                            onClick={() =>
                              setActing({ kind: "seats", menteeId: pair.mentee.id, mentorId: pair.mentor.id })
                            }
                          >
                            Change seats ({pair.mentorSeats.seats})
                          </Button>
                        </div>
                      )}
                      {override.isError ? <Alert tone="error">{override.error.message}</Alert> : null}
                    </details>
                  </li>
                ))}
              </ul>
              <div className="program-actions">
                <Button size="small" variant="ghost" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  Previous pairs
                </Button>
                <Button
                  size="small"
                  variant="ghost"
                  disabled={page * result.data.pageSize >= result.data.total}
                  onClick={() => setPage(page + 1)}
                >
                  Next pairs
                </Button>
              </div>
              {result.data.unmatched.length > 0 ? (
                <p>Not matched: {result.data.unmatched.map((p) => p.name).join(", ")}</p>
              ) : null}
            </>
          ) : null}
        </>
      )}
      {cohort.overrides.length > 0 ? (
        <>
          <h3>Overrides</h3>
          <ul className="program-list">
            {cohort.overrides.map((o) => (
              <li key={o.id}>
                <span>
                  {o.kind === "pin"
                    ? "Pinned"
                    : o.kind === "forbid"
                      ? "Forbade"
                      : `Seats set to ${o.capacity} for`}{" "}
                  {o.mentee ? `${o.mentee.name} with ` : ""}
                  {o.mentor?.name}: “{o.reason}”
                </span>
                <span className="muted small">by {o.byName}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

function PublishCard({ cohort }: { cohort: CohortOutput }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const publish = useMutation({
    mutationFn: () => call(api.cohorts[":id"].publish.$post({ param: param(cohort.id) })),
    onSuccess: async (data) => {
      toast({ title: `${data.published} pairs published` });
      await queryClient.invalidateQueries({ queryKey: ["cohorts", cohort.id] });
    },
  });
  return (
    <Card
      id="publish"
      title="Publish"
      icon={<Send size={18} />}
      description={
        cohort.publishMode === "mentoring"
          ? "Each pair becomes an accepted mentoring request; both people are told who and why."
          : "Both people of each pair are introduced, with why they were matched."
      }
    >
      {cohort.publishedAt ? (
        <p>Published on {cohort.publishedAt.slice(0, 10)}.</p>
      ) : (
        <Button
          disabled={!cohort.currentRun || Boolean(cohort.liveRun)}
          pending={publish.isPending}
          onClick={() => publish.mutate()}
        >
          Publish the pairs
        </Button>
      )}
      {publish.isError ? <Alert tone="error">{publish.error.message}</Alert> : null}
    </Card>
  );
}

function reviewText(r: { revealed: number; averaged: number; averageRating: number | null }) {
  if (r.averageRating === null)
    return r.revealed === 0 ? "None revealed yet" : `${r.revealed} revealed; the average shows from 5`;
  return `${r.averageRating.toFixed(1)} of 5 (over ${r.averaged} of ${r.revealed})`;
}

function HealthCard({ cohort }: { cohort: CohortOutput }) {
  const health = useQuery({ ...healthQuery(cohort.id), enabled: Boolean(cohort.publishedAt) });
  const [exportError, setExportError] = useState<string | null>(null);
  async function download() {
    try {
      const { csv, fileName } = await call(
        api.cohorts[":id"].health.export.$get({ param: param(cohort.id) }),
      );
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError((error as Error).message);
    }
  }
  return (
    <Card
      id="health"
      title="Program health"
      icon={<Activity size={18} />}
      description="Aggregates only: nobody's notes, feedback, plan, review text or what was said in a session."
    >
      {!cohort.publishedAt ? (
        <EmptyState title="Nothing to watch yet" headingLevel={3}>
          Health figures start once the pairs are published.
        </EmptyState>
      ) : health.isPending ? (
        <LoadingState label="Loading health figures…" />
      ) : health.isError ? (
        <LoadFailed what="Health figures" error={health.error} />
      ) : (
        <>
          <dl className="program-figures">
            <Figure label="Matches made" value={health.data.matchesMade} />
            <Figure label="Accepted by both" value={health.data.accepted} />
            <Figure label="Sessions held (booked in Sidecar, took place)" value={health.data.sessionsHeld} />
            <Figure label="Meetings recorded by participants" value={health.data.meetingsRecorded} />
            <Figure label="Stalled (no session or meeting in 21 days)" value={health.data.stalled} />
            <Figure label="Close-out reviews by mentees" value={reviewText(health.data.reviews.byMentees)} />
            <Figure label="Close-out reviews by mentors" value={reviewText(health.data.reviews.byMentors)} />
          </dl>
          <p className="muted small">
            Review ratings are shown only as averages over whole groups of five, in the order they were
            revealed, so no one person's rating can be read off a figure or a change in it.
          </p>
          <Suspense fallback={<LoadingState label="Loading the chart…" />}>
            <HealthChart weekly={health.data.weekly} />
          </Suspense>
          {health.data.stalledPairs.length > 0 ? (
            <>
              <h3>Stalled pairs</h3>
              <ul className="program-list">
                {health.data.stalledPairs.map((p) => (
                  <li key={`${p.mentee}-${p.mentor}-${p.publishedOn}`}>
                    {p.mentee} with {p.mentor}
                    <span className="muted small">
                      {p.lastMetOn
                        ? `last ${p.lastMetBy === "session" ? "session" : "recorded meeting"} ${p.lastMetOn}`
                        : `never met since ${p.publishedOn}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Button variant="secondary" onClick={download}>
            Export the figures as CSV
          </Button>
          {exportError ? <Alert tone="error">{exportError}</Alert> : null}
        </>
      )}
    </Card>
  );
}

export function CohortPage() {
  const { cohortId } = useParams({ strict: false }) as { cohortId: string };
  const query = useQuery({
    ...cohortQuery(cohortId),
    // While a run is under way its own progress is read four times a second (LiveRun); the cohort
    // itself is read again every few seconds, and at once when the run ends.
    refetchInterval: (q) => (q.state.data?.liveRun ? 3000 : false),
  });
  const queryClient = useQueryClient();
  const liveId = query.data?.liveRun?.id;
  useEffect(() => {
    if (!liveId) void queryClient.invalidateQueries({ queryKey: ["runs"] });
  }, [liveId, queryClient]);
  useTitle(query.data?.name ?? "Cohort");
  if (query.isPending) return <LoadingState label="Loading the cohort…" />;
  if (query.isError) {
    return isNotFound(query.error) ? (
      <RecordNotFound
        thing="cohort"
        back={
          <Link to="/programs" className={buttonClass("secondary")}>
            Back to programs
          </Link>
        }
      />
    ) : (
      <LoadFailed what="The cohort" error={query.error} retry={() => query.refetch()} />
    );
  }
  const cohort = query.data;
  return (
    <>
      <PageHeader
        title={cohort.name}
        before={
          <Link to="/programs/$programId" params={{ programId: cohort.programId }} className="breadcrumb">
            <ArrowLeft size={16} aria-hidden="true" />
            {cohort.programName}
          </Link>
        }
        description={`${cohort.programName} · ${cohort.startsOn} to ${cohort.endsOn} · ${cohort.counts.mentees} mentees, ${cohort.counts.mentors} mentors (${cohort.counts.seats} seats), ${cohort.counts.joined} joined`}
      />
      <div className="program-grid">
        <ImportCard cohort={cohort} />
        <SettingsCard key={cohort.version} cohort={cohort} />
        <MatchingCard cohort={cohort} />
        <PublishCard cohort={cohort} />
        <HealthCard cohort={cohort} />
      </div>
    </>
  );
}
