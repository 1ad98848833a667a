import { type ShareInput, sharePartLabels } from "../../../shared/sharing.ts";
import { composeRelease } from "../../../shared/story.ts";
import { stepFrom } from "../../../shared/target-roles.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { presentCareerPlan } from "../career-plan/career-plan.presenter.ts";
import { findCareerPlanRow } from "../career-plan/career-plan.repo.ts";
import { presentLaneAssessment } from "../lanes/lanes.presenter.ts";
import { listLaneAssessmentRows } from "../lanes/lanes.repo.ts";
import { computeCoverage } from "../portfolio/coverage.ts";
import { presentPortfolioRole } from "../portfolio/portfolio.presenter.ts";
import { listPortfolioRoleRows } from "../portfolio/portfolio.repo.ts";
import { memberToday } from "../profile/member-today.ts";
import { findProfileRow } from "../profile/profile.repo.ts";
import { storyOf } from "../story/story.service.ts";
import { presentTargetRole } from "../target-role/target-role.presenter.ts";
import { listCheckRows } from "../target-role/target-role.repo.ts";
import { milestonesByTour, presentTour } from "../tours/tours.presenter.ts";
import { listMilestoneRowsOfMember, listTourRows } from "../tours/tours.repo.ts";
import {
  presentGrants,
  presentSharedLanes,
  presentSharedPlan,
  presentSharedPortfolio,
  presentSharedStory,
  presentSharedWithMe,
} from "./sharing.presenter.ts";
import {
  deleteGrantRow,
  findGrantRow,
  findSharer,
  insertShareGrants,
  listGrantRowsOf,
  listGrantsTo,
  normalEmail,
} from "./sharing.repo.ts";

const listFormat = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

export async function listMyShareGrants(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "shareGrant");
  return { grants: presentGrants(await listGrantRowsOf(db, me.userId)) };
}

/**
 * Shares parts with whoever holds `email`. The answer is the same whether or not an account uses
 * that address, so sharing cannot be used to find out who has one.
 */
export async function shareWithMember(db: Db, viewer: Viewer | null, input: ShareInput) {
  const me = await requireAccess(db, viewer, "create", "shareGrant");
  if (normalEmail(input.email) === normalEmail(me.email)) {
    throw new AppError(
      "VALIDATION",
      "That is your own email: enter the email of the member to share with.",
      "email",
    );
  }
  await insertShareGrants(db, me.userId, input.email, input.parts);
  const parts = listFormat.format(input.parts.map((part) => sharePartLabels[part].toLowerCase()));
  return {
    grants: presentGrants(await listGrantRowsOf(db, me.userId)),
    message: `If a member signs in with ${normalEmail(input.email)}, they can now see your ${parts}, read-only.`,
  };
}

export async function revokeShareGrant(db: Db, viewer: Viewer | null, id: string) {
  // Someone else's grant answers like a missing one; the grantee's next request no longer finds it.
  const me = requireSignedIn(viewer);
  const row = await findGrantRow(db, id);
  await requireAccess(db, me, "delete", "shareGrant", row && { userId: row.ownerId });
  if (!(await deleteGrantRow(db, id, me.userId))) {
    throw new AppError("NOT_FOUND", "There is no share with this id among yours.");
  }
  return { grants: presentGrants(await listGrantRowsOf(db, me.userId)) };
}

export async function listSharedWithMe(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "sharedWithMe");
  // A grant follows a confirmed address only, so an unconfirmed account sees nothing shared yet.
  return presentSharedWithMe(me.emailVerified ? await listGrantsTo(db, me.email) : []);
}

async function requireSharer(db: Db, ownerId: string) {
  const owner = await findSharer(db, ownerId);
  if (!owner) throw new AppError("NOT_FOUND", "Nothing is shared with you here.");
  return owner;
}

export async function getSharedPlan(db: Db, viewer: Viewer | null, ownerId: string) {
  await requireAccess(db, viewer, "read", "sharedPlan", ownerId);
  const owner = await requireSharer(db, ownerId);
  const plan = presentCareerPlan(await findCareerPlanRow(db, ownerId));
  const rows = await listTourRows(db, ownerId);
  const milestonesOf = milestonesByTour(await listMilestoneRowsOfMember(db, ownerId));
  const today = await memberToday(db, ownerId);
  const tours = rows.map((row) => presentTour(row, milestonesOf(row.id), [], today));
  return presentSharedPlan(owner, plan, tours);
}

export async function getSharedLanes(db: Db, viewer: Viewer | null, ownerId: string) {
  await requireAccess(db, viewer, "read", "sharedLanes", ownerId);
  const owner = await requireSharer(db, ownerId);
  const assessments = (await listLaneAssessmentRows(db, ownerId)).map(presentLaneAssessment);
  return presentSharedLanes(owner, assessments);
}

export async function getSharedPortfolio(db: Db, viewer: Viewer | null, ownerId: string) {
  await requireAccess(db, viewer, "read", "sharedPortfolio", ownerId);
  const owner = await requireSharer(db, ownerId);
  const rows = await listPortfolioRoleRows(db, ownerId);
  const level = (await findProfileRow(db, ownerId))?.level ?? null;
  const step = level ? stepFrom(level) : null;
  // No lanes and no plan go in: each is its own part, shared or not on its own.
  const nextLevel = presentTargetRole(level, step, {
    roles: rows,
    latestLanes: undefined,
    checks: await listCheckRows(db, ownerId),
  });
  return presentSharedPortfolio(owner, rows.map(presentPortfolioRole), computeCoverage(rows), nextLevel);
}

export async function getSharedStory(db: Db, viewer: Viewer | null, ownerId: string) {
  await requireAccess(db, viewer, "read", "sharedStory", ownerId);
  const owner = await requireSharer(db, ownerId);
  const { entries, release } = await storyOf(db, ownerId);
  return presentSharedStory(owner, entries, composeRelease(release));
}
