import type { HomeDashboard } from "../../../shared/home.ts";
import { laneIds } from "../../../shared/lanes.ts";
import type { Tour } from "../../../shared/tours.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import type { Viewer } from "../../http/viewer.ts";
import { getMyCareerPlan } from "../career-plan/career-plan.service.ts";
import { listMyDecisions } from "../decisions/decisions.service.ts";
import { listMyLaneAssessments } from "../lanes/lanes.service.ts";
import { getMyPortfolioCoverage } from "../portfolio/portfolio.service.ts";
import { listMyTours } from "../tours/tours.service.ts";

/** The tour a member is living now, or else the next one they planned. */
function currentTour(tours: Tour[]): HomeDashboard["tour"] {
  const tour =
    tours.find((t) => t.status === "active") ??
    tours.filter((t) => t.status === "planned").sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (!tour) return null;
  const open = tour.milestones
    .filter((m) => m.status === "planned" || m.status === "in_progress")
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const next = open[0];
  return {
    id: tour.id,
    title: tour.title,
    status: tour.status,
    startsOn: tour.startsOn,
    endsOn: tour.endsOn,
    renegotiateOn: tour.renegotiateOn,
    nextMilestone: next ? { id: next.id, title: next.title, dueOn: next.dueOn, status: next.status } : null,
    milestonesDone: tour.milestones.filter((m) => m.status === "done").length,
    milestonesTotal: tour.milestones.length,
  };
}

export async function getMyHomeDashboard(db: Db, viewer: Viewer | null): Promise<HomeDashboard> {
  // Every part is read through its own module's use case, so each keeps its own access rule.
  await requireAccess(db, viewer, "read", "home");
  const plan = await getMyCareerPlan(db, viewer);
  const assessments = await listMyLaneAssessments(db, viewer);
  const coverage = await getMyPortfolioCoverage(db, viewer);
  const { tours } = await listMyTours(db, viewer);
  const decisions = await listMyDecisions(db, viewer);

  const latest = assessments[0];
  const weakest = latest
    ? laneIds.reduce((low, lane) => (latest.ratings[lane] < latest.ratings[low] ? lane : low), laneIds[0])
    : null;
  const due = decisions.filter((d) => d.dueForRevisit);
  const firstDue = due[0];
  // Every role covers at least one cell, so covered cells say whether the portfolio has any roles.
  const hasRoles = coverage.coveredCount > 0;
  // A gap an open tour already sets out to close is in hand; the dashboard points at the next one.
  const openGaps = coverage.gaps.filter((g) => g.plannedIn === null);
  const gap = openGaps[0];
  const steps = [
    { step: "north-star" as const, done: plan.northStar !== null },
    { step: "lanes" as const, done: assessments.length > 0 },
    { step: "portfolio" as const, done: hasRoles },
    { step: "first-tour" as const, done: tours.length > 0 },
  ];

  return {
    guide: { steps, complete: steps.every((s) => s.done) },
    northStar: plan.northStar
      ? {
          role: plan.northStar.role,
          horizonYear: plan.northStar.horizonYear,
          reached: plan.northStar.reachedOn !== null,
        }
      : null,
    skipJob: plan.skipJob ? { role: plan.skipJob.role, targetYear: plan.skipJob.targetYear } : null,
    tour: currentTour(tours),
    decisionDue:
      firstDue?.revisitOn != null
        ? { id: firstDue.id, dilemma: firstDue.dilemma, revisitOn: firstDue.revisitOn, dueCount: due.length }
        : null,
    lanes:
      latest && weakest
        ? {
            worldClassLane: latest.worldClassLane,
            worldClassRating: latest.worldClassLane ? latest.ratings[latest.worldClassLane] : null,
            weakestLane: weakest,
            weakestRating: latest.ratings[weakest],
            assessedAt: latest.createdAt,
          }
        : null,
    biggestGap:
      hasRoles && gap
        ? {
            mission: gap.mission,
            experiences: [...gap.experiences],
            tourPath: gap.tourPath,
            gapCount: openGaps.length,
          }
        : null,
  };
}
