import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BookOpenCheck, CalendarClock, Plus } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { Decision } from "../../../shared/decisions.ts";
import { isRevisitOverdue } from "../../../shared/overdue.ts";
import { loadedItems } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { LoadMore } from "../../ui/load-more.tsx";
import { OverdueBadge } from "../../ui/overdue-badge.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Term } from "../glossary/term.tsx";
import { decisionPagesQuery } from "./decisions-api.ts";
import "./decisions.css";

export function RevisitBadge({ decision }: { decision: Decision }) {
  const today = useMemberToday();
  if (decision.revisitOn && isRevisitOverdue(decision, today)) {
    return (
      <span className="row-tight">
        <OverdueBadge since={decision.revisitOn} what="the revisit" />
        <span className="badge badge-warning">Revisit was due {formatCalendarDate(decision.revisitOn)}</span>
      </span>
    );
  }
  if (decision.dueForRevisit && decision.revisitOn) {
    return <span className="badge badge-warning">Revisit due {formatCalendarDate(decision.revisitOn)}</span>;
  }
  if (decision.revisitOn)
    return <span className="badge">Revisit on {formatCalendarDate(decision.revisitOn)}</span>;
  if (decision.revisits.length > 0) return <span className="badge badge-success">Revisited</span>;
  return null;
}

const commentCount = (decision: Decision) => decision.discussions.reduce((n, d) => n + d.comments.length, 0);

function DecisionList({ decisions }: { decisions: Decision[] }) {
  return (
    <ul className="decision-list">
      {decisions.map((decision) => (
        <li key={decision.id} className="decision-item">
          <div className="decision-item-head">
            <h3 className="decision-item-title">
              <Link to="/decisions/$id" params={{ id: decision.id }}>
                {decision.dilemma}
              </Link>
            </h3>
            <RevisitBadge decision={decision} />
          </div>
          <p className="small">
            <span className="muted">Decided {formatCalendarDate(decision.decidedOn)}:</span>{" "}
            {decision.decision}
          </p>
          {decision.discussions.length > 0 ? (
            <p className="small decision-discussed">
              {decision.discussions
                .map((d) => `Discussed with ${d.mentorName} in your engagement`)
                .filter((line, i, all) => all.indexOf(line) === i)
                .join(" · ")}
              {commentCount(decision) > 0
                ? ` · ${commentCount(decision)} ${commentCount(decision) === 1 ? "comment" : "comments"}`
                : ""}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const newDecisionLink = (label: string) => (
  <Link to="/decisions/new" className={buttonClass("primary")}>
    <Plus size={18} aria-hidden="true" />
    {label}
  </Link>
);

export function DecisionsPage() {
  useTitle("Decision journal");
  const query = useInfiniteQuery(decisionPagesQuery);
  const decisions = loadedItems(query.data?.pages, (page) => page.decisions);
  const due = decisions.filter((d) => d.dueForRevisit);
  const rest = decisions.filter((d) => !d.dueForRevisit);

  return (
    <>
      <PageHeader
        title="Decision journal"
        description={
          <>
            Grit it out or move on? Record the dilemma, the options and how each serves your skip job, what
            you decided and why, then <Term id="decision-revisit">look back</Term> at how it turned out. Only
            you see this, unless you share a decision with your mentor from an engagement.
          </>
        }
        actions={decisions.length > 0 ? newDecisionLink("Record a decision") : undefined}
      />
      <QueryState
        query={query}
        loading="Loading your decisions…"
        failed="Your decisions"
        isEmpty={() => decisions.length === 0}
        empty={
          <Card>
            <EmptyState
              icon={<BookOpenCheck size={24} />}
              title="No decisions yet"
              action={newDecisionLink("Record your first decision")}
            >
              Facing a career choice? Write down the options, how each serves the job after next, what you
              chose and why, and a date to look back. Your judgement gets sharper every time you revisit.
            </EmptyState>
          </Card>
        }
      >
        {() => (
          <div className="stack-lg">
            {due.length > 0 ? (
              <Card
                id="decisions-due"
                title="Due for a revisit"
                icon={<CalendarClock size={18} />}
                iconTone="warning"
                description="Look back: how did these turn out?"
              >
                <DecisionList decisions={due} />
              </Card>
            ) : null}
            {rest.length > 0 ? (
              <Card
                id="decisions-all"
                title={due.length > 0 ? "Other decisions" : "Your decisions"}
                icon={<BookOpenCheck size={18} />}
                description="Newest first."
              >
                <DecisionList decisions={rest} />
              </Card>
            ) : null}
            <LoadMore query={query} loaded={decisions.length} what="decisions" one="decision" />
          </div>
        )}
      </QueryState>
    </>
  );
}
