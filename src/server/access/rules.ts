import type { SharePart } from "../../shared/sharing.ts";
import type { Viewer } from "../http/viewer.ts";

export const actions = ["create", "read", "update", "delete", "manage"] as const;
export type Action = (typeof actions)[number];

/** What a rule may look at: who asks, whose record it is, and what that owner shares with them. */
export type AccessFacts = {
  viewer: Viewer;
  /** The member the resource belongs to; undefined for a record that does not exist. */
  ownerId: string | undefined;
  /** The parts the owner shares with the viewer at this moment; read per request, never cached. */
  sharedParts: () => Promise<ReadonlySet<SharePart>>;
  /** For a program's resources (ownerId is the program's id): whether the viewer holds its program admin role now. */
  programAdmin: () => Promise<boolean>;
  /** For community resources: the community and the viewer's membership, read per request, never cached. */
  community?: () => Promise<CommunityFacts | undefined>;
  /** For a decision shared in an engagement: who its mentor is and whether the share holds now, read per request. */
  decisionShare?: () => Promise<DecisionShareFacts | undefined>;
  /** For a manager link and its check-ins: the viewer's side of the link and its state, read per request. */
  link?: () => Promise<LinkFacts | undefined>;
};

/** A decision's share in one engagement, as its rows say at this moment. */
export type DecisionShareFacts = {
  mentorId: string;
  /** Not revoked by the mentee, and the engagement has not closed. */
  live: boolean;
};

/**
 * Where the viewer stands on one manager link, as its row says at this moment: its manager, its
 * report (once accepted), the holder of the invited address (while invited), or nobody.
 */
export type LinkFacts = {
  side: "manager" | "report" | "invitee" | null;
  state: "invited" | "active" | "declined" | "ended";
  /** For a shared area: the report shares it with this link right now. */
  areaShared?: boolean;
};

/** Where the viewer stands in one community, as its membership row says at this moment. */
export type CommunityFacts = {
  kind: "circle" | "open";
  /** The viewer's role while their membership is active; null otherwise (never joined, left, removed, banned). */
  activeRole: "organizer" | "moderator" | "member" | null;
  banned: boolean;
};

export type Rule = (facts: AccessFacts) => boolean | Promise<boolean>;

/** Any one of `rules` lets the viewer do any of `actions`, in the spirit of Outline's allow(). */
export type Grant = { actions: readonly Action[]; rules: readonly Rule[] };

export function allow(actions: readonly Action[], ...rules: Rule[]): Grant {
  return { actions, rules };
}

export const isOwner: Rule = ({ viewer, ownerId }) => ownerId !== undefined && viewer.userId === ownerId;

/** Any signed-in member, on a record that exists: for what every member may see, such as a mentor's profile. */
export const isMember: Rule = ({ ownerId }) => ownerId !== undefined;

export const isAdmin: Rule = ({ viewer }) => viewer.role === "admin";

/**
 * The owner shares `part` with the viewer right now. Only a confirmed email can hold a grant, since
 * grants name people by email.
 */
export function sharedReadOnly(part: SharePart): Rule {
  return async ({ viewer, ownerId, sharedParts }) =>
    ownerId !== undefined &&
    viewer.userId !== ownerId &&
    viewer.emailVerified &&
    (await sharedParts()).has(part);
}

async function communityOf(facts: AccessFacts) {
  return facts.community ? await facts.community() : undefined;
}

/** An active member of the community: the grant that leaving, removal and banning revoke. */
export const isCommunityMember: Rule = async (facts) => (await communityOf(facts))?.activeRole != null;

export const isCommunityModerator: Rule = async (facts) => {
  const role = (await communityOf(facts))?.activeRole;
  return role === "organizer" || role === "moderator";
};

export const isCommunityOrganizer: Rule = async (facts) =>
  (await communityOf(facts))?.activeRole === "organizer";

/** An open community is read by every member it has not banned; a circle by nobody outside it. */
export const isOpenToViewer: Rule = async (facts) => {
  const community = await communityOf(facts);
  return community?.kind === "open" && !community.banned;
};

/** The community exists: its public description, for deciding whether to apply or join. */
export const communityExists: Rule = async (facts) => (await communityOf(facts)) !== undefined;

/** The viewer is a program admin of the program the resource belongs to, read per request so a revoke takes effect at once. */
export const isProgramAdmin: Rule = ({ ownerId, programAdmin }) => ownerId !== undefined && programAdmin();

/**
 * The mentor of an engagement in which the owner shares this decision, while the share holds: the
 * grant that revoking it, or the engagement closing, ends on the next request.
 */
export const isDecisionShareMentor: Rule = async ({ viewer, ownerId, decisionShare }) => {
  if (ownerId === undefined || viewer.userId === ownerId || !decisionShare) return false;
  const share = await decisionShare();
  return share?.live === true && share.mentorId === viewer.userId;
};

async function linkOf(facts: AccessFacts) {
  return facts.link ? await facts.link() : undefined;
}

/** The manager of a link that is invited or active; an ended or declined link shows them nothing. */
export const isLinkManager: Rule = async (facts) => {
  const link = await linkOf(facts);
  return link?.side === "manager" && (link.state === "invited" || link.state === "active");
};

export const isActiveManager: Rule = async (facts) => {
  const link = await linkOf(facts);
  return link?.side === "manager" && link.state === "active";
};

export const isActiveReport: Rule = async (facts) => {
  const link = await linkOf(facts);
  return link?.side === "report" && link.state === "active";
};

/** The holder of the invited address, confirmed, while the invitation waits for an answer. */
export const isLinkInvitee: Rule = async (facts) => {
  const link = await linkOf(facts);
  return link?.side === "invitee" && link.state === "invited";
};

/** The manager of an active link whose report invites them into this area right now. */
export const isInvitedInByReport: Rule = async (facts) => {
  const link = await linkOf(facts);
  return link?.side === "manager" && link.state === "active" && link.areaShared === true;
};
