import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let manager: Page;
let report: Page;
let reportEmail: string;

/** A change through the API as the page makes it. */
async function send(page: Page, method: string, path: string, body: Record<string, unknown>) {
  const status = await page.evaluate(
    async ({ method, path, body }) => {
      const headers = { "content-type": "application/json", accept: "application/json" };
      return (await fetch(path, { method, headers, body: JSON.stringify(body) })).status;
    },
    { method, path, body },
  );
  expect(status, `${method} ${path}`).toBe(200);
}

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  manager = await openPage(browser);
  report = await openPage(browser);
  await signUpInBrowser(manager, { sidecar, baseUrl }, { name: "Maya Manager" });
  ({ email: reportEmail } = await signUpInBrowser(report, { sidecar, baseUrl }, { name: "Remy Report" }));
  await send(report, "POST", "/api/tours", {
    title: "Grow the payments team",
    mission: "Take payments from one squad to three",
    startsOn: "2026-01-01",
    endsOn: "2027-03-31",
  });
  await send(report, "POST", "/api/lanes/assessments", {
    ratings: { crafting: 4, market: 2, organizational: 3, domain: 2, team: 3, growth: 2 },
    evidence: { crafting: "Shipped the checkout rebuild." },
  });
  await send(report, "POST", "/api/decisions", {
    dilemma: "Private dilemma: should I leave for the startup?",
    options: [{ label: "Stay" }, { label: "Go" }],
    decision: "Stay",
    decidedOn: "2025-01-01",
  });
  await send(report, "POST", "/api/story/entries", {
    title: "Private story: the checkout rebuild",
    actions: "I rebuilt the payment step.",
    result: "Drop-off fell.",
  });
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

