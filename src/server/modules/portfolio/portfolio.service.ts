import type { SkipJobInput } from "../../../shared/career-plan.ts";
import type { PortfolioRoleInput } from "../../../shared/portfolio.ts";
import { type Level, levelLabels } from "../../../shared/profile.ts";
import { stepExperiences, stepFrom } from "../../../shared/target-roles.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { findCareerPlanRow } from "../career-plan/career-plan.repo.ts";
import { viewerToday } from "../profile/member-today.ts";
import { findProfileRow } from "../profile/profile.repo.ts";
import { listTourRows } from "../tours/tours.repo.ts";
import { type CoverageTarget, computeCoverage } from "./coverage.ts";
import { presentPortfolioRole } from "./portfolio.presenter.ts";
import {
  deletePortfolioRoleRow,
  findPortfolioRoleRow,
  insertPortfolioRole,
  listPortfolioRoleRows,
  updatePortfolioRoleRow,
} from "./portfolio.repo.ts";

const notFound = () => new AppError("NOT_FOUND", "There is no role with this id in your portfolio.");

export async function listMyPortfolioRoles(db: Db, viewer: Viewer | null) {
  // Only the member's own roles; a grantee reads them through the shared view.
  const me = await requireAccess(db, viewer, "read", "portfolioRole");
  const rows = await listPortfolioRoleRows(db, me.userId);
  return rows.map(presentPortfolioRole);
}

export async function addPortfolioRole(db: Db, viewer: Viewer | null, input: PortfolioRoleInput) {
  // A role is always written into the signed-in member's own portfolio.
  const me = await requireAccess(db, viewer, "create", "portfolioRole");
  return presentPortfolioRole(await insertPortfolioRole(db, me.userId, input));
}

export async function getPortfolioRole(db: Db, viewer: Viewer | null, id: string) {
  // Someone else's role answers like a missing one, so its existence does not leak.
  const me = requireSignedIn(viewer);
  const row = await requireAccess(db, me, "read", "portfolioRole", await findPortfolioRoleRow(db, id));
  return presentPortfolioRole(row);
}

export async function updatePortfolioRole(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: PortfolioRoleInput & Versioned,
) {
  // Only the owner changes a role; anyone else gets the same answer as for a missing one.
  const me = requireSignedIn(viewer);
  await requireAccess(db, me, "update", "portfolioRole", await findPortfolioRoleRow(db, id));
  return presentPortfolioRole(await updatePortfolioRoleRow(db, id, me.userId, input, version, notFound));
}

export async function deletePortfolioRole(db: Db, viewer: Viewer | null, id: string) {
  // Only the owner deletes a role; anyone else gets the same answer as for a missing one.
  const me = requireSignedIn(viewer);
  await requireAccess(db, me, "delete", "portfolioRole", await findPortfolioRoleRow(db, id));
  if (!(await deletePortfolioRoleRow(db, id, me.userId))) throw notFound();
}

export async function getMyPortfolioCoverage(db: Db, viewer: Viewer | null) {
  // Coverage is computed from the member's own roles, level, plan and tours only.
  const me = await requireAccess(db, viewer, "read", "portfolioRole");
  const rows = await listPortfolioRoleRows(db, me.userId);
  const profile = await findProfileRow(db, me.userId);
  const plan = await findCareerPlanRow(db, me.userId);
  const tours = await listTourRows(db, me.userId);
  const today = viewerToday(me);
  const targets = [nextLevelTarget(profile?.level ?? null), skipJobTarget(plan?.skipJob ?? null)].filter(
    (target): target is CoverageTarget => target !== null,
  );
  const openTours = tours.filter((tour) => tour.endedOn === null && tour.endsOn >= today);
  return computeCoverage(rows, targets, openTours);
}

export function nextLevelTarget(level: Level | null): CoverageTarget | null {
  const step = level ? stepFrom(level) : null;
  return step ? { label: `The step to ${levelLabels[step.to]}`, experiences: stepExperiences(step) } : null;
}

export function skipJobTarget(skipJob: SkipJobInput | null): CoverageTarget | null {
  const experiences = (skipJob?.needs ?? []).flatMap((need) => (need.experience ? [need.experience] : []));
  return skipJob && experiences.length > 0 ? { label: `Your skip job, ${skipJob.role},`, experiences } : null;
}
