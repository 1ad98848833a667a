import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/server/auth/auth.table.ts";
import { loadAuthSecret } from "../../src/server/db/instance-settings.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { unsubscribeToken } from "../../src/server/modules/notifications/unsubscribe-token.ts";
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

describe("notifications in the browser", () => {
  it("shows the unread count in the header, the inbox, the email settings and the unsubscribe page", async () => {
    const page = await openPage(browser);
    const { email } = await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Bell Ringer" });
    const [user] = await sidecar.database.db.select().from(users).where(eq(users.email, email));
    const userId = user?.id as string;

    const bell = page.getByRole("banner").getByRole("link", { name: /^Notifications/ });
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, none unread");
    await bell.click();
    await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No notifications yet" }).waitFor();
    await expectAccessibleAtBothWidths(page, "notifications-empty");

    const db = sidecar.database.db;
    await db.insert(notifications).values([
      {
        id: `e2e-${userId}-1`,
        userId,
        kind: "feedback_results_ready",
        title: "An older one, already read",
        body: "Nothing new here.",
        link: "/feedback",
        email: "none",
        readAt: new Date(),
        createdAt: new Date(Date.now() - 3 * 86_400_000),
      },
      {
        id: `e2e-${userId}-2`,
        userId,
        kind: "feedback_results_ready",
        title: "Enough responses are in for your feedback request",
        body: "You can now read what people said about “How do I come across in reviews?”.",
        link: "/feedback",
        email: "none",
        createdAt: new Date(Date.now() - 86_400_000),
      },
      {
        id: `e2e-${userId}-3`,
        userId,
        kind: "feedback_results_ready",
        title: "Enough responses are in for your second request",
        body: "You can now read what people said.",
        link: "/feedback",
        email: "none",
      },
    ]);
    await page.reload();
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 2 unread");
    expect(await bell.innerText()).toContain("2");
    const items = page.locator(".notification-item");
    await expect.poll(() => items.count()).toBe(3);
    expect(await page.locator(".notification-item[data-unread]").count()).toBe(2);
    expect(await items.first().innerText()).toContain("Enough responses are in for your second request");
    await page.getByText("2 unread.").waitFor();
    await expectAccessibleAtBothWidths(page, "notifications-inbox");

    await page
      .getByRole("button", { name: "Mark “Enough responses are in for your second request” read" })
      .click();
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
    await expect.poll(() => page.locator(".notification-item[data-unread]").count()).toBe(1);

    // Following a notification marks it read and opens what it is about.
    await page.getByRole("link", { name: "Enough responses are in for your feedback request" }).click();
    await page.getByRole("heading", { name: "Feedback", level: 1 }).waitFor();
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, none unread");

    await db.insert(notifications).values({
      id: `e2e-${userId}-4`,
      userId,
      kind: "feedback_results_ready",
      title: "One more",
      body: "",
      email: "none",
    });
    await bell.click();
    await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, none unread");
    await page.getByText("All read.").waitFor();

    await page.getByRole("link", { name: "Email settings" }).click();
    await page.getByRole("heading", { name: "Email settings", level: 1 }).waitFor();
    const choices = page.getByRole("group", { name: "Feedback results are ready" });
    expect(await choices.getByLabel(/Email me each time/).isChecked()).toBe(true);
    await page.getByText("Always on").first().waitFor();
    await expectAccessibleAtBothWidths(page, "notification-settings");
    await choices.getByLabel(/Once a day, in a digest/).check();
    await page.getByRole("button", { name: "Save email settings" }).click();
    await page.getByText("Email settings saved", { exact: true }).waitFor();
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole("group", { name: "Feedback results are ready" })
          .getByLabel(/digest/)
          .isChecked(),
      )
      .toBe(true);

    // The link in an email works without signing in.
    const secret = await loadAuthSecret(db, undefined);
    const token = unsubscribeToken(secret, userId, "feedback_results_ready");
    const stranger = await openPage(browser);
    await stranger.goto(`${baseUrl}/unsubscribe/${token}`);
    await stranger.getByRole("heading", { name: "Stop these emails?" }).waitFor();
    await stranger.getByText("emails about “Feedback results are ready”").waitFor();
    await expectAccessibleAtBothWidths(stranger, "unsubscribe-confirm");
    await stranger.getByRole("button", { name: "Unsubscribe" }).click();
    await stranger.getByRole("heading", { name: "You're unsubscribed" }).waitFor();
    await stranger.getByText(/open Notifications → Email settings/).waitFor();
    await expectAccessibleAtBothWidths(stranger, "unsubscribe-done");

    await stranger.goto(`${baseUrl}/unsubscribe/not-a-real-token`);
    await stranger.getByRole("heading", { name: "This link didn't work" }).waitFor();

    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole("group", { name: "Feedback results are ready" })
          .getByLabel(/No email/)
          .isChecked(),
      )
      .toBe(true);
  });
});
