import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Radar as RadarIcon } from "lucide-react";
import { lazy } from "react";
import { lanes } from "../../../shared/lane-words.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { feedbackRequestsQuery, feedbackResultsQuery } from "../feedback/feedback-api.ts";
import { Term } from "../glossary/term.tsx";
import { GuideBanner } from "../home/first-run-guide.tsx";
import { laneAssessmentsQuery } from "./lanes-api.ts";
import { HistoryList } from "./lanes-history.tsx";
import { LanesRadar, type RadarSeries } from "./lanes-radar.tsx";
import "./lanes.css";

// The assessment form and the form library arrive once the picture is on screen, into a box that
// keeps its place, so nothing below it moves when it arrives.
const AssessmentForm = lazy(() => import("./assessment-form.tsx"));

/** What givers said in the latest feedback whose results are open, for lanes enough of them rated. */
function useGiversSeries(): { series?: RadarSeries; purpose?: string; requestId?: string } {
  const requests = useQuery(feedbackRequestsQuery);
  const open = requests.data?.requests.find((request) => request.resultsOpen);
  const results = useQuery({ ...feedbackResultsQuery(open?.id ?? ""), enabled: Boolean(open) });
  const shown = results.data?.lanes.filter((lane) => lane.shown && lane.median !== null) ?? [];
  if (!open || shown.length === 0) return {};
  return {
    series: {
      name: "Feedback givers (median)",
      ratings: Object.fromEntries(shown.map((lane) => [lane.lane, lane.median])),
    },
    purpose: open.purpose,
    requestId: open.id,
  };
}

export function LanesPage() {
  useTitle("Lanes");
  const query = useQuery(laneAssessmentsQuery);
  const assessments = query.data?.assessments ?? [];
  const [latest, previous] = assessments;
  const givers = useGiversSeries();

  return (
    <>
      <PageHeader
        title="Lanes"
        description={
          <>
            Six <Term id="lanes">lanes of product ambiguity</Term>: crafting, market, organizational, domain,
            team and growth. Rate where you are, pick the lane to{" "}
            <Term id="world-class-lane">become world-class in</Term>, and watch it change over time. Private
            unless you share it.
          </>
        }
      />
      <GuideBanner step="lanes" />
      <QueryState query={query} loading="Loading your assessments…" failed="Your assessments">
        {() => (
          <div className="stack-lg">
            {latest ? (
              <Card
                id="lanes-picture"
                title="Your lanes"
                icon={<RadarIcon size={18} />}
                description={
                  latest.worldClassLane
                    ? `Becoming world-class in ${lanes[latest.worldClassLane].label}${
                        latest.worldClassLane === "domain" && latest.domainName
                          ? ` (${latest.domainName})`
                          : ""
                      }.`
                    : "You have not picked a lane to become world-class in yet."
                }
              >
                <LanesRadar latest={latest} previous={previous} extra={givers.series} />
                {givers.requestId ? (
                  <p className="small muted">
                    Givers' ratings come from your feedback request “{givers.purpose}”.{" "}
                    <Link to="/feedback/$requestId" params={{ requestId: givers.requestId }}>
                      Read the feedback
                    </Link>
                  </p>
                ) : (
                  <p className="small muted">
                    <Link to="/feedback">Ask for feedback</Link> to see how others rate you, laid over your
                    own picture.
                  </p>
                )}
              </Card>
            ) : (
              <Card>
                <EmptyState icon={<RadarIcon size={24} />} title="No assessment yet">
                  Rate yourself in the six lanes below and save. Sidecar draws your picture, and each later
                  assessment is laid over the one before so you can see what moved.
                </EmptyState>
              </Card>
            )}
            <div className="lanes-form-slot">
              <AfterPaint key={latest?.id ?? "first"} component={AssessmentForm} props={{ latest }} />
            </div>
            {assessments.length > 0 ? <HistoryList assessments={assessments} /> : null}
          </div>
        )}
      </QueryState>
    </>
  );
}
