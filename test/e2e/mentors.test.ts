import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let mentee: Page;
let mentor: Page;

/** A change through the API as the page makes it: an edit sends back the version it read first. */
async function send(page: Page, method: string, path: string, body: Record<string, unknown>) {
  const status = await page.evaluate(
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

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  mentee = await openPage(browser);
  mentor = await openPage(browser);
  await signUpInBrowser(mentee, { sidecar, baseUrl }, { name: "Ben Mentee" });
  await signUpInBrowser(mentor, { sidecar, baseUrl }, { name: "Nora Mentor" });
  await send(mentee, "PUT", "/api/profile", {
    name: "Ben Mentee",
    timeZone: "Europe/Berlin",
    level: "senior_pm",
  });
  await send(mentee, "POST", "/api/lanes/assessments", {
    ratings: { crafting: 4, market: 3, organizational: 3, domain: 3, team: 1, growth: 2 },
    worldClassLane: "market",
  });
  await send(mentor, "PUT", "/api/profile", {
    name: "Nora Mentor",
    timeZone: "America/New_York",
    level: "vp",
  });
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

describe("finding a mentor and a request answered", () => {
  it("becomes a mentor through the profile editor", async () => {
    await nav(mentor, "My mentor profile").click();
    await mentor.getByRole("heading", { name: "Become a mentor" }).waitFor();
    await expectAccessibleAtBothWidths(mentor, "mentor-profile-new");
    await mentor.getByLabel("Headline").fill("Former VP Product; I help senior PMs lead teams");
    const lanes = mentor.getByRole("group", { name: "Lanes you can help with" });
    await lanes.getByLabel("Team").check();
    await lanes.getByLabel("Growth").check();
    await mentor
      .getByRole("group", { name: "Levels of mentee you can help" })
      .getByLabel("Senior PM")
      .check();
    await mentor.getByRole("combobox", { name: "Your time zone" }).fill("America/New_York");
    await mentor.getByRole("button", { name: "Add a weekly time" }).click();
    await mentor.getByLabel("From 1").fill("09:00");
    await mentor.getByLabel("Until 1").fill("11:00");
    await mentor.getByRole("button", { name: "Become a mentor" }).click();
    await mentor.getByRole("heading", { name: "Taking requests" }).waitFor();
    await expectAccessibleAtBothWidths(mentor, "mentor-profile-saved");
  });

  it("finds the mentor through suggestions with reasons, and sends a request", async () => {
    await nav(mentee, "Find a mentor").click();
    const card = mentee.getByRole("article", { name: "Nora Mentor" });
    await card.waitFor();
    await card.getByText("Helps with Team, one of your lowest-rated lanes (you rated it 1 of 5)").waitFor();
    await card.getByText("Mentors people at your level (Senior PM)", { exact: false }).waitFor();
    await expectAccessibleAtBothWidths(mentee, "find-a-mentor");

    await card.getByRole("link", { name: "Nora Mentor" }).click();
    await mentee.getByRole("heading", { name: "When they are available" }).waitFor();
    // A Tuesday 09:00 in New York is 15:00 (or 14:00 in the weeks between the two daylight-saving changes) in Berlin.
    await mentee.locator(".slot-list li").first().waitFor();
    const slot = await mentee.locator(".slot-list li").first().textContent();
    expect(slot).toMatch(/(14|15):00 – (16|17):00/);
    await expectAccessibleAtBothWidths(mentee, "mentor-profile-public");

    await mentee
      .getByLabel("What you want help with")
      .fill("I am about to lead two PMs for the first time and want help with letting go of the work.");
    await mentee
      .getByRole("group", { name: /Share with them/ })
      .getByLabel("Career plan")
      .check();
    await mentee.getByRole("button", { name: "Send request" }).click();
    await mentee.getByRole("heading", { name: "Your request to Nora Mentor" }).waitFor();
    await mentee.getByText("Waiting for the mentor").first().waitFor();
  });

  it("lets the mentor ask for more information, the mentee answer, and the mentor accept", async () => {
    await nav(mentor, "Requests").click();
    await mentor.getByRole("link", { name: "From Ben Mentee" }).click();
    await mentor.getByRole("heading", { name: "Ben Mentee asks you to mentor them" }).waitFor();
    await expectAccessibleAtBothWidths(mentor, "request-received");
    await mentor.getByRole("button", { name: "Ask for more information" }).click();
    await mentor.getByLabel("What do you need to know?").fill("How big is the team you will lead?");
    await mentor.getByRole("button", { name: "Send question" }).click();
    await mentor.getByText("The mentor asked for more information").first().waitFor();

    await mentee.reload();
    await mentee.getByText("How big is the team you will lead?").waitFor();
    await expectAccessibleAtBothWidths(mentee, "request-question");
    await mentee.getByLabel("Your answer").fill("Two PMs and an APM, from next month.");
    await mentee.getByRole("button", { name: "Send answer" }).click();
    await mentee.getByText("Waiting for the mentor").first().waitFor();

    await mentor.reload();
    await mentor.getByText("Two PMs and an APM, from next month.").waitFor();
    await mentor.getByRole("button", { name: "Accept" }).click();
    await mentor.getByRole("heading", { name: "Accepted" }).waitFor();
    await expectAccessibleAtBothWidths(mentor, "request-accepted");

    await mentee.reload();
    await mentee.getByRole("heading", { name: "Accepted" }).waitFor();
    await nav(mentee, "Requests").click();
    await mentee.getByRole("link", { name: "To Nora Mentor" }).waitFor();
    await expectAccessibleAtBothWidths(mentee, "requests-list");
  });

  it("expires a request left unanswered for 48 hours and points the mentee to other mentors", async () => {
    const quiet = await openPage(browser);
    await signUpInBrowser(quiet, { sidecar, baseUrl }, { name: "Quinn Quiet" });
    await send(quiet, "PUT", "/api/mentors/me", {
      headline: "Growth mentor who is rarely online",
      lanes: ["growth"],
      levels: ["senior_pm"],
      style: "craft",
      capacity: 2,
      timeZone: "Asia/Kolkata",
      weekly: [{ weekday: 1, start: "18:00", end: "19:30" }],
      responseHours: 48,
    });
    const quietId = await quiet.evaluate(
      async () => (await (await fetch("/api/me")).json()).user.id as string,
    );
    await send(mentee, "POST", "/api/mentor-requests", {
      mentorId: quietId,
      message: "Could you help me run my first pricing experiment?",
    });
    // Tests move the clock instead of waiting: the jobs run as if 49 hours had passed.
    await sidecar.jobs.runDueJobs({ at: new Date(Date.now() + 49 * 3600 * 1000) });
    await mentee.goto(`${baseUrl}/mentoring/requests`);
    await mentee.getByRole("link", { name: "To Quinn Quiet" }).click();
    await mentee.getByRole("heading", { name: "Expired unanswered" }).waitFor();
    await mentee.getByRole("link", { name: "See other mentors suggested for you" }).waitFor();
    await expectAccessibleAtBothWidths(mentee, "request-expired");
    await quiet.close();
  });

  it("logs mentoring others", async () => {
    await nav(mentor, "Mentoring others").click();
    await mentor.getByLabel("Whom you mentor").fill("Ben, a senior PM");
    await mentor
      .getByLabel("Important work of yours you handed over")
      .fill("The hiring plan for the growth team");
    await mentor.getByRole("button", { name: "Add to the log" }).click();
    await mentor.locator("strong", { hasText: "Ben, a senior PM" }).waitFor();
    await expectAccessibleAtBothWidths(mentor, "mentoring-log");
    await mentor.getByRole("button", { name: "Edit Ben, a senior PM" }).click();
    const edit = mentor.getByRole("form", { name: "Edit Ben, a senior PM" });
    await edit.getByLabel("What you help with").fill("Leading two PMs for the first time");
    await edit.getByRole("button", { name: "Save entry" }).click();
    await mentor.getByText("Leading two PMs for the first time").waitFor();
  });
});
