import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  // A fresh server with no SMTP settings, as `npm ci && npm start` leaves it.
  ({ sidecar, browser, baseUrl } = await startBrowserTarget({ freshInstance: true }));
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

/** Everything the browser console would show as a problem: errors, CSP refusals, failed requests. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

const password = "a walk along the harbour";

async function signUp(page: Page, name: string, email: string) {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

const mainPages = [
  ["/", /Welcome/],
  ["/plan", "Career plan"],
  ["/lanes", "Lanes"],
  ["/portfolio", "Experience portfolio"],
  ["/next-level", "Next level"],
  ["/tours", "Tours of duty"],
  ["/tours/new", "New tour of duty"],
  ["/roadmap", "Roadmap"],
  ["/decisions", "Decision journal"],
  ["/decisions/new", "Record a decision"],
  ["/feedback", "Feedback"],
  ["/feedback/new", "Ask for feedback"],
  ["/sharing", "What I share"],
  ["/shared", "Shared with me"],
  ["/notifications", "Notifications"],
  ["/notifications/settings", /./],
  ["/profile", "Profile"],
  ["/security", "Security"],
  ["/admin/users", "Users"],
  ["/admin/outbox", "Outbox"],
  ["/admin/jobs", "Jobs"],
] as const;

describe("a newcomer's first hour on a server without mail", () => {
  it("the first account runs the server, and no page logs a console error", async () => {
    const page = await openPage(browser);
    const problems = watchConsole(page);

    // A signed-out visit lands on sign-in without a failed request.
    await page.goto(`${baseUrl}/`);
    await page.getByRole("heading", { name: "Sign in to Sidecar" }).waitFor();
    expect(problems, "signed-out visit").toEqual([]);

    await signUp(page, "Ada Admin", "ada@example.test");
    await page.getByRole("heading", { name: "Your Sidecar is ready" }).waitFor();
    await page.getByText("This server cannot send email yet.").waitFor();
    await expectAccessibleAtBothWidths(page, "setup");
    await page.getByRole("link", { name: "Start your plan" }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();

    for (const [path, heading] of mainPages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(problems, `console on ${path}`).toEqual([]);
    }

    // Opening a dialog adds a <style> element (scroll lock): the policy lets it in by its nonce.
    await page.goto(`${baseUrl}/portfolio`);
    await page.getByRole("button", { name: "Add your first role" }).click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    expect(problems, "opening a dialog").toEqual([]);
  });

  it("the next person is told that no mail was sent and who confirms them; one click lets them in", async () => {
    const newcomer = await openPage(browser);
    const problems = watchConsole(newcomer);
    await signUp(newcomer, "Ben Newcomer", "ben@example.test");
    await newcomer.getByRole("heading", { name: "Waiting for confirmation" }).waitFor();
    const text = await newcomer.locator("main").innerText();
    expect(text).toContain("cannot send email yet, so no confirmation link was sent");
    expect(text).not.toMatch(/We sent/);
    await expectAccessibleAtBothWidths(newcomer, "check-email-without-mail");
    expect(problems).toEqual([]);

    const admin = await openPage(browser);
    await admin.goto(`${baseUrl}/sign-in`);
    await admin.getByLabel("Email").fill("ada@example.test");
    await admin.getByLabel("Password", { exact: true }).fill(password);
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.getByRole("heading", { name: /Welcome/ }).waitFor();
    await admin.goto(`${baseUrl}/admin/users`);
    await admin.getByRole("button", { name: "Confirm email of Ben Newcomer" }).click();
    await admin.getByText("Ben Newcomer is confirmed").first().waitFor();

    await newcomer.goto(`${baseUrl}/sign-in`);
    await newcomer.getByLabel("Email").fill("ben@example.test");
    await newcomer.getByLabel("Password", { exact: true }).fill(password);
    await newcomer.getByRole("button", { name: "Sign in" }).click();
    await newcomer.getByRole("heading", { name: /Welcome/ }).waitFor();
    expect(problems).toEqual([]);
  });
});
