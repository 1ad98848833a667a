import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let page: Page;

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  page = await openPage(browser);
  await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Plan Walker" });
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

const year = new Date().getFullYear();
const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
const apiGet = (path: string) =>
  page.evaluate(async (p) => (await fetch(p, { headers: { accept: "application/json" } })).json(), path);

describe("the career plan in the browser", () => {
  it("goes from an empty plan to a reached North Star and an Act Three", async () => {
    await nav("Career plan").click();
    await page.getByRole("heading", { name: "Career plan", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No North Star yet" }).waitFor();
    await expectAccessibleAtBothWidths(page, "plan-empty");

    await page.getByLabel("Role", { exact: true }).fill("Chief Product Officer");
    await page.getByLabel("Horizon year").fill(String(year + 10));
    await page.getByLabel("Kind of company").fill("A mission-driven health company");
    await page.getByLabel("What you want to be known for").fill("Teams that ship with care");
    await page.getByLabel("Skip job role").fill("Head of Product");
    await page.getByLabel("Skip job year").fill(String(year + 12));
    await page.getByRole("button", { name: "Add a need" }).click();
    await page.getByLabel("Need 1", { exact: true }).fill("Lead a team through other managers");
    await page.getByLabel("Need 1 builds").selectOption("lane:team");
    await page.getByLabel("Next job role").fill("Group PM");
    await page.getByLabel("Next job year").fill(String(year + 2));
    await page.getByRole("button", { name: "Save plan" }).click();
    await page.getByText(`The skip job comes before your North Star: pick ${year + 10} or earlier`).waitFor();
    expect(await page.getByLabel("Skip job year").getAttribute("aria-invalid")).toBe("true");
    await expectAccessibleAtBothWidths(page, "plan-error");

    await page.getByLabel("Skip job year").fill(String(year + 5));
    await page.getByRole("button", { name: "Save plan" }).click();
    await page.getByText("Plan saved", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Reached your North Star?" }).waitFor();
    expect(await page.getByRole("heading", { name: "No North Star yet" }).count()).toBe(0);
    const saved = await apiGet("/api/plan");
    expect(saved.northStar).toEqual({
      role: "Chief Product Officer",
      companyKind: "A mission-driven health company",
      knownFor: "Teams that ship with care",
      horizonYear: year + 10,
      reachedOn: null,
    });
    expect(saved.skipJob).toMatchObject({
      role: "Head of Product",
      targetYear: year + 5,
      needs: ["Lead a team through other managers"],
      needDetails: [{ text: "Lead a team through other managers", lane: "team", experience: null }],
    });
    expect(saved.nextJob).toEqual({ role: "Group PM", targetYear: year + 2 });
    await expectAccessibleAtBothWidths(page, "plan-saved");

    await page.getByRole("button", { name: "Mark as reached" }).click();
    await page.getByRole("heading", { name: "You reached your North Star: Chief Product Officer" }).waitFor();
    await page.getByRole("heading", { name: "Act Three: what comes after" }).waitFor();
    await expectAccessibleAtBothWidths(page, "plan-reached");

    const actThree = page.locator("#act-three");
    await actThree.getByLabel("Your scaled-economics arc").fill("Angel-invest in health start-ups.");
    await actThree.getByLabel("Step 1", { exact: true }).first().fill("Join an angel syndicate");
    await actThree.getByLabel("Your giving arc").fill("Coach first-time heads of product.");
    await actThree.getByLabel("Step 1", { exact: true }).nth(1).fill("Take two coaching clients");
    await actThree.getByRole("button", { name: "Save Act Three" }).click();
    await actThree.getByText("Pick at least one way of giving").waitFor();
    await expectAccessibleAtBothWidths(page, "plan-act-three-error");

    await actThree.getByLabel("Coaching and mentoring").check();
    await actThree.getByLabel("Content: writing, talks, teaching").check();
    await actThree.getByLabel(/scaled economics, step 1/).check();
    await actThree.getByRole("button", { name: "Save Act Three" }).click();
    await page.getByText("Act Three saved", { exact: true }).waitFor();

    await page.reload();
    await page.getByRole("heading", { name: "Act Three: what comes after" }).waitFor();
    expect(await page.getByLabel(/scaled economics, step 1/).isChecked()).toBe(true);
    expect(await page.getByLabel(/giving, step 1/).isChecked()).toBe(false);
    expect(await page.getByLabel("Coaching and mentoring").isChecked()).toBe(true);
    const plan = await apiGet("/api/plan");
    expect(plan.northStar.reachedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plan.actThree).toEqual({
      economics: {
        description: "Angel-invest in health start-ups.",
        steps: [{ text: "Join an angel syndicate", done: true }],
      },
      giving: {
        description: "Coach first-time heads of product.",
        forms: ["content", "coaching"],
        steps: [{ text: "Take two coaching clients", done: false }],
      },
    });
    await expectAccessibleAtBothWidths(page, "plan-act-three");
  });

  it("records a decision, lists it, revisits it, edits it and deletes it", async () => {
    await nav("Decisions").click();
    await page.getByRole("heading", { name: "Decision journal", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No decisions yet" }).waitFor();
    await expectAccessibleAtBothWidths(page, "decisions-empty");

    await page.getByRole("link", { name: "Record your first decision" }).click();
    await page.getByRole("heading", { name: "Record a decision", level: 1 }).waitFor();
    await page.getByText("Your skip job:").waitFor();
    expect(await page.getByText("Your skip job:").innerText()).toContain("Head of Product");
    await page.getByLabel("The dilemma").fill("Grit it out or move on?");
    await page.getByLabel("Option 1", { exact: true }).fill("Stay and lead the replatforming");
    await page.getByLabel("How option 1 serves your skip job").fill("I lead through other leads.");
    await page.getByLabel("Option 2", { exact: true }).fill("Join the growth start-up");
    await page.getByLabel("What you decided").fill("Stay one more year");
    await page.getByLabel("Why").fill("It gives me a team of three PMs.");
    await page.getByLabel("Decided on").fill("2025-01-15");
    await page.getByLabel("Revisit on").fill("2025-01-10");
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByText("Pick a revisit date after the date you decided").waitFor();
    await expectAccessibleAtBothWidths(page, "decision-error");

    await page.getByLabel("Revisit on").fill("2025-07-15");
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByRole("heading", { name: "Grit it out or move on?", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Time to look back" }).waitFor();
    await expectAccessibleAtBothWidths(page, "decision-due");

    await nav("Decisions").click();
    await page.getByRole("heading", { name: "Due for a revisit" }).waitFor();
    const due = page.locator("#decisions-due .decision-item");
    await expect.poll(() => due.count()).toBe(1);
    expect(await due.innerText()).toMatch(
      /Grit it out or move on\?[\s\S]*Overdue[\s\S]*Revisit was due 15 Jul 2025[\s\S]*Stay one more year/,
    );
    await expectAccessibleAtBothWidths(page, "decisions-list");

    await page.getByRole("link", { name: "Grit it out or move on?" }).click();
    await page.getByLabel("How it turned out").fill("Leading three PMs: the right call.");
    await page.getByRole("button", { name: "Save revisit" }).click();
    await page.getByText("Revisit saved", { exact: true }).waitFor();
    await page.locator(".decision-revisits").getByText("Leading three PMs: the right call.").waitFor();
    expect(await page.getByRole("heading", { name: "Time to look back" }).count()).toBe(0);
    await expectAccessibleAtBothWidths(page, "decision-revisited");

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByRole("heading", { name: "Edit decision", level: 1 }).waitFor();
    expect(await page.getByLabel("Option 1", { exact: true }).inputValue()).toBe(
      "Stay and lead the replatforming",
    );
    await page.getByLabel("What you decided").fill("Stay, and ask for the platform team");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Decision updated", { exact: true }).waitFor();
    await page.getByText("Stay, and ask for the platform team").waitFor();

    await nav("Decisions").click();
    const listed = page.locator("#decisions-all .decision-item");
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.innerText()).toMatch(/Revisited[\s\S]*Stay, and ask for the platform team/);

    await page.getByRole("link", { name: "Grit it out or move on?" }).click();
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete this decision?" }).waitFor();
    await expectAccessibleAtBothWidths(page, "decision-delete");
    await page.getByRole("button", { name: "Delete decision" }).click();
    await page.getByRole("heading", { name: "No decisions yet" }).waitFor();
    expect((await apiGet("/api/decisions")).decisions).toEqual([]);
  });

  it("shows 50 decisions, then the next ones with Load more", async () => {
    const statuses = await page.evaluate(async () => {
      const answers: number[] = [];
      for (let i = 1; i <= 51; i++) {
        const response = await fetch("/api/decisions", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            dilemma: `Dilemma number ${i}`,
            options: [{ label: "Stay" }, { label: "Go" }],
            decision: "Stay",
            decidedOn: `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
          }),
        });
        answers.push(response.status);
      }
      return answers;
    });
    expect(statuses.every((status) => status === 200)).toBe(true);
    // The journal page is still open from the test before: read it afresh.
    await page.reload();
    await page.getByRole("heading", { name: "Decision journal", level: 1 }).waitFor();
    const listed = page.locator(".decision-item");
    await expect.poll(() => listed.count()).toBe(50);
    const more = page.getByRole("button", { name: "Load more decisions" });
    await expectAccessibleAtBothWidths(page, "decisions-partial");
    await more.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => listed.count()).toBe(51);
    await page.getByText("1 more decision loaded.").waitFor();
    expect(await more.count()).toBe(0);
    const shown = await listed.locator(".decision-item-title").allTextContents();
    expect(new Set(shown).size).toBe(51);
  });
});
