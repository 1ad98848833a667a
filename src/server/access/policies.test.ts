import { describe, expect, it } from "vitest";
import type { SharePart } from "../../shared/sharing.ts";
import type { Viewer } from "../http/viewer.ts";
import { policies, type ResourceKind } from "./policies.ts";
import { decide } from "./require-access.ts";
import { type Action, actions, type LinkFacts } from "./rules.ts";

const member = (userId: string, extra: Partial<Viewer> = {}): Viewer => ({
  userId,
  sessionId: `session-${userId}`,
  role: "member",
  email: `${userId}@example.test`,
  emailVerified: true,
  twoFactorEnabled: false,
  profile: {
    name: userId,
    headline: "",
    level: null,
    track: null,
    company: "",
    timeZone: null,
    version: 0,
  },
  ...extra,
});
const admin = member("admin", { role: "admin" });

function allowed(
  kind: ResourceKind,
  action: Action,
  viewer: Viewer,
  ownerId: string | undefined,
  shared: SharePart[] = [],
  programAdmins: string[] = [],
) {
  return decide(policies[kind], action, {
    viewer,
    ownerId,
    sharedParts: async () => new Set(shared),
    programAdmin: async () => programAdmins.includes(viewer.userId),
  });
}

// Records every member may read are checked on their own below.
const readableByMembers: ResourceKind[] = ["mentorProfile", "mentorReviews"];
// Community resources are keyed by membership, not ownership: checked in the communities tests.
const byMembership: ResourceKind[] = ["community", "communityContent", "communityApplications"];
// Managers resources are keyed by the link between two members: checked below and in the managers tests.
const byLink: ResourceKind[] = ["managerLink", "checkInArea"];
const ownRecords = Object.keys(policies).filter(
  (kind) =>
    kind !== "instance" &&
    kind !== "program" &&
    !kind.startsWith("shared") &&
    !readableByMembers.includes(kind as ResourceKind) &&
    !byMembership.includes(kind as ResourceKind) &&
    !byLink.includes(kind as ResourceKind),
) as ResourceKind[];
const sharedViews = {
  sharedPlan: "plan",
  sharedLanes: "lanes",
  sharedPortfolio: "portfolio",
  sharedStory: "story",
} as const;

