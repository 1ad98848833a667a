import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let page: Page;
let email: string;
let password: string;

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  page = await openPage(browser);
  ({ email, password } = await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Dana Data" }));
  const status = await page.evaluate(async () => {
    const response = await fetch("/api/tours", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        title: "DANA-TOUR grow the team",
        mission: "Hire two PMs",
        startsOn: "2026-01-01",
        endsOn: "2027-03-31",
      }),
    });
    return response.status;
  });
  expect(status).toBe(200);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

describe("your data: export, then delete the account", () => {
  it("exports everything as a file, deletes the account with the password, and frees the email", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
    await page.getByRole("heading", { name: "Your data", level: 1 }).waitFor();
    await page.getByText("You have not exported your data yet.").waitFor();
    await expectAccessibleAtBothWidths(page, "your-data-empty");

    await page.getByRole("button", { name: "Prepare my export" }).click();
    await page.getByText("Your export is ready").waitFor({ timeout: 30_000 });
    await expectAccessibleAtBothWidths(page, "your-data-ready");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download my data (JSON)" }).click(),
    ]);
    const data = JSON.parse(readFileSync((await download.path()) as string, "utf8"));
    expect(data.format).toBe("sidecar-account-data/1");
    expect(data.sections.account.email).toBe(email);
    expect(data.sections.tours.tours[0].title).toBe("DANA-TOUR grow the team");
    const [story] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download my story (Markdown)" }).click(),
    ]);
    expect(story.suggestedFilename()).toMatch(/\.md$/);

    // Deleting asks for the password and the confirmation first.
    await page.getByRole("button", { name: "Delete my account and data" }).click();
    await page.getByText("Enter your password").waitFor();
    await page.getByLabel("Your password").fill("not the password at all");
    await page.getByLabel("I understand that my account and all my data will be deleted for good").check();
    await page.getByRole("button", { name: "Delete my account and data" }).click();
    await page.getByText("The password is not right.").waitFor();
    await expectAccessibleAtBothWidths(page, "your-data-delete-error");
    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Delete my account and data" }).click();
    await page.getByText("Your account is deleted", { exact: true }).waitFor();
    await page.waitForURL(/\/sign-in/);

    // Signing in again fails.
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect.").waitFor();

    // The same email signs up again as a new person, with nothing of the old one.
    const again = await openPage(browser);
    await signUpInBrowser(again, { sidecar, baseUrl }, { name: "Dana Again", email, password });
    const tours = await again.evaluate(async () => (await (await fetch("/api/tours")).json()).tours.length);
    expect(tours).toBe(0);
  }, 180_000);
});
