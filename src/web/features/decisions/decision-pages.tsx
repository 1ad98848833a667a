import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, History, ListChecks, MessagesSquare, Pencil } from "lucide-react";
import { useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { Decision } from "../../../shared/decisions.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { DeleteButton } from "../../ui/delete-button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { DecisionForm } from "./decision-form.tsx";
import { decisionQuery, refreshDecisionLists } from "./decisions-api.ts";
import { RevisitBadge } from "./decisions-page.tsx";
import { RevisitForm } from "./revisit-form.tsx";
import "./decisions.css";

const backToJournal = (
  <Link to="/decisions" className="breadcrumb">
    <ArrowLeft size={16} aria-hidden="true" />
    Decision journal
  </Link>
);

export function NewDecisionPage() {
  useTitle("Record a decision");
  return (
    <>
      <PageHeader title="Record a decision" before={backToJournal} />
      <DecisionForm />
    </>
  );
}

/** Loads one decision by the route's id and renders its page, or a loading or error state. */
function WithDecision({
  routeId,
  children,
}: {
  routeId: "/app/decisions/$id" | "/app/decisions/$id/edit";
  children: (decision: Decision) => React.ReactNode;
}) {
  const { id } = getRouteApi(routeId).useParams();
  const query = useQuery(decisionQuery(id));
  return (
    <QueryState
      query={query}
      loading="Loading the decision…"
      failed="The decision"
      notFound={
        <RecordNotFound
          thing="decision"
          before={backToJournal}
          back={
            <Link to="/decisions" className={buttonClass("secondary")}>
              See your decision journal
            </Link>
          }
        />
      }
    >
      {children}
    </QueryState>
  );
}

export function EditDecisionPage() {
  useTitle("Edit decision");
  return (
    <WithDecision routeId="/app/decisions/$id/edit">
      {(decision) => (
        <>
          <PageHeader title="Edit decision" before={backToJournal} />
          <DecisionForm decision={decision} />
        </>
      )}
    </WithDecision>
  );
}

export function DecisionPage() {
  return (
    <WithDecision routeId="/app/decisions/$id">
      {(decision) => <DecisionDetail decision={decision} />}
    </WithDecision>
  );
}

function DecisionDetail({ decision }: { decision: Decision }) {
  useTitle(decision.dilemma);
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call(api.decisions[":id"].$delete({ param: { id: encodeURIComponent(decision.id) } })),
    onSuccess: async () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: ["decisions", decision.id] });
      await refreshDecisionLists(queryClient);
      toast({ title: "Decision deleted" });
      await navigate({ to: "/decisions" });
    },
  });

  return (
    <>
      <PageHeader
        title={decision.dilemma}
        before={backToJournal}
        description={`Decided ${formatCalendarDate(decision.decidedOn)}`}
        actions={
          <>
            <Link to="/decisions/$id/edit" params={{ id: decision.id }} className={buttonClass("secondary")}>
              <Pencil size={16} aria-hidden="true" />
              Edit
            </Link>
            <DeleteButton onClick={() => setConfirming(true)} what="this decision" />
          </>
        }
      />
      <div className="stack-lg">
        {decision.dueForRevisit ? <RevisitCard decision={decision} /> : null}
        <Card id="decision-detail" title="What you weighed" icon={<ListChecks size={18} />}>
          <ol className="decision-options">
            {decision.options.map((option, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in saved order; labels may repeat.
              <li key={index}>
                <strong>{option.label}</strong>
                {option.servesSkipJob ? (
                  <p className="small muted">For the skip job: {option.servesSkipJob}</p>
                ) : null}
              </li>
            ))}
          </ol>
          <hr className="card-divider" />
          <h3>What you decided</h3>
          <p className="prose-text">{decision.decision}</p>
          {decision.reason ? (
            <>
              <h3 className="decision-subhead">Why</h3>
              <p className="prose-text">{decision.reason}</p>
            </>
          ) : null}
          <div className="row decision-meta">
            <RevisitBadge decision={decision} />
          </div>
        </Card>
        <Card
          id="decision-revisits"
          title="Looking back"
          icon={<History size={18} />}
          description={
            decision.revisits.length === 0
              ? "No revisits yet. When you look back, write how it turned out: it is how judgement grows."
              : "How it turned out, each time you looked back."
          }
        >
          {decision.revisits.length > 0 ? (
            <ol className="decision-revisits">
              {decision.revisits.map((revisit) => (
                <li key={revisit.id}>
                  <span className="small muted">{formatCalendarDate(revisit.revisitedOn)}</span>
                  <p className="prose-text">{revisit.outcome}</p>
                </li>
              ))}
            </ol>
          ) : null}
          {decision.dueForRevisit ? null : (
            <>
              <h3 className="revisit-form-title">
                {decision.revisits.length > 0 ? "Look back again" : "Look back now"}
              </h3>
              <RevisitForm decision={decision} />
            </>
          )}
        </Card>
        <Discussions decision={decision} />
      </div>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this decision?"
        description="The decision and everything you wrote when you looked back at it will be gone for good."
      >
        {remove.isError ? <Alert tone="error">{remove.error.message}</Alert> : null}
        <FormActions>
          <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate()}>
            Delete decision
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </FormActions>
      </Dialog>
    </>
  );
}

function RevisitCard({ decision }: { decision: Decision }) {
  return (
    <Card
      id="revisit-due"
      title="Time to look back"
      icon={<History size={18} />}
      iconTone="warning"
      description={`You planned to revisit this on ${formatCalendarDate(decision.revisitOn ?? decision.decidedOn)}. How did it turn out?`}
    >
      <RevisitForm decision={decision} />
    </Card>
  );
}

/** Which engagements helped with the decision, and what the mentors said; the decision stays the member's. */
function Discussions({ decision }: { decision: Decision }) {
  return (
    <Card
      id="decision-discussions"
      title="Discussed in mentoring"
      icon={<MessagesSquare size={18} />}
      description={
        decision.discussions.length === 0
          ? "Not shared with a mentor. From an engagement's page you can share it, read-only, for your mentor to comment on; only you change it."
          : "Your mentor reads it, read-only, while you share it and the mentoring lasts. Only you change the decision."
      }
    >
      {decision.discussions.length > 0 ? (
        <ul className="decision-discussions">
          {decision.discussions.map((d) => (
            <li key={d.shareId}>
              <p>
                <strong>Discussed with {d.mentorName} in your engagement</strong>{" "}
                <span className="muted small">
                  · {d.sharedNow ? "shared with them now" : "no longer shared"} ·{" "}
                  <Link to="/engagements/$engagementId" params={{ engagementId: d.engagementId }}>
                    Open the engagement
                  </Link>
                </span>
              </p>
              {d.comments.length === 0 ? (
                <p className="muted small">No comments yet.</p>
              ) : (
                <ul className="decision-comments" aria-label={`Comments from ${d.mentorName}`}>
                  {d.comments.map((c) => (
                    <li key={c.id}>
                      <p className="decision-comment-body">{c.body}</p>
                      <p className="muted small">
                        {c.mine ? "You" : c.authorName}, {formatCalendarDate(c.createdAt.slice(0, 10))}
                        {c.version > 1 ? " (edited)" : ""}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
