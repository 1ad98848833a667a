import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, Compass, Flag, MessageSquareHeart, Scale, Stethoscope } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { type CheckInAreaView, checkInAreaLabels } from "../../../shared/managers.ts";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { SharedLanesCards } from "../sharing/shared-lanes-cards.tsx";
import { ReleaseBody } from "../story/release-body.tsx";
import { StoryEntryView } from "../story/story-entry-view.tsx";
import { TourStatusBadge, TourTags } from "../tours/tour-parts.tsx";
import { checkInAreaQuery } from "./managers-api.ts";
import "./managers.css";
import { asTour, SharedMilestones } from "../sharing/shared-tour.tsx";

const route = getRouteApi("/app/managers/$linkId/areas/$areaId");

type View<A extends CheckInAreaView["area"]> = Extract<CheckInAreaView, { area: A }>;

function LanesView({ view }: { view: View<"lanes"> }) {
  return <SharedLanesCards assessments={view.lanes} idPrefix="area-lanes" />;
}

function TourView({ view: { tour } }: { view: View<"tour"> }) {
  return (
    <Card id="area-tour" title={tour.title} icon={<Flag size={18} />}>
      <div className="stack">
        <div className="row-between">
          <p className="small muted">
            {formatCalendarDate(tour.startsOn)} – {formatCalendarDate(tour.endedOn ?? tour.endsOn)}
            {tour.endedOn ? " (ended early)" : ""}
          </p>
          <TourStatusBadge status={tour.status} />
        </div>
        <p className="check-in-text">{tour.mission}</p>
        <TourTags tour={asTour(tour)} />
        <SharedMilestones tour={tour} empty={<p className="small muted">No milestones yet.</p>} />
      </div>
    </Card>
  );
}

function DecisionView({ view: { decision } }: { view: View<"decision"> }) {
  return (
    <Card id="area-decision" title={decision.dilemma} icon={<Scale size={18} />}>
      <dl className="story-entry-fields">
        <dt>Options</dt>
        <dd>
          <ul>
            {decision.options.map((option) => (
              <li key={option.label}>
                {option.label}
                {option.servesSkipJob ? <span className="small muted"> — {option.servesSkipJob}</span> : null}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Decided on {formatCalendarDate(decision.decidedOn)}</dt>
        <dd>{decision.decision}</dd>
        {decision.reason ? (
          <>
            <dt>Why</dt>
            <dd className="check-in-text">{decision.reason}</dd>
          </>
        ) : null}
        {decision.revisits.map((revisit) => (
          <div key={revisit.revisitedOn}>
            <dt>Looked back on {formatCalendarDate(revisit.revisitedOn)}</dt>
            <dd className="check-in-text">{revisit.outcome}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function FeedbackView({ view: { feedback } }: { view: View<"feedback_themes"> }) {
  return (
    <Card
      id="area-feedback"
      title="Feedback themes"
      icon={<MessageSquareHeart size={18} />}
      description={`${feedback.purpose} — themes and how many paragraphs each holds, never an answer's words.`}
    >
      {!feedback.open ? (
        <p className="muted">Not enough people have answered yet for any result to show.</p>
      ) : (
        <ul className="stack">
          {feedback.questions.map((question) => (
            <li key={question.prompt}>
              <h3>{question.prompt}</h3>
              {question.shown ? (
                <ul>
                  {question.themes.map((theme) => (
                    <li key={theme.label}>
                      {theme.label}{" "}
                      <span className="small muted">
                        ({theme.paragraphs} {theme.paragraphs === 1 ? "paragraph" : "paragraphs"})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="small muted">Too few answers to this question to show it.</p>
              )}
              {question.heard ? <p className="check-in-text">What they heard: {question.heard}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function DiagnosisView({ view: { diagnosis } }: { view: View<"promotion_diagnosis"> }) {
  return (
    <Card
      id="area-diagnosis"
      title={`Promotion diagnosis of ${formatCalendarDate(diagnosis.takenOn)}`}
      icon={<Stethoscope size={18} />}
      description={diagnosis.summary}
    >
      <div className="stack">
        {diagnosis.developmentArea ? <p>Development area: {diagnosis.developmentArea}</p> : null}
        <ul className="stack">
          {diagnosis.causes.map((cause) => (
            <li key={cause.label}>
              <h3>
                {cause.label} <span className="small muted">— {cause.verdict}</span>
              </h3>
              <ul className="small">
                {cause.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {cause.moves.length ? <p className="small">Moves: {cause.moves.join("; ")}</p> : null}
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

function StoryView({ view }: { view: View<"story"> }) {
  return (
    <>
      <Card title="Press release">
        <div className="release-preview">
          <ReleaseBody release={view.release} author={view.owner.name} />
        </div>
      </Card>
      {view.entries.length === 0 ? (
        <Card>
          <p className="muted">They have not written a story entry yet.</p>
        </Card>
      ) : (
        <ul className="story-entries">
          {view.entries.map((entry) => (
            <li key={entry.id}>
              <Card title={entry.title} description={entry.portfolioRole ?? undefined}>
                <StoryEntryView entry={entry} />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AreaBody({ view }: { view: CheckInAreaView }) {
  switch (view.area) {
    case "lanes":
      return <LanesView view={view} />;
    case "tour":
      return <TourView view={view} />;
    case "decision":
      return <DecisionView view={view} />;
    case "feedback_themes":
      return <FeedbackView view={view} />;
    case "promotion_diagnosis":
      return <DiagnosisView view={view} />;
    case "story":
      return <StoryView view={view} />;
  }
}

export function CheckInAreaPage() {
  const { linkId, areaId } = route.useParams();
  const query = useQuery(checkInAreaQuery(linkId, areaId));
  const view = query.data;
  const title = view ? `${view.owner.name}: ${checkInAreaLabels[view.area]}` : "Shared area";
  useTitle(title);
  const back = (
    <Link to="/managers/$linkId" params={{ linkId }} className="breadcrumb">
      <ArrowLeft size={16} aria-hidden="true" />
      Check-ins
    </Link>
  );
  return (
    <>
      <PageHeader
        before={back}
        title={title}
        description={
          view ? `Shared with you read-only by ${view.owner.name}. Only they can change it.` : undefined
        }
      />
      <QueryState
        query={query}
        loading="Loading the shared area…"
        failed="The shared area"
        notFound={
          <Card>
            <EmptyState
              icon={<Compass size={24} />}
              title="This is not shared with you"
              action={
                <Link to="/managers/$linkId" params={{ linkId }} className={buttonClass("secondary")}>
                  Back to the check-ins
                </Link>
              }
            >
              They may have stopped sharing it, or the link between you has ended. Ask what you can help with,
              and wait to be invited in.
            </EmptyState>
          </Card>
        }
      >
        {(data) => (
          <div className="stack-lg">
            <AreaBody view={data} />
          </div>
        )}
      </QueryState>
    </>
  );
}
