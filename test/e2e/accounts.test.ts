import { and, desc, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../src/server/auth/auth.table.ts";
import { outbox } from "../../src/server/modules/mail/outbox.table.ts";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, startBrowserTarget } from "./browser.ts";

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

async function latestMailTo(email: string, subject: string) {
  await sidecar.mailer.flush();
  const [row] = await sidecar.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, email), eq(outbox.subject, subject)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  if (!row) throw new Error(`no "${subject}" mail to ${email}`);
  return row;
}

function linkFrom(text: string) {
  const link = text.match(/https?:\/\/\S+/g)?.find((l) => l.includes("token="));
  if (!link) throw new Error(`no link in ${text}`);
  return link;
}

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("a new member in the browser", () => {
  const email = `browser-${Date.now()}@example.test`;
  const password = "a walk along the harbour";
  let totp: OTPAuth.TOTP;

  it("signs up, confirms the email from the outbox and signs in", async () => {
    const page = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole("heading", { name: "Sign in to Sidecar" }).waitFor();
    await expectAccessibleAtBothWidths(page, "sign-in");

    await page.goto(`${baseUrl}/sign-up`);
    await page.getByRole("heading", { name: "Create your account" }).waitFor();
    await expectAccessibleAtBothWidths(page, "sign-up");
    await page.getByLabel("Name").fill("Robin Browser");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page
      .getByText(/at least 8 characters|too common|most common/i)
      .first()
      .waitFor();
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Waiting for confirmation" }).waitFor();
    await expectAccessibleAtBothWidths(page, "check-email");

    const mail = await latestMailTo(email, "Confirm your email for Sidecar");
    await page.goto(linkFrom(mail.text));
    await page.waitForURL(/\/verified/);
    await expectAccessibleAtBothWidths(page, "verified");

    await signInThroughForm(page, email, password);
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await expectAccessibleAtBothWidths(page, "home");
    await page.close();
  });

  it("edits the profile; saved values survive a reload, unsaved ones survive a lost session", async () => {
    const page = await openPage(browser);
    await signInThroughForm(page, email, password);
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await page.goto(`${baseUrl}/profile`);
    await page.getByRole("heading", { name: "Profile" }).waitFor();
    await page.getByLabel("Headline").fill("Senior PM, search");
    await page.getByLabel("Current level").selectOption("senior_pm");
    await page.getByLabel("Track").selectOption("ic");
    await page.getByLabel("Company").fill("Harbour Labs");
    await expectAccessibleAtBothWidths(page, "profile");
    await page.getByLabel("Name").fill("");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Enter your name").first().waitFor();
    await page.getByLabel("Name").fill("Robin Browser");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText(/saved/i).first().waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Profile" }).waitFor();
    await expect.poll(() => page.getByLabel("Company").inputValue()).toBe("Harbour Labs");
    expect(await page.getByLabel("Current level").inputValue()).toBe("senior_pm");

    await page.getByLabel("Company").fill("Unsaved Harbour");
    const [row] = await sidecar.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email));
    await sidecar.database.db.delete(sessions).where(eq(sessions.userId, row?.id ?? ""));
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/profile/);
    await page.getByText("We kept the changes you had not saved yet").waitFor();
    expect(await page.getByLabel("Company").inputValue()).toBe("Unsaved Harbour");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved", { exact: true }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Profile" }).waitFor();
    await expect.poll(() => page.getByLabel("Company").inputValue()).toBe("Unsaved Harbour");
    expect(await page.getByText("We kept the changes you had not saved yet").count()).toBe(0);
    await page.close();
  });

  it("turns on two-factor, then signs in with a code and signs out", async () => {
    const page = await openPage(browser);
    await signInThroughForm(page, email, password);
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await page.goto(`${baseUrl}/security`);
    await page.getByRole("heading", { name: "Security" }).waitFor();
    await expectAccessibleAtBothWidths(page, "security");
    await page.getByRole("button", { name: "Set up two-factor" }).click();
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page
      .getByRole("button", { name: /continue|set up two-factor/i })
      .last()
      .click();
    const secret = (await page.getByTestId("totp-secret").textContent())?.replace(/\s/g, "") ?? "";
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(await page.getByTestId("recovery-codes").locator("li").count()).toBe(10);
    totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    await page.getByLabel("Authentication code").fill(totp.generate());
    await page.getByRole("button", { name: "Turn on two-factor" }).click();
    await page.getByRole("button", { name: "Turn off two-factor" }).waitFor();
    const [row] = await sidecar.database.db.select().from(users).where(eq(users.email, email));
    expect(row?.twoFactorEnabled).toBe(true);

    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);

    await signInThroughForm(page, email, password);
    await page.waitForURL(/\/two-factor/);
    await expectAccessibleAtBothWidths(page, "two-factor");
    await page.getByLabel("Authentication code").fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.locator('[aria-invalid="true"], [role="alert"]').first().waitFor();
    expect(page.url()).toContain("/two-factor");
    await page.getByLabel("Authentication code").fill(totp.generate());
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();

    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${baseUrl}/profile`);
    await page.waitForURL(/\/sign-in/);
    await page.close();
  });

  it("shows a not-found page for unknown addresses", async () => {
    const page = await openPage(browser);
    await page.goto(`${baseUrl}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectAccessibleAtBothWidths(page, "not-found");
    await page.close();
  });

  it("lets an instance admin list users, disable one and read the outbox", async () => {
    await sidecar.database.db.update(users).set({ role: "admin" }).where(eq(users.email, email));
    const otherEmail = `other-${Date.now()}@example.test`;
    const other = await openPage(browser);
    await other.goto(`${baseUrl}/sign-up`);
    await other.getByLabel("Name").fill("Casey Other");
    await other.getByLabel("Email").fill(otherEmail);
    await other.getByLabel("Password", { exact: true }).fill(password);
    await other.getByRole("button", { name: "Create account" }).click();
    await other.getByRole("heading", { name: "Waiting for confirmation" }).waitFor();
    await sidecar.database.db.update(users).set({ emailVerified: true }).where(eq(users.email, otherEmail));
    await signInThroughForm(other, otherEmail, password);
    await other.getByRole("heading", { name: /Welcome/ }).waitFor();
    const unconfirmed = await openPage(browser);
    await unconfirmed.goto(`${baseUrl}/sign-up`);
    await unconfirmed.getByLabel("Name").fill("Drew Unconfirmed");
    await unconfirmed.getByLabel("Email").fill(`drew-${Date.now()}@example.test`);
    await unconfirmed.getByLabel("Password", { exact: true }).fill(password);
    await unconfirmed.getByRole("button", { name: "Create account" }).click();
    await unconfirmed.getByRole("heading", { name: "Waiting for confirmation" }).waitFor();
    await unconfirmed.close();

    const page = await openPage(browser);
    await signInThroughForm(page, email, password);
    await page.waitForURL(/\/two-factor/);
    await page.getByLabel("Authentication code").fill(totp.generate());
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.getByText(email).first().waitFor();
    await expectAccessibleAtBothWidths(page, "admin-users");
    await page.getByRole("button", { name: "Confirm email of Drew Unconfirmed" }).click();
    // The toast and, for a second, its screen-reader announcement carry the same words.
    await page.getByText("Drew Unconfirmed is confirmed").first().waitFor();
    await page
      .getByRole("button", { name: "Confirm email of Drew Unconfirmed" })
      .waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Disable Casey Other" }).click();
    await page.getByRole("dialog").waitFor();
    await expectAccessibleAtBothWidths(page, "admin-disable-dialog");
    await page.getByRole("button", { name: "Disable account" }).click();
    await page.getByRole("button", { name: "Enable Casey Other" }).waitFor();
    await other.goto(`${baseUrl}/profile`);
    await other.waitForURL(/\/sign-in/);
    await other.close();
    await page.goto(`${baseUrl}/admin/outbox`);
    await page.getByRole("heading", { name: "Outbox" }).waitFor();
    await page.getByText("Confirm your email for Sidecar").first().click();
    await page.waitForURL(/\/admin\/outbox\/.+/);
    await page.getByText("[a private link for the recipient only]").first().waitFor();
    expect(await page.getByText(/verify-email\?token=/).count()).toBe(0);
    await expectAccessibleAtBothWidths(page, "admin-outbox-message");
    await page.goto(`${baseUrl}/admin/outbox`);
    await page.getByRole("heading", { name: "Outbox" }).waitFor();
    await expectAccessibleAtBothWidths(page, "admin-outbox");
    await page.close();
  });
});
