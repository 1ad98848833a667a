import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { addDays, todayIn } from "../../src/shared/calendar-date.ts";
import {
  expectAccessibleAtBothWidths,
  openPage,
  phone,
  recordApiReads,
  signUpInBrowser,
  startBrowserTarget,
} from "./browser.ts";

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
  // A load the test's own next navigation cuts off (net::ERR_ABORTED) is no failure a person would see.
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED")
      problems.push(`request failed: ${request.url()}`);
  });
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
    await page.waitForLoadState("networkidle");

    const { reads, clear, repeated } = recordApiReads(page);
    for (const [path, heading] of mainPages) {
      clear();
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(problems, `console on ${path}`).toEqual([]);
      // Who is signed in is asked once, with the page, and nothing the page shows is read twice.
      expect(
        reads.filter((read) => read === "/api/me"),
        `who is signed in, on ${path}`,
      ).toHaveLength(1);
      expect(reads, `reads on ${path}`).not.toContain("/api/auth/get-session");
      expect(repeated(), `reads twice on ${path}`).toEqual([]);
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

describe("what the newcomer review found", () => {
  it("flags overdue items, shows the plan as a summary, explains the words, and keeps screens tidy", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Cleo Careful" });
    const problems = watchConsole(page);
    const today = todayIn("UTC");
    const post = async (path: string, data: unknown, method = "POST") => {
      const response = await page.request.fetch(`${baseUrl}${path}`, {
        method,
        data,
        headers: { origin: baseUrl },
      });
      expect(response.status(), `${method} ${path}`).toBe(200);
      return response.json();
    };

    // Overdue: a passed renegotiation date, a milestone past due, a decision past its revisit date.
    const tour = await post("/api/tours", {
      title: "Payments platform",
      mission: "Rebuild the payments platform",
      startsOn: addDays(today, -200),
      endsOn: addDays(today, 200),
      renegotiateOn: addDays(today, -3),
    });
    await post(`/api/tours/${tour.id}/milestones`, { title: "First hire", dueOn: addDays(today, -2) });
    const decision = await post("/api/decisions", {
      dilemma: "Grit it out or move on?",
      options: [{ label: "Stay" }, { label: "Go" }],
      decision: "Stay",
      decidedOn: addDays(today, -30),
      revisitOn: addDays(today, -1),
    });
    await page.goto(`${baseUrl}/`);
    await page.locator("#home-tour").getByText("Overdue").first().waitFor();
    expect(await page.locator("#home-tour .badge-danger").count()).toBe(2);
    await page.locator("#home-decision").getByText("Overdue").waitFor();
    await page.goto(`${baseUrl}/tours/${tour.id}`);
    await page.getByRole("heading", { name: "Payments platform", level: 1 }).waitFor();
    expect(await page.locator(".tour-facts .badge-danger").count()).toBe(1);
    expect(await page.locator(".milestone-item .badge-danger").count()).toBe(1);
    await page.goto(`${baseUrl}/decisions/${decision.id}`);
    await page.getByText("Overdue").first().waitFor();

    // The career plan: a form when empty, then a read-only summary with an edit action.
    await page.goto(`${baseUrl}/plan`);
    await page.getByLabel("Role", { exact: true }).fill("Chief Product Officer");
    await page.getByLabel("Horizon year").fill(String(Number(today.slice(0, 4)) + 8));
    await page.getByRole("button", { name: "Save plan" }).click();
    await page.locator("#plan-summary").getByText("Chief Product Officer").waitFor();
    expect(await page.getByLabel("Role", { exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Edit plan" }).click();
    expect(await page.getByLabel("Role", { exact: true }).inputValue()).toBe("Chief Product Officer");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator("#plan-summary").waitFor();
    await expectAccessibleAtBothWidths(page, "plan-summary");

    // Inline help where a word of the method appears, and the glossary it links to.
    await page.getByRole("button", { name: "What is “North Star”?" }).first().click();
    await page.getByRole("note").getByText("The end state you work back from").waitFor();
    await page.getByRole("note").getByRole("link", { name: "More in the glossary" }).click();
    await page.getByRole("heading", { name: "Glossary", level: 1 }).waitFor();
    for (const word of ["Skip job", "Tour of duty", "Lanes of product ambiguity", "Act Three"]) {
      await page.getByText(word, { exact: true }).first().waitFor();
    }
    await expectAccessibleAtBothWidths(page, "glossary");

    // A closed role dialog starts empty next time; the toast of a saved role stays on its page.
    await page.goto(`${baseUrl}/portfolio`);
    await page.getByRole("button", { name: "Add your first role" }).click();
    await page.getByRole("dialog").getByLabel("Company", { exact: true }).fill("Half-typed Ltd");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Add your first role" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByLabel("Company", { exact: true }).inputValue()).toBe("");
    await dialog.getByLabel("Company", { exact: true }).fill("Acme");
    await dialog.getByLabel("Title").fill("Product manager");
    await dialog.getByLabel("Started").fill("2019-03-01");
    await dialog.getByLabel("Company stage").selectOption({ label: "Fire to great" });
    await dialog.getByLabel("Market").selectOption({ label: "Consumer" });
    await dialog.getByLabel("Vantage point").selectOption({ label: "Outside the building" });
    await dialog.getByRole("checkbox", { name: "Feature work" }).check();
    await dialog.getByLabel("People managed").fill("0");
    await page.getByRole("button", { name: "Add role" }).click();
    await page.getByText("Role added", { exact: true }).waitFor();

    // One delete button everywhere: the same look on the portfolio, a tour and a decision.
    const deleteClasses: string[] = [];
    const deleteOf = async () =>
      deleteClasses.push(
        (await page
          .getByRole("button", { name: /^Delete/ })
          .first()
          .getAttribute("class")) ?? "",
      );
    await deleteOf();
    await page.getByRole("navigation").getByRole("link", { name: "Tours of duty" }).click();
    await page.getByRole("heading", { name: "Tours of duty", level: 1 }).waitFor();
    expect(await page.getByText("Role added", { exact: true }).count(), "toast left behind").toBe(0);
    await page.goto(`${baseUrl}/tours/${tour.id}`);
    await page.getByRole("heading", { name: "Payments platform", level: 1 }).waitFor();
    await deleteOf();
    await page.goto(`${baseUrl}/decisions/${decision.id}`);
    await page.getByRole("heading", { name: "Grit it out or move on?", level: 1 }).waitFor();
    await deleteOf();
    // The same look everywhere; only the size follows the row it sits in.
    expect(deleteClasses.map((c) => c.replace(" button-small", ""))).toEqual(
      deleteClasses.map(() => "button button-ghost button-delete"),
    );

    // The roadmap on a phone: today and every tour's number in view without scrolling sideways.
    await page.setViewportSize(phone);
    await page.goto(`${baseUrl}/roadmap`);
    await page.getByTestId("roadmap-chart").waitFor();
    const scroll = await page.locator(".roadmap-scroll").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scroll).toBeLessThanOrEqual(1);
    await page.locator(".roadmap-names").getByText("Payments platform").waitFor();
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(problems).toEqual([]);
  });

  it("shows one not-found page for a missing record in every module, without an id", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Nico Nowhere" });
    for (const [path, heading] of [
      ["/tours/nothing-here", "Tour of duty not found"],
      ["/decisions/nothing-here", "Decision not found"],
      ["/feedback/nothing-here", "Feedback request not found"],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      const text = await page.locator("main").innerText();
      expect(text).toContain("It may have been deleted, or the link may be mistyped");
      expect(text).not.toMatch(/\bid\b/);
    }
  });
});
