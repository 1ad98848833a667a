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

type Role = {
  company: string;
  title: string;
  startsOn: string;
  endsOn?: string;
  stage: string;
  market: string;
  vantage: string;
  work: string[];
  people: string;
  logo?: boolean;
};

async function fillRole(page: Page, role: Role) {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Company", { exact: true }).fill(role.company);
  await dialog.getByLabel("Title").fill(role.title);
  await dialog.getByLabel("Started").fill(role.startsOn);
  await dialog.getByLabel("Ended").fill(role.endsOn ?? "");
  await dialog.getByLabel("Company stage").selectOption({ label: role.stage });
  await dialog.getByLabel("Market").selectOption({ label: role.market });
  await dialog.getByLabel("Vantage point").selectOption({ label: role.vantage });
  for (const work of role.work) await dialog.getByRole("checkbox", { name: work }).check();
  await dialog.getByLabel("People managed").fill(role.people);
  if (role.logo) await dialog.getByRole("checkbox", { name: /well-known logo/ }).check();
}

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();

describe("the experience portfolio and next level in the browser", () => {
  it("adds roles, shows the coverage grid and missions, and keeps next-level ticks", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Portia Folio" });

    await nav(page, "Portfolio");
    await page.getByRole("heading", { name: "Experience portfolio", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No roles yet" }).waitFor();
    expect(await page.locator(".portfolio-gap").count()).toBe(0);
    await expectAccessibleAtBothWidths(page, "portfolio-empty");

    await page.getByRole("button", { name: "Add your first role" }).click();
    await fillRole(page, {
      company: "Acme",
      title: "Product manager",
      startsOn: "2019-03-01",
      endsOn: "2018-12-31",
      stage: "Smoke to fire",
      market: "Consumer",
      vantage: "Inside the building",
      work: ["Feature work"],
      people: "0",
    });
    await page.getByRole("button", { name: "Add role" }).click();
    await page.getByText("The end date is before the start date: check both dates").waitFor();
    expect(await page.getByLabel("Ended").getAttribute("aria-invalid")).toBe("true");
    await expectAccessibleAtBothWidths(page, "portfolio-role-error");
    await page.getByLabel("Ended").fill("2021-08-31");
    await page.getByRole("button", { name: "Add role" }).click();
    await page.getByText("Role added", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Product manager at Acme" }).waitFor();

    await page.getByRole("button", { name: "Add a role" }).click();
    await fillRole(page, {
      company: "Globex",
      title: "Senior PM",
      startsOn: "2021-09-01",
      stage: "Fire to great",
      market: "Business-to-business",
      vantage: "Outside the building",
      work: ["Growth work", "Scaling work"],
      people: "2",
      logo: true,
    });
    await expectAccessibleAtBothWidths(page, "portfolio-role-form");
    await page.getByRole("button", { name: "Add role" }).click();
    await page.getByRole("heading", { name: "Senior PM at Globex" }).waitFor();
    await page.getByText("Your roles cover 7 of 15 combinations of experience.").waitFor();
    // The current role comes first.
    const titles = await page.locator(".portfolio-role-title").allInnerTexts();
    expect(titles).toEqual(["Senior PM at Globex", "Product manager at Acme"]);

    const grid = page.getByRole("table", { name: "Company stage and kind of work" });
    const smokeRow = grid.getByRole("row", { name: /Smoke to fire/ });
    const cells = await smokeRow.getByRole("cell").allInnerTexts();
    expect(cells.map((text) => text.replace(/\s+/g, " ").trim())).toEqual([
      "Covered by Product manager at Acme",
      "Not yet",
      "Not yet",
    ]);
    const markets = page.getByRole("table", { name: "Market and vantage point" });
    expect(
      (
        await markets
          .getByRole("row", { name: /Business-to-business/ })
          .getByRole("cell")
          .allInnerTexts()
      ).map((t) => t.replace(/\s+/g, " ").trim()),
    ).toEqual(["Not yet", "Covered by Senior PM at Globex"]);
    const singles = page.getByRole("table", { name: "People and name" });
    expect(await singles.getByRole("row", { name: /Managing people/ }).innerText()).toMatch(
      /Covered\s+by Senior PM at Globex/,
    );

    const gaps = page.locator(".portfolio-gap");
    await expect.poll(() => gaps.count()).toBe(8);
    expect(await gaps.first().innerText()).toMatch(/Biggest gap\s+Do growth work at a smoke-to-fire company/);
    const tourLink = gaps.first().getByRole("link", { name: /Turn into a tour/ });
    const href = (await tourLink.getAttribute("href")) ?? "";
    const target = new URL(href, baseUrl);
    expect(target.pathname).toBe("/tours/new");
    expect(target.searchParams.get("mission")).toBe("Do growth work at a smoke-to-fire company");
    expect(target.searchParams.get("experiences")).toBe("stage:smoke_to_fire,work:growth");
    await expectAccessibleAtBothWidths(page, "portfolio-two-roles");

    await nav(page, "Next level");
    await page.getByRole("heading", { name: "Set your level first" }).waitFor();
    await expectAccessibleAtBothWidths(page, "next-level-no-level");
    await page.getByRole("link", { name: "Set your level on your profile" }).click();
    await page.getByRole("heading", { name: "Profile", level: 1 }).waitFor();
    await page.getByLabel("Current level").selectOption("senior_pm");
    await page.getByRole("button", { name: /Save/ }).click();
    await page.getByText("Profile saved", { exact: true }).waitFor();

    await nav(page, "Next level");
    await page.getByRole("heading", { name: "Breadth across the business" }).waitFor();
    await page
      .getByText(/Senior PM to Group PM \/ product lead: the step from running one product well/)
      .waitFor();
    await page.getByText("Growth work: in your portfolio, from Senior PM at Globex.").waitFor();
    await page.getByText("Scaling work: in your portfolio, from Senior PM at Globex.").waitFor();
    const mentoring = page.getByRole("checkbox", { name: "Mentoring at least one PM regularly" });
    expect(await mentoring.isChecked()).toBe(false);
    // The tick is saved before the box settles, so wait for what the saved tick shows.
    await mentoring.click();
    await page.getByText(/^Done on /).waitFor();
    expect(await mentoring.isChecked()).toBe(true);
    await page.getByText("1 of 7", { exact: true }).waitFor();
    await expectAccessibleAtBothWidths(page, "next-level-ticked");
    await page.reload();
    await page.getByRole("heading", { name: "Lead a team through others" }).waitFor();
    expect(
      await page.getByRole("checkbox", { name: "Mentoring at least one PM regularly" }).isChecked(),
    ).toBe(true);
    expect(await page.getByText(/^Done on /).count()).toBe(1);

    // With a level set, the missions the next level asks for explain why they come first.
    await nav(page, "Portfolio");
    await page.getByText("The step to Group PM / product lead asks for this: Growth work.").first().waitFor();

    await page.getByRole("button", { name: "Delete Product manager at Acme" }).click();
    await page.getByRole("dialog", { name: "Delete this role?" }).waitFor();
    await expectAccessibleAtBothWidths(page, "portfolio-delete");
    await page.getByRole("button", { name: "Delete role" }).click();
    await page.getByText("Role deleted", { exact: true }).waitFor();
    await expect.poll(() => page.locator(".portfolio-role").count()).toBe(1);
    await page.getByText("Your roles cover 5 of 15 combinations of experience.").waitFor();
    await page.close();
  });
});
