import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

async function nextStep(page: Page, stepOfFour: number, action: RegExp) {
  const banner = page.getByRole("complementary", { name: "First-run guide" });
  await banner.getByText(`Step ${stepOfFour} of 4`).waitFor();
  await banner.getByRole("link", { name: action }).click();
}

describe("the first-run guide", () => {
  it("walks a new member from an empty account to a plan, then the home page shows where it stands", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Fern Firstrun" });
    const year = new Date().getFullYear();

    const guide = page.locator("#home-guide");
    await page.getByRole("heading", { name: "Build your career plan in four steps" }).waitFor();
    expect(await guide.locator(".guide-step").count()).toBe(4);
    expect(
      await page.getByRole("progressbar", { name: "Career plan steps done" }).getAttribute("aria-valuenow"),
    ).toBe("0");
    await expectAccessibleAtBothWidths(page, "home-guide-empty");

    // Step 1: the North Star.
    await guide.getByRole("link", { name: "Set your North Star" }).click();
    await page.getByRole("heading", { name: "Career plan", level: 1 }).waitFor();
    await page.getByRole("complementary", { name: "First-run guide" }).getByText("Step 1 of 4").waitFor();
    await page.getByLabel("Role", { exact: true }).fill("Chief Product Officer");
    await page.getByLabel("Horizon year").fill(String(year + 8));
    await page.getByLabel("Skip job role").fill("Head of Product");
    await page.getByLabel("Skip job year").fill(String(year + 4));
    await page.getByRole("button", { name: "Save plan" }).click();
    await expectAccessibleAtBothWidths(page, "guide-plan-done");
    await nextStep(page, 1, /Next: rate your lanes/);

    // Step 2: the lanes.
    await page.getByRole("heading", { name: "Lanes", level: 1 }).waitFor();
    for (const [lane, rating] of Object.entries({
      crafting: 4,
      market: 3,
      organizational: 2,
      domain: 3,
      team: 1,
      growth: 3,
    })) {
      await page.locator(`label[for="lane-${lane}-${rating}"]`).click();
    }
    await page.getByLabel("The lane to become world-class in").selectOption("crafting");
    await page.getByRole("button", { name: "Save assessment" }).click();
    await nextStep(page, 2, /Next: add your roles/);

    // Step 3: the portfolio.
    await page.getByRole("heading", { name: "Experience portfolio", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Add your first role" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Company", { exact: true }).fill("Acme");
    await dialog.getByLabel("Title").fill("Product manager");
    await dialog.getByLabel("Started").fill("2019-03-01");
    await dialog.getByLabel("Company stage").selectOption({ label: "Fire to great" });
    await dialog.getByLabel("Market").selectOption({ label: "Consumer" });
    await dialog.getByLabel("Vantage point").selectOption({ label: "Outside the building" });
    await dialog.getByRole("checkbox", { name: "Feature work" }).check();
    await dialog.getByLabel("People managed").fill("0");
    await page.getByRole("button", { name: "Add role" }).click();
    await page.getByText("Biggest gap").waitFor();
    const biggestGap = (await page.locator(".portfolio-gap-mission").first().innerText())
      .replace("Biggest gap", "")
      .trim();
    await nextStep(page, 3, /Next: plan your first tour/);

    // Step 4: the first tour, suggested from the biggest gap.
    await page.getByRole("heading", { name: "New tour of duty", level: 1 }).waitFor();
    expect(await page.getByLabel("Mission").inputValue()).toBe(biggestGap);
    expect(await page.getByLabel("Title").inputValue()).not.toBe("");
    await page.getByLabel("Title").fill("Close my biggest gap");
    await page.getByRole("button", { name: "Add tour of duty" }).click();
    await page.getByRole("heading", { name: "Close my biggest gap", level: 1 }).waitFor();

    // With all four done, the guide gives way to the dashboard.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await page.getByRole("heading", { name: /Current tour: Close my biggest gap/ }).waitFor();
    expect(await page.locator("#home-guide").count()).toBe(0);
    await page.getByRole("heading", { name: "Your North Star" }).waitFor();
    await page
      .getByText(`Chief Product Officer, by ${year + 8}. On the way: Head of Product by ${year + 4}.`)
      .waitFor();
    await page.getByText(/Becoming world-class in Crafting \(you rate it 4 of 5\)/).waitFor();
    await page.getByText("Team", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Your biggest portfolio gap" }).waitFor();
    // The gap the first tour sets out to close is in hand: home points at the next one.
    const homeGap = page.locator(".card", {
      has: page.getByRole("heading", { name: "Your biggest portfolio gap" }),
    });
    expect(await homeGap.innerText()).not.toContain(biggestGap);
    await expectAccessibleAtBothWidths(page, "home-dashboard");

    // On the portfolio, that gap is marked planned and leads to its tour.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" }).click();
    const planned = page.locator(".portfolio-gap", { hasText: biggestGap });
    await planned.getByText("Planned", { exact: true }).waitFor();
    expect(await page.locator(".portfolio-gap").last().innerText()).toContain(biggestGap);
    await expectAccessibleAtBothWidths(page, "portfolio-gap-planned");
    await planned.getByRole("link", { name: /^See the tour\W+Close my biggest gap$/ }).click();
    await page.getByRole("heading", { name: "Close my biggest gap", level: 1 }).waitFor();
    await page.close();
  });
});
