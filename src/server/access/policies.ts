import { AppError } from "../http/errors.ts";
import {
  allow,
  communityExists,
  type Grant,
  isActiveManager,
  isActiveReport,
  isAdmin,
  isCommunityMember,
  isCommunityModerator,
  isCommunityOrganizer,
  isDecisionShareMentor,
  isInvitedInByReport,
  isLinkInvitee,
  isLinkManager,
  isMember,
  isOpenToViewer,
  isOwner,
  isProgramAdmin,
  sharedReadOnly,
} from "./rules.ts";

export type Policy = { grants: readonly Grant[]; denied: () => AppError };

const notFound = (message: string) => () => new AppError("NOT_FOUND", message);

/**
 * Who may do what, declared once per resource. A member's own records are theirs alone; a share
 * reaches a part only through its read-only view (the `shared…` resources), whose presenter lists
 * every field it shows, so no route built for the owner can leak a private field to a grantee.
 * Denied access to a member's thing answers like a missing one, so its existence does not leak.
 */
export const policies = {
  careerPlan: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There is no career plan here among yours."),
  },
  tour: {
    grants: [allow(["create", "read", "update", "delete"], isOwner)],
    denied: notFound("There is no tour of duty with this id among yours."),
  },
  decision: {
    grants: [allow(["create", "read", "update", "delete"], isOwner)],
    denied: notFound("There is no decision with this id in your journal."),
  },
  laneAssessment: {
    grants: [allow(["create", "read"], isOwner)],
    denied: notFound("There is no assessment with this id among yours."),
  },
  portfolioRole: {
    grants: [allow(["create", "read", "update", "delete"], isOwner)],
    denied: notFound("There is no role with this id in your portfolio."),
  },
  targetRole: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There is no next-level plan here."),
  },
  feedbackRequest: {
    grants: [allow(["create", "read", "manage"], isOwner)],
    denied: notFound("There is no feedback request with this id among yours."),
  },
  superpowers: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There are no superpowers here among yours."),
  },
  profile: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There is no profile here among yours."),
  },
  home: {
    grants: [allow(["read"], isOwner)],
    denied: notFound("There is no home page here among yours."),
  },
  notification: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There is no notification with this id among yours."),
  },
  storyEntry: {
    grants: [allow(["create", "read", "update", "delete"], isOwner)],
    denied: notFound("There is no story entry with this id among yours."),
  },
  pressRelease: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There is no press release here among yours."),
  },
  thoughtLeadership: {
    grants: [allow(["create", "read", "update", "delete"], isOwner)],
    denied: notFound("There is no thought-leadership item with this id among yours."),
  },
  promotionDiagnosis: {
    grants: [allow(["create", "read"], isOwner)],
    denied: notFound("There is no promotion diagnosis with this id among yours."),
  },
  healthCheck: {
    grants: [allow(["create", "read", "update", "delete"], isOwner)],
    denied: notFound("There is no company health check with this id among yours."),
  },
  shareGrant: {
    grants: [allow(["create", "read", "delete"], isOwner)],
    denied: notFound("There is no share with this id among yours."),
  },
  sharedWithMe: {
    grants: [allow(["read"], isOwner)],
    denied: notFound("There is nothing shared with you here."),
  },
  sharedPlan: {
    grants: [allow(["read"], isOwner, sharedReadOnly("plan"))],
    denied: notFound("Nothing is shared with you here: it may never have been, or the share was revoked."),
  },
  sharedLanes: {
    grants: [allow(["read"], isOwner, sharedReadOnly("lanes"))],
    denied: notFound("Nothing is shared with you here: it may never have been, or the share was revoked."),
  },
  sharedPortfolio: {
    grants: [allow(["read"], isOwner, sharedReadOnly("portfolio"))],
    denied: notFound("Nothing is shared with you here: it may never have been, or the share was revoked."),
  },
  sharedStory: {
    grants: [allow(["read"], isOwner, sharedReadOnly("story"))],
    denied: notFound("Nothing is shared with you here: it may never have been, or the share was revoked."),
  },
  // Any member may open a mentor's profile; only the mentor changes it.
  mentorProfile: {
    grants: [allow(["read"], isMember), allow(["create", "read", "update"], isOwner)],
    denied: notFound("There is no mentor with this id."),
  },
  // A request is checked against the side acting on it: its mentee, or its mentor, as the owner.
  mentorRequest: {
    grants: [allow(["create", "read", "update"], isOwner)],
    denied: notFound("There is no mentoring request with this id among yours."),
  },
  mentoringLog: {
    grants: [allow(["create", "read", "update", "delete"], isOwner)],
    denied: notFound("There is no entry with this id in your mentoring log."),
  },
  // An engagement is checked against the side acting on it: its mentee, or its mentor, as the owner.
  engagement: {
    grants: [allow(["create", "read", "update"], isOwner)],
    denied: notFound("There is no mentoring engagement with this id among yours."),
  },
  // A session note is its author's: the other person reads a shared one through the engagement.
  engagementNote: {
    grants: [allow(["read", "update", "delete"], isOwner)],
    denied: notFound("There is no note with this id among yours."),
  },
  // A decision the mentee shares in an engagement: the mentor reads it and comments on it while the
  // share holds; only the mentee writes the decision itself (the `decision` policy above).
  sharedDecision: {
    grants: [allow(["read"], isOwner, isDecisionShareMentor), allow(["create"], isDecisionShareMentor)],
    denied: notFound(
      "No decision is shared with you here: it may never have been, the mentee stopped sharing it, or the mentoring closed.",
    ),
  },
  // A 911 call is checked against its member, or against a mentor it was offered to, as the owner.
  urgentCall: {
    grants: [allow(["create", "read", "update"], isOwner)],
    denied: notFound("There is no 911 call with this id among yours."),
  },
  // Revealed reviews of a mentor, as aggregates and allowed quotes, are open to every member.
  mentorReviews: {
    grants: [allow(["read"], isMember)],
    denied: notFound("There is no mentor with this id."),
  },
  // Communities are keyed by membership, not ownership: the grant is an active membership row, read on
  // every request, so leaving, removal or a ban closes every path at once. An instance admin holds no
  // grant inside a circle: confidentiality binds the operator too.
  // The member's own view across communities: the directory, starting one, searching what they may read.
  communityDirectory: {
    grants: [allow(["create", "read"], isOwner)],
    denied: notFound("There is nothing here among yours."),
  },
  community: {
    grants: [allow(["read"], communityExists), allow(["update", "manage"], isCommunityOrganizer)],
    denied: notFound("There is no community with this id."),
  },
  communityContent: {
    grants: [
      allow(["read"], isCommunityMember, isOpenToViewer),
      allow(["create"], isCommunityMember),
      allow(["manage"], isCommunityModerator),
    ],
    denied: notFound("There is nothing with this id among the communities you belong to."),
  },
  communityApplications: {
    grants: [allow(["read", "manage"], isCommunityOrganizer)],
    denied: notFound("There is no application with this id among yours."),
  },
  calendarFeed: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There is no calendar feed here among yours."),
  },
  // Any member may start a program and becomes its first program admin. A program's admins run it; the
  // instance admin may grant or revoke its admins, and sees nothing of it. Its owner id is the program's id.
  program: {
    grants: [
      allow(["create"], isOwner),
      allow(["read", "update", "manage"], isProgramAdmin),
      allow(["manage"], (facts) => facts.ownerId !== undefined && isAdmin(facts)),
    ],
    denied: notFound("There is no program with this id among those you run."),
  },
  // A participant's own place in a cohort: their questionnaire, their match and their meetings.
  programParticipation: {
    grants: [allow(["read", "update"], isOwner)],
    denied: notFound("There is no program place with this id among yours."),
  },
  // Managers and check-ins are keyed by the link, read on every request: ending it closes every path at
  // once. The manager reads the link and check-ins; only the report decides what is shared and on the
  // agenda. An instance admin holds no grant here.
  managerLink: {
    grants: [
      allow(["read"], isLinkManager, isActiveReport, isLinkInvitee),
      // Comment, suggest a topic, propose or agree a cadence, end the link.
      allow(["update"], isActiveManager, isActiveReport),
      // Share or revoke areas, hold check-ins, accept or decline topics.
      allow(["manage"], isActiveReport),
      // Accept or decline the invitation.
      allow(["create"], isLinkInvitee),
      // The manager may withdraw an invitation not yet answered.
      allow(["delete"], isLinkManager, isActiveReport),
    ],
    denied: notFound("There is no manager link with this id among yours."),
  },
  // A shared area is the report's own record: the report reads it, and their manager while it is shared.
  checkInArea: {
    grants: [allow(["read"], isActiveReport, isInvitedInByReport)],
    denied: notFound("Nothing is shared with you here: it may never have been, or the share was revoked."),
  },
  instance: {
    grants: [allow(["manage"], isAdmin)],
    denied: () => new AppError("FORBIDDEN", "Only an instance administrator can do this."),
  },
} satisfies Record<string, Policy>;

export type ResourceKind = keyof typeof policies;
