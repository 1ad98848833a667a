import { readFileSync } from "node:fs";
import { TZDate } from "@date-fns/tz";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { readCalendar } from "../engagements.ts";
import { mentorBody } from "../mentors.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let mentee: Page;
let mentor: Page;
let second: Page;

/** A call to the API from the page, with its session, as a setup step the pages of other modules own. */
async function api(page: Page, method: string, path: string, body?: Record<string, unknown>) {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const headers = { "content-type": "application/json", accept: "application/json" };
      const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBe(200);
  return answer.json;
}

const clock = (instant: Date, zone: string) => {
  const t = new TZDate(instant.getTime(), zone);
  return `${String(t.getHours()).padStart(2, "0")}:${String(t.getMinutes()).padStart(2, "0")}`;
};

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  mentee = await openPage(browser);
  mentor = await openPage(browser);
  second = await openPage(browser);
  await signUpInBrowser(mentee, { sidecar, baseUrl }, { name: "Ben Mentee" });
  await signUpInBrowser(mentor, { sidecar, baseUrl }, { name: "Nora Mentor" });
  await signUpInBrowser(second, { sidecar, baseUrl }, { name: "Omar Mentor" });
  for (const [page, name, timeZone, level] of [
    [mentee, "Ben Mentee", "Europe/Berlin", "senior_pm"],
    [mentor, "Nora Mentor", "America/New_York", "vp"],
  ] as const) {
    const { version } = await api(page, "GET", "/api/profile");
    await api(page, "PUT", "/api/profile", { name, timeZone, level, version });
  }
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
  await api(mentor, "PUT", "/api/mentors/me", {
    ...mentorBody({ weekly: everyDay, urgentCalls: true, lanes: ["market", "team"] }),
    version: 0,
  });
  await api(second, "PUT", "/api/mentors/me", {
    ...mentorBody({
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
      urgentCalls: true,
      lanes: ["domain"],
    }),
    version: 0,
  });
  const mentorId = (await api(mentor, "GET", "/api/me")).user.id;
  const request = await api(mentee, "POST", "/api/mentor-requests", {
    mentorId,
    message: "I want help moving from senior PM to product lead.",
  });
  await api(mentor, "POST", `/api/mentor-requests/${request.id}/accept`, {});
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

