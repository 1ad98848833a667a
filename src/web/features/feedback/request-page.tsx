import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Lock } from "lucide-react";
import type { FeedbackRequest } from "../../../shared/feedback.ts";
import { Alert } from "../../ui/alert.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { feedbackRequestQuery, feedbackResultsQuery } from "./feedback-api.ts";
import { InviteCard } from "./invite-card.tsx";
import { LanesResults } from "./lane-results.tsx";
import { QuestionCard } from "./question-card.tsx";
import { RequestStatusCard } from "./request-status-card.tsx";
import { ThankYouCard } from "./thank-you-card.tsx";
import "./feedback.css";
import "./request-page.css";

// A feedback request's page. Its forms (settings, invitations, what I heard, thank-you) each load with
// their schema and the form library once the page is on screen, so the first picture carries no zod.

function Results({ request }: { request: FeedbackRequest }) {
  const query = useQuery({ ...feedbackResultsQuery(request.id), enabled: request.resultsOpen });
  if (!request.resultsOpen) {
    return (
      <Card>
        <EmptyState icon={<Lock size={24} />} title="Results are still sealed">
          They open when {request.minResponses} people have answered. Invite more people, or send the one
          reminder closer to the closing date; if you don't, Sidecar sends it on its own two days before.
        </EmptyState>
      </Card>
    );
  }
  return (
    <QueryState query={query} loading="Loading what people said…" failed="The results">
      {(results) => (
        <div className="stack-lg" id="results">
          <Alert tone="info" title="How to read this">
            Answers are split into paragraphs and shuffled across everyone, so look for themes, not for who
            said what. Sidecar sorts each paragraph into one theme by the words it uses; counts are
            paragraphs, not people. For each question, write what you heard before you mark it read.
          </Alert>
          {results.questions.map((question) => (
            <QuestionCard
              key={question.key}
              requestId={request.id}
              question={question}
              k={results.minResponses}
            />
          ))}
          <LanesResults requestId={request.id} results={results} />
        </div>
      )}
    </QueryState>
  );
}

export function FeedbackRequestPage() {
  const { requestId } = useParams({ from: "/app/feedback/$requestId" });
  const query = useQuery(feedbackRequestQuery(requestId));
  useTitle(query.data ? "Feedback request" : "Feedback");
  return (
    <>
      <PageHeader
        title={query.data?.title ?? "Feedback request"}
        description={query.data?.purpose}
        before={
          <Link to="/feedback" className="small">
            ← Feedback
          </Link>
        }
      />
      <QueryState
        query={query}
        loading="Loading the request…"
        failed="The request"
        notFound={
          <RecordNotFound
            thing="feedback request"
            back={
              <Link to="/feedback" className={buttonClass("secondary")}>
                See your feedback requests
              </Link>
            }
          />
        }
      >
        {(request) => (
          <div className="stack-lg">
            <RequestStatusCard request={request} />
            {request.status === "open" ? <InviteCard request={request} /> : null}
            <Results request={request} />
            {request.responses.shown > 0 ? <ThankYouCard request={request} /> : null}
          </div>
        )}
      </QueryState>
    </>
  );
}
