import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltUser, buildUser, uniqueEmail } from "../../../../test/factories.ts";
import { answersMarked, copyLinks, createFeedbackRequest, give } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import {
  sharedLanesSchema,
  sharedPlanSchema,
  sharedPortfolioSchema,
  sharedStorySchema,
  sharedWithMeSchema,
  shareGrantListSchema,
  shareResultSchema,
} from "../../../shared/sharing.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const thisYear = new Date().getUTCFullYear();

async function call(path: string, cookie: string | undefined, method = "GET", body?: unknown) {
  const response = await requestAtCurrentVersion(ctx, path, { method, body, cookie });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

async function share(owner: BuiltUser, email: string, parts: string[]) {
  const result = await call("/api/sharing/grants", owner.cookie, "POST", { email, parts });
  expect(result.status, result.text).toBe(200);
  return shareResultSchema.strict().parse(result.json);
}

/** A member with something in every part, each private field marked so a leak can be found. */
async function memberWithEverything(marker: string) {
  const owner = await buildUser(ctx, { name: `Owner ${marker}` });
  const ok = async (path: string, body: unknown, method = "POST") => {
    const result = await call(path, owner.cookie, method, body);
    expect(result.status, `${path}: ${result.text}`).toBe(200);
    return result.json;
  };
  await ok("/api/profile", { name: `Owner ${marker}`, timeZone: "UTC", level: "senior_pm" }, "PUT");
  await ok(
    "/api/plan",
    {
      northStar: { role: `CPO ${marker}-NORTH`, horizonYear: thisYear + 8 },
      skipJob: { role: "Head of Product", targetYear: thisYear + 4, needs: [{ text: "Lead managers" }] },
      nextJob: { role: "Group PM", targetYear: thisYear + 2 },
    },
    "PUT",
  );
  await ok(
    "/api/plan/act-three",
    {
      economics: { description: `${marker}-ACT-THREE invest` },
      giving: { description: "Coach", forms: ["coaching"] },
    },
    "PUT",
  );
  const tour = await ok("/api/tours", {
    title: `${marker}-TOUR`,
    mission: "Lead a growth team",
    startsOn: "2024-01-01",
    endsOn: "2025-03-31",
  });
  await ok(`/api/tours/${tour.id}/milestones`, { title: "First hire", dueOn: "2024-03-31" });
  await ok(`/api/tours/${tour.id}/end-early`, { endedOn: "2024-06-30", reason: `${marker}-END-REASON` });
  await ok("/api/lanes/assessments", {
    ratings: { crafting: 4, market: 2, organizational: 3, domain: 2, team: 1, growth: 3 },
    evidence: { crafting: `${marker}-EVIDENCE shipped checkout` },
  });
  const role = await ok("/api/portfolio/roles", {
    company: `${marker}-COMPANY`,
    title: "Senior PM",
    startsOn: "2020-01-01",
    stage: "smoke_to_fire",
    market: "business",
    vantage: "inside",
    work: ["growth"],
    peopleManaged: 0,
    notes: `${marker}-ROLE-NOTES my manager was hard`,
  });
  await ok("/api/decisions", {
    dilemma: `${marker}-DECISION stay or go?`,
    options: [{ label: "Stay" }, { label: "Go" }],
    decision: "Stay",
    decidedOn: "2025-01-01",
  });
  await ok("/api/story/entries", {
    title: `${marker}-STORY checkout rebuild`,
    portfolioRoleId: role.id,
    actions: "We rebuilt the payment step.",
    result: "I cut drop-off from 38% to 21%.",
  });
  await ok(
    "/api/story/press-release",
    { headline: `${marker}-RELEASE headline`, quote: "Great work.", version: 0 },
    "PUT",
  );
  await ok("/api/story/thought-leadership", {
    kind: "talk",
    title: `${marker}-THOUGHT talk`,
    happenedOn: "2025-01-01",
  });
  await ok("/api/promotion-diagnoses", { notes: `${marker}-DIAGNOSIS notes` });
  await ok("/api/health-checks", { company: `${marker}-HEALTH`, subject: "employer" });
  const request = await createFeedbackRequest(ctx, owner.cookie, { purpose: `${marker}-FEEDBACK-PURPOSE` });
  const [token] = await copyLinks(ctx, owner.cookie, request.id, 1);
  expect((await give(ctx, token as string, answersMarked(`${marker}-FEEDBACK-ANSWER`))).status).toBe(200);
  return { owner, tourId: tour.id as string, roleId: role.id as string };
}

describe("sharing parts read-only with a named member", () => {
  it("shows the grantee exactly the shared parts, and answers everyone else like a missing page", async () => {
    const { owner } = await memberWithEverything("GRANT");
    const grantee = await buildUser(ctx, { name: "Grace Grantee" });
    const stranger = await buildUser(ctx);
    const admin = await buildUser(ctx, { role: "admin" });

    const result = await share(owner, grantee.email.toUpperCase(), ["plan"]);
    expect(result.grants).toEqual([
      expect.objectContaining({ granteeEmail: grantee.email.toLowerCase(), part: "plan" }),
    ]);

    const mine = sharedWithMeSchema.strict().parse((await call("/api/shared", grantee.cookie)).json);
    expect(mine.shares).toEqual([
      {
        owner: { id: owner.id, name: "Owner GRANT", email: owner.email },
        parts: ["plan"],
        since: expect.any(String),
      },
    ]);
    const plan = await call(`/api/shared/${owner.id}/plan`, grantee.cookie);
    expect(plan.status).toBe(200);
    const parsed = sharedPlanSchema.strict().parse(plan.json);
    expect(parsed.northStar?.role).toBe("CPO GRANT-NORTH");
    expect(parsed.skipJob?.role).toBe("Head of Product");
    expect(parsed.nextJob?.role).toBe("Group PM");
    expect(parsed.tours.map((t) => [t.title, t.status, t.milestones.length])).toEqual([
      ["GRANT-TOUR", "ended_early", 1],
    ]);

    // Parts not shared, people not granted and the instance admin all meet a 404; signed out, a 401.
    const denied: [string, string | undefined, number][] = [
      [`/api/shared/${owner.id}/lanes`, grantee.cookie, 404],
      [`/api/shared/${owner.id}/portfolio`, grantee.cookie, 404],
      [`/api/shared/${owner.id}/plan`, stranger.cookie, 404],
      [`/api/shared/${owner.id}/plan`, admin.cookie, 404],
      [`/api/shared/${owner.id}/lanes`, admin.cookie, 404],
      [`/api/shared/${owner.id}/portfolio`, admin.cookie, 404],
      [`/api/shared/${owner.id}/plan`, undefined, 401],
      [`/api/shared/${grantee.id}/plan`, owner.cookie, 404],
      ["/api/shared/no-such-member/plan", grantee.cookie, 404],
    ];
    for (const [path, cookie, status] of denied) expect((await call(path, cookie)).status, path).toBe(status);
    expect((await call("/api/shared", stranger.cookie)).json).toEqual({ shares: [] });
    expect((await call("/api/shared", admin.cookie)).json).toEqual({ shares: [] });

    // The owner may look at their own shared view, to see what others see.
    expect((await call(`/api/shared/${owner.id}/plan`, owner.cookie)).status).toBe(200);
  });

  it("lets a grantee read and never write: the owner's own routes answer 404, and there is no write route", async () => {
    const { owner, tourId, roleId } = await memberWithEverything("WRITE");
    const grantee = await buildUser(ctx);
    const { grants } = await share(owner, grantee.email, ["plan", "lanes", "portfolio", "story"]);
    const tourBody = {
      title: "Taken over",
      mission: "Not mine",
      startsOn: "2024-01-01",
      endsOn: "2025-03-31",
    };
    const attempts: [string, string, unknown][] = [
      ["GET", `/api/tours/${tourId}`, undefined],
      ["PUT", `/api/tours/${tourId}`, tourBody],
      ["DELETE", `/api/tours/${tourId}`, undefined],
      ["POST", `/api/tours/${tourId}/milestones`, { title: "Mine now", dueOn: "2024-05-01" }],
      ["GET", `/api/portfolio/roles/${roleId}`, undefined],
      ["DELETE", `/api/portfolio/roles/${roleId}`, undefined],
      ["DELETE", `/api/sharing/grants/${grants[0]?.id}`, undefined],
      ["PUT", `/api/shared/${owner.id}/plan`, { northStar: null }],
      ["POST", `/api/shared/${owner.id}/lanes`, {}],
      ["DELETE", `/api/shared/${owner.id}/portfolio`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      expect((await call(path, grantee.cookie, method, body)).status, `${method} ${path}`).toBe(404);
    }
    const after = await call(`/api/shared/${owner.id}/plan`, grantee.cookie);
    expect(after.json.tours[0].title).toBe("WRITE-TOUR");
    expect((await call("/api/sharing/grants", owner.cookie)).json.grants).toHaveLength(4);
  });

  it("stops showing a part on the very next request once the owner revokes it", async () => {
    const { owner } = await memberWithEverything("REVOKE");
    const grantee = await buildUser(ctx);
    const { grants } = await share(owner, grantee.email, ["plan", "lanes"]);
    expect((await call(`/api/shared/${owner.id}/plan`, grantee.cookie)).status).toBe(200);
    const planGrant = grants.find((g) => g.part === "plan");

    const revoked = await call(`/api/sharing/grants/${planGrant?.id}`, owner.cookie, "DELETE");
    expect(revoked.status).toBe(200);
    expect(
      shareGrantListSchema
        .strict()
        .parse(revoked.json)
        .grants.map((g) => g.part),
    ).toEqual(["lanes"]);
    expect((await call(`/api/shared/${owner.id}/plan`, grantee.cookie)).status).toBe(404);
    expect((await call(`/api/shared/${owner.id}/lanes`, grantee.cookie)).status).toBe(200);
    expect((await call("/api/shared", grantee.cookie)).json.shares[0].parts).toEqual(["lanes"]);

    const lanesGrant = grants.find((g) => g.part === "lanes");
    await call(`/api/sharing/grants/${lanesGrant?.id}`, owner.cookie, "DELETE");
    expect((await call(`/api/shared/${owner.id}/lanes`, grantee.cookie)).status).toBe(404);
    expect((await call("/api/shared", grantee.cookie)).json).toEqual({ shares: [] });
    expect((await call(`/api/sharing/grants/${lanesGrant?.id}`, owner.cookie, "DELETE")).status).toBe(404);
  });

  it("answers the same whether or not an account holds the email, and the share reaches whoever signs up with it", async () => {
    const owner = await buildUser(ctx);
    const member = await buildUser(ctx);
    const nobody = uniqueEmail("nobody");
    const toMember = await share(owner, member.email, ["lanes"]);
    const toNobody = await share(owner, nobody, ["lanes"]);
    expect(toNobody.message.replace(nobody, "EMAIL")).toBe(toMember.message.replace(member.email, "EMAIL"));
    expect(toNobody.grants.map((g) => g.granteeEmail).sort()).toEqual([member.email, nobody].sort());

    const latecomer = await buildUser(ctx, { email: nobody });
    expect((await call(`/api/shared/${owner.id}/lanes`, latecomer.cookie)).status).toBe(200);
  });

  it("keeps a share once however often it is made, and rejects sharing with oneself or nothing", async () => {
    const owner = await buildUser(ctx);
    const grantee = await buildUser(ctx);
    await share(owner, grantee.email, ["plan"]);
    const again = await share(owner, grantee.email, ["plan", "portfolio"]);
    expect(again.grants.map((g) => g.part).sort()).toEqual(["plan", "portfolio"]);

    const bad: [unknown, string][] = [
      [{ email: owner.email, parts: ["plan"] }, "email"],
      [{ email: "not an email", parts: ["plan"] }, "email"],
      [{ email: grantee.email, parts: [] }, "parts"],
      [{ email: grantee.email, parts: ["decisions"] }, "parts.0"],
      [{ email: grantee.email, parts: ["plan", "plan"] }, "parts"],
      [{ email: grantee.email, parts: ["plan"], ownerId: grantee.id }, ""],
    ];
    for (const [body, field] of bad) {
      const result = await call("/api/sharing/grants", owner.cookie, "POST", body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      if (field) expect(result.json.error.field, JSON.stringify(body)).toBe(field);
    }
  });

  it("keeps one grant per part when the same share is sent many times at once", async () => {
    const owner = await buildUser(ctx);
    const grantee = await buildUser(ctx);
    const body = { email: grantee.email, parts: ["plan", "lanes"] };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => ctx.request("/api/sharing/grants", { body, cookie: owner.cookie })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const { grants } = (await call("/api/sharing/grants", owner.cookie)).json;
    expect(grants.map((g: { part: string }) => g.part).sort()).toEqual(["lanes", "plan"]);
  });

  it("never puts a private field into any shared answer (canary)", async () => {
    const marker = "CANARY";
    const { owner } = await memberWithEverything(marker);
    const grantee = await buildUser(ctx);
    await share(owner, grantee.email, ["plan", "portfolio", "story"]);
    const bodies = [
      await call("/api/shared", grantee.cookie),
      await call(`/api/shared/${owner.id}/plan`, grantee.cookie),
      await call(`/api/shared/${owner.id}/portfolio`, grantee.cookie),
      await call(`/api/shared/${owner.id}/lanes`, grantee.cookie),
    ];
    expect(bodies.map((b) => b.status)).toEqual([200, 200, 200, 404]);
    const portfolio = sharedPortfolioSchema.strict().parse(bodies[2]?.json);
    expect(portfolio.roles.map((r) => r.company)).toEqual(["CANARY-COMPANY"]);
    expect(portfolio.nextLevel.nextLevelLabel).not.toBeNull();
    const everything = bodies.map((b) => b.text).join("\n");
    for (const secret of [
      "CANARY-DECISION",
      "CANARY-FEEDBACK-PURPOSE",
      "CANARY-FEEDBACK-ANSWER",
      "CANARY-EVIDENCE",
      "CANARY-ROLE-NOTES",
      "CANARY-ACT-THREE",
      "CANARY-END-REASON",
    ]) {
      expect(everything, secret).not.toContain(secret);
    }

    // Shared on its own, the lanes show their evidence, and still nothing else private.
    await share(owner, grantee.email, ["lanes"]);
    const lanes = await call(`/api/shared/${owner.id}/lanes`, grantee.cookie);
    expect(sharedLanesSchema.strict().parse(lanes.json).assessments[0]?.evidence.crafting).toContain(
      "CANARY-EVIDENCE",
    );
    for (const secret of ["CANARY-DECISION", "CANARY-FEEDBACK", "CANARY-ROLE-NOTES"]) {
      expect(lanes.text, secret).not.toContain(secret);
    }
  });

  it("shows a shared story, its entries and press release, without the writing check or anything private, until revoked", async () => {
    const { owner } = await memberWithEverything("STORYSHARE");
    const grantee = await buildUser(ctx);
    expect((await call(`/api/shared/${owner.id}/story`, grantee.cookie)).status).toBe(404);
    const { grants } = await share(owner, grantee.email, ["story"]);
    const story = await call(`/api/shared/${owner.id}/story`, grantee.cookie);
    expect(story.status).toBe(200);
    const parsed = sharedStorySchema.strict().parse(story.json);
    expect(parsed.entries.map((e) => [e.title, e.portfolioRole])).toEqual([
      ["STORYSHARE-STORY checkout rebuild", "Senior PM, STORYSHARE-COMPANY"],
    ]);
    expect(parsed.release.headline).toBe("STORYSHARE-RELEASE headline");
    expect(parsed.release.whatIDid).toContain("We rebuilt the payment step.");
    for (const secret of [
      "flags",
      "suggestion",
      "STORYSHARE-THOUGHT",
      "STORYSHARE-DIAGNOSIS",
      "STORYSHARE-HEALTH",
      "STORYSHARE-DECISION",
      "ROLE-NOTES",
    ]) {
      expect(story.text, secret).not.toContain(secret);
    }
    expect((await call(`/api/shared/${owner.id}/plan`, grantee.cookie)).status).toBe(404);
    const admin = await buildUser(ctx, { role: "admin" });
    expect((await call(`/api/shared/${owner.id}/story`, admin.cookie)).status).toBe(404);
    await call(`/api/sharing/grants/${grants[0]?.id}`, owner.cookie, "DELETE");
    expect((await call(`/api/shared/${owner.id}/story`, grantee.cookie)).status).toBe(404);
  });

  it("stops sharing when the owner's account is disabled", async () => {
    const { owner } = await memberWithEverything("DISABLED");
    const grantee = await buildUser(ctx);
    const admin = await buildUser(ctx, { role: "admin" });
    await share(owner, grantee.email, ["plan"]);
    expect((await call(`/api/admin/users/${owner.id}/disable`, admin.cookie, "POST", {})).status).toBe(200);
    expect((await call(`/api/shared/${owner.id}/plan`, grantee.cookie)).status).toBe(404);
    expect((await call("/api/shared", grantee.cookie)).json).toEqual({ shares: [] });
  });
});
