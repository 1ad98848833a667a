import type { AccountDataSectionKey, AccountDataSections } from "../../../shared/account-data.ts";
import type { Db } from "../../db/open.ts";
import type { Viewer } from "../../http/viewer.ts";
import { getMyCareerPlan } from "../career-plan/career-plan.service.ts";
import { listMyDecisions } from "../decisions/decisions.service.ts";
import { getEngagement, listMyEngagements } from "../engagements/engagements.service.ts";
import { listUrgentCalls } from "../engagements/urgent-calls.service.ts";
import { getFeedbackRequest, listMyFeedbackRequests } from "../feedback/requests.service.ts";
import { getFeedbackResults } from "../feedback/results.service.ts";
import { getMySuperpowers } from "../feedback/superpowers.service.ts";
import { listMyHealthChecks } from "../health-check/health-check.service.ts";
import { listMyLaneAssessments } from "../lanes/lanes.service.ts";
import { getCheckIn, getLinkDetail, getManagersOverview } from "../managers/managers.service.ts";
import { getMyMentoringLog, getMyMentorProfile, listMyMentorRequests } from "../mentors/mentors.service.ts";
import { getMyPreferences } from "../notifications/notifications.service.ts";
import { listMyPortfolioRoles } from "../portfolio/portfolio.service.ts";
import { getMyProfile } from "../profile/profile.service.ts";
import { listMyParticipations } from "../programs/programs.service.ts";
import { listMyDiagnoses } from "../promotion-diagnosis/promotion-diagnosis.service.ts";
import { listMyShareGrants } from "../sharing/sharing.service.ts";
import { getMyPressRelease, getMyThoughtLog, listMyStory } from "../story/story.service.ts";
import { getTargetRole } from "../target-role/target-role.service.ts";
import { listMyTours } from "../tours/tours.service.ts";
import { listMyApplications, listMyMemberships, listMyPosts, listMyRsvps } from "./account-data.repo.ts";
import { type DeletionStep, deletionSteps } from "./deletion-steps.ts";

/**
 * What every module contributes to a member's data in their own hands, in one place:
 *
 * - its **export section**: a key of `accountDataSections` (src/shared/account-data.ts, the explicit
 *   field list, described in docs/account-data.md) and how to read it as the member themselves, through
 *   the module's own services, so the export shows exactly what the member's pages show them;
 * - its **deletion step** (deletion-steps.ts): what must stay for other people when the account goes,
 *   run inside the one deletion transaction before the account row and everything that cascades
 *   from it is deleted.
 *
 * A new module adds a key to the shared schema, one entry below, and a step if others keep anything.
 */
export type ExportSection<K extends AccountDataSectionKey = AccountDataSectionKey> = {
  key: K;
  collect: (db: Db, me: Viewer & { createdAt: Date }) => Promise<AccountDataSections[K]>;
};

function section<K extends AccountDataSectionKey>(
  key: K,
  collect: ExportSection<K>["collect"],
): ExportSection<K> {
  return { key, collect };
}

export const exportSections: ExportSection[] = [
  section("account", async (_db, me) => ({
    name: me.profile.name,
    email: me.email,
    createdAt: me.createdAt.toISOString(),
    twoFactorEnabled: me.twoFactorEnabled,
  })),
  section("profile", (db, me) => getMyProfile(db, me)),
  section("plan", (db, me) => getMyCareerPlan(db, me)),
  section("tours", async (db, me) => {
    const { tours, version } = await listMyTours(db, me);
    return { tours, version };
  }),
  section("decisions", async (db, me) => ({ decisions: await listMyDecisions(db, me) })),
  section("lanes", async (db, me) => ({ assessments: await listMyLaneAssessments(db, me) })),
  section("portfolio", async (db, me) => ({ roles: await listMyPortfolioRoles(db, me) })),
  section("targetRole", (db, me) => getTargetRole(db, me)),
  section("story", async (db, me) => ({
    entries: (await listMyStory(db, me)).entries,
    pressRelease: await getMyPressRelease(db, me),
  })),
  section("thoughtLeadership", (db, me) => getMyThoughtLog(db, me)),
  section("promotionDiagnosis", (db, me) => listMyDiagnoses(db, me)),
  section("healthChecks", (db, me) => listMyHealthChecks(db, me)),
  section("feedback", async (db, me) => {
    const requests = [];
    // The results go through the results page's own rules: nothing below k, never one giver's answers.
    for (const summary of await listMyFeedbackRequests(db, me)) {
      requests.push({
        request: await getFeedbackRequest(db, me, summary.id),
        results: await getFeedbackResults(db, me, summary.id),
      });
    }
    return { requests, superpowers: await getMySuperpowers(db, me) };
  }),
  section("mentoring", async (db, me) => ({
    profile: await getMyMentorProfile(db, me),
    requests: await listMyMentorRequests(db, me),
    log: await getMyMentoringLog(db, me),
  })),
  section("engagements", async (db, me) => {
    const engagements = [];
    // Each engagement as its page shows it: my notes, the other person's shared notes, never their private ones.
    for (const summary of (await listMyEngagements(db, me)).engagements) {
      engagements.push(await getEngagement(db, me, summary.id));
    }
    return { engagements, urgentCalls: await listUrgentCalls(db, me) };
  }),
  section("communities", async (db, me) => ({
    memberships: (await listMyMemberships(db, me.userId)).map((m) => ({
      ...m,
      joinedAt: m.joinedAt.toISOString(),
      leftAt: m.leftAt?.toISOString() ?? null,
    })),
    applications: (await listMyApplications(db, me.userId)).map((a) => ({
      communityId: a.communityId,
      communityName: a.communityName,
      state: a.state,
      createdAt: a.createdAt.toISOString(),
      myMessages: a.messages.map((m) => ({
        kind: m.kind,
        text: m.text,
        createdAt: m.createdAt.toISOString(),
      })),
    })),
    posts: (await listMyPosts(db, me.userId)).map((p) => ({
      id: p.id,
      communityId: p.communityId,
      communityName: p.communityName,
      threadId: p.threadId,
      title: p.title,
      body: p.body,
      hidden: p.hiddenReason !== null,
      edited: p.edited,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    rsvps: (await listMyRsvps(db, me.userId)).map((r) => ({ ...r, startsAt: r.startsAt.toISOString() })),
  })),
  section("programs", (db, me) => listMyParticipations(db, me)),
  section("managers", async (db, me) => {
    const overview = await getManagersOverview(db, me);
    const links = [];
    // Only an active link's check-ins are readable, to either side, as on the pages.
    for (const link of [overview.myManager, ...overview.myReports]) {
      if (link?.state !== "active") continue;
      const detail = await getLinkDetail(db, me, link.id);
      const checkIns = [];
      for (const summary of detail.checkIns) checkIns.push(await getCheckIn(db, me, summary.id));
      links.push({ link: detail.link, areas: detail.areas, checkIns });
    }
    return { overview, links };
  }),
  section("sharing", (db, me) => listMyShareGrants(db, me)),
  section("notificationSettings", (db, me) => getMyPreferences(db, me)),
];

export { type DeletionStep, deletionSteps };
