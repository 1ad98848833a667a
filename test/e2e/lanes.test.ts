import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/server/auth/auth.table.ts";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, startBrowserTarget } from "./browser.ts";

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

async function rate(page: Page, ratings: Record<string, number>) {
  for (const [lane, rating] of Object.entries(ratings)) {
    await page.locator(`label[for="lane-${lane}-${rating}"]`).click();
    expect(await page.locator(`#lane-${lane}-${rating}`).isChecked()).toBe(true);
  }
}

describe("the lanes self-assessment in the browser", () => {
  const email = `lanes-${Date.now()}@example.test`;
  const password = "a walk along the harbour";

  it("takes two assessments, draws both on the radar and lists both in the history", async () => {
    const page = await openPage(browser);
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Name").fill("Lane Walker");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Waiting for confirmation" }).waitFor();
    await sidecar.database.db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await page.getByRole("heading", { name: "Build your career plan in four steps" }).waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lanes" }).click();
    await page.getByRole("heading", { name: "Lanes", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No assessment yet" }).waitFor();
    await expectAccessibleAtBothWidths(page, "lanes-empty");

    // Saving with a lane left unrated names that lane and keeps the rest.
    await rate(page, { crafting: 3, market: 2, organizational: 2, domain: 2, team: 1 });
    await page.getByRole("button", { name: "Save assessment" }).click();
    await page.getByText("Rate Growth from 1 to 5").waitFor();
    await expectAccessibleAtBothWidths(page, "lanes-error");

    await rate(page, { growth: 4 });
    await page.getByLabel("Which domain").fill("Payments");
    await page.getByLabel("Evidence for Crafting").fill("Led the checkout rebuild across two squads.");
    await page.getByLabel("The lane to become world-class in").selectOption("crafting");
    await page.getByRole("button", { name: "Save assessment" }).click();
    await page.getByText("Assessment saved", { exact: true }).waitFor();
    await page.getByTestId("lanes-radar").locator("svg").first().waitFor();
    await page.getByText("Becoming world-class in Crafting.").first().waitFor();
    await expect.poll(() => page.locator(".lanes-history-item").count()).toBe(1);
    await expectAccessibleAtBothWidths(page, "lanes-first");

    // The form starts from the latest answers; change two lanes and save again.
    expect(await page.locator("#lane-crafting-3").isChecked()).toBe(true);
    await rate(page, { crafting: 4, team: 2 });
    await page.getByRole("button", { name: "Save assessment" }).click();
    await expect.poll(() => page.locator(".lanes-history-item").count()).toBe(2);
    const history = page.locator(".lanes-history-item");
    await expect.poll(() => history.nth(0).innerText()).toMatch(/Crafting 4 · .*Team 2/);
    await expect.poll(() => history.nth(1).innerText()).toMatch(/Crafting 3 · .*Team 1/);
    const legend = page.locator(".lanes-radar-key");
    await expect.poll(() => legend.innerText()).toMatch(/Previous/);
    expect(await legend.innerText()).toMatch(/Latest/);
    // The picture's text alternative carries both assessments.
    const table = page.getByRole("table", { name: /ratings per lane/ });
    expect(await table.getByRole("row", { name: /Crafting/ }).innerText()).toMatch(/4\s+3/);
    await expectAccessibleAtBothWidths(page, "lanes-two");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await page.getByText(/Becoming world-class in Crafting \(you rate it 4 of 5\)/).waitFor();
    await expectAccessibleAtBothWidths(page, "home-lanes");
    await page.close();
  });
});
