import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../src/server/demo/seed-demo.ts";
import type { Sidecar } from "../../src/server/server.ts";
import { desktop, expectAccessible, openPage, phone, saveScreenshot, startBrowserTarget } from "./browser.ts";

// Every page at desktop and phone width, signed in on the demo's data: axe finds nothing serious, nothing
// scrolls sideways, and a screenshot of each lands in SCREENSHOT_DIR (default `screenshots/`) to look at.
const screenshotDir = process.env.SCREENSHOT_DIR ?? "screenshots";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
const pages = new Map<string, Page>();

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget({ demo: true }));
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
});

/** One signed-in page per demo person, kept for the whole file. */
async function signedIn(email: string): Promise<Page> {
  const known = pages.get(email);
  if (known) return known;
  const page = await openPage(browser);
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  pages.set(email, page);
  return page;
}

/** Waits until the page's loads have finished and no loading block is left. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.locator(".loading-state").first().waitFor({ state: "detached" });
  await page.locator("h1").first().waitFor();
}

async function look(page: Page, label: string) {
  await settle(page);
  for (const viewport of [desktop, phone]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, label);
    await saveScreenshot(page, label, screenshotDir);
  }
  await page.setViewportSize(desktop);
}

const priya = "priya@demo.sidecar";
const jonas = "jonas@demo.sidecar";
const amara = "amara@demo.sidecar";
const admin = "admin@demo.sidecar";

const signedOut = ["/sign-in", "/sign-up", "/forgot-password", "/check-email", "/verified", "/not-a-page"];

/** Pages with a fixed address, and the person who sees them. */
const fixed: [string, string][] = [
  ["/", priya],
  ["/glossary", priya],
  ["/profile", priya],
  ["/lanes", priya],
  ["/portfolio", priya],
  ["/next-level", priya],
  ["/plan", priya],
  ["/decisions", priya],
  ["/decisions/new", priya],
  ["/story", priya],
  ["/story/new", priya],
  ["/story/press-release", priya],
  ["/story/thought-leadership", priya],
  ["/diagnostics/promotion", priya],
  ["/diagnostics/company", priya],
  ["/tours", priya],
  ["/tours/new", priya],
  ["/roadmap", priya],
  ["/feedback", priya],
  ["/feedback/new", priya],
  ["/sharing", priya],
  ["/shared", priya],
  ["/managers", priya],
  ["/notifications", priya],
  ["/notifications/settings", priya],
  ["/programs", priya],
  ["/programs/mine", priya],
  ["/mentors", priya],
  ["/mentoring/profile", priya],
  ["/mentoring/requests", priya],
  ["/mentoring/log", priya],
  ["/communities", priya],
  ["/engagements", priya],
  ["/urgent-calls", priya],
  ["/settings/data", priya],
  ["/security", priya],
  ["/admin/users", admin],
  ["/admin/outbox", admin],
  ["/admin/jobs", admin],
  ["/programs", admin],
  ["/engagements", jonas],
  ["/programs/mine", jonas],
  ["/shared", amara],
];

const programPage = /^\/programs\/(?!mine$|cohorts\/)[^/]+$/;

/**
 * Pages about one record: reached from a list page by following, in turn, the first link matching each
 * pattern (plus a suffix on the last).
 */
const details: [string, string, RegExp | RegExp[], string, string?][] = [
  ["decision", "/decisions", /^\/decisions\/(?!new$)[^/]+$/, priya],
  ["story-edit", "/story", /^\/story\/[^/]+\/edit$/, priya],
  ["company-diagnosis", "/diagnostics/company", /^\/diagnostics\/company\/[^/]+$/, priya],
  ["tour", "/tours", /^\/tours\/(?!new$)[^/]+$/, priya],
  ["tour-edit", "/tours", /^\/tours\/(?!new$)[^/]+$/, priya, "/edit"],
  ["feedback-request", "/feedback", /^\/feedback\/(?!new$)[^/]+$/, priya],
  ["shared-plan", "/shared", /^\/shared\/[^/]+\/plan$/, amara],
  ["shared-lanes", "/shared", /^\/shared\/[^/]+\/lanes$/, amara],
  ["shared-story", "/shared", /^\/shared\/[^/]+\/story$/, amara],
  ["shared-portfolio", "/shared", /^\/shared\/[^/]+\/portfolio$/, amara],
  ["manager-link", "/managers", /^\/managers\/[^/]+$/, priya],
  // A cohort's page is linked from its program's page only.
  ["cohort", "/programs", [programPage, /^\/programs\/cohorts\/[^/]+$/], jonas],
  ["program", "/programs", programPage, admin],
  ["mentor", "/mentors", /^\/mentors\/[^/]+$/, priya],
  ["mentoring-request", "/mentoring/requests", /^\/mentoring\/requests\/[^/]+$/, priya],
  ["community", "/communities", /^\/communities\/[^/]+$/, priya],
  ["engagement", "/engagements", /^\/engagements\/[^/]+$/, jonas],
  // The list of calls shows every call in place; the address of one comes in its notifications.
  ["urgent-call", "/notifications", /^\/urgent-calls\/[^/]+$/, jonas],
  ["outbox-message", "/admin/outbox", /^\/admin\/outbox\/[^/]+$/, admin],
];

const labelOf = (path: string, email: string) => `${email.split("@")[0]}${path === "/" ? "-home" : path}`;

describe("every page at 1280 and 375 px", () => {
  it.each(signedOut)("signed out %s", async (path) => {
    const page = await openPage(browser);
    await page.goto(`${baseUrl}${path}`);
    await look(page, `signed-out${path}`);
    await page.context().close();
  });

  it.each(fixed)("%s as %s", async (path, email) => {
    const page = await signedIn(email);
    await page.goto(`${baseUrl}${path}`);
    await look(page, labelOf(path, email));
  });

  it.each(details)("a %s, found on %s", async (name, list, patterns, email, suffix = "") => {
    const page = await signedIn(email);
    let path = list;
    for (const pattern of [patterns].flat()) {
      await page.goto(`${baseUrl}${path}`);
      await settle(page);
      const hrefs = await page
        .locator("main a[href]")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      const href = hrefs.find((candidate) => pattern.test(candidate.split(/[?#]/)[0] ?? ""));
      // The demo holds a record for every one of these pages: a missing link means the demo or the page broke.
      expect(href, `a link matching ${pattern} on ${path} as ${email}`).toBeDefined();
      path = href as string;
    }
    await page.goto(`${baseUrl}${path}${suffix}`);
    await look(page, labelOf(`/${name}`, email));
  });
});
