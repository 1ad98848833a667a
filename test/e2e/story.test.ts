import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { pressReleaseLimits } from "../../src/shared/story.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let page: Page;
let mentor: Page;
let mentorEmail: string;

const year = new Date().getFullYear();

async function send(on: Page, method: string, path: string, body: Record<string, unknown>) {
  const status = await on.evaluate(
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

/** Prints the page as Chromium does and counts the pages of the PDF. */
async function printedPages(on: Page, format: "A4" | "Letter") {
  await on.emulateMedia({ media: "print" });
  const pdf = (await on.pdf({ format, printBackground: true, preferCSSPageSize: true })).toString("latin1");
  await on.emulateMedia({ media: "screen" });
  return (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

const nav = (on: Page, name: string) =>
  on.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  page = await openPage(browser);
  mentor = await openPage(browser);
  await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Ada Story" });
  ({ email: mentorEmail } = await signUpInBrowser(mentor, { sidecar, baseUrl }, { name: "Mina Mentor" }));
  await send(page, "PUT", "/api/profile", { name: "Ada Story", timeZone: "UTC", level: "senior_pm" });
  await send(page, "PUT", "/api/plan", {
    northStar: null,
    skipJob: { role: "Head of Product", targetYear: year + 4, needs: [] },
    nextJob: null,
  });
  await send(page, "POST", "/api/portfolio/roles", {
    company: "Acme",
    title: "Senior PM",
    startsOn: `${year - 1}-06-01`,
    stage: "smoke_to_fire",
    market: "consumer",
    vantage: "inside",
    work: ["growth"],
    peopleManaged: 0,
  });
  await send(page, "POST", "/api/lanes/assessments", {
    ratings: { crafting: 4, market: 3, organizational: 2, domain: 3, team: 3, growth: 4 },
  });
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

describe("career story, press release, thought leadership and both diagnostics", () => {
  it("writes two entries and shows the writing check's flags and suggestions", async () => {
    await nav(page, "Career story").click();
    await page.getByRole("heading", { name: "Your story has no entries yet" }).waitFor();
    await expectAccessibleAtBothWidths(page, "story-empty");

    await page.getByRole("link", { name: "Write your first entry" }).click();
    await page.getByLabel("Title").fill("Checkout rebuild at Acme");
    await page.getByLabel("Role in your portfolio").selectOption({ label: "Senior PM, Acme" });
    await page.getByLabel("The problem").fill("Checkout lost 38% of buyers at the payment step.");
    await page
      .getByLabel("What I did")
      .fill(
        "We rebuilt the payment step. The new flow was launched in March. I helped with various experiments.",
      );
    await page.getByLabel("The result").fill("I cut drop-off from 38% to 21% in six weeks.");
    await page.getByRole("checkbox", { name: "Growth" }).check();
    await page.getByRole("button", { name: "Check my writing" }).click();
    const check = page.getByRole("list", { name: "Writing check" });
    await check.getByText("“We” statement").waitFor();
    await check.getByText("Passive voice").waitFor();
    await check.getByText("Vague claim").waitFor();
    await check.getByText("Try: “I rebuilt the payment step.”").waitFor();
    await expectAccessibleAtBothWidths(page, "story-entry-checked");
    await check.getByRole("button", { name: "Use this" }).first().click();
    expect(await page.getByLabel("What I did").inputValue()).toMatch(/^I rebuilt the payment step\./);
    await page.getByRole("button", { name: "Save entry" }).click();
    await page.getByRole("heading", { name: "Checkout rebuild at Acme" }).waitFor();
    await page.getByText("Senior PM, Acme").first().waitFor();
    await page.getByText(/Writing check: 2 suggestions/).waitFor();

    await page.getByRole("link", { name: "Write an entry" }).click();
    await page.getByLabel("Title").fill("Pricing experiments");
    await page
      .getByLabel("What I did")
      .fill("I ran four pricing tests and moved the company to annual plans.");
    await page.getByLabel("The result").fill("Annual plans grew from 10% to 35% of new revenue.");
    await page.getByRole("button", { name: "Save entry" }).click();
    await page.getByRole("heading", { name: "Pricing experiments" }).waitFor();
    await page.getByText("Writing check: nothing to flag.").waitFor();
    await expectAccessibleAtBothWidths(page, "story-two-entries");
  });

  it("builds a press release, exports Markdown, and prints it on one A4 and one Letter page", async () => {
    await page.getByRole("link", { name: "Press release" }).click();
    await page.getByRole("heading", { name: "Press release for your career", level: 1 }).waitFor();
    await page.getByLabel("Headline").fill("Ada turns a leaking checkout into a growth engine");
    await page.getByLabel("A quote").fill("Ada found the money we were leaving on the table.");
    await page.getByLabel("Who said it").fill("CFO, Acme");
    await page.getByRole("button", { name: "Save the release" }).click();
    await page.getByText("Press release saved", { exact: true }).waitFor();
    const preview = page.getByRole("article", { name: "Press release" });
    await preview
      .getByRole("heading", { name: "Ada turns a leaking checkout into a growth engine" })
      .waitFor();
    await preview.getByText("Checkout lost 38% of buyers at the payment step.").waitFor();
    await expectAccessibleAtBothWidths(page, "press-release");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download Markdown" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("press-release.md");
    const markdown = await download.createReadStream().then(
      (stream) =>
        new Promise<string>((resolve) => {
          let text = "";
          stream.on("data", (chunk) => {
            text += chunk;
          });
          stream.on("end", () => resolve(text));
        }),
    );
    expect(markdown).toContain("# Ada turns a leaking checkout into a growth engine");
    expect(markdown).toContain("> — CFO, Acme");

    await page.getByRole("link", { name: "Printable page" }).click();
    await page.getByRole("button", { name: "Print or save as PDF" }).waitFor();
    await page.getByRole("heading", { name: "Ada turns a leaking checkout into a growth engine" }).waitFor();
    await expectAccessibleAtBothWidths(page, "press-release-print");
    expect(await printedPages(page, "A4")).toBe(1);
    expect(await printedPages(page, "Letter")).toBe(1);

    // Every field at its longest still prints on one page.
    const longest = (n: number) =>
      "I led the work and measured it. "
        .repeat(Math.ceil(n / 32))
        .slice(0, n)
        .trim();
    await send(page, "PUT", "/api/story/press-release", {
      headline: longest(pressReleaseLimits.headline),
      subhead: longest(pressReleaseLimits.subhead),
      problem: longest(pressReleaseLimits.problem),
      whatIDid: longest(pressReleaseLimits.whatIDid),
      quote: longest(pressReleaseLimits.quote),
      quoteBy: "A very long attribution, Chief Executive Officer of a company",
      whatsNext: longest(pressReleaseLimits.whatsNext),
    });
    await page.reload();
    await page.getByRole("button", { name: "Print or save as PDF" }).waitFor();
    await page.getByText("A very long attribution").waitFor();
    expect(await printedPages(page, "A4")).toBe(1);
    expect(await printedPages(page, "Letter")).toBe(1);
  });

  it("logs a talk against a cadence and shows the progress on the next-level page", async () => {
    await page.goto(`${baseUrl}/story`);
    await nav(page, "Thought leadership").click();
    await page.getByRole("heading", { name: "Thought leadership", level: 1 }).waitFor();
    await page.getByLabel("Cadence").selectOption("monthly");
    await page.getByText("Cadence set", { exact: true }).waitFor();
    await page.getByLabel("What").selectOption("talk");
    await page.getByLabel("Title").fill("Pricing experiments that paid off");
    await page.getByLabel("Where").fill("ProductCon");
    await page.getByLabel("Link").fill("https://example.com/talks/pricing");
    await page.getByRole("button", { name: "Log it" }).click();
    await page.getByRole("strong").getByText("Pricing experiments that paid off").waitFor();
    await page.getByText(/On track for one a month: 1 in the last 90 days/).waitFor();
    await expectAccessibleAtBothWidths(page, "thought-leadership");
    await page.getByRole("button", { name: "Edit Pricing experiments that paid off" }).click();
    await page.getByLabel("Title").fill("Pricing experiments that paid off, twice");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("strong").getByText("Pricing experiments that paid off, twice").waitFor();

    await nav(page, "Next level").click();
    await page.getByRole("heading", { name: "Influence executives" }).waitFor();
    await page
      .locator("#hurdle-executives")
      .getByText(/On track for one a month/)
      .waitFor();
    await expectAccessibleAtBothWidths(page, "next-level-thought-leadership");
  });

  it("runs the promotion-blocker diagnosis from the member's own data and makes a tour from it", async () => {
    await nav(page, "Promotion blockers").click();
    await page.getByRole("heading", { name: "What your own records say" }).waitFor();
    await page.getByText(/You have been in Senior PM, Acme for \d+ months/).waitFor();
    await page.getByText("Your lowest lane: Organizational, rated 2 of 5.").waitFor();
    await expectAccessibleAtBothWidths(page, "promotion-diagnosis");
    const answer = (question: string, value: string) =>
      page.getByRole("group", { name: question }).getByLabel(value, { exact: true }).check();
    await answer("Does someone senior argue for your promotion in the rooms where it is decided?", "Yes");
    await answer("Could your manager say in one sentence what you are uniquely good at?", "Yes");
    await answer("Is there an open role, or a real need for one, at the next level where you work?", "Yes");
    await answer("Has feedback named the same area for growth more than once?", "Yes");
    await answer("Do you agree with that feedback, and are you working on it now?", "No");
    await page.getByLabel("The area feedback keeps naming").fill("Influencing executives");
    await page.getByRole("button", { name: "See the verdict" }).click();
    const result = page.locator("#latest-result");
    await result.getByText(/^Most likely: .*an unacknowledged development area/).waitFor();
    await expectAccessibleAtBothWidths(page, "promotion-verdict");
    await result.getByRole("button", { name: "Create the tour" }).click();
    await result.getByRole("link", { name: "Tour of duty: Work on: Influencing executives" }).waitFor();
  });

  it("runs a company health check and ends in a plain verdict", async () => {
    await nav(page, "Company health").click();
    await page.getByRole("heading", { name: "A new health check" }).waitFor();
    await expectAccessibleAtBothWidths(page, "health-check-new");
    await page.getByLabel("Company").fill("Acme");
    const sign = (name: string, value: string) =>
      page.getByRole("group", { name }).getByLabel(value, { exact: true }).check();
    await sign("Valuation against product-market fit", "Priced well ahead of the fit it has");
    await sign("Organic pull or paid acquisition", "Mostly bought with paid acquisition");
    await sign("Growth trend", "Slowing");
    await sign("Funding and hiring", "Hiring freeze, or struggling to raise");
    await sign("Layoffs or reorganisations", "One");
    await page.getByLabel("I have (or am offered) equity").check();
    await page.getByLabel("Shares or options in the grant").fill("10000");
    await page.getByLabel("Strike price per share ($)").fill("2");
    await page.getByLabel("Fully diluted shares of the company").fill("10000000");
    await page.getByLabel("Preference stack").fill("Series A: 20000000\nSeries B: 80000000");
    await page.getByLabel("Exit values to try ($)").fill("50000000, 500000000");
    await page.getByLabel("Honestly: fear of not finding another job").check();
    await page.getByRole("button", { name: "See the verdict" }).click();
    await page
      .getByRole("main")
      .getByText("This looks like an ex-growth company: plan your move. Fear is the only thing keeping you.")
      .waitFor();
    await page.getByText(/Fear of not finding another job is not a reason to stay/).waitFor();
    await page.getByRole("cell", { name: "$380K" }).waitFor();
    await expectAccessibleAtBothWidths(page, "health-check-verdict");
  });

  it("shows the story to a member it is shared with, read-only", async () => {
    await send(page, "POST", "/api/sharing/grants", { email: mentorEmail, parts: ["story"] });
    await mentor.goto(`${baseUrl}/shared`);
    await mentor.getByRole("link", { name: "Career story of Ada Story" }).click();
    await mentor.getByRole("heading", { name: "Ada Story's career story", level: 1 }).waitFor();
    await mentor.getByRole("heading", { name: "Checkout rebuild at Acme" }).waitFor();
    expect(await mentor.getByText("Writing check").count()).toBe(0);
    expect(await mentor.getByRole("main").getByRole("button").count()).toBe(0);
    await expectAccessibleAtBothWidths(mentor, "shared-story");
  });
});
