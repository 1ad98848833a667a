import { mkdirSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { users } from "../../src/server/auth/auth.table.ts";
import { readConfig } from "../../src/server/config.ts";
import { markInstanceClaimed } from "../../src/server/db/instance-settings.ts";
import { openDatabase } from "../../src/server/db/open.ts";
import { seedDemo } from "../../src/server/demo/seed-demo.ts";
import { createLogger } from "../../src/server/logger.ts";
import { buildSidecar, type Sidecar, startSidecar } from "../../src/server/server.ts";

export const desktop = { width: 1280, height: 860 };
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Debian's chromium, headless and quiet: no sandbox, GPU, updates or background traffic. */
export const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const phone = { width: 375, height: 740 };
const screenshotDir = process.env.SCREENSHOT_DIR;

/** A port nothing listens on right now, as the operating system hands it out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startBrowserTarget(
  options: { freshInstance?: boolean; demo?: boolean } = {},
): Promise<{ sidecar: Sidecar; browser: Browser; baseUrl: string }> {
  const database = await openDatabase({ kind: "pglite-memory" });
  await database.migrate();
  // Most browser tests play an instance that is already set up; the first account has its own test.
  if (!options.freshInstance) await markInstanceClaimed(database.db);
  let sidecar: Sidecar | undefined;
  let baseUrl = "";
  // Another process may take the free port between the probe and the start: then take another.
  for (let attempt = 0; !sidecar; attempt++) {
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const config = readConfig({
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: baseUrl,
      LOG_LEVEL: "error",
    });
    try {
      if (options.demo && attempt === 0) {
        // The demo's people and their plans, as `npm run demo` shows them.
        const { auth, mailer } = await buildSidecar(config, database, createLogger("error"));
        await seedDemo(database.db, auth);
        await mailer.flush();
      }
      sidecar = await startSidecar(config, { database, logger: createLogger("error") });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 4) throw error;
    }
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  return { sidecar, browser, baseUrl };
}

/** A page in its own context (own cookies), as axe requires. */
export async function openPage(browser: Browser): Promise<Page> {
  // Reduced motion: axe judges settled colours, not a toast caught halfway through fading in.
  const context = await browser.newContext({ viewport: desktop, reducedMotion: "reduce" });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Runs axe on the page as it stands and fails on any serious or critical finding. */
export async function expectAccessible(page: Page, label: string) {
  // A toast still fading in has a see-through colour mid-animation; axe judges what has settled.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter(
            (animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY,
          )
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = serious.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe findings on ${label}`).toEqual([]);
  // A string, not a function: the TypeScript loader would wrap a function in helpers the page lacks.
  const { overflow, widest } = await page.evaluate<{ overflow: number; widest: string[] }>(`(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const widest = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => {
        for (let up = element.parentElement; up; up = up.parentElement)
          if (getComputedStyle(up).overflowX !== "visible") return up === document.body || up === document.documentElement;
        return true;
      })
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + "." + [...element.classList].join("."));
    return { overflow, widest };
  })()`);
  expect(overflow, `horizontal scrolling on ${label}: ${widest.join(", ")}`).toBeLessThanOrEqual(1);
  if (screenshotDir) await saveScreenshot(page, label, screenshotDir);
}

/** A full-page screenshot named after the page and the viewport width, e.g. `member-plan-375.png`. */
export async function saveScreenshot(page: Page, label: string, directory: string) {
  mkdirSync(directory, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({
    path: join(directory, `${label.replace(/\W+/g, "-").replace(/^-|-$/g, "")}-${width}.png`),
    fullPage: true,
  });
}

/** Checks a page at desktop and at phone width. */
export async function expectAccessibleAtBothWidths(page: Page, label: string) {
  await page.setViewportSize(desktop);
  await expectAccessible(page, label);
  await page.setViewportSize(phone);
  await expectAccessible(page, label);
  await page.setViewportSize(desktop);
}

/** Signs up a new member through the pages, confirms their email in the database and signs them in. */
export async function signUpInBrowser(
  page: Page,
  target: { sidecar: Sidecar; baseUrl: string },
  person: { name: string; email?: string; password?: string },
): Promise<{ email: string; password: string }> {
  const email = person.email ?? `member-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  const password = person.password ?? "a walk along the harbour";
  await page.goto(`${target.baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Browser tests run without SMTP: the page says so, and the test confirms the account as an admin would.
  await page.getByRole("heading", { name: "Waiting for confirmation" }).waitFor();
  await target.sidecar.database.db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
  await page.goto(`${target.baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  return { email, password };
}

/**
 * Every API read the page asks for from now on (path and query), and the ones asked more than once:
 * `clear()` before each page load.
 */
export function recordApiReads(page: Page) {
  const reads: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.method() === "GET" && url.pathname.startsWith("/api/")) reads.push(url.pathname + url.search);
  });
  return {
    reads,
    clear: () => {
      reads.length = 0;
    },
    repeated: () => reads.filter((read, i) => reads.indexOf(read) !== i),
  };
}
