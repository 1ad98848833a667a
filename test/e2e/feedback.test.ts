import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../src/server/modules/mail/outbox.table.ts";
import type { Sidecar } from "../../src/server/server.ts";
import {
  expectAccessibleAtBothWidths,
  openPage,
  phone,
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

async function linkMailedTo(email: string): Promise<string> {
  await sidecar.mailer.flush();
  const [mail] = await sidecar.database.db.select().from(outbox).where(eq(outbox.to, email));
  const link = mail?.text.match(/https?:\/\/\S+\/give\/\S+/)?.[0];
  if (!link) throw new Error(`no feedback link mailed to ${email}`);
  return link;
}

async function answerByApi(link: string, marker: string) {
  const response = await fetch(link.replace("/give/", "/api/give/"), {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({
      answers: {
        q1: `${marker}: keep running the weekly review.\n${marker}: your specs are clear.`,
        q2: `${marker}: start saying no sooner.`,
      },
      lanes: {
        crafting: { rating: 2, comment: `${marker}: specs miss edge cases.` },
        organizational: { rating: 3 },
        team: { rating: 2 },
      },
    }),
  });
  expect(response.status).toBe(200);
}

describe("feedback in the browser", () => {
  const tag = Date.now();
  const giverA = `giver-a-${tag}@example.test`;
  const giverB = `giver-b-${tag}@example.test`;

  it("asks for feedback, a giver answers on a phone without an account, and the receiver reads and repeats back", async () => {
    const page = await openPage(browser);
    await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Fern Receiver" });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feedback" }).click();
    await page.getByRole("heading", { name: "Feedback", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No feedback requests yet" }).waitFor();
    // A self-assessment to compare with: the results lay the givers' picture over it.
    const saved = await page.evaluate(async () => {
      const response = await fetch("/api/lanes/assessments", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          ratings: { crafting: 5, market: 3, organizational: 3, domain: 2, team: 4, growth: 3 },
        }),
      });
      return response.status;
    });
    expect(saved).toBe(200);
    await expectAccessibleAtBothWidths(page, "feedback-empty");

    await page.getByRole("link", { name: "Ask for feedback" }).click();
    await page.getByRole("heading", { name: "Ask for feedback", level: 1 }).waitFor();
    expect(await page.getByLabel("Question 1", { exact: true }).inputValue()).toBe(
      "What should I keep doing?",
    );
    await page.getByRole("button", { name: "Create request" }).click();
    await page.getByText("Say why you are asking: givers read this first").waitFor();
    await expectAccessibleAtBothWidths(page, "feedback-new-error");

    await page.getByLabel("Title").fill("Before my move to product lead");
    await page
      .getByLabel("Why you are asking")
      .fill("I am moving into a product lead role and want to know what to work on.");
    await page.getByRole("button", { name: "Remove question 3" }).click();
    for (const lane of ["Market", "Domain", "Growth"]) {
      await page.locator(".lane-checks").getByLabel(lane).uncheck();
    }
    await page.getByLabel("Responses needed before you see anything").selectOption("3");
    await page.getByRole("button", { name: "Create request" }).click();
    // The title is the heading; the purpose is the paragraph under it.
    await page.getByRole("heading", { name: "Before my move to product lead", level: 1 }).waitFor();
    await page.getByText("I am moving into a product lead role and want to know what to work on.").waitFor();
    expect(await page.getByLabel("Links to copy").inputValue()).toBe("");
    await page.getByRole("heading", { name: "0 responses of the 3 needed" }).waitFor();
    await page.getByRole("heading", { name: "Results are still sealed" }).waitFor();

    await page.getByLabel("Email addresses").fill(`${giverA}, ${giverB}`);
    await page.getByLabel("Links to copy").fill("1");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByText("Copy these links now").waitFor();
    const copied = await page.getByLabel("Link 1").inputValue();
    expect(copied).toMatch(/\/give\/[A-Za-z0-9_-]{43}$/);
    await expectAccessibleAtBothWidths(page, "feedback-request-sealed");

    // The giver: no account, a phone, a draft kept in the browser, one submission.
    const giverPage = await openPage(browser);
    await giverPage.setViewportSize(phone);
    const linkA = await linkMailedTo(giverA);
    await giverPage.goto(linkA);
    await giverPage.getByRole("heading", { name: "Fern Receiver asks for your honest feedback" }).waitFor();
    await giverPage.getByText("Your answers are anonymous").waitFor();
    await expectAccessibleAtBothWidths(giverPage, "give-open");
    await giverPage.setViewportSize(phone);
    await giverPage.getByRole("button", { name: "Send feedback" }).click();
    await giverPage.getByText("Answer at least one question before sending.").waitFor();
    await giverPage
      .getByLabel("What should I keep doing?")
      .fill("Your weekly review keeps everyone honest.\n\nThe demos too.");
    await giverPage.getByRole("button", { name: "Save draft in this browser" }).click();
    await giverPage.getByText("Draft saved in this browser only.").waitFor();
    await giverPage.reload();
    await giverPage.getByText("We restored the draft you saved in this browser.").waitFor();
    expect(await giverPage.getByLabel("What should I keep doing?").inputValue()).toContain("weekly review");
    await giverPage.locator('label[for="give-crafting-4"]').click();
    await giverPage.getByLabel("Comment on Crafting").fill("Specs are thorough.");
    await giverPage.locator('label[for="give-organizational-3"]').click();
    await giverPage.locator('label[for="give-team-2"]').click();
    await giverPage.getByRole("button", { name: "Send feedback" }).click();
    await giverPage.getByRole("heading", { name: "Thank you: your feedback is in" }).waitFor();
    await expectAccessibleAtBothWidths(giverPage, "give-sent");
    // The tab is still at this link, and going to the same address with a #fragment does not load the
    // page again: leave first, as a later visit would.
    await giverPage.goto("about:blank");
    await giverPage.goto(linkA);
    await giverPage.getByRole("heading", { name: "This link has been used" }).waitFor();
    await expectAccessibleAtBothWidths(giverPage, "give-used");
    // A link to a request that has since closed.
    const closedLink = await page.evaluate(async () => {
      const post = (path: string, body: unknown) =>
        fetch(path, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const created = await (
        await post("/api/feedback/requests", {
          purpose: "A short check-in after the offsite.",
          questions: ["What should I keep doing?"],
          closesOn: new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10),
        })
      ).json();
      const { links } = await (
        await post(`/api/feedback/requests/${created.id}/invitations`, { links: 1 })
      ).json();
      await post(`/api/feedback/requests/${created.id}/close`, {});
      return links[0] as string;
    });
    await giverPage.goto(closedLink);
    await giverPage.getByRole("heading", { name: "This request has closed" }).waitFor();
    await expectAccessibleAtBothWidths(giverPage, "give-closed");
    await giverPage.goto(`${baseUrl}/give/not-a-real-link`);
    await giverPage.getByRole("heading", { name: "This link does not work" }).waitFor();
    await expectAccessibleAtBothWidths(giverPage, "give-unknown");
    expect(await giverPage.evaluate(() => window.localStorage.length)).toBe(0);

    await answerByApi(await linkMailedTo(giverB), "second giver");
    await answerByApi(copied, "third giver");

    // The receiver: results open at k, shuffled, with nobody's name or address beside them.
    await page.reload();
    await page.getByRole("heading", { name: "At least 3 responses" }).waitFor();
    const results = page.locator("#results");
    await results.getByText("Your weekly review keeps everyone honest.").waitFor();
    await results.getByText("The demos too.").waitFor();
    const text = await results.innerText();
    expect(text).not.toContain(giverA);
    expect(text).not.toContain(giverB);
    // Each question's paragraphs in themes: a subheading with its count, biggest first, Other last.
    const keepDoingResults = page.getByRole("region", { name: "What should I keep doing?" });
    const themeHeadings = await keepDoingResults.getByRole("heading", { level: 4 }).allInnerTexts();
    expect(themeHeadings.map((heading) => heading.replace(/\s+/g, " "))).toEqual([
      "Crafting 2 paragraphs",
      "Communication 1 paragraph",
      "Other 3 paragraphs",
    ]);
    expect(await keepDoingResults.getByRole("list").count()).toBe(3);
    expect(await keepDoingResults.getByRole("listitem").count()).toBe(6);
    await page.getByTestId("lanes-radar").locator("svg").first().waitFor();
    const table = page.getByRole("table", { name: /Ratings per lane/ });
    expect(await table.getByRole("row", { name: /Crafting/ }).innerText()).toMatch(/5\s+2/);
    await page.getByText("Givers rate you well below how you rate yourself here.").first().waitFor();
    await expectAccessibleAtBothWidths(page, "feedback-results");

    // k is fixed now that answers are in; the closing date can still move.
    await page.getByText("Change the closing date", { exact: true }).click();
    expect(await page.getByLabel("Responses needed", { exact: true }).isDisabled()).toBe(true);
    const later = new Date(Date.now() + 20 * 864e5).toISOString().slice(0, 10);
    await page.getByLabel("Closing date").fill(later);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Request updated", { exact: true }).waitFor();

    const keepDoing = page.getByRole("region", { name: "What should I keep doing?" });
    await keepDoing.getByRole("button", { name: "Mark read" }).click();
    await keepDoing.getByText("Write what you heard before marking this read.").waitFor();
    await keepDoing.getByLabel(/What I heard/).fill("People rely on the weekly review; keep it.");
    await keepDoing.getByRole("button", { name: "Mark read" }).click();
    await keepDoing.getByText(/^Read /).waitFor();

    await page
      .getByLabel("Your message")
      .fill("Thank you all: I heard you, and I will keep the review going.");
    await page.getByRole("button", { name: "Send thank-you" }).click();
    await page.getByText(/You sent your thank-you on/).waitFor();
    await expectAccessibleAtBothWidths(page, "feedback-read");
    await sidecar.mailer.flush();
    const thanks = await sidecar.database.db.select().from(outbox).where(eq(outbox.to, giverA));
    expect(thanks.map((m) => m.subject)).toContain("A thank-you from Fern Receiver");

    await page.getByRole("link", { name: "← Feedback" }).click();
    await page.getByText("Results ready").waitFor();
    await page.locator(".superpower-grid").getByLabel("Storyteller").check();
    await page.getByText("casts a shadow:").waitFor();
    await page
      .getByLabel("Your response to the shadow of Storyteller")
      .fill("I will ask a detail-minded peer to review my specs.");
    await page.getByRole("button", { name: "Save superpowers" }).click();
    await page.getByText("Superpowers saved", { exact: true }).waitFor();
    await expectAccessibleAtBothWidths(page, "feedback-list");

    // The lanes page lays the givers' medians over the member's own picture.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lanes" }).click();
    await page.getByRole("heading", { name: "Lanes", level: 1 }).waitFor();
    const lanesTable = page.getByRole("table", { name: /Ratings per lane/ });
    await lanesTable.getByRole("columnheader", { name: "Feedback givers (median)" }).waitFor();
    expect(await lanesTable.getByRole("row", { name: /Crafting/ }).innerText()).toMatch(/5\s+2/);
    await page.getByRole("link", { name: "Read the feedback" }).waitFor();
    await expectAccessibleAtBothWidths(page, "lanes-with-givers");
    await page.close();
    await giverPage.close();
  });
});
