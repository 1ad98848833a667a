import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import {
  ArrowLeft,
  Briefcase,
  ChartGantt,
  CheckCircle2,
  Circle,
  Compass,
  Flag,
  Grid3x3,
  Mountain,
} from "lucide-react";
import type { ReactNode } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { SharedPlan, Sharer } from "../../../shared/sharing.ts";
import { useMemberToday } from "../../session.ts";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { CoverageSingles, CoverageTable } from "../portfolio/coverage-grid.tsx";
import { RoleItem } from "../portfolio/portfolio-page.tsx";
import { ReleaseBody } from "../story/release-body.tsx";
import { StoryEntryView } from "../story/story-entry-view.tsx";
import { RoadmapChart } from "../tours/roadmap-chart.tsx";
import { TourStatusBadge, TourTags } from "../tours/tour-parts.tsx";
import { SharedLanesCards } from "./shared-lanes-cards.tsx";
import { asTour, SharedMilestones } from "./shared-tour.tsx";
import { sharedLanesQuery, sharedPlanQuery, sharedPortfolioQuery, sharedStoryQuery } from "./sharing-api.ts";
import "../portfolio/portfolio.css";
import "./sharing.css";

const partNames = {
  plan: "career plan",
  lanes: "lanes",
  portfolio: "portfolio",
  story: "career story",
} as const;

function BackToShared() {
  return (
    <Link to="/shared" className="breadcrumb">
      <ArrowLeft size={16} aria-hidden="true" />
      Shared with me
    </Link>
  );
}

