import type { CareerPlan } from "../../../shared/career-plan.ts";
import type { LaneAssessment } from "../../../shared/lanes.ts";
import type { PortfolioCoverage, PortfolioRole } from "../../../shared/portfolio.ts";
import {
  type SharedLanes,
  type SharedPlan,
  type SharedPortfolio,
  type SharedStory,
  type SharedWithMe,
  type ShareGrant,
  type SharePart,
  type Sharer,
  shareParts,
} from "../../../shared/sharing.ts";
import type { ComposedRelease, StoryEntry } from "../../../shared/story.ts";
import type { TargetRoleView } from "../../../shared/target-roles.ts";
import type { Tour } from "../../../shared/tours.ts";
import type { listGrantsTo, ShareGrantRow } from "./sharing.repo.ts";

// Every shared view starts from the owner's own presenter and keeps only the fields listed here, so a
// field added to a module later stays private until someone decides it belongs in a share.

const partOrder = (part: SharePart) => shareParts.indexOf(part);

export function presentGrants(rows: ShareGrantRow[]): ShareGrant[] {
  return [...rows]
    .sort((a, b) => a.granteeEmail.localeCompare(b.granteeEmail) || partOrder(a.part) - partOrder(b.part))
    .map(presentGrant);
}

export function presentGrant(row: ShareGrantRow): ShareGrant {
  return {
    id: row.id,
    granteeEmail: row.granteeEmail,
    part: row.part,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentSharedWithMe(rows: Awaited<ReturnType<typeof listGrantsTo>>): SharedWithMe {
  const byOwner = new Map<string, SharedWithMe["shares"][number]>();
  for (const row of rows) {
    const share = byOwner.get(row.ownerId) ?? {
      owner: { id: row.ownerId, name: row.ownerName, email: row.ownerEmail },
      parts: [],
      since: row.createdAt.toISOString(),
    };
    share.parts.push(row.part);
    if (row.createdAt.toISOString() < share.since) share.since = row.createdAt.toISOString();
    byOwner.set(row.ownerId, share);
  }
  for (const share of byOwner.values()) share.parts.sort((a, b) => partOrder(a) - partOrder(b));
  return { shares: [...byOwner.values()] };
}

export function presentSharer(row: Sharer): Sharer {
  return { id: row.id, name: row.name, email: row.email };
}

export function presentSharedPlan(owner: Sharer, plan: CareerPlan, tours: Tour[]): SharedPlan {
  return {
    owner: presentSharer(owner),
    northStar: plan.northStar
      ? {
          role: plan.northStar.role,
          companyKind: plan.northStar.companyKind,
          knownFor: plan.northStar.knownFor,
          horizonYear: plan.northStar.horizonYear,
          reachedOn: plan.northStar.reachedOn,
        }
      : null,
    skipJob: plan.skipJob
      ? { role: plan.skipJob.role, targetYear: plan.skipJob.targetYear, needs: [...plan.skipJob.needs] }
      : null,
    nextJob: plan.nextJob ? { role: plan.nextJob.role, targetYear: plan.nextJob.targetYear } : null,
    tours: tours.map((tour) => ({
      id: tour.id,
      position: tour.position,
      title: tour.title,
      mission: tour.mission,
      startsOn: tour.startsOn,
      endsOn: tour.endsOn,
      renegotiateOn: tour.renegotiateOn,
      lanes: [...tour.lanes],
      experiences: [...tour.experiences],
      status: tour.status,
      endedOn: tour.endedOn,
      milestones: tour.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueOn: m.dueOn,
        status: m.status,
        doneOn: m.doneOn,
      })),
    })),
  };
}

export function presentSharedLanes(owner: Sharer, assessments: LaneAssessment[]): SharedLanes {
  return {
    owner: presentSharer(owner),
    assessments: assessments.map((a) => ({
      id: a.id,
      createdAt: a.createdAt,
      ratings: { ...a.ratings },
      evidence: { ...a.evidence },
      domainName: a.domainName,
      worldClassLane: a.worldClassLane,
    })),
  };
}

export function presentSharedPortfolio(
  owner: Sharer,
  roles: PortfolioRole[],
  coverage: PortfolioCoverage,
  nextLevel: TargetRoleView,
): SharedPortfolio {
  return {
    owner: presentSharer(owner),
    roles: roles.map((role) => ({
      id: role.id,
      company: role.company,
      title: role.title,
      startsOn: role.startsOn,
      endsOn: role.endsOn,
      stage: role.stage,
      market: role.market,
      vantage: role.vantage,
      work: [...role.work],
      peopleManaged: role.peopleManaged,
      wellKnownLogo: role.wellKnownLogo,
      experiences: [...role.experiences],
    })),
    // Gaps are the owner's to-do list toward their skip job, which belongs to the plan, not here.
    coverage: {
      grids: coverage.grids,
      singles: coverage.singles,
      coveredCount: coverage.coveredCount,
      totalCount: coverage.totalCount,
    },
    nextLevel: {
      levelLabel: nextLevel.levelLabel,
      nextLevelLabel: nextLevel.nextLevelLabel,
      summary: nextLevel.summary,
      // Lane ratings stay out: they belong to the lanes, which may not be shared.
      hurdles: nextLevel.hurdles.map((hurdle) => ({
        id: hurdle.id,
        title: hurdle.title,
        description: hurdle.description,
        checks: hurdle.checks.map((check) => ({
          id: check.id,
          text: check.text,
          checkedOn: check.checkedOn,
        })),
        experiences: hurdle.experiences.map((e) => ({ key: e.key, label: e.label, covered: e.covered })),
      })),
    },
  };
}

export function presentSharedStory(
  owner: Sharer,
  entries: StoryEntry[],
  release: ComposedRelease,
): SharedStory {
  return {
    owner: presentSharer(owner),
    // The writing check's flags are advice to the author, not part of the story they tell.
    entries: entries.map((entry) => ({
      id: entry.id,
      title: entry.title,
      portfolioRole: entry.portfolioRole?.label ?? null,
      problem: entry.problem,
      actions: entry.actions,
      skills: [...entry.skills],
      headwinds: entry.headwinds,
      overcome: entry.overcome,
      result: entry.result,
    })),
    release: {
      headline: release.headline,
      subhead: release.subhead,
      problem: release.problem,
      whatIDid: release.whatIDid,
      quote: release.quote,
      quoteBy: release.quoteBy,
      whatsNext: release.whatsNext,
    },
  };
}
