import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ChartGantt, Compass, Plus } from "lucide-react";
import { useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { careerPlanQuery } from "../career-plan/career-plan-api.ts";
import { RoadmapChart, roadmapMarkers } from "./roadmap-chart.tsx";
import { toursQuery } from "./tours-api.ts";
import "./tours.css";

export function RoadmapPage() {
  const today = useMemberToday();
  useTitle("Roadmap");
  const tours = useQuery(toursQuery);
  const plan = useQuery(careerPlanQuery);
  // The plan only adds markers, so a failure to load it never hides the tours.
  const planData = plan.data ?? null;
  const markers = roadmapMarkers(planData);

  return (
    <>
      <PageHeader
        title="Roadmap"
        description="Your tours of duty on one timeline, from where you are today toward your skip job and North Star."
        actions={
          tours.data?.tours.length ? (
            <Link to="/tours" className={buttonClass("secondary")}>
              Manage tours
            </Link>
          ) : null
        }
      />
      {tours.isPending || plan.isPending ? (
        <LoadingState label="Drawing your roadmap…" />
      ) : tours.isError ? (
        <LoadFailed what="Your tours" error={tours.error} retry={() => void tours.refetch()} />
      ) : tours.data.tours.length === 0 ? (
        <Card>
          <EmptyState
            icon={<ChartGantt size={24} />}
            title="Nothing on your roadmap yet"
            action={
              <Link to="/tours/new" className={buttonClass("primary")}>
                <Plus size={16} aria-hidden="true" />
                Plan your first tour
              </Link>
            }
          >
            The roadmap draws your tours of duty and their milestones on a timeline. Add your first tour to
            see it here.
          </EmptyState>
        </Card>
      ) : (
        <div className="stack-lg">
          <Card
            id="roadmap"
            title="Tours of duty on a timeline"
            icon={<ChartGantt size={18} />}
            description="Bars are tours, in your order; dots are milestones; the red line is today."
          >
            <RoadmapChart tours={tours.data.tours} plan={planData} today={today} />
          </Card>
          {markers.length === 0 ? (
            <Alert tone="info" title="Where is this heading?">
              {plan.isError
                ? "Your career plan could not be loaded, so the skip job and North Star are not drawn."
                : "Add your skip job and North Star to your career plan, and they appear on this timeline as the years you are aiming for."}{" "}
              <a href="/plan">Open your career plan</a>
            </Alert>
          ) : (
            <Card id="roadmap-destinations" title="Heading toward" icon={<Compass size={18} />}>
              <ul className="roadmap-destinations">
                {markers.map((marker) => (
                  <li key={marker.key}>
                    <strong>{marker.label}</strong> <span className="muted">by {marker.year}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
