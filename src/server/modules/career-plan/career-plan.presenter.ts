import type { ActThreeInput, CareerPlan } from "../../../shared/career-plan.ts";
import type { CareerPlanRow } from "./career-plan.repo.ts";

function presentActThree(actThree: ActThreeInput): ActThreeInput {
  const steps = (list: ActThreeInput["economics"]["steps"]) =>
    list.map((step) => ({ text: step.text, done: step.done }));
  return {
    economics: { description: actThree.economics.description, steps: steps(actThree.economics.steps) },
    giving: {
      description: actThree.giving.description,
      forms: [...actThree.giving.forms],
      steps: steps(actThree.giving.steps),
    },
  };
}

export function presentCareerPlan(row: CareerPlanRow | undefined): CareerPlan {
  const northStar = row?.northStar;
  const skipJob = row?.skipJob;
  const nextJob = row?.nextJob;
  return {
    northStar: northStar
      ? {
          role: northStar.role,
          companyKind: northStar.companyKind,
          knownFor: northStar.knownFor,
          horizonYear: northStar.horizonYear,
          reachedOn: row?.northStarReachedOn ?? null,
        }
      : null,
    skipJob: skipJob
      ? {
          role: skipJob.role,
          targetYear: skipJob.targetYear,
          needs: skipJob.needs.map((need) => need.text),
          needDetails: skipJob.needs.map((need) => ({
            text: need.text,
            lane: need.lane,
            experience: need.experience,
          })),
        }
      : null,
    nextJob: nextJob ? { role: nextJob.role, targetYear: nextJob.targetYear } : null,
    actThree: row?.actThree ? presentActThree(row.actThree) : null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    version: row?.version ?? 0,
  };
}