describe("an engagement from the accepted request to close-out", () => {
  let engagementUrl = "";

  it("starts from the accepted request, and both accept the agreement", async () => {
    await nav(mentee, "Engagements").click();
    await mentee.getByRole("button", { name: "Start the engagement" }).click();
    await mentee.getByRole("link", { name: "Mentored by Nora Mentor" }).click();
    await mentee.getByRole("heading", { name: "Mentored by Nora Mentor" }).waitFor();
    engagementUrl = mentee.url().replace(baseUrl, "");
    await mentor.goto(`${baseUrl}${engagementUrl}`);
    await mentor.getByRole("heading", { name: "Mentoring Ben Mentee" }).waitFor();
    await mentor.getByLabel("Goals").fill("Move from senior PM to product lead within a year.");
    await mentor.getByRole("button", { name: "Save changes" }).click();
    await mentor.getByText("Agreement proposed").first().waitFor();
    await mentor.getByRole("button", { name: "Accept the agreement" }).click();
    await mentor.getByText("You accepted these terms.").waitFor();
    await expectAccessibleAtBothWidths(mentor, "engagement-agreement");
    await mentee.reload();
    await mentee.getByRole("button", { name: "Accept the agreement" }).click();
    await mentee.getByRole("heading", { name: "Intake" }).waitFor();
  });

  it("runs the intake with the shared lanes, and writes the plan", async () => {
    await mentor.reload();
    await mentor
      .getByLabel("Your intake questions, one per line")
      .fill("What would make this year a success?");
    await mentor.getByRole("button", { name: "Save questions" }).click();
    await mentor.getByText("Intake questions saved").first().waitFor();
    await mentee.reload();
    await mentee.getByLabel("What would make this year a success?").fill("Leading a team of PMs.");
    await mentee.getByLabel("My lanes self-assessment").check();
    await mentee.getByRole("button", { name: "Save intake" }).click();
    await mentee.getByText("Intake answered").first().waitFor();
    await mentor.reload();
    await mentor.getByRole("link", { name: "Lanes" }).first().waitFor();
    await mentee.getByRole("textbox", { name: "Goal", exact: true }).fill("Lead a team through others");
    await mentee.getByRole("textbox", { name: "Measure" }).fill("Two PMs report to me by June");
    await mentee.getByRole("combobox", { name: "Lane" }).selectOption("team");
    await mentee.getByRole("button", { name: "Save the plan" }).click();
    await mentee.getByText("Revision 1").waitFor();
  });

  it("books two sessions across time zones, with calendar files that name the same instant", async () => {
    const slots = mentee.getByRole("list", { name: "Free times" }).getByRole("listitem");
    for (let n = 0; n < 2; n++) {
      const first = slots.first();
      const mine = (await first.locator("strong").textContent()) ?? "";
      expect(mine).toContain("(Europe/Berlin)");
      expect(await first.textContent()).toContain("(America/New_York)");
      await first.getByRole("button", { name: "Book at the start" }).click();
      await mentee.getByText("Session booked").first().waitFor();
      await mentee.getByRole("list", { name: "Booked sessions" }).getByRole("listitem").nth(n).waitFor();
    }
    const booked = mentee.getByRole("list", { name: "Booked sessions" }).getByRole("listitem");
    expect(await booked.count()).toBe(2);
    for (let n = 0; n < 2; n++) {
      const item = booked.nth(n);
      const berlin = /(\d\d:\d\d) \(Europe\/Berlin\)/.exec((await item.textContent()) ?? "")?.[1];
      const newYork = /(\d\d:\d\d) \(America\/New_York\)/.exec((await item.textContent()) ?? "")?.[1];
      const [download] = await Promise.all([
        mentee.waitForEvent("download"),
        item.getByRole("button", { name: "Calendar file" }).click(),
      ]);
      const file = readCalendar(readFileSync((await download.path()) as string, "utf8"));
      expect(file).toMatchObject({ method: "REQUEST", sequence: 0, utc: true });
      expect(clock(file.start, "Europe/Berlin")).toBe(berlin);
      expect(clock(file.start, "America/New_York")).toBe(newYork);
    }
    const mail = await sidecar.database.db.query.outbox.findMany();
    const files = mail.filter((m) => m.attachments?.length).map((m) => m.to);
    expect(files.length).toBe(4);
    await expectAccessibleAtBothWidths(mentee, "engagement-sessions");
  });

  it("keeps a private note private, shares another, and the mentee owns the actions", async () => {
    await mentee.getByLabel("Note", { exact: true }).fill("Private: I am afraid to ask for the team.");
    await mentee.getByRole("button", { name: "Save note" }).click();
    await mentee.getByText("You · Private to you").waitFor();
    await mentor.reload();
    await mentor.getByLabel("Note", { exact: true }).fill("Read chapter 3 of High Output Management.");
    await mentor.getByLabel("Share this note with Ben Mentee").check();
    await mentor.getByRole("button", { name: "Save note" }).click();
    await mentor.getByText("Note saved").first().waitFor();
    await mentor.getByLabel("Suggest an action").fill("Write your one-page strategy");
    await mentor.getByRole("button", { name: "Suggest it" }).click();
    await mentor.getByText("Suggested by the mentor").waitFor();
    expect(await mentor.getByText("afraid to ask").count()).toBe(0);
    await mentee.reload();
    await mentee.getByText("Read chapter 3 of High Output Management.").waitFor();
    const actions = mentee.getByRole("list", { name: "Actions" });
    await actions.getByRole("button", { name: "Commit" }).click();
    await actions.getByRole("button", { name: "Done", exact: true }).click();
    await actions.getByText("Done", { exact: true }).waitFor();
  });

  it("moves a session in the form, and a move from a stale page shows the conflict notice", async () => {
    await mentor.reload();
    const mentorSessions = mentor.getByRole("list", { name: "Booked sessions" }).getByRole("listitem");
    // The mentor starts moving the first session while the mentee moves it first.
    await mentorSessions.first().getByRole("button", { name: "Move" }).click();
    await mentorSessions.first().getByLabel("New time").selectOption({ index: 3 });
    const menteeSessions = mentee.getByRole("list", { name: "Booked sessions" }).getByRole("listitem");
    const before = (await menteeSessions.first().locator("strong").textContent()) ?? "";
    await menteeSessions.first().getByRole("button", { name: "Move" }).click();
    await menteeSessions.first().getByLabel("New time").selectOption({ index: 1 });
    await menteeSessions.first().getByLabel("Note to the other person").fill("A customer visit moved.");
    await menteeSessions.first().getByRole("button", { name: "Move the session" }).click();
    await mentee.getByText("Session moved").first().waitFor();
    const moved = mentee.getByRole("list", { name: "Booked sessions" }).getByRole("listitem");
    const after = await moved.allTextContents();
    expect(after.join(" ")).not.toContain(before);
    const mail = await sidecar.database.db.query.outbox.findMany();
    const files = mail
      .filter((m) => m.subject.includes("moved to"))
      .map((m) => readCalendar(m.attachments?.[0]?.content ?? ""));
    expect(files.map((f) => f.sequence)).toEqual([1, 1]);
    await expectAccessibleAtBothWidths(mentee, "engagement-session-moved");
    // The mentor's form was based on the session before the move: saving says so, and offers the latest.
    await mentorSessions.first().getByRole("button", { name: "Move the session" }).click();
    await mentor.getByText("Changed in another tab or on another device").waitFor();
    await mentor.getByRole("button", { name: "Load the latest version" }).click();
    await mentor.getByText("You now have the latest version").waitFor();
    await expectAccessibleAtBothWidths(mentor, "engagement-session-conflict");
    await mentor.getByRole("button", { name: "Move the session" }).click();
    await mentor.getByText("Session moved").first().waitFor();
  });

  it("lets the mentee share a decision, the mentor comment, and the journal show which engagement helped", async () => {
    const decision = await api(mentee, "POST", "/api/decisions", {
      dilemma: "Take the platform team or stay on growth?",
      options: [
        { label: "Take the platform team", servesSkipJob: "Leading through others" },
        { label: "Stay on growth", servesSkipJob: "A deeper growth lane" },
      ],
      decision: "Take the platform team",
      reason: "It is the team the product lead role needs.",
      decidedOn: new Date().toISOString().slice(0, 10),
      revisitOn: null,
    });
    await mentee.reload();
    const decisions = mentee.locator("#decisions");
    await decisions.getByLabel("A decision from your journal").selectOption(decision.id);
    await decisions.getByRole("button", { name: "Share with Nora Mentor" }).click();
    await mentee.getByText("Shared with Nora Mentor, read-only").first().waitFor();
    await decisions.getByRole("list", { name: "Shared decisions" }).getByText(decision.dilemma).waitFor();
    await mentor.reload();
    const shared = mentor.getByRole("list", { name: "Shared decisions" });
    await shared.getByText(decision.dilemma).waitFor();
    await shared.getByText("Take the platform team", { exact: false }).first().waitFor();
    await shared.getByLabel("Your comment").fill("Who will you hand growth over to, and when?");
    await shared.getByRole("button", { name: "Comment" }).click();
    await mentor.getByText("Comment sent to Ben Mentee").first().waitFor();
    await shared
      .getByRole("list", { name: "Comments" })
      .getByText("Who will you hand growth over to, and when?")
      .waitFor();
    expect(await shared.getByLabel("Your comment").inputValue()).toBe("");
    // The decision stays the mentee's: the mentor has no way to change it.
    expect(await shared.getByRole("link", { name: "Open in your journal" }).count()).toBe(0);
    await expectAccessibleAtBothWidths(mentor, "engagement-decisions-mentor");
    const notices = await api(mentee, "GET", "/api/notifications");
    expect(JSON.stringify(notices)).toContain("Nora Mentor commented on a decision you shared");
    await mentee.goto(`${baseUrl}/decisions`);
    await mentee.getByText("Discussed with Nora Mentor in your engagement").first().waitFor();
    await expectAccessibleAtBothWidths(mentee, "decision-journal-discussed");
    await mentee.getByRole("link", { name: decision.dilemma }).click();
    const discussions = mentee.locator("#decision-discussions");
    await discussions.getByText("Discussed with Nora Mentor in your engagement").waitFor();
    await discussions.getByText("Who will you hand growth over to, and when?").waitFor();
    await expectAccessibleAtBothWidths(mentee, "decision-discussed");
    await mentee.goto(`${baseUrl}${engagementUrl}`);
    await mentee.getByRole("heading", { name: "Mentored by Nora Mentor" }).waitFor();
    await expectAccessibleAtBothWidths(mentee, "engagement-decisions-mentee");
    // The plan's goal pickers read the next level too; the next-level page, opened after them in the
    // same visit, finds the whole answer in the cache rather than the pickers' list.
    await mentee.waitForLoadState("networkidle");
    await nav(mentee, "Next level").click();
    await mentee.getByRole("heading", { name: "Next level", level: 1 }).waitFor();
    await mentee.waitForLoadState("networkidle");
    expect(await mentee.getByText("Your next level could not be loaded").count()).toBe(0);
    await mentee.goto(`${baseUrl}${engagementUrl}`);
    await mentee.getByRole("heading", { name: "Mentored by Nora Mentor" }).waitFor();
  });

  it("revises the plan with its reason, and closes with reviews revealed once both are in", async () => {
    await mentee
      .getByLabel("Why the plan changes")
      .fill("The team goal is on track; visibility is the gap now.");
    await mentee.getByRole("button", { name: "Save revision" }).click();
    await mentee.getByText("Revision 2").waitFor();
    await mentee.getByText("Why: The team goal is on track; visibility is the gap now.").waitFor();
    await mentor.reload();
    await mentor.getByRole("button", { name: "Begin the close-out" }).click();
    await mentor.getByRole("textbox", { name: "Your review" }).fill("Ben did every action he chose.");
    await mentor.getByRole("button", { name: "Save review" }).click();
    await mentor.getByText("The other review is not in yet.").waitFor();
    await mentee.reload();
    await mentee.getByText("The other review is in; it shows once yours is.").waitFor();
    expect(await mentee.getByText("Ben did every action").count()).toBe(0);
    await mentee.getByRole("textbox", { name: "Your review" }).fill("Nora asked the questions I avoided.");
    await mentee.getByLabel("The mentor's profile may quote my review").check();
    await mentee.getByRole("button", { name: "Save review" }).click();
    await mentee.getByText("Nora Mentor's review: 5 of 5. “Ben did every action he chose.”").waitFor();
    await mentor.reload();
    await mentor.getByText("Ben Mentee's review: 5 of 5. “Nora asked the questions I avoided.”").waitFor();
    await expectAccessibleAtBothWidths(mentor, "engagement-closed");
  });
});

