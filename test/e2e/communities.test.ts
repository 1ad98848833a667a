import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let organizer: Page;
let ada: Page;
let bea: Page;
let circleUrl = "";
let threadUrl = "";

/** A call through the API as the pages make it; answers the body. */
async function send(page: Page, method: string, path: string, body?: Record<string, unknown>) {
  const { status, json } = await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", accept: "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
  expect(status, `${method} ${path}`).toBe(200);
  return json;
}

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  organizer = await openPage(browser);
  ada = await openPage(browser);
  bea = await openPage(browser);
  await signUpInBrowser(organizer, { sidecar, baseUrl }, { name: "Olive Organizer" });
  await signUpInBrowser(ada, { sidecar, baseUrl }, { name: "Ada Applicant" });
  await signUpInBrowser(bea, { sidecar, baseUrl }, { name: "Bea Member" });
  const profile = await ada.evaluate(async () => (await fetch("/api/profile")).json());
  await send(ada, "PUT", "/api/profile", {
    name: "Ada Applicant",
    timeZone: "America/New_York",
    version: profile.version ?? 0,
  });
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

describe("a vetted circle, from application to removal", () => {
  it("starts a circle", async () => {
    await nav(organizer, "Communities").click();
    await organizer.getByRole("heading", { name: "You are in no community yet" }).waitFor();
    await expectAccessibleAtBothWidths(organizer, "communities-empty");
    await organizer.getByRole("button", { name: "Start a community" }).click();
    await organizer.getByLabel("Name").fill("CPO Circle");
    await organizer.getByLabel("Description").fill("Product leaders at mid to late-stage companies.");
    await organizer.getByLabel("Admission criteria").fill("You lead product at a company past Series B.");
    await organizer.getByLabel("Size limit").fill("20");
    await organizer
      .getByLabel("Norms members accept on joining")
      .fill("Chatham House: use what you hear, never say who said it.");
    await organizer.getByRole("button", { name: "Start it" }).click();
    await organizer.getByRole("heading", { name: "CPO Circle" }).waitFor();
    circleUrl = organizer.url();
    await organizer.getByRole("heading", { name: "No discussions yet" }).waitFor();
    await expectAccessibleAtBothWidths(organizer, "circle-organizer");
  });

  it("takes an application, admits it, and joins with the norms accepted", async () => {
    await nav(ada, "Communities").click();
    await ada.getByRole("link", { name: "CPO Circle" }).click();
    await ada.getByRole("heading", { name: "Apply" }).waitFor();
    // Nothing inside shows before joining.
    expect(await ada.getByRole("heading", { name: "Discussions" }).count()).toBe(0);
    await ada.getByLabel("How you meet the criteria").fill("I lead product at a Series C marketplace.");
    await ada.getByRole("button", { name: "Apply" }).click();
    await ada.getByText("Your application waits for the organizers").waitFor();
    await expectAccessibleAtBothWidths(ada, "circle-applied");

    await organizer.reload();
    await organizer.getByText("I lead product at a Series C marketplace.").waitFor();
    await expectAccessibleAtBothWidths(organizer, "circle-applications");
    await organizer.getByRole("button", { name: "Admit Ada Applicant" }).click();
    await organizer.getByText("Admitted: they join once they accept the norms.").waitFor();

    await ada.reload();
    await ada.getByRole("heading", { name: "Accept the norms and join" }).waitFor();
    const join = ada.getByRole("button", { name: "Join CPO Circle" });
    expect(await join.isDisabled()).toBe(true);
    await ada.getByLabel("I accept these norms and will keep them").check();
    await join.click();
    await ada.getByRole("heading", { name: "Discussions", exact: true }).waitFor();
    await expectAccessibleAtBothWidths(ada, "circle-member");
  });

  it("posts safe Markdown, and is told when mentioned", async () => {
    await ada.getByLabel("Title").fill("Hiring a head of design");
    await ada
      .getByLabel("Post (Markdown)")
      .fill("How did you **find** yours? <img src=x onerror=alert(1)> <b>raw</b>");
    await ada.getByRole("button", { name: "Post", exact: true }).click();
    await ada.getByRole("link", { name: "Hiring a head of design" }).click();
    await ada.getByRole("heading", { name: "Hiring a head of design" }).waitFor();
    threadUrl = ada.url();
    const body = ada.locator(".post-body").first();
    await body.locator("strong", { hasText: "find" }).waitFor();
    expect(await body.locator("img, b").count()).toBe(0);
    await expectAccessibleAtBothWidths(ada, "thread");

    await organizer.goto(threadUrl);
    await organizer.getByLabel("Your reply (Markdown)").fill("Ada, ask our recruiter; I will introduce you.");
    await organizer
      .getByRole("group", { name: /Mention/ })
      .getByLabel("Ada Applicant")
      .check();
    await organizer.getByRole("button", { name: "Reply" }).click();
    await organizer.getByText("Ada, ask our recruiter; I will introduce you.").waitFor();

    await ada.goto(`${baseUrl}/notifications`);
    await ada.getByText("Olive Organizer mentioned you in CPO Circle").waitFor();

    await nav(organizer, "Communities").click();
    await organizer.getByLabel("Words to find").fill("recruiter");
    await organizer.getByRole("button", { name: "Search", exact: true }).click();
    await organizer
      .getByRole("list", { name: "Search results" })
      .getByRole("link", { name: "Hiring a head of design" })
      .waitFor();
    await organizer.getByLabel("Words to find").fill("submarine");
    await organizer.getByRole("button", { name: "Search", exact: true }).click();
    await organizer.getByText("Nothing found for “submarine”.").waitFor();
  });

  it("lands on a meeting's waitlist and moves up when someone cancels", async () => {
    const circleId = new URL(circleUrl).pathname.split("/").pop() as string;
    // Bea joins the circle too, through the same steps, by the API.
    const applied = await send(bea, "POST", `/api/communities/${circleId}/applications`, {
      answers: "VP Product",
    });
    await send(
      organizer,
      "POST",
      `/api/communities/${circleId}/applications/${applied.myApplication.id}/decision`,
      {
        decision: "admit",
      },
    );
    await send(bea, "POST", `/api/communities/${circleId}/join`, { acceptNorms: true });

    await organizer.goto(circleUrl);
    await organizer.getByRole("button", { name: "Add an event" }).click();
    const form = organizer.getByRole("form", { name: "Add an event" });
    await form.getByLabel("Title").fill("Monthly dinner");
    await form.getByLabel("Where").selectOption("in_person");
    await form.getByLabel("Place").fill("The Library");
    await form.getByLabel("City", { exact: true }).fill("London");
    await form.getByLabel("Time zone").fill("Europe/London");
    await form.getByLabel("Starts").fill("2030-03-05T18:30");
    await form.getByLabel("Ends").fill("2030-03-05T21:00");
    await form.getByLabel("Capacity").fill("1");
    await form.getByRole("button", { name: "Add the event" }).click();
    await organizer.getByRole("link", { name: "Monthly dinner" }).click();
    const eventUrl = organizer.url();
    await organizer.getByRole("button", { name: "RSVP" }).click();
    await organizer.getByText("You are going.").waitFor();

    await ada.goto(eventUrl);
    // Ada is in New York: 18:30 in London (GMT in early March) is 13:30 for her (EST); the organizer's time shows too.
    await ada.getByText("5 Mar 2030, 13:30", { exact: false }).first().waitFor();
    await ada.getByText("in Europe/London, the organizer's time").waitFor();
    await ada.getByRole("button", { name: "Join the waitlist" }).click();
    await ada.getByText("You are number 1 on the waitlist: you move up").waitFor();
    await expectAccessibleAtBothWidths(ada, "event-waitlisted");

    await organizer.getByRole("button", { name: "Cancel my place" }).click();
    // The place went to Ada at once, so the meeting is full again for anyone else.
    await organizer.getByRole("button", { name: "Join the waitlist" }).waitFor();
    await ada.reload();
    await ada.getByText("You are going.").waitFor();
    await ada.goto(`${baseUrl}/notifications`);
    await ada.getByText("A place opened for you: Monthly dinner").waitFor();
  });

  it("removes a member, who loses access on their next request", async () => {
    await organizer.goto(circleUrl);
    await organizer.getByRole("button", { name: "Remove Ada Applicant" }).click();
    await organizer.getByText("Removed: they lost access at once").first().waitFor();
    await ada.goto(threadUrl);
    await ada.getByText("There is nothing with this id among the communities you belong to.").waitFor();
    await ada.goto(circleUrl);
    await ada.getByRole("heading", { name: "CPO Circle" }).waitFor();
    expect(await ada.getByRole("heading", { name: "Discussions" }).count()).toBe(0);
    await ada.goto(`${baseUrl}/notifications`);
    await ada.getByRole("heading", { name: "Notifications" }).first().waitFor();
    expect(await ada.getByText("mentioned you in CPO Circle").count()).toBe(0);
  });
});
