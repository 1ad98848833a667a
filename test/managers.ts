import { buildUser } from "./factories.ts";
import type { TestContext } from "./harness.ts";

type Person = { cookie: string; email?: string };
export type ManagerSide = "manager" | "report" | "invitee";

async function json(ctx: TestContext, path: string, cookie: string, method = "GET", body?: unknown) {
  const response = await ctx.request(path, { method, cookie, body: method === "GET" ? undefined : body });
  if (response.status !== 200)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function emailOf(ctx: TestContext, cookie: string): Promise<string> {
  return (await json(ctx, "/api/me", cookie)).user.email;
}

/** Ends the member's active manager link, if any: a member has one manager at a time. */
export async function endMyManager(ctx: TestContext, cookie: string) {
  const { myManager } = await json(ctx, "/api/managers", cookie);
  if (myManager) await json(ctx, `/api/manager-links/${myManager.id}/end`, cookie, "POST", {});
}

/**
 * A link between the member and a new person, the member on `side`: their manager, their report (the
 * link active), or the holder of an invited address (the invitation waiting).
 */
export async function linkAs(ctx: TestContext, member: Person, side: ManagerSide) {
  const other = await buildUser(ctx);
  if (side === "manager") {
    await json(ctx, "/api/managers/invitations", member.cookie, "POST", { email: other.email });
    const [invitation] = (await json(ctx, "/api/managers", other.cookie)).invitations;
    await json(ctx, `/api/manager-links/${invitation.id}/accept`, other.cookie, "POST", {
      version: invitation.version,
    });
    return { linkId: invitation.id as string, other };
  }
  await endMyManager(ctx, member.cookie);
  const email = member.email ?? (await emailOf(ctx, member.cookie));
  await json(ctx, "/api/managers/invitations", other.cookie, "POST", { email });
  const invitation = (await json(ctx, "/api/managers", member.cookie)).invitations.find(
    (link: { manager: { id: string } }) => link.manager.id === other.id,
  );
  if (side === "report") {
    await json(ctx, `/api/manager-links/${invitation.id}/accept`, member.cookie, "POST", {
      version: invitation.version,
    });
  }
  return { linkId: invitation.id as string, other };
}

export function isManagerRoute(path: string) {
  return ["/api/manager-links/", "/api/check-ins/", "/api/agenda-topics/"].some((p) => path.startsWith(p));
}

/** The params and body with which the member a managers route serves succeeds, on the side it needs. */
export async function seedManagerRoute(
  ctx: TestContext,
  key: string,
  member: Person,
): Promise<{ params: Record<string, string>; body?: unknown }> {
  const path = key.slice(key.indexOf(" ") + 1);
  if (path.endsWith("/accept") || path.endsWith("/decline")) {
    const { linkId } = await linkAs(ctx, member, "invitee");
    return { params: { id: linkId }, body: { version: 1 } };
  }
  if (path.endsWith("/cadence/agree")) {
    const { linkId, other } = await linkAs(ctx, member, "manager");
    const proposed = await json(ctx, `/api/manager-links/${linkId}/cadence`, other.cookie, "POST", {
      cadence: "monthly",
      version: 2,
    });
    return { params: { id: linkId }, body: { version: proposed.link.version } };
  }
  if (path.endsWith("/manager-plan")) {
    const { linkId, other } = await linkAs(ctx, member, "manager");
    const checkIn = await json(ctx, `/api/manager-links/${linkId}/check-ins`, other.cookie, "POST", {
      heldOn: "2026-01-05",
    });
    return { params: { id: checkIn.id }, body: { managerPlan: "I will ask.", version: checkIn.version } };
  }
  const { linkId, other } = await linkAs(ctx, member, "report");
  if (path.startsWith("/api/manager-links/:id/areas/:areaId")) {
    const { areas } = await json(ctx, `/api/manager-links/${linkId}/areas`, member.cookie, "POST", {
      area: "lanes",
    });
    return { params: { id: linkId, areaId: areas[0].id } };
  }
  if (path.startsWith("/api/manager-links/")) {
    const bodies: Record<string, unknown> = {
      "POST /api/manager-links/:id/areas": { area: "lanes" },
      "POST /api/manager-links/:id/cadence": { cadence: "weekly", version: 2 },
      "POST /api/manager-links/:id/check-ins": { heldOn: "2026-01-05", helpWith: "Sponsorship" },
    };
    return { params: { id: linkId }, body: bodies[key] ?? {} };
  }
  const checkIn = await json(ctx, `/api/manager-links/${linkId}/check-ins`, member.cookie, "POST", {
    heldOn: "2026-01-05",
  });
  if (path.startsWith("/api/agenda-topics/")) {
    const suggested = await json(ctx, `/api/check-ins/${checkIn.id}/agenda`, other.cookie, "POST", {
      text: "Hiring",
    });
    return { params: { id: suggested.agenda[0].id }, body: { decision: "accepted", version: 1 } };
  }
  const bodies: Record<string, unknown> = {
    "PUT /api/check-ins/:id": { heldOn: "2026-01-06", helpWith: "Changed", version: checkIn.version },
    "POST /api/check-ins/:id/comments": { body: "A comment" },
    "POST /api/check-ins/:id/agenda": { text: "A topic" },
  };
  return { params: { id: checkIn.id }, body: bodies[key] ?? {} };
}
