import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/server/auth/auth.table.ts";
import { newId } from "../../src/server/db/new-id.ts";
import { enqueueJob } from "../../src/server/jobs/enqueue-job.ts";
import { jobs } from "../../src/server/jobs/jobs.table.ts";
import { outbox } from "../../src/server/modules/mail/outbox.table.ts";
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

describe("background jobs in the admin area", () => {
  it("shows counts and dead jobs, retries one, and says when a delivered message's text was removed", async () => {
    const db = sidecar.database.db;
    const page = await openPage(browser);
    const { email } = await signUpInBrowser(page, { sidecar, baseUrl }, { name: "Ada Admin" });
    await db.update(users).set({ role: "admin" }).where(eq(users.email, email));

    await page.goto(`${baseUrl}/admin/jobs`);
    await page.getByRole("heading", { name: "Jobs", exact: true }).waitFor();
    await page.getByText("No dead jobs").waitFor();
    await expectAccessibleAtBothWidths(page, "admin-jobs-empty");

    // A delivery that failed on every try, as it would while the mail server is down.
    const id = await enqueueJob(db, {
      kind: "mail.deliver",
      payload: { outboxId: "gone" },
      key: `mail:${newId()}`,
    });
    await db
      .update(jobs)
      .set({
        state: "dead",
        attempts: 12,
        lastError: "Error: connect ECONNREFUSED 10.0.0.5:587",
        runAt: new Date(Date.now() + 3600_000),
      })
      .where(eq(jobs.id, id ?? ""));
    await page.reload();
    await page.getByRole("cell", { name: /ECONNREFUSED/ }).waitFor();
    await expectAccessibleAtBothWidths(page, "admin-jobs-dead");
    await page.getByRole("button", { name: "Retry Email delivery" }).click();
    await page.getByText("Email delivery queued again").first().waitFor();
    await page.getByText("No dead jobs").waitFor();
    const [row] = await db
      .select()
      .from(jobs)
      .where(eq(jobs.id, id ?? ""));
    expect(row?.state === "queued" || row?.state === "running" || row?.state === "done").toBe(true);

    const messageId = newId();
    await db.insert(outbox).values({
      id: messageId,
      kind: "password-reset",
      to: email,
      subject: "Reset your Sidecar password",
      text: "",
      status: "sent",
      sentAt: new Date(),
      bodyRemovedAt: new Date(),
    });
    await page.goto(`${baseUrl}/admin/outbox/${messageId}`);
    await page.getByText(/removed after delivery/).waitFor();
    await page.getByText("Password reset", { exact: true }).waitFor();
    await expectAccessibleAtBothWidths(page, "admin-outbox-body-removed");
    await page.close();
  });
});
