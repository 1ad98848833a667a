import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { MessageSquareHeart, Plus } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Term } from "../glossary/term.tsx";
import { feedbackRequestsQuery, responseCountText } from "./feedback-api.ts";
import { SuperpowersCard } from "./superpowers-card.tsx";
import "./feedback.css";

export function FeedbackPage() {
  useTitle("Feedback");
  const query = useQuery(feedbackRequestsQuery);
  const requests = query.data?.requests ?? [];
  const askButton = (
    <Button asChild>
      <Link to="/feedback/new">
        <Plus size={16} aria-hidden="true" />
        Ask for feedback
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Feedback"
        description={
          <>
            Ask the people around you for honest feedback. Givers need no account. Their answers reach you
            without names, split into paragraphs and mixed together, and only once{" "}
            <Term id="k-anonymity">enough people</Term> have answered.
          </>
        }
        actions={requests.length > 0 ? askButton : undefined}
      />
      <QueryState query={query} loading="Loading your feedback requests…" failed="Your feedback requests">
        {() => (
          <div className="stack-lg">
            {requests.length === 0 ? (
              <Card>
                <EmptyState
                  icon={<MessageSquareHeart size={24} />}
                  title="No feedback requests yet"
                  action={askButton}
                >
                  Say why you are asking, pick the questions, and invite five or more people who see your work
                  from different angles. Nothing is shown until enough of them have answered.
                </EmptyState>
              </Card>
            ) : (
              <Card id="feedback-requests" title="Your requests" icon={<MessageSquareHeart size={18} />}>
                <ul className="feedback-list">
                  {requests.map((request) => (
                    <li key={request.id} className="feedback-list-item">
                      <Link
                        to="/feedback/$requestId"
                        params={{ requestId: request.id }}
                        className="feedback-list-link"
                      >
                        {request.title ?? request.purpose}
                      </Link>
                      <div className="feedback-list-meta small muted">
                        {request.resultsOpen ? (
                          <span className="badge badge-success">Results ready</span>
                        ) : request.status === "open" ? (
                          <span className="badge badge-accent">Collecting</span>
                        ) : (
                          <span className="badge">Closed</span>
                        )}
                        <span>{responseCountText(request.responses, request.minResponses)}</span>
                        <span>
                          {request.status === "open"
                            ? `Closes ${formatCalendarDate(request.closesOn)}`
                            : `Closed ${formatCalendarDate(request.closedOn ?? request.closesOn)}`}
                        </span>
                      </div>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
            <SuperpowersCard />
          </div>
        )}
      </QueryState>
    </>
  );
}