describe("access policies", () => {
  it("lets each side of a manager link do only its part, and nobody once it ends", async () => {
    type Side = LinkFacts["side"];
    type State = LinkFacts["state"];
    const may = (
      kind: "managerLink" | "checkInArea",
      action: Action,
      side: Side,
      state: State,
      areaShared = false,
    ) =>
      decide(policies[kind], action, {
        viewer: member("ada"),
        ownerId: undefined,
        sharedParts: async () => new Set(),
        programAdmin: async () => false,
        link: async () => ({ side, state, areaShared }),
      });
    const table: [Side, State, Action[]][] = [
      ["manager", "active", ["read", "update", "delete"]],
      ["report", "active", ["read", "update", "manage", "delete"]],
      ["manager", "invited", ["read", "delete"]],
      ["invitee", "invited", ["read", "create"]],
      ["invitee", "active", []],
      ["manager", "ended", []],
      ["report", "ended", []],
      ["manager", "declined", []],
      [null, "active", []],
    ];
    for (const [side, state, allowedActions] of table) {
      for (const action of actions) {
        expect(await may("managerLink", action, side, state), `${side} ${state} ${action}`).toBe(
          allowedActions.includes(action),
        );
      }
    }
    expect(await may("checkInArea", "read", "manager", "active", true)).toBe(true);
    expect(await may("checkInArea", "read", "manager", "active", false)).toBe(false);
    expect(await may("checkInArea", "read", "manager", "ended", true)).toBe(false);
    expect(await may("checkInArea", "read", "report", "active")).toBe(true);
    expect(await may("checkInArea", "read", null, "active", true)).toBe(false);
  });

  it("lets the owner do everything declared on their own records, and nobody else anything, whatever they share", async () => {
    for (const kind of ownRecords) {
      for (const action of actions) {
        const declared = policies[kind].grants.some((grant) => grant.actions.includes(action));
        expect(await allowed(kind, action, member("ada"), "ada"), `${kind} ${action} as owner`).toBe(
          declared,
        );
        for (const other of [member("bob"), admin]) {
          const everything: SharePart[] = ["plan", "lanes", "portfolio", "story"];
          expect(
            await allowed(kind, action, other, "ada", everything),
            `${kind} ${action} as ${other.userId}`,
          ).toBe(false);
        }
      }
    }
  });

  it("lets a program's admins run it, the instance admin manage its admins only, and nobody else in", async () => {
    // The owner id of a program resource is the program's id.
    for (const action of ["read", "update", "manage"] as const) {
      expect(await allowed("program", action, member("ada"), "p1", [], ["ada"]), action).toBe(true);
      expect(await allowed("program", action, member("bob"), "p1", [], ["ada"]), action).toBe(false);
      expect(await allowed("program", action, member("ada"), undefined, [], ["ada"]), action).toBe(false);
    }
    expect(await allowed("program", "read", admin, "p1")).toBe(false);
    expect(await allowed("program", "manage", admin, "p1")).toBe(true);
    expect(await allowed("program", "manage", admin, undefined)).toBe(false);
    expect(await allowed("program", "update", admin, "p1")).toBe(false);
    expect(await allowed("program", "delete", member("ada"), "p1", [], ["ada"])).toBe(false);
  });

  it("treats a missing record as nobody's: even an admin is refused", async () => {
    for (const kind of ownRecords) {
      expect(await allowed(kind, "read", member("ada"), undefined)).toBe(false);
      expect(await allowed(kind, "read", admin, undefined)).toBe(false);
    }
  });

  it("opens a shared view to the owner and to a grantee of exactly that part, for reading only", async () => {
    for (const [kind, part] of Object.entries(sharedViews) as [ResourceKind, SharePart][]) {
      expect(await allowed(kind, "read", member("ada"), "ada")).toBe(true);
      expect(await allowed(kind, "read", member("bob"), "ada", [part])).toBe(true);
      for (const action of actions.filter((a) => a !== "read")) {
        expect(await allowed(kind, action, member("bob"), "ada", [part]), `${kind} ${action}`).toBe(false);
        expect(await allowed(kind, action, member("ada"), "ada"), `${kind} ${action} as owner`).toBe(false);
      }
      const otherParts = Object.values(sharedViews).filter((p) => p !== part);
      expect(await allowed(kind, "read", member("bob"), "ada", otherParts), `${kind} with other parts`).toBe(
        false,
      );
      expect(await allowed(kind, "read", member("bob"), "ada", [])).toBe(false);
      expect(await allowed(kind, "read", admin, "ada")).toBe(false);
      expect(await allowed(kind, "read", member("bob", { emailVerified: false }), "ada", [part])).toBe(false);
    }
  });

  it("asks for what is shared only when owning does not already decide", async () => {
    let asked = 0;
    const facts = (viewer: Viewer) => ({
      viewer,
      ownerId: "ada",
      sharedParts: async () => {
        asked += 1;
        return new Set<SharePart>(["plan"]);
      },
      programAdmin: async () => false,
    });
    await decide(policies.sharedPlan, "read", facts(member("ada")));
    await decide(policies.tour, "update", facts(member("bob")));
    expect(asked).toBe(0);
    await decide(policies.sharedPlan, "read", facts(member("bob")));
    expect(asked).toBe(1);
  });

  it("lets every member read a mentor's revealed reviews and change none, and nobody find a missing mentor's", async () => {
    for (const viewer of [member("ada"), member("bob"), admin]) {
      expect(await allowed("mentorReviews", "read", viewer, "ada")).toBe(true);
      expect(await allowed("mentorReviews", "read", viewer, undefined)).toBe(false);
      for (const action of ["create", "update", "delete", "manage"] as const) {
        expect(await allowed("mentorReviews", action, viewer, "ada")).toBe(false);
      }
    }
  });

  it("lets every member read a mentor's profile, only the mentor change it, and nobody find a missing one", async () => {
    for (const viewer of [member("ada"), member("bob"), admin]) {
      expect(await allowed("mentorProfile", "read", viewer, "ada")).toBe(true);
      expect(await allowed("mentorProfile", "read", viewer, undefined)).toBe(false);
    }
    expect(await allowed("mentorProfile", "update", member("ada"), "ada")).toBe(true);
    for (const viewer of [member("bob"), admin]) {
      expect(await allowed("mentorProfile", "update", viewer, "ada")).toBe(false);
      expect(await allowed("mentorProfile", "delete", viewer, "ada")).toBe(false);
    }
  });

  it("keeps the instance to administrators, with a 403 rather than a 404", async () => {
    expect(await allowed("instance", "manage", admin, undefined)).toBe(true);
    expect(await allowed("instance", "manage", member("ada"), undefined)).toBe(false);
    expect(await allowed("instance", "read", admin, undefined)).toBe(false);
    expect(policies.instance.denied().status).toBe(403);
    for (const kind of ownRecords) expect(policies[kind].denied().status, kind).toBe(404);
  });
});