/** Loading, "no longer shared" and the read-only header, the same for every shared part. */
function SharedFrame<T extends { owner: Sharer }>({
  part,
  query,
  children,
}: {
  part: keyof typeof partNames;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const owner = query.data?.owner;
  const title = owner ? `${owner.name || owner.email}'s ${partNames[part]}` : `Shared ${partNames[part]}`;
  useTitle(title);
  return (
    <>
      <PageHeader
        before={<BackToShared />}
        title={title}
        description={
          owner
            ? `Shared with you read-only by ${owner.name} (${owner.email}). Only they can change it.`
            : undefined
        }
      />
      <QueryState
        query={query}
        loading={`Loading the shared ${partNames[part]}…`}
        failed={`The shared ${partNames[part]}`}
        notFound={
          <Card>
            <EmptyState
              icon={<Compass size={24} />}
              title="This is not shared with you"
              action={
                <Link to="/shared" className={buttonClass("secondary")}>
                  See what is shared with you
                </Link>
              }
            >
              The member may have revoked the share, or never shared this part with you. Ask them to share it
              again from What I share, in Sidecar, if you still need it.
            </EmptyState>
          </Card>
        }
      >
        {(data) => <div className="stack-lg">{children(data)}</div>}
      </QueryState>
    </>
  );
}

// The roadmap chart and tour tags read the owner's full tour; a shared tour simply has no warnings.

function PlanCards({ plan }: { plan: SharedPlan }) {
  const today = useMemberToday();
  return (
    <>
      <Card id="shared-north-star" title="North Star" icon={<Mountain size={18} />}>
        {plan.northStar ? (
          <div className="stack">
            <p>
              <strong>{plan.northStar.role}</strong>
              {plan.northStar.companyKind ? ` at ${plan.northStar.companyKind}` : ""}, by{" "}
              {plan.northStar.horizonYear}
              {plan.northStar.reachedOn ? (
                <span className="badge badge-success">
                  {" "}
                  Reached {formatCalendarDate(plan.northStar.reachedOn)}
                </span>
              ) : null}
            </p>
            {plan.northStar.knownFor ? <p className="muted">Known for: {plan.northStar.knownFor}</p> : null}
          </div>
        ) : (
          <p className="muted">No North Star set yet.</p>
        )}
      </Card>
      <Card id="shared-skip-job" title="Skip job and next job" icon={<Flag size={18} />}>
        <dl className="shared-plan-jobs">
          <dt>Skip job</dt>
          <dd>
            {plan.skipJob ? (
              <>
                {plan.skipJob.role}
                {plan.skipJob.targetYear ? `, by ${plan.skipJob.targetYear}` : ""}
                {plan.skipJob.needs.length ? (
                  <ul className="small">
                    {plan.skipJob.needs.map((need) => (
                      <li key={need}>{need}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <span className="muted">Not set yet</span>
            )}
          </dd>
          <dt>Next job</dt>
          <dd>
            {plan.nextJob ? (
              `${plan.nextJob.role}${plan.nextJob.targetYear ? `, by ${plan.nextJob.targetYear}` : ""}`
            ) : (
              <span className="muted">Not set yet</span>
            )}
          </dd>
        </dl>
      </Card>
      {plan.tours.length === 0 ? (
        <Card>
          <EmptyState icon={<ChartGantt size={24} />} title="No tours of duty yet" headingLevel={2}>
            Once they plan a tour of duty, it appears here with its milestones and on a roadmap.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card
            id="shared-roadmap"
            title="Roadmap"
            icon={<ChartGantt size={18} />}
            description="Bars are tours, in their order; dots are milestones; the red line is today."
          >
            <RoadmapChart tours={plan.tours.map(asTour)} plan={plan} today={today} />
          </Card>
          <Card id="shared-tours" title="Tours of duty" icon={<Flag size={18} />}>
            <ol className="stack shared-tours">
              {plan.tours.map((tour) => (
                <li key={tour.id} className="shared-tour">
                  <div className="row-between">
                    <h3>{tour.title}</h3>
                    <TourStatusBadge status={tour.status} />
                  </div>
                  <p className="small muted">
                    {formatCalendarDate(tour.startsOn)} – {formatCalendarDate(tour.endedOn ?? tour.endsOn)}
                    {tour.endedOn ? " (ended early)" : ""}
                  </p>
                  <p>{tour.mission}</p>
                  <TourTags tour={asTour(tour)} />
                  <SharedMilestones tour={tour} />
                </li>
              ))}
            </ol>
          </Card>
        </>
      )}
    </>
  );
}

const sharedPlanRoute = getRouteApi("/app/shared/$ownerId/plan");
export function SharedPlanPage() {
  const { ownerId } = sharedPlanRoute.useParams();
  const query = useQuery(sharedPlanQuery(ownerId));
  return (
    <SharedFrame part="plan" query={query}>
      {(plan) => <PlanCards plan={plan} />}
    </SharedFrame>
  );
}

const sharedLanesRoute = getRouteApi("/app/shared/$ownerId/lanes");
export function SharedLanesPage() {
  const { ownerId } = sharedLanesRoute.useParams();
  const query = useQuery(sharedLanesQuery(ownerId));
  return (
    <SharedFrame part="lanes" query={query}>
      {({ assessments }) => <SharedLanesCards assessments={assessments} idPrefix="shared-lanes" />}
    </SharedFrame>
  );
}

const sharedPortfolioRoute = getRouteApi("/app/shared/$ownerId/portfolio");
export function SharedPortfolioPage() {
  const { ownerId } = sharedPortfolioRoute.useParams();
  const query = useQuery(sharedPortfolioQuery(ownerId));
  return (
    <SharedFrame part="portfolio" query={query}>
      {({ roles, coverage, nextLevel }) => (
        <>
          {roles.length === 0 ? (
            <Card>
              <EmptyState icon={<Briefcase size={24} />} title="No roles yet">
                They have not added a role to their portfolio yet. Their roles and coverage appear here once
                they do.
              </EmptyState>
            </Card>
          ) : (
            <>
              <Card id="shared-roles" title="Roles" icon={<Briefcase size={18} />}>
                <ul className="portfolio-roles">
                  {roles.map((role) => (
                    <RoleItem key={role.id} role={role} />
                  ))}
                </ul>
              </Card>
              <Card
                id="shared-coverage"
                title="Coverage"
                icon={<Grid3x3 size={18} />}
                description={`Their roles cover ${coverage.coveredCount} of ${coverage.totalCount} combinations of experience.`}
              >
                <div className="stack">
                  {coverage.grids.map((grid) => (
                    <CoverageTable key={grid.id} grid={grid} />
                  ))}
                  <CoverageSingles singles={coverage.singles} whose="their" />
                </div>
              </Card>
            </>
          )}
          <Card
            id="shared-next-level"
            title={
              nextLevel.nextLevelLabel
                ? `Next level: ${nextLevel.levelLabel} to ${nextLevel.nextLevelLabel}`
                : "Next level"
            }
            icon={<Mountain size={18} />}
            description={
              nextLevel.summary ?? "They have not set their level yet, so there is no next level to show."
            }
          >
            {nextLevel.hurdles.length ? (
              <ul className="stack shared-hurdles">
                {nextLevel.hurdles.map((hurdle) => (
                  <li key={hurdle.id}>
                    <h3>{hurdle.title}</h3>
                    <p className="small muted">{hurdle.description}</p>
                    <ul className="shared-checks">
                      {hurdle.checks.map((check) => (
                        <li key={check.id} className="row">
                          {check.checkedOn ? (
                            <CheckCircle2 size={16} aria-hidden="true" className="shared-check-done" />
                          ) : (
                            <Circle size={16} aria-hidden="true" />
                          )}
                          <span>
                            {check.text}
                            <span className="small muted">
                              {check.checkedOn
                                ? ` — done on ${formatCalendarDate(check.checkedOn)}`
                                : " — not yet"}
                            </span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
        </>
      )}
    </SharedFrame>
  );
}

const sharedStoryRoute = getRouteApi("/app/shared/$ownerId/story");
export function SharedStoryPage() {
  const { ownerId } = sharedStoryRoute.useParams();
  const query = useQuery(sharedStoryQuery(ownerId));
  return (
    <SharedFrame part="story" query={query}>
      {(story) => (
        <>
          <Card title="Press release">
            <div className="release-preview">
              <ReleaseBody release={story.release} author={story.owner.name} />
            </div>
          </Card>
          {story.entries.length === 0 ? (
            <Card>
              <p className="muted">
                They have not written a story entry yet. Their entries appear here once they do.
              </p>
            </Card>
          ) : (
            <ul className="story-entries">
              {story.entries.map((entry) => (
                <li key={entry.id}>
                  <Card title={entry.title} description={entry.portfolioRole ?? undefined}>
                    <StoryEntryView entry={entry} />
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </SharedFrame>
  );
}
