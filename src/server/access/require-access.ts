import type { SharePart } from "../../shared/sharing.ts";
import type { Db } from "../db/open.ts";
import { requireSignedIn, type Viewer } from "../http/viewer.ts";
import { isProgramAdminOf } from "../modules/programs/programs.repo.ts";
import { listSharedParts } from "../modules/sharing/sharing.repo.ts";
import { type Policy, policies, type ResourceKind } from "./policies.ts";
import type { AccessFacts, Action, CommunityFacts, DecisionShareFacts, LinkFacts } from "./rules.ts";

/** Whether any grant of `policy` for `action` lets these facts through; rules run in order, lazily. */
export async function decide(policy: Policy, action: Action, facts: AccessFacts): Promise<boolean> {
  for (const grant of policy.grants) {
    if (!grant.actions.includes(action)) continue;
    for (const rule of grant.rules) if (await rule(facts)) return true;
  }
  return false;
}

function factsFor(db: Db, viewer: Viewer, ownerId: string | undefined): AccessFacts {
  let parts: Promise<ReadonlySet<SharePart>> | undefined;
  return {
    viewer,
    ownerId,
    sharedParts: () => {
      parts ??=
        ownerId === undefined
          ? Promise.resolve(new Set())
          : listSharedParts(db, ownerId, viewer.email).then((list) => new Set(list));
      return parts;
    },
    programAdmin: () =>
      ownerId === undefined ? Promise.resolve(false) : isProgramAdminOf(db, ownerId, viewer.userId),
  };
}

/** Whether `viewer` may do `action` on the `kind` resource of `ownerId`, as the policies declare. */
export function authorize(
  db: Db,
  viewer: Viewer,
  action: Action,
  kind: ResourceKind,
  ownerId: string | undefined,
): Promise<boolean> {
  return decide(policies[kind], action, factsFor(db, viewer, ownerId));
}

type Owned = { userId: string };

/**
 * The first statement of every use case. Signed out is 401; otherwise the policy of `kind` decides,
 * and a refusal throws that resource's answer (a missing one's 404 for a member's things).
 * - With a record (`undefined` when the lookup found none), it returns the record once allowed.
 * - With an owner id, it returns the viewer; with none, the resource is the viewer's own (a "my" route).
 */
export async function requireAccess<R extends Owned>(
  db: Db,
  viewer: Viewer | null,
  action: Action,
  kind: ResourceKind,
  record: R | undefined,
): Promise<R>;
export async function requireAccess(
  db: Db,
  viewer: Viewer | null,
  action: Action,
  kind: ResourceKind,
  ownerId?: string,
): Promise<Viewer>;
export async function requireAccess(
  db: Db,
  viewer: Viewer | null,
  action: Action,
  kind: ResourceKind,
  ...target: [(Owned | string | undefined)?]
): Promise<Owned | Viewer> {
  const me = requireSignedIn(viewer);
  const [given] = target;
  const record = typeof given === "object" ? given : undefined;
  const ownerId = target.length === 0 ? me.userId : typeof given === "string" ? given : record?.userId;
  if (!(await authorize(db, me, action, kind, ownerId))) throw policies[kind].denied();
  return record ?? me;
}

export type CommunityKind = "community" | "communityContent" | "communityApplications";

/**
 * The first statement of every community use case: `facts` reads the community and the viewer's
 * membership now (undefined when the community does not exist), and the policy of `kind` decides.
 * A refusal is the resource's 404, so nothing tells a non-member what a circle holds.
 */
export async function requireCommunityAccess(
  db: Db,
  viewer: Viewer | null,
  action: Action,
  kind: CommunityKind,
  facts: (viewer: Viewer) => Promise<CommunityFacts | undefined>,
): Promise<Viewer> {
  const me = requireSignedIn(viewer);
  let read: Promise<CommunityFacts | undefined> | undefined;
  const allowed = await decide(policies[kind], action, {
    ...factsFor(db, me, undefined),
    community: () => {
      read ??= facts(me);
      return read;
    },
  });
  if (!allowed) throw policies[kind].denied();
  return me;
}

/**
 * The first statement of every use case on a decision shared in an engagement: `ownerId` is the
 * decision's owner (the mentee), `share` reads the share now (undefined when there is none), and the
 * `sharedDecision` policy decides. A refusal is its 404, so a revoked share looks like none.
 */
export async function requireSharedDecisionAccess(
  db: Db,
  viewer: Viewer | null,
  action: Action,
  ownerId: string | undefined,
  share: () => Promise<DecisionShareFacts | undefined>,
): Promise<Viewer> {
  const me = requireSignedIn(viewer);
  let read: Promise<DecisionShareFacts | undefined> | undefined;
  const allowed = await decide(policies.sharedDecision, action, {
    ...factsFor(db, me, ownerId),
    decisionShare: () => {
      read ??= share();
      return read;
    },
  });
  if (!allowed) throw policies.sharedDecision.denied();
  return me;
}

export type LinkKind = "managerLink" | "checkInArea";

/**
 * The first statement of every managers use case: `facts` reads the link and the viewer's side of it
 * now (undefined when there is no such link), and the policy of `kind` decides. A refusal is the
 * resource's 404, so nobody learns who manages whom.
 */
export async function requireLinkAccess(
  db: Db,
  viewer: Viewer | null,
  action: Action,
  kind: LinkKind,
  facts: (viewer: Viewer) => Promise<LinkFacts | undefined>,
): Promise<Viewer> {
  const me = requireSignedIn(viewer);
  let read: Promise<LinkFacts | undefined> | undefined;
  const allowed = await decide(policies[kind], action, {
    ...factsFor(db, me, undefined),
    link: () => {
      read ??= facts(me);
      return read;
    },
  });
  if (!allowed) throw policies[kind].denied();
  return me;
}