describe("community policies: the grant is an active membership, read each time", () => {
  type Standing = {
    kind: "circle" | "open";
    activeRole: "organizer" | "moderator" | "member" | null;
    banned: boolean;
  };
  const inCommunity = (viewer: Viewer, standing: Standing | undefined) => ({
    viewer,
    ownerId: undefined,
    sharedParts: async () => new Set<SharePart>(),
    programAdmin: async () => false,
    community: async () => standing,
  });
  const can = (
    kind: ResourceKind,
    action: (typeof actions)[number],
    standing: Standing | undefined,
    viewer = member("ada"),
  ) => decide(policies[kind], action, inCommunity(viewer, standing));
  const circle = (activeRole: Standing["activeRole"], banned = false): Standing => ({
    kind: "circle",
    activeRole,
    banned,
  });

  it("opens a circle's inside to active members only, never to an admin outside it", async () => {
    for (const role of ["organizer", "moderator", "member"] as const) {
      expect(await can("communityContent", "read", circle(role))).toBe(true);
      expect(await can("communityContent", "create", circle(role))).toBe(true);
    }
    // Never joined, left, removed: all the same, nothing inside.
    expect(await can("communityContent", "read", circle(null))).toBe(false);
    expect(await can("communityContent", "create", circle(null))).toBe(false);
    expect(await can("communityContent", "read", circle(null), admin)).toBe(false);
    expect(await can("communityContent", "read", undefined)).toBe(false);
    // The description is there to decide whether to apply; a missing circle is nobody's.
    expect(await can("community", "read", circle(null))).toBe(true);
    expect(await can("community", "read", undefined)).toBe(false);
  });

  it("lets anyone not banned read an open community, and only members write", async () => {
    expect(await can("communityContent", "read", { kind: "open", activeRole: null, banned: false })).toBe(
      true,
    );
    expect(await can("communityContent", "create", { kind: "open", activeRole: null, banned: false })).toBe(
      false,
    );
    expect(await can("communityContent", "read", { kind: "open", activeRole: null, banned: true })).toBe(
      false,
    );
  });

  it("keeps moderation to organizers and moderators, and the circle's settings and applications to organizers", async () => {
    expect(await can("communityContent", "manage", circle("moderator"))).toBe(true);
    expect(await can("communityContent", "manage", circle("member"))).toBe(false);
    expect(await can("community", "update", circle("organizer"))).toBe(true);
    expect(await can("community", "update", circle("moderator"))).toBe(false);
    expect(await can("communityApplications", "read", circle("organizer"))).toBe(true);
    expect(await can("communityApplications", "read", circle("member"))).toBe(false);
    expect(await can("communityApplications", "manage", circle(null), admin)).toBe(false);
  });
});

describe("a decision shared in an engagement: the mentor reads and comments while the share holds", () => {
  const withShare = (
    viewer: Viewer,
    ownerId: string | undefined,
    share?: { mentorId: string; live: boolean },
  ) => ({
    viewer,
    ownerId,
    sharedParts: async () => new Set<SharePart>(["plan", "lanes", "portfolio", "story"]),
    programAdmin: async () => false,
    decisionShare: async () => share,
  });
  const can = (
    action: Action,
    viewer: Viewer,
    share?: { mentorId: string; live: boolean },
    ownerId = "ada",
  ) => decide(policies.sharedDecision, action, withShare(viewer, ownerId, share));

  it("lets the mentor read and comment while live, and nobody else; nobody writes the decision but its owner", async () => {
    const live = { mentorId: "nora", live: true };
    expect(await can("read", member("nora"), live)).toBe(true);
    expect(await can("create", member("nora"), live)).toBe(true);
    for (const action of ["update", "delete", "manage"] as const) {
      expect(await can(action, member("nora"), live), action).toBe(false);
    }
    // Revoked, or the engagement closed: the next request finds nothing.
    expect(await can("read", member("nora"), { mentorId: "nora", live: false })).toBe(false);
    expect(await can("create", member("nora"), { mentorId: "nora", live: false })).toBe(false);
    expect(await can("read", member("bob"), live)).toBe(false);
    expect(await can("read", admin, live)).toBe(false);
    expect(await can("read", member("nora"), undefined)).toBe(false);
    expect(await decide(policies.sharedDecision, "read", withShare(member("nora"), undefined, live))).toBe(
      false,
    );
    // The owner reads their own; the decision itself stays theirs alone to write, whatever is shared.
    expect(await can("read", member("ada"), live)).toBe(true);
    expect(await can("create", member("ada"), live)).toBe(false);
    for (const action of ["update", "delete"] as const) {
      expect(await decide(policies.decision, action, withShare(member("nora"), "ada", live))).toBe(false);
    }
  });
});
