import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMatchingWorker } from "../../src/server/matching/solve-in-worker.ts";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let admin: Page;
let mentee: Page;
let mentors: Page[];
const emails: Record<string, string> = {};

async function send(page: Page, method: string, path: string, body: Record<string, unknown>) {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const headers = { "content-type": "application/json", accept: "application/json" };
      const version =
        method === "PUT"
          ? ((await (await fetch(path, { headers })).json()) as { version?: number }).version
          : undefined;
      const sent = method === "PUT" ? { ...body, version: version ?? 0 } : body;
      const response = await fetch(path, { method, headers, body: JSON.stringify(sent) });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );
  expect(answer.status, `${method} ${path}`).toBe(200);
  return answer.body;
}

const slots = [
  { weekday: 2, start: "09:00", end: "11:00" },
  { weekday: 4, start: "14:00", end: "16:00" },
];

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  admin = await openPage(browser);
  mentee = await openPage(browser);
  mentors = [await openPage(browser), await openPage(browser)];
  await signUpInBrowser(admin, { sidecar, baseUrl }, { name: "Pat Admin" });
  emails.mentee = (await signUpInBrowser(mentee, { sidecar, baseUrl }, { name: "Ben Mentee" })).email;
  await send(mentee, "PUT", "/api/profile", { name: "Ben Mentee", timeZone: "UTC", level: "pm" });
  for (const [k, page] of mentors.entries()) {
    const name = k === 0 ? "Nora Mentor" : "Omar Mentor";
    emails[`mentor${k}`] = (await signUpInBrowser(page, { sidecar, baseUrl }, { name })).email;
    await send(page, "PUT", "/api/profile", { name, timeZone: "UTC", level: "group_pm" });
  }
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
  await closeMatchingWorker();
});

const csv = (extra: string) =>
  [
    "email,name,role,manager_email,capacity",
    `${emails.mentee},Ben Mentee,mentee,,`,
    `${emails.mentor0},Nora Mentor,mentor,,2`,
    `${emails.mentor1},Omar Mentor,mentor,,2`,
    extra,
  ].join("\n");

describe("a program admin matches a cohort; a participant reads why", () => {
  it("starts a program and a cohort", async () => {
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programs" }).click();
    await admin.getByRole("heading", { name: "You run no program yet" }).waitFor();
    await expectAccessibleAtBothWidths(admin, "programs-empty");
    await admin.getByLabel("Program name").fill("Product mentoring");
    await admin.getByRole("button", { name: "Start the program" }).click();
    await admin.getByRole("heading", { name: "Product mentoring" }).waitFor();
    await admin.getByLabel("Cohort name").fill("Spring cohort");
    await admin.getByLabel("First day").fill("2026-03-02");
    await admin.getByLabel("Last day").fill("2026-06-30");
    await admin.getByRole("button", { name: "Add the cohort" }).click();
    await admin.getByRole("link", { name: "Spring cohort" }).click();
    await admin.getByRole("heading", { name: "Spring cohort" }).waitFor();
  });

  it("previews a CSV whose bad rows are explained by line and column, then imports the fixed file", async () => {
    const file = admin.getByLabel("CSV file");
    await file.setInputFiles({
      name: "cohort.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv("not-an-email,Broken,mentee,,\nsam@example.test,Sam,coach,,")),
    });
    await admin.getByRole("button", { name: /^Preview/ }).click();
    const problems = admin.getByRole("table").filter({ hasText: "Problem" });
    await problems.getByRole("row", { name: /5 email/ }).waitFor();
    await expect(problems.getByRole("row", { name: /6 role Enter mentee or mentor/ }).count()).resolves.toBe(
      1,
    );
    await expectAccessibleAtBothWidths(admin, "cohort-import-errors");
    await file.setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(csv("")) });
    await admin.getByRole("button", { name: /^Preview/ }).click();
    await admin.getByRole("button", { name: "Import 3 participants" }).click();
    await admin.getByText("3 invited by email").waitFor();
    await admin.getByRole("cell", { name: /Nora Mentor/ }).waitFor();
  });

  it("lets participants join with their own data and a few answers", async () => {
    await mentee.goto(`${baseUrl}/programs/mine`);
    await mentee.getByRole("heading", { name: /Product mentoring: Spring cohort/ }).waitFor();
    await mentee.getByLabel("Your goals, one a line").fill("Lead a team");
    await mentee.getByLabel("Time zone of your availability").fill("UTC");
    await expectAccessibleAtBothWidths(mentee, "program-join");
    await mentee.getByRole("button", { name: "Join the cohort" }).click();
    await mentee.getByText("You joined.").waitFor();
    for (const page of mentors) {
      const places = await page.evaluate(
        async () => (await (await fetch("/api/my-programs")).json()).participations,
      );
      await send(page, "POST", `/api/my-programs/${places[0].id}/join`, {
        questionnaire: {
          goals: ["Lead a team"],
          stages: [],
          markets: [],
          level: null,
          timeZone: "UTC",
          availability: slots,
          lanes: [],
        },
      });
    }
  });

  it("sets weights and rules, runs matching, and reads why a pair was made", async () => {
    await admin.reload();
    await admin.getByLabel("Lanes").fill("5");
    await admin.getByRole("button", { name: "Save criteria and rules" }).click();
    await admin.getByText(/With the saved rules: 2 of 2 pairs allowed/).waitFor();
    await admin.getByRole("button", { name: "Run matching" }).click();
    await admin.getByText("Proved optimal").waitFor({ timeout: 60_000 });
    await admin.getByText("Greedy: total score").waitFor();
    const pair = admin.locator("details.program-pair").first();
    await pair.locator("summary").click();
    await pair.getByText(/Time zone/).waitFor();
    await expectAccessibleAtBothWidths(admin, "cohort-matched");
  });

  it("forbids the pair with a reason, re-solves around it, and publishes", async () => {
    const summary = await admin.locator("details.program-pair summary").first().innerText();
    const firstMentor = summary.includes("Nora") ? "Nora" : "Omar";
    const pair = admin.locator("details.program-pair").first();
    await pair.getByRole("button", { name: "Forbid" }).click();
    await pair.getByLabel("Forbid this pair: why?").fill("They already work together");
    await pair.getByRole("button", { name: "Forbid this pair" }).click();
    await admin.getByText(/They already work together/).waitFor();
    await admin.getByRole("button", { name: "Run matching again" }).click();
    const other = firstMentor === "Nora" ? "Omar" : "Nora";
    await admin
      .locator("details.program-pair summary", { hasText: `Ben Mentee with ${other}` })
      .waitFor({ timeout: 60_000 });
    await admin.getByRole("button", { name: "Publish the pairs" }).click();
    await admin.getByText(/Published on/).waitFor();
    await admin.getByText("Matches made").waitFor();
    await admin.getByRole("figure", { name: /per week/ }).waitFor();
    await expectAccessibleAtBothWidths(admin, "cohort-published");
  });

  it("shows the participant their match and why", async () => {
    await mentee.reload();
    await mentee.getByRole("heading", { name: /Your mentor: (Nora|Omar) Mentor/ }).waitFor();
    await mentee.getByText("Why you were matched:").waitFor();
    await mentee.getByRole("button", { name: "Confirm this match" }).click();
    await mentee.getByText("You confirmed this match").waitFor();
    await expectAccessibleAtBothWidths(mentee, "program-match");
  });
});
