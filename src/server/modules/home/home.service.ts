import type { HomeDashboard } from "../../../shared/home.ts";
import { laneIds } from "../../../shared/lanes.ts";
import type { Level } from "../../../shared/levels.ts";
import { tourStatus } from "../../../shared/tours.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import type { Viewer } from "../../http/viewer.ts";
import { type CoverageTarget, openGaps } from "../portfolio/coverage.ts";
import { nextLevelTarget, skipJobTarget } from "../portfolio/portfolio.service.ts";
import { viewerToday } from "../profile/member-today.ts";
import { type DashboardRow, findDashboardRow } from "./home.repo.ts";

function currentTour(tour: DashboardRow["tour"], today: string): HomeDashboard["tour"] {
  if (!tour) return null;
  const open = tour.milestones.filter((m) => m.status === "planned" || m.status === "in_progress");
  const next = open[0];
  return {
    id: tour.id,
    title: tour.title,
    status: tourStatus({ ...tour, endedOn: null }, today),
    startsOn: tour.startsOn,
    endsOn: tour.endsOn,
    renegotiateOn: tour.renegotiateOn,
    nextMilestone: next ? { id: next.id, title: next.title, dueOn: next.dueOn, status: next.status } : null,
    milestonesDone: tour.milestones.filter((m) => m.status === "done").length,
    milestonesTotal: tour.milestones.length,
  };
}

/** The portfolio's gaps no open tour sets out to close yet: the most useful, and how many. */
function openGapsOf(row: DashboardRow, level: Level | null) {
  const targets = [nextLevelTarget(level), skipJobTarget(row.plan?.skipJob ?? null)].filter(
    (target): target is CoverageTarget => target !== null,
  );
  return openGaps(row.roleKinds, targets, row.openTours);
}

export async function getMyHomeDashboard(db: Db, viewer: Viewer | null): Promise<HomeDashboard> {
  const me = await requireAccess(db, viewer, "read", "home");
  const today = viewerToday(me);
  const row = await findDashboardRow(db, me.userId, today);
  const { plan, assessment: latest } = row;

  const weakest = latest
    ? laneIds.reduce((low, lane) => (latest.ratings[lane] < latest.ratings[low] ? lane : low), laneIds[0])
    : null;
  const hasRoles = row.roleKinds.length > 0;
  // A gap an open tour already sets out to close is in hand; the dashboard points at the next one.
  const gaps = hasRoles ? openGapsOf(row, me.profile.level) : { count: 0, first: null };
  const gap = gaps.first;
  const steps = [
    { step: "north-star" as const, done: Boolean(plan?.northStar) },
    { step: "lanes" as const, done: latest !== null },
    { step: "portfolio" as const, done: hasRoles },
    { step: "first-tour" as const, done: row.hasTours },
  ];

  return {
    guide: { steps, complete: steps.every((s) => s.done) },
    northStar: plan?.northStar
      ? {
          role: plan.northStar.role,
          horizonYear: plan.northStar.horizonYear,
          reached: plan.reachedOn !== null,
        }
      : null,
    skipJob: plan?.skipJob ? { role: plan.skipJob.role, targetYear: plan.skipJob.targetYear } : null,
    tour: currentTour(row.tour, today),
    decisionDue: row.decisionDue ? { ...row.decisionDue, dueCount: Number(row.decisionsDueCount) } : null,
    lanes:
      latest && weakest
        ? {
            worldClassLane: latest.worldClassLane,
            worldClassRating: latest.worldClassLane ? latest.ratings[latest.worldClassLane] : null,
            weakestLane: weakest,
            weakestRating: latest.ratings[weakest],
            assessedAt: new Date(latest.createdAt).toISOString(),
          }
        : null,
    biggestGap:
      hasRoles && gap
        ? {
            mission: gap.mission,
            experiences: [...gap.experiences],
            tourPath: gap.tourPath,
            gapCount: gaps.count,
          }
        : null,
  };
}
