import { addDays, addMonths, format } from "date-fns";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import {
  expectAccessibleAtBothWidths,
  openPage,
  recordApiReads,
  signUpInBrowser,
  startBrowserTarget,
} from "./browser.ts";

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

const iso = (date: Date) => format(date, "yyyy-MM-dd");

describe("tours of duty and the roadmap in the browser", () => {
  it("plans two tours, adds milestones, reorders, ends one early and draws the roadmap", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Tour Planner" });
    const nav = page.getByRole("navigation", { name: "Main" });

    await nav.getByRole("link", { name: "Tours of duty" }).click();
    await page.getByRole("heading", { name: "No tours of duty yet" }).waitFor();
    await expectAccessibleAtBothWidths(page, "tours-empty");
    await nav.getByRole("link", { name: "Roadmap" }).click();
    await page.getByRole("heading", { name: "Nothing on your roadmap yet" }).waitFor();
    await expectAccessibleAtBothWidths(page, "roadmap-empty");

    // The portfolio's "turn this gap into a tour" link fills in the mission, experiences and lanes.
    const mission = "Lead growth at an early-stage consumer company";
    await page.goto(
      `${baseUrl}/tours/new?mission=${encodeURIComponent(mission)}&experiences=stage:pre_pmf,work:growth,stage:bogus&lanes=growth,market`,
    );
    await page.getByRole("heading", { name: "New tour of duty" }).waitFor();
    expect(await page.getByLabel("Mission").inputValue()).toBe(mission);
    expect(await page.getByLabel("Growth work").isChecked()).toBe(true);
    expect(await page.getByLabel("Pre-product-market fit company").isChecked()).toBe(true);
    expect(await page.getByLabel("Consumer product").isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: "Growth", exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Market", exact: true }).isChecked()).toBe(true);
    const today = new Date();
    expect(await page.getByLabel("Starts on").inputValue()).toBe(iso(today));
    expect(await page.getByLabel("Ends on").inputValue()).toBe(iso(addDays(addMonths(today, 12), -1)));

    // An end before the start is an error under the field; a short tour is only a warning.
    await page.getByLabel("Title").fill("Early-stage growth");
    await page.getByLabel("Ends on").fill(iso(addDays(today, -3)));
    await page.getByRole("button", { name: "Add tour of duty" }).click();
    await page.getByText("End the tour after it starts").waitFor();
    // The first refused submit already takes the keyboard to the field in error.
    await expect
      .poll(() => page.getByLabel("Ends on").evaluate((field) => field === document.activeElement))
      .toBe(true);
    await expectAccessibleAtBothWidths(page, "tour-new-error");
    await page.getByLabel("Ends on").fill(iso(addMonths(today, 6)));
    await page.getByText(/This tour is about 6 months long/).waitFor();
    // It began three months ago, so it is under way today.
    await page.getByLabel("Starts on").fill(iso(addMonths(today, -3)));
    await page.getByLabel("Ends on").fill(iso(addDays(addMonths(today, 9), -1)));
    await expect.poll(() => page.getByText(/This tour is about/).count()).toBe(0);
    await expectAccessibleAtBothWidths(page, "tour-new-prefilled");
    await page.getByRole("button", { name: "Add tour of duty" }).click();
    await page.getByRole("heading", { name: "Early-stage growth", level: 1 }).waitFor();
    await page.getByText(mission).waitFor();
    expect(await page.locator(".tour-facts .badge").innerText()).toBe("Active");

    // A second tour that overlaps the first and runs too long: the form names the overlap before saving.
    await page.goto(`${baseUrl}/tours/new`);
    await page.getByLabel("Title").fill("Lead a platform team");
    await page
      .getByLabel("Mission")
      .fill("Build the payments platform team and hire its first two managers.");
    await page.getByLabel("Starts on").fill(iso(addMonths(today, 6)));
    await page.getByLabel("Ends on").fill(iso(addMonths(today, 26)));
    await page.getByText(/Overlaps “Early-stage growth”/).waitFor();
    await page.getByText(/This tour is about 20 months long/).waitFor();
    await page.getByRole("checkbox", { name: "Team", exact: true }).check();
    await expectAccessibleAtBothWidths(page, "tour-new-warnings");
    await page.getByRole("button", { name: "Add tour of duty" }).click();
    await page.getByRole("heading", { name: "Lead a platform team", level: 1 }).waitFor();
    await page.getByText(/Overlaps “Early-stage growth”/).waitFor();

    // Milestones: add two, mark one done.
    await page.getByRole("heading", { name: "No milestones yet" }).waitFor();
    await page.getByLabel("Milestone", { exact: true }).fill("Hire the first engineering manager");
    await page.getByLabel("Due on").fill(iso(addMonths(today, 9)));
    await page.getByRole("button", { name: "Add milestone" }).click();
    await page.getByText("Milestone added").first().waitFor();
    await page.getByLabel("Milestone", { exact: true }).fill("Platform roadmap agreed");
    await page.getByLabel("Due on").fill(iso(addMonths(today, 7)));
    await page.getByRole("button", { name: "Add milestone" }).click();
    const items = page.locator(".milestone-item");
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toMatch(/Platform roadmap agreed/);
    await page.getByLabel("Status of “Platform roadmap agreed”").selectOption("done");
    await expect.poll(() => items.nth(0).locator(".badge").innerText()).toBe("Done");
    expect(await items.nth(0).innerText()).toMatch(/done \d{1,2} \w{3} \d{4}/);
    await page.getByText("1 of 2 done.", { exact: false }).waitFor();
    await expectAccessibleAtBothWidths(page, "tour-milestones");

    // Editing: a renegotiation date outside the tour is refused under its field, then saved inside it.
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByRole("heading", { name: "Edit “Lead a platform team”" }).waitFor();
    expect(await page.getByLabel("Title").inputValue()).toBe("Lead a platform team");
    await page.getByLabel("Renegotiation date").fill(iso(addMonths(today, 30)));
    await page.getByRole("button", { name: "Save tour" }).click();
    await page.getByText(/Set the renegotiation date within the tour/).waitFor();
    await expectAccessibleAtBothWidths(page, "tour-edit-error");
    await page.getByLabel("Renegotiation date").fill(iso(addMonths(today, 20)));
    await page.getByRole("button", { name: "Save tour" }).click();
    await page.getByRole("heading", { name: "Lead a platform team", level: 1 }).waitFor();
    await page.getByText(format(addMonths(today, 20), "d MMM yyyy")).waitFor();

    // Reorder with the keyboard: the platform tour moves up, and focus stays with it.
    await nav.getByRole("link", { name: "Tours of duty" }).click();
    const titles = page.locator(".tour-item-title");
    await expect
      .poll(() => titles.allTextContents())
      .toEqual(["Tour 1: Early-stage growth", "Tour 2: Lead a platform team"]);
    await page.getByRole("button", { name: "Move “Lead a platform team” up" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => titles.allTextContents())
      .toEqual(["Tour 1: Lead a platform team", "Tour 2: Early-stage growth"]);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toBe("Move “Lead a platform team” down");
    await page.getByText("Moved “Lead a platform team” to position 1 of 2.").waitFor();
    await page.reload();
    await expect
      .poll(() => titles.allTextContents())
      .toEqual(["Tour 1: Lead a platform team", "Tour 2: Early-stage growth"]);
    await expectAccessibleAtBothWidths(page, "tours-list");

    // End the first tour early, with a reason.
    await page.getByRole("link", { name: /Early-stage growth/ }).click();
    await page.getByRole("heading", { name: "Early-stage growth", level: 1 }).waitFor();
    await page.getByRole("button", { name: "End early" }).click();
    const dialog = page.getByRole("dialog", { name: "End this tour early" });
    await dialog.getByRole("button", { name: "End tour early" }).click();
    await dialog.getByText(/Say why the tour ended early/).waitFor();
    await expectAccessibleAtBothWidths(page, "tour-end-early");
    await dialog
      .getByLabel("Why it ended early")
      .fill("The company was acquired and the growth team dissolved.");
    await dialog.getByRole("button", { name: "End tour early" }).click();
    await page.getByText(`Ended early on ${format(today, "d MMM yyyy")}`).waitFor();
    await page.getByText("The company was acquired and the growth team dissolved.").waitFor();
    expect(await page.locator(".tour-facts .badge").innerText()).toBe("Ended early");
    await expectAccessibleAtBothWidths(page, "tour-ended");

    // The roadmap draws both tours, the milestones and today, with a table for screen readers.
    await nav.getByRole("link", { name: "Roadmap" }).click();
    await page.getByRole("heading", { name: "Tours of duty on a timeline" }).waitFor();
    const chart = page.getByTestId("roadmap-chart");
    await expect.poll(() => chart.locator(".roadmap-bar").count()).toBe(2);
    await expect.poll(() => chart.locator(".roadmap-milestone").count()).toBe(2);
    expect(await chart.locator(".roadmap-line").count()).toBe(1);
    // Long labels wrap into several tspans; join them back into words.
    const labels = await chart
      .locator(".chart-tick")
      .evaluateAll((texts) =>
        texts.map((text) => [...text.querySelectorAll("tspan")].map((line) => line.textContent).join(" ")),
      );
    expect(labels.filter((label) => /^\d+\. /.test(label))).toEqual([
      "1. Lead a platform team",
      "2. Early-stage growth",
    ]);
    const table = page.getByRole("table", { name: /tours of duty and their milestones/ });
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(
      /Lead a platform team.*Planned.*Platform roadmap agreed, due .*, done/,
    );
    expect(await rows.nth(1).textContent()).toMatch(/Early-stage growth.*Ended early.*None/);
    await page.getByText("Where is this heading?").waitFor();
    await expectAccessibleAtBothWidths(page, "roadmap");
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await chart.locator(".roadmap-bar").count()).toBe(2);
    // On a phone the rows are numbered, the names listed above, and the whole timeline fits the screen.
    await page.locator(".roadmap-names").getByText("Lead a platform team").waitFor();
    const scrolls = await page.locator(".roadmap-scroll").evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(false);
    await page.setViewportSize({ width: 1280, height: 860 });

    // With a career plan, the skip job and North Star years are drawn as lines to aim for.
    const year = today.getFullYear();
    await page.route("**/api/plan", (route) =>
      route.fulfill({
        json: {
          northStar: {
            role: "Chief Product Officer",
            companyKind: "Consumer scale-up",
            knownFor: "Growth",
            horizonYear: year + 8,
            reachedOn: null,
          },
          skipJob: { role: "Director of product", targetYear: year + 4, needs: ["Managing managers"] },
          nextJob: { role: "Group PM", targetYear: year + 2 },
        },
      }),
    );
    await page.reload();
    await page.getByRole("heading", { name: "Heading toward" }).waitFor();
    await page.getByText(`by ${year + 4}`).waitFor();
    await expect.poll(() => chart.locator(".roadmap-line").count()).toBe(3);
    const ticks = (await chart.locator(".chart-tick").allTextContents()).filter((t) => /^\d{4}$/.test(t));
    expect(ticks.at(-1)).toBe(String(year + 9));
    await page.getByText(`North Star: Chief Product Officer, ${year + 8}.`).waitFor({ state: "attached" });
    await expectAccessibleAtBothWidths(page, "roadmap-plan");
    await page.unroute("**/api/plan");

    // Opened from an address, a tour's page, its edit page and the roadmap ask for their data while
    // their code loads, and read nothing twice.
    const { clear, repeated } = recordApiReads(page);
    const { tours } = (await (await page.request.get(`${baseUrl}/api/tours`)).json()) as {
      tours: { id: string; title: string }[];
    };
    const platform = tours.find((tour) => tour.title === "Lead a platform team");
    for (const [path, heading] of [
      [`/tours/${platform?.id}`, "Lead a platform team"],
      [`/tours/${platform?.id}/edit`, "Edit “Lead a platform team”"],
      ["/roadmap", "Roadmap"],
    ] as const) {
      clear();
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(repeated(), `reads twice on ${path}`).toEqual([]);
    }
    await page.close();
  });

  it("shows 50 tours, then the next ones with Load more, and moves a tour on the partial list", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Many Tours" });
    const statuses = await page.evaluate(async () => {
      const answers: number[] = [];
      for (let i = 1; i <= 52; i++) {
        const response = await fetch("/api/tours", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            title: `Tour number ${i}`,
            mission: "Grow",
            startsOn: `${2040 + i}-01-01`,
            endsOn: `${2040 + i}-12-31`,
          }),
        });
        answers.push(response.status);
      }
      return answers;
    });
    expect(statuses.every((status) => status === 200)).toBe(true);
    await page.goto(`${baseUrl}/tours`);
    const titles = page.locator(".tour-item-title");
    await expect.poll(() => titles.count()).toBe(50);
    const more = page.getByRole("button", { name: "Load more tours" });
    // The last tour shown can still move down, into the part not loaded yet.
    expect(await page.getByRole("button", { name: "Move “Tour number 50” down" }).isDisabled()).toBe(false);

    await page.getByRole("button", { name: "Move “Tour number 2” up" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => titles.nth(0).textContent()).toBe("Tour 1: Tour number 2");
    await page.getByText("Moved “Tour number 2” to position 1.").waitFor();
    await expectAccessibleAtBothWidths(page, "tours-partial");

    await more.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => titles.count()).toBe(52);
    await page.getByText("2 more tours loaded.").waitFor();
    expect(await more.count()).toBe(0);
    expect(await titles.nth(51).textContent()).toBe("Tour 52: Tour number 52");
    expect(await page.getByRole("button", { name: "Move “Tour number 52” down" }).isDisabled()).toBe(true);
    await page.reload();
    await expect.poll(() => titles.count()).toBe(50);
    expect(await titles.nth(1).textContent()).toBe("Tour 2: Tour number 1");
    await page.close();
  });

  it("reads the plan the same way on the roadmap and the plan page, whichever comes first", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Plan Later" });
    const today = new Date();
    const year = today.getFullYear();
    const status = await page.evaluate(
      async (body) =>
        (
          await fetch("/api/tours", {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify(body),
          })
        ).status,
      {
        title: "Run the mobile team",
        mission: "Ship the app",
        startsOn: iso(today),
        endsOn: iso(addMonths(today, 18)),
      },
    );
    expect(status).toBe(200);
    const nav = page.getByRole("navigation", { name: "Main" });

    // No plan yet: the roadmap draws the tour alone, and reads the plan into the shared cache.
    await nav.getByRole("link", { name: "Roadmap" }).click();
    await page.getByRole("heading", { name: "Tours of duty on a timeline" }).waitFor();
    const chart = page.getByTestId("roadmap-chart");
    await expect.poll(() => chart.locator(".roadmap-bar").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Heading toward" }).count()).toBe(0);

    // The plan page, in the same visit, finds that answer and shows its empty plan, not a failure.
    await nav.getByRole("link", { name: "Career plan" }).click();
    await page.getByRole("heading", { name: "No North Star yet" }).waitFor();
    expect(await page.getByText("Your plan could not be loaded").count()).toBe(0);
    await page.getByLabel("Role", { exact: true }).fill("VP of Engineering");
    await page.getByLabel("Horizon year").fill(String(year + 9));
    await page.getByLabel("Kind of company").fill("A developer-tools scale-up");
    await page.getByLabel("What you want to be known for").fill("Calm, fast teams");
    await page.getByLabel("Skip job role").fill("Director of Engineering");
    await page.getByLabel("Skip job year").fill(String(year + 5));
    await page.getByRole("button", { name: "Save plan" }).click();
    await page.getByText("Plan saved", { exact: true }).waitFor();

    // Back on the roadmap, the saved plan is drawn as the lines to aim for.
    await nav.getByRole("link", { name: "Roadmap" }).click();
    await page.getByRole("heading", { name: "Heading toward" }).waitFor();
    await page.getByText(`by ${year + 5}`).waitFor();
    await expect.poll(() => chart.locator(".roadmap-line").count()).toBe(3);
    await page.close();
  });
});
