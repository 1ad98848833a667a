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

/** The viewer is a program admin of the program the resource belongs to, read per request so a revoke takes effect at once. */
export const isProgramAdmin: Rule = ({ ownerId, programAdmin }) => ownerId !== undefined && programAdmin();
