import type { Browser } from "playwright-core";
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

describe("two tabs on one tour", () => {
  it("shows the second save as a conflict, keeps what was typed, loads the latest and saves both changes", async () => {
    const tabA = await openPage(browser);
    await signUpInBrowser(tabA, { sidecar, baseUrl }, { name: "Two Tabs" });
    await tabA.goto(`${baseUrl}/tours/new`);
    await tabA.getByLabel("Title").fill("Grow self-serve");
    await tabA.getByLabel("Mission").fill("Take self-serve to a third of new revenue.");
    await tabA.getByRole("button", { name: "Add tour of duty" }).click();
    await tabA.getByRole("heading", { name: "Grow self-serve" }).waitFor();
    const tourId = new URL(tabA.url()).pathname.split("/").at(-1);
    const editUrl = `${baseUrl}/tours/${tourId}/edit`;

    // The same person, a second tab: same browser, same session.
    const tabB = await tabA.context().newPage();
    await tabA.goto(editUrl);
    await tabB.goto(editUrl);
    await tabA.getByLabel("Title").waitFor();
    await tabB.getByLabel("Title").waitFor();

    await tabA.getByLabel("Title").fill("Grow self-serve revenue");
    await tabA.getByRole("button", { name: "Save tour" }).click();
    await tabA.getByRole("heading", { name: "Grow self-serve revenue" }).waitFor();

    const typedInB = "Take self-serve to half of new revenue, and hire its first PM.";
    await tabB.getByLabel("Mission").fill(typedInB);
    await tabB.getByRole("button", { name: "Save tour" }).click();
    await tabB.getByText("Changed in another tab or on another device").waitFor();
    await tabB
      .getByText(/This tour was changed in another tab or by another device since you opened it/)
      .waitFor();
    expect(await tabB.getByLabel("Mission").inputValue()).toBe(typedInB);
    await expectAccessibleAtBothWidths(tabB, "tour-edit-conflict");

    await tabB.getByRole("button", { name: "Load the latest version" }).click();
    await tabB.getByText("You now have the latest version").waitFor();
    await tabB.getByText("Updated from the latest version: Title.").waitFor();
    // Tab A's title came in; what tab B typed is still there.
    expect(await tabB.getByLabel("Title").inputValue()).toBe("Grow self-serve revenue");
    expect(await tabB.getByLabel("Mission").inputValue()).toBe(typedInB);
    await expectAccessibleAtBothWidths(tabB, "tour-edit-conflict-loaded");

    await tabB.getByRole("button", { name: "Save tour" }).click();
    await tabB.getByRole("heading", { name: "Grow self-serve revenue" }).waitFor();
    await tabB.getByText(typedInB).waitFor();

    // Neither change was lost.
    const saved = await tabB.request.get(`${baseUrl}/api/tours/${tourId}`);
    expect(await saved.json()).toMatchObject({
      title: "Grow self-serve revenue",
      mission: typedInB,
      version: 3,
    });
  });
});

describe("two tabs on the email settings", () => {
  it("refuses the older page's save and says what the latest choice is, keeping what was picked", async () => {
    const tabA = await openPage(browser);
    await signUpInBrowser(tabA, { sidecar, baseUrl }, { name: "Two Settings Tabs" });
    const tabB = await tabA.context().newPage();
    // One kind's choices; the page lists every kind of notification.
    const results = (tab: typeof tabA) => tab.getByRole("group", { name: "Feedback results are ready" });
    for (const tab of [tabA, tabB]) {
      await tab.goto(`${baseUrl}/notifications/settings`);
      await results(tab)
        .getByRole("radio", { name: /Once a day, in a digest/ })
        .waitFor();
    }

    await results(tabA)
      .getByRole("radio", { name: /Once a day, in a digest/ })
      .check();
    await tabA.getByRole("button", { name: "Save email settings" }).click();
    await tabA.getByText("Email settings saved").first().waitFor();

    await results(tabB)
      .getByRole("radio", { name: /No email/ })
      .check();
    await tabB.getByRole("button", { name: "Save email settings" }).click();
    await tabB.getByText(/This set of email choices was changed in another tab/).waitFor();
    expect(
      await results(tabB)
        .getByRole("radio", { name: /No email/ })
        .isChecked(),
    ).toBe(true);

    await tabB.getByRole("button", { name: "Load the latest version" }).click();
    await tabB.getByText("You now have the latest version").waitFor();
    await tabB.getByText(/the latest version says “Once a day, in a digest”/).waitFor();
    expect(
      await results(tabB)
        .getByRole("radio", { name: /No email/ })
        .isChecked(),
    ).toBe(true);
    await expectAccessibleAtBothWidths(tabB, "email-settings-conflict-loaded");

    await tabB.getByRole("button", { name: "Save email settings" }).click();
    await tabB.getByText("Email settings saved").first().waitFor();
    const saved = await (await tabB.request.get(`${baseUrl}/api/notifications/preferences`)).json();
    expect(saved.version).toBe(2);
    expect(saved.preferences).toContainEqual(
      expect.objectContaining({ kind: "feedback_results_ready", delivery: "off" }),
    );
  });
});
