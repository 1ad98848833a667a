import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let owner: Page;
let mentor: Page;
let mentorEmail: string;

const year = new Date().getFullYear();

/** A change through the API as the page makes it: an edit sends back the version it read first. */
async function send(page: Page, method: string, path: string, body: Record<string, unknown>) {
  const status = await page.evaluate(
    async ({ method, path, body }) => {
      const headers = { "content-type": "application/json", accept: "application/json" };
      const version =
        method === "PUT"
          ? ((await (await fetch(path, { headers })).json()) as { version?: number }).version
          : undefined;
      const sent = method === "PUT" ? { ...body, version: version ?? 0 } : body;
      return (await fetch(path, { method, headers, body: JSON.stringify(sent) })).status;
    },
    { method, path, body },
  );
  expect(status, `${method} ${path}`).toBe(200);
}

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  owner = await openPage(browser);
  mentor = await openPage(browser);
  await signUpInBrowser(owner, { sidecar, baseUrl }, { name: "Ada Owner" });
  ({ email: mentorEmail } = await signUpInBrowser(mentor, { sidecar, baseUrl }, { name: "Mina Mentor" }));
  await send(owner, "PUT", "/api/profile", { name: "Ada Owner", timeZone: "UTC", level: "senior_pm" });
  await send(owner, "PUT", "/api/plan", {
    northStar: { role: "Chief Product Officer", companyKind: "A health company", horizonYear: year + 10 },
    skipJob: { role: "Head of Product", targetYear: year + 5, needs: [{ text: "Lead through managers" }] },
    nextJob: { role: "Group PM", targetYear: year + 2 },
  });
  await send(owner, "POST", "/api/tours", {
    title: "Grow the payments team",
    mission: "Take payments from one squad to three",
    startsOn: `${year}-01-01`,
    endsOn: `${year + 1}-03-31`,
  });
  await send(owner, "POST", "/api/lanes/assessments", {
    ratings: { crafting: 4, market: 2, organizational: 3, domain: 2, team: 3, growth: 2 },
    evidence: { crafting: "Shipped the checkout rebuild." },
  });
  await send(owner, "POST", "/api/portfolio/roles", {
    company: "Acme",
    title: "Senior PM",
    startsOn: "2020-01-01",
    stage: "smoke_to_fire",
    market: "business",
    vantage: "inside",
    work: ["growth"],
    peopleManaged: 0,
    notes: "Private: my manager was hard to work with",
  });
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

describe("sharing parts of a plan with a named member", () => {
  it("shares the plan, shows it read-only to the mentor, and hides it again once revoked", async () => {
    await mentor.goto(`${baseUrl}/shared`);
    await mentor.getByRole("heading", { name: "Nothing is shared with you yet" }).waitFor();
    await expectAccessibleAtBothWidths(mentor, "shared-with-me-empty");

    await nav(owner, "What I share").click();
    await owner.getByRole("heading", { name: "What I share", level: 1 }).waitFor();
    await owner.getByRole("heading", { name: "You share nothing yet" }).waitFor();
    await expectAccessibleAtBothWidths(owner, "sharing-empty");

    await owner.getByRole("button", { name: "Share", exact: true }).click();
    await owner.getByText("Enter a valid email address").waitFor();
    await owner.getByText("Pick at least one part to share").waitFor();
    await expectAccessibleAtBothWidths(owner, "sharing-errors");

    await owner.getByLabel("Their email").fill(mentorEmail);
    await owner.getByRole("checkbox", { name: /^Career plan/ }).check();
    await owner.getByRole("checkbox", { name: /^Lanes/ }).check();
    await owner.getByRole("checkbox", { name: /^Portfolio/ }).check();
    await owner.getByRole("button", { name: "Share", exact: true }).click();
    await owner.getByText(`If a member signs in with ${mentorEmail}`).waitFor();
    await owner.getByRole("heading", { name: mentorEmail }).waitFor();
    await expectAccessibleAtBothWidths(owner, "sharing-with-grants");

    await mentor.reload();
    await mentor.getByRole("heading", { name: "Ada Owner" }).waitFor();
    await expectAccessibleAtBothWidths(mentor, "shared-with-me");
    await mentor.getByRole("link", { name: "Career plan of Ada Owner" }).click();
    await mentor.getByRole("heading", { name: "Ada Owner's career plan", level: 1 }).waitFor();
    await mentor.getByText("Chief Product Officer").first().waitFor();
    await mentor.getByRole("heading", { name: "Grow the payments team" }).waitFor();
    // Read-only: nothing on the page offers to change the plan.
    expect(await mentor.getByRole("main").getByRole("button").count()).toBe(0);
    expect(await mentor.getByRole("main").getByRole("textbox").count()).toBe(0);
    await expectAccessibleAtBothWidths(mentor, "shared-plan");

    await mentor.goto(`${baseUrl}/shared`);
    await mentor.getByRole("link", { name: "Lanes of Ada Owner" }).click();
    await mentor.getByRole("heading", { name: "Ada Owner's lanes", level: 1 }).waitFor();
    await mentor.getByText("Shipped the checkout rebuild.").waitFor();
    await mentor.getByTestId("lanes-radar").waitFor();
    await expectAccessibleAtBothWidths(mentor, "shared-lanes");

    await mentor.goto(`${baseUrl}/shared`);
    await mentor.getByRole("link", { name: "Portfolio of Ada Owner" }).click();
    await mentor.getByRole("heading", { name: "Ada Owner's portfolio", level: 1 }).waitFor();
    await mentor.getByRole("heading", { name: "Senior PM at Acme" }).waitFor();
    await mentor.getByRole("heading", { name: /^Next level: Senior PM to/ }).waitFor();
    expect(await mentor.getByText("my manager was hard").count()).toBe(0);
    expect(await mentor.getByRole("main").getByRole("button").count()).toBe(0);
    await expectAccessibleAtBothWidths(mentor, "shared-portfolio");

    await mentor.goto(`${baseUrl}/shared`);
    await mentor.getByRole("link", { name: "Career plan of Ada Owner" }).click();
    await mentor.getByRole("heading", { name: "Ada Owner's career plan", level: 1 }).waitFor();

    await owner.getByRole("button", { name: `Revoke Career plan for ${mentorEmail}` }).click();
    await owner.getByText("Share revoked", { exact: true }).waitFor();
    expect(await owner.getByRole("button", { name: `Revoke Career plan for ${mentorEmail}` }).count()).toBe(
      0,
    );

    await mentor.reload();
    await mentor.getByRole("heading", { name: "This is not shared with you" }).waitFor();
    expect(await mentor.getByText("Grow the payments team").count()).toBe(0);
    await expectAccessibleAtBothWidths(mentor, "shared-plan-revoked");

    await mentor.getByRole("link", { name: "See what is shared with you" }).click();
    await mentor.getByRole("heading", { name: "Ada Owner" }).waitFor();
    expect(await mentor.getByRole("link", { name: "Career plan of Ada Owner" }).count()).toBe(0);
    await mentor.getByRole("link", { name: "Lanes of Ada Owner" }).waitFor();
  });
});