describe("a manager invited in by their report", () => {
  it("invites, is accepted, sees exactly the two areas shared and nothing else, and comments", async () => {
    await nav(manager, "My manager and reports").click();
    await manager.getByRole("heading", { name: "Managers", level: 1 }).waitFor();
    await manager.getByRole("heading", { name: "No reports yet" }).waitFor();
    await manager.getByRole("heading", { name: "No manager in Sidecar" }).waitFor();
    await expectAccessibleAtBothWidths(manager, "managers-empty");

    await manager.getByRole("button", { name: "Send invitation" }).click();
    await manager.getByText("Enter a valid email address").waitFor();
    await manager.getByLabel("Their email").fill(reportEmail);
    await manager.getByRole("button", { name: "Send invitation" }).click();
    await manager.getByText(`If ${reportEmail} signs in to Sidecar`).waitFor();
    await manager.getByText("Invited", { exact: true }).waitFor();
    await expectAccessibleAtBothWidths(manager, "managers-invited");

    await nav(report, "My manager and reports").click();
    await report.getByRole("heading", { name: "Invitations for you" }).waitFor();
    await expectAccessibleAtBothWidths(report, "managers-invitation");
    await report.getByRole("button", { name: "Accept Maya Manager" }).click();
    await report.getByText("Maya Manager is now your manager in Sidecar").first().waitFor();
    await report.getByRole("link", { name: "Check-ins and what I share" }).click();
    await report.getByRole("heading", { name: "Check-ins with Maya Manager", level: 1 }).waitFor();
    await report.getByRole("heading", { name: "Nothing shared yet" }).waitFor();
    await expectAccessibleAtBothWidths(report, "check-ins-report-empty");

    // The report invites the manager into two areas: the lanes, and one tour of duty.
    // Nothing shared yet: the picker starts at the first area, the lanes.
    const area = report.getByLabel("Area", { exact: true });
    expect(await area.inputValue()).toBe("lanes");
    await report.getByRole("button", { name: "Share read-only" }).click();
    await report.getByText("Maya Manager can now see it, read-only").first().waitFor();
    // The lanes are shared whole: the picker moves on to the next area and no longer offers them.
    await expect.poll(() => area.inputValue()).toBe("tour");
    expect(await area.locator("option", { hasText: "Lanes" }).count()).toBe(0);
    await report.getByLabel("Which one").selectOption({ label: "Grow the payments team" });
    await report.getByRole("button", { name: "Share read-only" }).click();
    await report.getByText("— Grow the payments team").waitFor();
    // And starts a check-in from what they want help with.
    await report.getByLabel("What I would like help with").fill("Help me hire two more PMs for payments.");
    await report.getByRole("button", { name: "Start the check-in" }).click();
    await report.getByRole("heading", { name: /^Check-in of / }).waitFor();
    await report.getByLabel("Add a topic", { exact: true }).fill("Hiring plan");
    await report.getByRole("button", { name: "Add", exact: true }).click();
    await report.getByText("Hiring plan").waitFor();
    await expectAccessibleAtBothWidths(report, "check-in-report");

    // The manager sees exactly those two areas, and nothing else of the report's.
    await manager.reload();
    await manager.getByRole("link", { name: "Check-ins with Remy Report" }).click();
    await manager.getByRole("heading", { name: "What Remy Report invites you into" }).waitFor();
    const shared = manager.locator("#shared-areas li");
    expect(await shared.count()).toBe(2);
    expect(await manager.getByText("Private dilemma").count()).toBe(0);
    expect(await manager.getByText("Private story").count()).toBe(0);
    await expectAccessibleAtBothWidths(manager, "check-ins-manager");

    await manager.getByRole("link", { name: "Open Lanes" }).click();
    await manager.getByRole("heading", { name: "Remy Report: Lanes", level: 1 }).waitFor();
    await manager.getByText("Shipped the checkout rebuild.").waitFor();
    expect(await manager.getByRole("main").getByRole("button").count()).toBe(0);
    expect(await manager.getByRole("main").getByRole("textbox").count()).toBe(0);
    await expectAccessibleAtBothWidths(manager, "check-in-area-lanes");
    await manager.goBack();
    await manager.getByRole("link", { name: "Open Grow the payments team" }).click();
    await manager.getByRole("heading", { name: "Remy Report: A tour of duty", level: 1 }).waitFor();
    await manager.getByText("Take payments from one squad to three").waitFor();
    await expectAccessibleAtBothWidths(manager, "check-in-area-tour");
    const tourArea = manager.url();

    // The manager comments on the check-in, suggests a topic and records what they will do.
    await manager.goBack();
    await manager.getByRole("link", { name: /^Open the check-in of/ }).click();
    await manager.getByText("Help me hire two more PMs for payments.").waitFor();
    await manager.getByLabel("Your comment").fill("Happy to help: let us open two requisitions.");
    await manager.getByRole("button", { name: "Comment", exact: true }).click();
    await manager.locator(".check-in-comment").getByText("Happy to help").waitFor();
    await manager.getByLabel("Suggest a topic", { exact: true }).fill("Budget for Q3");
    await manager.getByRole("button", { name: "Suggest", exact: true }).click();
    await manager.getByText("Suggested by the manager").waitFor();
    await manager
      .getByRole("textbox", { name: "What I will do" })
      .fill("Raise the headcount with finance this week.");
    await manager.getByRole("button", { name: "Save", exact: true }).click();
    await manager.getByText("Saved", { exact: true }).first().waitFor();
    await expectAccessibleAtBothWidths(manager, "check-in-manager");

    // The report decides on the suggested topic, and reads the comment and the plan.
    await report.reload();
    await report.getByText("Happy to help: let us open two requisitions.").waitFor();
    await report.getByText("Raise the headcount with finance this week.").waitFor();
    await report.getByRole("button", { name: "Accept Budget for Q3" }).click();
    await report.getByText("Accepted", { exact: true }).waitFor();

    // The report stops sharing the tour: the manager's next load says it is no longer shared.
    await report.getByRole("link", { name: /^Check-ins with/ }).click();
    await report.getByRole("button", { name: "Stop sharing Grow the payments team" }).click();
    await report.getByText("No longer shared").first().waitFor();
    await manager.goto(tourArea);
    await manager.getByRole("heading", { name: "This is not shared with you" }).waitFor();
    expect(await manager.getByText("Take payments from one squad to three").count()).toBe(0);
    await expectAccessibleAtBothWidths(manager, "check-in-area-revoked");
  });

  it("offers the first area not shared yet, and says so plainly once every area is shared", async () => {
    await send(report, "POST", "/api/feedback/requests", {
      purpose: "How did the payments offsite land?",
      questions: ["What should I keep doing?"],
      closesOn: new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10),
    });
    await send(report, "POST", "/api/promotion-diagnoses", {
      answers: { sponsor: "no" },
      developmentArea: "Influencing executives",
    });
    await report.reload();
    await report.getByRole("heading", { name: "Check-ins with Maya Manager", level: 1 }).waitFor();
    const area = report.getByLabel("Area", { exact: true });
    const which = report.getByLabel("Which one");
    const shareNext = async (expected: string, target?: string) => {
      await expect.poll(() => area.inputValue()).toBe(expected);
      if (target) await which.selectOption(target === "the only one" ? { index: 1 } : { label: target });
      const before = await report.locator("#shared-areas li").count();
      await report.getByRole("button", { name: "Share read-only" }).click();
      await expect.poll(() => report.locator("#shared-areas li").count()).toBe(before + 1);
    };
    // Only the lanes are shared now (the tour was taken back): each share moves the picker on.
    await shareNext("tour", "Grow the payments team");
    await shareNext("decision", "Private dilemma: should I leave for the startup?");
    await shareNext("story");
    await shareNext("feedback_themes", "How did the payments offsite land?");
    expect(await report.getByText("Every area is shared with Maya Manager").count()).toBe(0);
    await shareNext("promotion_diagnosis", "the only one");

    await report.getByText("Every area is shared with Maya Manager").waitFor();
    const offered = await area
      .locator("option")
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toEqual(["tour", "decision", "feedback_themes", "promotion_diagnosis"]);
    await report.getByText("Every one of these is shared with Maya Manager already.").waitFor();
    expect(await which.locator("option").count()).toBe(1);
    await expectAccessibleAtBothWidths(report, "check-ins-report-all-shared");
  });
});
