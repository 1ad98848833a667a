import { AppError } from "../http/errors.ts";
import { allow, type Grant, isAdmin, isMember, isOwner, isProgramAdmin, sharedReadOnly } from "./rules.ts";

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
  instance: {
    grants: [allow(["manage"], isAdmin)],
    denied: () => new AppError("FORBIDDEN", "Only an instance administrator can do this."),
  },
} satisfies Record<string, Policy>;

export type ResourceKind = keyof typeof policies;