describe("911 calls", () => {
  it("is taken within the promise and ends in a booked talk", async () => {
    await nav(mentee, "911 calls").click();
    await mentee.getByLabel("Topic").selectOption("market");
    await mentee
      .getByLabel("The dilemma and what you must decide")
      .fill("An offer expires Friday: take it or stay?");
    await mentee.getByRole("button", { name: "Post the call" }).click();
    await mentee.getByText("reached 1 mentors").waitFor();
    await mentor.goto(`${baseUrl}/urgent-calls`);
    await mentor.getByRole("button", { name: "Take this call" }).click();
    await mentor.getByText("You took the call").first().waitFor();
    await mentee.reload();
    await mentee.getByText("taken by Nora Mentor").waitFor();
    await mentee.getByRole("button", { name: "Book a talk in two hours" }).click();
    await mentee.getByText(/^Talk: /).waitFor();
    await expectAccessibleAtBothWidths(mentee, "urgent-call-taken");
  });

  it("widens to more mentors when nobody accepts within the promise, and says so", async () => {
    await mentee.getByLabel("Topic").selectOption("team");
    await mentee.getByLabel("What is it").selectOption("layoff");
    await mentee
      .getByLabel("The dilemma and what you must decide")
      .fill("Laid off today; severance deadline Monday.");
    await mentee.getByRole("button", { name: "Post the call" }).click();
    await mentee.getByText(/Waiting for a mentor/).waitFor();
    // Two hours pass without an answer.
    await sidecar.jobs.runDueJobs({ at: new Date(Date.now() + 2 * 3600_000 + 60_000) });
    await mentee.reload();
    await mentee.getByText("widened beyond the topic").waitFor();
    await second.goto(`${baseUrl}/urgent-calls`);
    await second.getByRole("button", { name: "Take this call" }).click();
    await second.getByText("You took the call").first().waitFor();
  });
});
