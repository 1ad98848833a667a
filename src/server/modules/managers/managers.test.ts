import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltUser, buildUser, mailTo, uniqueEmail } from "../../../../test/factories.ts";
import { answersMarked, copyLinks, createFeedbackRequest, give } from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { enumerateRoutes } from "../../../../test/routes.ts";
import { requestAtCurrentVersion } from "../../../../test/versions.ts";
import {
  checkInAreaViewOutput,
  checkInOutput,
  managerLinkDetailOutput,
  managersOverviewOutput,
} from "../../../shared/managers.ts";
import { jobs } from "../../jobs/jobs.table.ts";
import { outbox } from "../mail/outbox.table.ts";
import { notifications } from "../notifications/notifications.table.ts";

const onPostgres = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ INVITATION_EMAILS_PER_MEMBER_PER_DAY: "5" });
});
afterAll(() => ctx.close());

async function call(path: string, cookie: string | undefined, method = "GET", body?: unknown) {
  const response = await requestAtCurrentVersion(ctx, path, { method, body, cookie });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

async function ok(path: string, cookie: string, method = "POST", body: unknown = {}) {
  const result = await call(path, cookie, method, method === "GET" ? undefined : body);
  expect(result.status, `${method} ${path}: ${result.text}`).toBe(200);
  return result.json;
}

async function invite(manager: BuiltUser, email: string) {
  return ok("/api/managers/invitations", manager.cookie, "POST", { email });
}

/** A manager and a report whose link is active. */
async function linkedPair(names = { manager: "Maya Manager", report: "Remy Report" }) {
  const manager = await buildUser(ctx, { name: names.manager });
  const report = await buildUser(ctx, { name: names.report });
  await invite(manager, report.email);
  const overview = managersOverviewOutput.parse(await ok("/api/managers", report.cookie, "GET"));
  const invitation = overview.invitations.find((link) => link.manager.id === manager.id);
  if (!invitation) throw new Error("no invitation");
  const accepted = managerLinkDetailOutput.strict().parse(
    await ok(`/api/manager-links/${invitation.id}/accept`, report.cookie, "POST", {
      version: invitation.version,
    }),
  );
  return { manager, report, link: accepted.link };
}

describe("managers and reports", () => {
  it("invites a report by email through the outbox, and the report accepts", async () => {
    const manager = await buildUser(ctx, { name: "Maya Manager" });
    const report = await buildUser(ctx, { name: "Remy Report" });
    const own = await call("/api/managers/invitations", manager.cookie, "POST", { email: manager.email });
    expect(own.status).toBe(400);
    expect(own.json.error.field).toBe("email");

    const sent = await invite(manager, report.email.toUpperCase());
    expect(sent.message).toContain(report.email);
    expect(sent.myReports).toHaveLength(1);
    expect(sent.myReports[0].report).toBeNull();
    // Inviting an address without an account answers the same.
    const nobody = uniqueEmail("nobody");
    const unknown = await invite(manager, nobody);
    expect(unknown.message).toContain(nobody);
    // Inviting again sends nothing new.
    await invite(manager, report.email);
    const mails = (await mailTo(ctx, report.email)).filter((m) => m.kind === "manager-invitation");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe("manager-invitation");
    expect(mails[0]?.text).toContain("/managers");

    const overview = managersOverviewOutput.strict().parse(await ok("/api/managers", report.cookie, "GET"));
    expect(overview.myManager).toBeNull();
    expect(overview.invitations.map((l) => l.manager.name)).toEqual(["Maya Manager"]);
    const invitation = overview.invitations[0];
    if (!invitation) throw new Error("no invitation");
    // A stale version is a 409 the page explains.
    const stale = await call(`/api/manager-links/${invitation.id}/accept`, report.cookie, "POST", {
      version: invitation.version + 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.field).toBe("version");
    // Nobody else can answer it.
    const stranger = await buildUser(ctx);
    expect(
      (await call(`/api/manager-links/${invitation.id}/accept`, stranger.cookie, "POST", { version: 1 }))
        .status,
    ).toBe(404);
    expect(
      (await call(`/api/manager-links/${invitation.id}/accept`, manager.cookie, "POST", { version: 1 }))
        .status,
    ).toBe(404);
    await ok(`/api/manager-links/${invitation.id}/accept`, report.cookie, "POST", {
      version: invitation.version,
    });
    const mine = await ok("/api/managers", report.cookie, "GET");
    expect(mine.myManager.manager.id).toBe(manager.id);
    const theirs = await ok("/api/managers", manager.cookie, "GET");
    const active = theirs.myReports.find((l: { state: string }) => l.state === "active");
    expect(active.report.id).toBe(report.id);
    const notices = await ok("/api/notifications", manager.cookie, "GET");
    expect(notices.notifications.map((n: { kind: string }) => n.kind)).toContain("manager_link");
  });

  it("lets the report decline, and either side end the link", async () => {
    const manager = await buildUser(ctx);
    const report = await buildUser(ctx);
    await invite(manager, report.email);
    const [invitation] = (await ok("/api/managers", report.cookie, "GET")).invitations;
    await ok(`/api/manager-links/${invitation.id}/decline`, report.cookie, "POST", {
      version: invitation.version,
    });
    expect((await ok("/api/managers", report.cookie, "GET")).invitations).toEqual([]);
    expect((await ok("/api/managers", manager.cookie, "GET")).myReports).toEqual([]);

    const pair = await linkedPair();
    await ok(`/api/manager-links/${pair.link.id}/end`, pair.manager.cookie);
    expect((await ok("/api/managers", pair.report.cookie, "GET")).myManager).toBeNull();
    expect((await call(`/api/manager-links/${pair.link.id}`, pair.manager.cookie)).status).toBe(404);
    const again = await linkedPair();
    await ok(`/api/manager-links/${again.link.id}/end`, again.report.cookie);
    expect((await ok("/api/managers", again.manager.cookie, "GET")).myReports).toEqual([]);
  });

  it("gives a member one manager at a time, and any number of reports", async () => {
    const { manager, report, link } = await linkedPair();
    const second = await buildUser(ctx);
    await invite(second, report.email);
    const [invitation] = (await ok("/api/managers", report.cookie, "GET")).invitations;
    const refused = await call(`/api/manager-links/${invitation.id}/accept`, report.cookie, "POST", {
      version: invitation.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/already have a manager/);
    // After ending the first link, the second invitation can be accepted.
    await ok(`/api/manager-links/${link.id}/end`, report.cookie);
    await ok(`/api/manager-links/${invitation.id}/accept`, report.cookie, "POST", {
      version: invitation.version,
    });
    // A manager may have many reports.
    const another = await buildUser(ctx);
    await invite(manager, another.email);
    const [theirs] = (await ok("/api/managers", another.cookie, "GET")).invitations;
    await ok(`/api/manager-links/${theirs.id}/accept`, another.cookie, "POST", { version: theirs.version });
    expect((await ok("/api/managers", manager.cookie, "GET")).myReports.length).toBeGreaterThanOrEqual(1);
  });

  it("limits how many invitations a member sends in a day", async () => {
    const manager = await buildUser(ctx);
    for (let i = 0; i < 5; i++) await invite(manager, uniqueEmail("report"));
    const over = await call("/api/managers/invitations", manager.cookie, "POST", {
      email: uniqueEmail("report"),
    });
    expect(over.status).toBe(429);
  });

  it.runIf(onPostgres)(
    "lets only one of two invitations accepted at once through, on PostgreSQL",
    async () => {
      for (let round = 0; round < 3; round++) {
        const report = await buildUser(ctx);
        const first = await buildUser(ctx);
        const second = await buildUser(ctx);
        await invite(first, report.email);
        await invite(second, report.email);
        const { invitations } = await ok("/api/managers", report.cookie, "GET");
        expect(invitations).toHaveLength(2);
        const answers = await Promise.all(
          invitations.map((i: { id: string; version: number }) =>
            call(`/api/manager-links/${i.id}/accept`, report.cookie, "POST", { version: i.version }),
          ),
        );
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
        const mine = await ok("/api/managers", report.cookie, "GET");
        expect(mine.myManager).not.toBeNull();
      }
    },
  );
});

/** A report with something marked in every area, so a leak can be found by its marker. */
async function reportWithEverything(report: BuiltUser, marker: string) {
  const made = async (path: string, body: unknown, method = "POST") => ok(path, report.cookie, method, body);
  await made("/api/profile", { name: report.name, timeZone: "UTC", level: "senior_pm" }, "PUT");
  const year = new Date().getUTCFullYear();
  await made(
    "/api/plan",
    {
      northStar: { role: `${marker}-NORTH-STAR`, horizonYear: year + 8 },
      skipJob: { role: `${marker}-SKIP-JOB`, targetYear: year + 4, needs: [{ text: `${marker}-NEED` }] },
      nextJob: null,
    },
    "PUT",
  );
  const sharedTour = await made("/api/tours", {
    title: "SHARED-TOUR growth",
    mission: "SHARED-TOUR mission",
    startsOn: "2024-01-01",
    endsOn: "2025-03-31",
  });
  await made(`/api/tours/${sharedTour.id}/end-early`, {
    endedOn: "2024-06-30",
    reason: `${marker}-END-REASON`,
  });
  const privateTour = await made("/api/tours", {
    title: `${marker}-TOUR`,
    mission: `${marker}-MISSION`,
    startsOn: "2025-04-01",
    endsOn: "2026-06-30",
  });
  await made("/api/lanes/assessments", {
    ratings: { crafting: 4, market: 2, organizational: 3, domain: 2, team: 1, growth: 3 },
    evidence: { crafting: "SHARED-LANES evidence" },
  });
  const role = await made("/api/portfolio/roles", {
    company: `${marker}-COMPANY`,
    title: "Senior PM",
    startsOn: "2020-01-01",
    stage: "smoke_to_fire",
    market: "business",
    vantage: "inside",
    work: ["growth"],
    peopleManaged: 0,
    notes: `${marker}-ROLE-NOTES`,
  });
  const decision = await made("/api/decisions", {
    dilemma: `${marker}-DECISION stay or go?`,
    options: [{ label: "Stay" }, { label: "Go" }],
    decision: "Stay",
    reason: `${marker}-DECISION-REASON`,
    decidedOn: "2025-01-01",
  });
  await made("/api/story/entries", {
    title: `${marker}-STORY entry`,
    portfolioRoleId: role.id,
    actions: `${marker}-STORY-ACTIONS`,
    result: "I cut drop-off.",
  });
  await made("/api/story/thought-leadership", {
    kind: "talk",
    title: `${marker}-THOUGHT`,
    happenedOn: "2025-01-01",
  });
  const diagnosis = await made("/api/promotion-diagnoses", {
    answers: { sponsor: "no" },
    developmentArea: `${marker}-DEVELOPMENT-AREA`,
    notes: `${marker}-DIAGNOSIS-NOTES`,
  });
  await made("/api/health-checks", { company: `${marker}-HEALTH`, subject: "employer" });
  await made("/api/feedback/superpowers", { superpowers: ["storyteller"] }, "PUT");
  const request = await createFeedbackRequest(ctx, report.cookie, { purpose: `${marker}-FEEDBACK-PURPOSE` });
  for (const [index, token] of (await copyLinks(ctx, report.cookie, request.id, 3)).entries()) {
    await give(ctx, token, answersMarked(`${marker}-FEEDBACK-ANSWER ${index}`), {
      ip: `100.70.0.${index + 1}`,
    });
  }
  await made("/api/mentoring-log", {
    menteeName: `${marker}-MENTEE`,
    where: "outside",
    startedOn: "2025-01-01",
  });
  return {
    sharedTourId: sharedTour.id as string,
    privateTourId: privateTour.id as string,
    decisionId: decision.id as string,
    diagnosisId: diagnosis.id as string,
    requestId: request.id,
    roleId: role.id as string,
  };
}

describe("check-ins: the manager sees only what the report invites them into", () => {
  it("shares areas read-only, revocably, and ending the link revokes all", async () => {
    const { manager, report, link } = await linkedPair();
    const ids = await reportWithEverything(report, "AREAS");
    const someoneElse = await buildUser(ctx);
    const theirTour = await ok("/api/tours", someoneElse.cookie, "POST", {
      title: "Not yours",
      mission: "x",
      startsOn: "2024-01-01",
      endsOn: "2025-03-31",
    });
    const wrong = await call(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", {
      area: "tour",
      targetId: theirTour.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.field).toBe("targetId");
    expect(
      (await call(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", { area: "tour" })).status,
    ).toBe(400);
    // Only the report shares.
    expect(
      (await call(`/api/manager-links/${link.id}/areas`, manager.cookie, "POST", { area: "lanes" })).status,
    ).toBe(404);
    await ok(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", { area: "lanes" });
    const detail = managerLinkDetailOutput.strict().parse(
      await ok(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", {
        area: "tour",
        targetId: ids.sharedTourId,
      }),
    );
    expect(detail.areas.map((a) => a.label)).toEqual(["Lanes", "SHARED-TOUR growth"]);
    const seen = managerLinkDetailOutput
      .strict()
      .parse(await ok(`/api/manager-links/${link.id}`, manager.cookie, "GET"));
    expect(seen.areas.map((a) => a.area)).toEqual(["lanes", "tour"]);
    const [lanes, tour] = seen.areas;
    const lanesView = checkInAreaViewOutput.parse(
      await ok(`/api/manager-links/${link.id}/areas/${lanes?.id}`, manager.cookie, "GET"),
    );
    expect(JSON.stringify(lanesView)).toContain("SHARED-LANES evidence");
    const tourView = await call(`/api/manager-links/${link.id}/areas/${tour?.id}`, manager.cookie);
    expect(tourView.text).toContain("SHARED-TOUR mission");
    expect(tourView.text).not.toContain("AREAS-END-REASON");
    // A stranger and an instance admin find nothing.
    const admin = await buildUser(ctx, { role: "admin" });
    for (const who of [someoneElse, admin]) {
      expect((await call(`/api/manager-links/${link.id}/areas/${tour?.id}`, who.cookie)).status).toBe(404);
      expect((await call(`/api/manager-links/${link.id}`, who.cookie)).status).toBe(404);
    }
    // Revoked: the manager's next request finds nothing.
    await ok(`/api/manager-links/${link.id}/areas/${tour?.id}`, report.cookie, "DELETE");
    expect((await call(`/api/manager-links/${link.id}/areas/${tour?.id}`, manager.cookie)).status).toBe(404);
    expect((await call(`/api/manager-links/${link.id}/areas/${lanes?.id}`, manager.cookie)).status).toBe(200);
    // Ended: nothing at all.
    await ok(`/api/manager-links/${link.id}/end`, report.cookie);
    expect((await call(`/api/manager-links/${link.id}/areas/${lanes?.id}`, manager.cookie)).status).toBe(404);
  });

  it("shares nothing while the report's account is disabled", async () => {
    const { manager, report, link } = await linkedPair();
    const { areas } = await ok(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", {
      area: "lanes",
    });
    const admin = await buildUser(ctx, { role: "admin" });
    const path = `/api/manager-links/${link.id}/areas/${areas[0].id}`;
    expect((await call(path, manager.cookie)).status).toBe(200);
    await ok(`/api/admin/users/${report.id}/disable`, admin.cookie);
    expect((await call(path, manager.cookie)).status).toBe(404);
    await ok(`/api/admin/users/${report.id}/enable`, admin.cookie);
    expect((await call(path, manager.cookie)).status).toBe(200);
  });

  it("shares a decision, feedback themes (never answers' words) and a diagnosis (never its notes)", async () => {
    const { manager, report, link } = await linkedPair();
    const ids = await reportWithEverything(report, "THEMES");
    for (const [area, targetId] of [
      ["decision", ids.decisionId],
      ["feedback_themes", ids.requestId],
      ["promotion_diagnosis", ids.diagnosisId],
      ["story", null],
    ] as const) {
      await ok(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", { area, targetId });
    }
    const { areas } = await ok(`/api/manager-links/${link.id}`, manager.cookie, "GET");
    const texts: Record<string, string> = {};
    for (const area of areas) {
      const view = await call(`/api/manager-links/${link.id}/areas/${area.id}`, manager.cookie);
      expect(view.status).toBe(200);
      checkInAreaViewOutput.parse(view.json);
      texts[area.area] = view.text;
    }
    expect(texts.decision).toContain("THEMES-DECISION-REASON");
    expect(texts.feedback_themes).toContain("THEMES-FEEDBACK-PURPOSE");
    expect(texts.feedback_themes).not.toContain("THEMES-FEEDBACK-ANSWER");
    expect(texts.promotion_diagnosis).toContain("THEMES-DEVELOPMENT-AREA");
    expect(texts.promotion_diagnosis).not.toContain("THEMES-DIAGNOSIS-NOTES");
    expect(texts.story).toContain("THEMES-STORY-ACTIONS");
    expect(texts.story).not.toContain("THEMES-THOUGHT");
  });

  it("holds check-ins: the report's agenda, the manager's suggestions, comments and plan, all versioned", async () => {
    const { manager, report, link } = await linkedPair();
    expect(
      (
        await call(`/api/manager-links/${link.id}/check-ins`, manager.cookie, "POST", {
          heldOn: "2026-01-05",
        })
      ).status,
    ).toBe(404);
    const started = checkInOutput.strict().parse(
      await ok(`/api/manager-links/${link.id}/check-ins`, report.cookie, "POST", {
        heldOn: "2026-01-05",
        helpWith: "Help me get sponsorship for the pricing work.",
      }),
    );
    const id = started.id;
    // The report's own topic goes on the agenda; the manager's waits for the report's answer.
    await ok(`/api/check-ins/${id}/agenda`, report.cookie, "POST", { text: "Pricing review" });
    const suggested = checkInOutput.parse(
      await ok(`/api/check-ins/${id}/agenda`, manager.cookie, "POST", { text: "Hiring plan" }),
    );
    expect(suggested.agenda.map((a) => [a.text, a.state, a.suggestedBy])).toEqual([
      ["Pricing review", "accepted", "report"],
      ["Hiring plan", "suggested", "manager"],
    ]);
    const topic = suggested.agenda[1];
    if (!topic) throw new Error("no topic");
    expect(
      (
        await call(`/api/agenda-topics/${topic.id}/decision`, manager.cookie, "POST", {
          decision: "accepted",
          version: topic.version,
        })
      ).status,
    ).toBe(404);
    const decided = await ok(`/api/agenda-topics/${topic.id}/decision`, report.cookie, "POST", {
      decision: "declined",
      version: topic.version,
    });
    expect(decided.agenda[1].state).toBe("declined");
    const stale = await call(`/api/agenda-topics/${topic.id}/decision`, report.cookie, "POST", {
      decision: "accepted",
      version: topic.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.field).toBe("version");
    // The manager sees what is on the agenda, not what the report declined.
    const managerView = checkInOutput.strict().parse(await ok(`/api/check-ins/${id}`, manager.cookie, "GET"));
    expect(managerView.agenda.map((a) => a.text)).toEqual(["Pricing review"]);

    await ok(`/api/check-ins/${id}/comments`, manager.cookie, "POST", { body: "Happy to sponsor it." });
    await ok(`/api/check-ins/${id}/comments`, report.cookie, "POST", { body: "Thank you." });
    const planned = await ok(`/api/check-ins/${id}/manager-plan`, manager.cookie, "PUT", {
      managerPlan: "I will raise it with the VP on Thursday.",
      version: started.version,
    });
    // The report edits on the version they read before the manager wrote: 409.
    const conflict = await call(`/api/check-ins/${id}`, report.cookie, "PUT", {
      heldOn: "2026-01-06",
      helpWith: "changed",
      version: started.version,
    });
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.field).toBe("version");
    expect(
      (
        await call(`/api/check-ins/${id}/manager-plan`, report.cookie, "PUT", {
          managerPlan: "x",
          version: planned.version,
        })
      ).status,
    ).toBe(403);
    const both = await ok(`/api/check-ins/${id}`, report.cookie, "GET");
    expect(both.comments.map((c: { author: string }) => c.author)).toEqual(["manager", "report"]);
    expect(both.managerPlan).toMatch(/VP on Thursday/);
    // The history: both sides see the check-in listed.
    for (const who of [manager, report]) {
      const detail = await ok(`/api/manager-links/${link.id}`, who.cookie, "GET");
      expect(detail.checkIns.map((c: { id: string }) => c.id)).toEqual([id]);
    }
    const stranger = await buildUser(ctx);
    expect((await call(`/api/check-ins/${id}`, stranger.cookie)).status).toBe(404);
    await ok(`/api/manager-links/${link.id}/end`, manager.cookie);
    expect((await call(`/api/check-ins/${id}`, manager.cookie)).status).toBe(404);
  });

  it("reminds both at the cadence they agree, through notifications and the jobs table", async () => {
    const { manager, report, link } = await linkedPair();
    const proposed = await ok(`/api/manager-links/${link.id}/cadence`, manager.cookie, "POST", {
      cadence: "weekly",
      version: link.version,
    });
    expect(proposed.link.proposedCadence).toBe("weekly");
    // The proposer cannot agree to their own proposal.
    expect(
      (
        await call(`/api/manager-links/${link.id}/cadence/agree`, manager.cookie, "POST", {
          version: proposed.link.version,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(`/api/manager-links/${link.id}/cadence/agree`, report.cookie, "POST", {
          version: link.version,
        })
      ).status,
    ).toBe(409);
    const agreed = await ok(`/api/manager-links/${link.id}/cadence/agree`, report.cookie, "POST", {
      version: proposed.link.version,
    });
    expect(agreed.link.cadence).toBe("weekly");
    expect(agreed.link.nextReminderAt).not.toBeNull();
    await ctx.jobs.runDueJobs({ at: new Date(Date.now() + 8 * 24 * 3600 * 1000) });
    for (const who of [manager, report]) {
      const list = await ok("/api/notifications", who.cookie, "GET");
      expect(list.notifications.map((n: { kind: string }) => n.kind)).toContain("check_in_reminder");
    }
  });
});

describe("nothing else of the report's reaches the manager (canary)", () => {
  it("walks every route as the manager, and reads notifications, the outbox, jobs and the log", async () => {
    const marker = `canary${Date.now().toString(36)}`;
    const { manager, report, link } = await linkedPair({ manager: "Mona Manager", report: "Rafa Report" });
    const ids = await reportWithEverything(report, marker);
    await ok(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", { area: "lanes" });
    await ok(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", {
      area: "tour",
      targetId: ids.sharedTourId,
    });
    const checkIn = await ok(`/api/manager-links/${link.id}/check-ins`, report.cookie, "POST", {
      heldOn: "2026-01-05",
      helpWith: "Sponsorship",
    });
    await ok(`/api/check-ins/${checkIn.id}/comments`, manager.cookie, "POST", { body: "Sure." });
    // An area shared and then revoked is as private as one never shared.
    const revoked = await ok(`/api/manager-links/${link.id}/areas`, report.cookie, "POST", {
      area: "decision",
      targetId: ids.decisionId,
    });
    const decisionShare = revoked.areas.find((a: { area: string }) => a.area === "decision");
    await ok(`/api/manager-links/${link.id}/areas/${decisionShare.id}`, report.cookie, "DELETE");
    const { areas } = await ok(`/api/manager-links/${link.id}`, manager.cookie, "GET");

    // Every id the manager could try: the report's own records, the link's, and the report's account.
    const candidates = [
      report.id,
      link.id,
      checkIn.id,
      decisionShare.id,
      ...areas.map((a: { id: string }) => a.id),
      ...Object.values(ids),
    ];
    const routes = (await enumerateRoutes(ctx)).filter((r) => r.method === "GET" && !r.wildcard);
    const leaks: string[] = [];
    let walked = 0;
    for (const route of routes) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      const paths =
        names.length === 0
          ? [route.path]
          : candidates.flatMap((first) =>
              names.length === 1
                ? [route.path.replace(`:${names[0]}`, first)]
                : candidates.map((second) =>
                    route.path.replace(`:${names[0]}`, first).replace(`:${names[1]}`, second),
                  ),
            );
      for (const path of paths) {
        walked += 1;
        const text = await (await ctx.request(path, { cookie: manager.cookie })).text();
        if (text.includes(marker)) leaks.push(path);
      }
    }
    expect(walked).toBeGreaterThan(200);
    // The shared areas are readable, with their own words.
    const lanes = areas.find((a: { area: string }) => a.area === "lanes");
    expect(
      await (
        await ctx.request(`/api/manager-links/${link.id}/areas/${lanes.id}`, { cookie: manager.cookie })
      ).text(),
    ).toContain("SHARED-LANES");

    const managerNotices = await ctx.db.select().from(notifications);
    const mine = managerNotices.filter((n) => n.userId === manager.id);
    if (JSON.stringify(mine).includes(marker)) leaks.push("notifications");
    await ctx.jobs.runDueJobs();
    const mail = (await ctx.db.select().from(outbox)).filter((m) => m.to === manager.email);
    if (JSON.stringify(mail).includes(marker)) leaks.push("outbox");
    const queued = await ctx.db.select().from(jobs);
    if (JSON.stringify(queued).includes(marker)) leaks.push("jobs");
    if (ctx.logs.some((line) => line.includes(marker))) leaks.push("log");
    expect(leaks).toEqual([]);
  }, 300_000);
});
