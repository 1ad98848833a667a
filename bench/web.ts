// The web benchmark: for each page, the JavaScript a browser fetches before the page is drawn
// (gzipped, as sent) and Lighthouse's mobile scores, on the built app served by Sidecar itself.
// Usage: npm run bench:web [-- --no-lighthouse] [--only /path ...] [--files] [--reports DIR]
// (--only may repeat and takes /feedback/{id} and /give/{token}; --files lists each page's scripts;
// --reports writes each page's whole Lighthouse report as JSON, to see where a score goes; --shifts
// lists each layout shift with the elements that moved, each largest-paint candidate and the time long tasks
// blocked the page, on a processor slowed four times)
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { readConfig } from "../src/server/config.ts";
import { openDatabase } from "../src/server/db/open.ts";
import { createLogger } from "../src/server/logger.ts";
import { startSidecar } from "../src/server/server.ts";
import { addDays, isoDay } from "../src/shared/calendar-date.ts";
import { chromiumFlags, chromiumPath } from "../test/e2e/browser.ts";
import { seedLightMember } from "./seed-member.ts";

const { values: args } = parseArgs({
  options: {
    "no-lighthouse": { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    files: { type: "boolean", default: false },
    reports: { type: "string" },
    shifts: { type: "boolean", default: false },
  },
});
const webRoot = join(import.meta.dirname, "..", "dist", "web");

type Page = { path: string; signedIn: boolean; heading: string | RegExp };

function gzippedSize(url: string): number {
  const path = join(webRoot, new URL(url).pathname);
  try {
    return statSync(`${path}.gz`).size;
  } catch {
    return statSync(path).size;
  }
}

const database = await openDatabase({ kind: "pglite-memory" });
await database.migrate();
const config = readConfig({ PORT: "0", HOST: "127.0.0.1", BASE_URL: "http://127.0.0.1", LOG_LEVEL: "error" });
const sidecar = await startSidecar(config, { database, logger: createLogger("error"), webRoot });
try {
  const member = await seedLightMember(sidecar.url, database.db);
  const post = (path: string, body: unknown) =>
    fetch(`${sidecar.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1", cookie: member.cookie },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const request = await post("/api/feedback/requests", {
    purpose: "I am moving into a product lead role and want to know how I come across.",
    questions: ["What should I keep doing?"],
    lanes: ["crafting", "organizational"],
    closesOn: addDays(isoDay(), 14),
  });
  const { links } = await post(`/api/feedback/requests/${request.id}/invitations`, { links: 1 });
  const givePath = new URL(links[0]).pathname;
  const shownPath = (path: string) =>
    path.startsWith("/give/") ? "/give/{token}" : path.replace(request.id, "{id}");

  const pages: Page[] = [
    { path: "/sign-in", signedIn: false, heading: "Sign in" },
    { path: givePath, signedIn: false, heading: /feedback/i },
    { path: "/", signedIn: true, heading: /Good|Welcome|Home/i },
    { path: "/lanes", signedIn: true, heading: /lanes/i },
    { path: "/roadmap", signedIn: true, heading: /Roadmap/i },
    { path: `/feedback/${request.id}`, signedIn: true, heading: /.+/ },
    { path: "/plan", signedIn: true, heading: /plan/i },
    { path: "/portfolio", signedIn: true, heading: /portfolio/i },
    { path: "/tours", signedIn: true, heading: /tours/i },
    { path: "/decisions", signedIn: true, heading: /decision/i },
  ].filter(
    (page) => !args.only || args.only.some((only) => only === page.path || only === shownPath(page.path)),
  );

  const [cookieName, cookieValue] = member.cookie.split("=") as [string, string];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  const results: {
    path: string;
    js: number;
    files: number;
    performance?: number;
    accessibility?: number;
    cls?: number;
    lcp?: number;
    tbt?: number;
  }[] = [];
  for (const page of pages) {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    if (page.signedIn) {
      await context.addCookies([{ name: cookieName, value: cookieValue, url: sidecar.url }]);
    }
    const tab = await context.newPage();
    // The moment the page's heading first enters the document: scripts asked for later (a chart fetched
    // once the page is on screen) did not hold up its first picture.
    // A string, not a function: the TypeScript loader would wrap a function in helpers the page lacks.
    await tab.addInitScript(`
      new MutationObserver((_, observer) => {
        const heading = document.querySelector("h1");
        if (!heading || !heading.textContent.trim()) return;
        window.headingAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    `);
    if (args.shifts) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await tab.addInitScript(`
        window.shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            const moved = (entry.sources || []).map((source) => {
              const node = source.node;
              if (!node || !node.tagName) return "(text)";
              const name = node.tagName.toLowerCase() + (node.className && typeof node.className === "string" ? "." + node.className.trim().split(/\\s+/).join(".") : "");
              return name + " " + JSON.stringify((node.textContent || "").trim().slice(0, 40)) + " " + JSON.stringify(source.previousRect) + "→" + JSON.stringify(source.currentRect);
            });
            window.shifts.push({ at: Math.round(entry.startTime), value: entry.value, moved });
          }
        }).observe({ type: "layout-shift", buffered: true });
        window.paints = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const node = entry.element;
            const name = node ? node.tagName.toLowerCase() + (typeof node.className === "string" && node.className ? "." + node.className.trim().split(/\\s+/).join(".") : "") : "(gone)";
            window.paints.push(Math.round(entry.startTime) + " ms " + name + " " + JSON.stringify(((node && node.textContent) || "").trim().slice(0, 40)) + " " + entry.size + " px²");
          }
        }).observe({ type: "largest-contentful-paint", buffered: true });
        window.blocking = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.blocking += Math.max(0, entry.duration - 50);
        }).observe({ type: "longtask", buffered: true });
      `);
    }
    await tab.goto(`${sidecar.url}${page.path}`);
    await tab.getByRole("heading", { level: 1, name: page.heading }).first().waitFor({ timeout: 20_000 });
    if (args.shifts) {
      await tab.waitForTimeout(5_000);
      const { shifts, blocking, paints } = await tab.evaluate(() => {
        const seen = window as unknown as { shifts: unknown[]; blocking: number; paints: string[] };
        return { shifts: seen.shifts, blocking: seen.blocking, paints: seen.paints };
      });
      console.log(
        `${shownPath(page.path)} blocking ${Math.round(blocking)} ms, layout shifts: ${JSON.stringify(shifts, null, 1)}`,
      );
      console.log(`${shownPath(page.path)} largest paint, each new candidate:\n  ${paints.join("\n  ")}`);
    }
    const scripts = await tab.evaluate(() => {
      const headingAt = (window as unknown as { headingAt?: number }).headingAt ?? Number.POSITIVE_INFINITY;
      return performance
        .getEntriesByType("resource")
        .filter((entry) => entry.name.endsWith(".js") && entry.startTime <= headingAt)
        .map((entry) => entry.name);
    });
    if (args.files) {
      for (const url of scripts) {
        console.log(`${page.path}\t${(gzippedSize(url) / 1024).toFixed(1)} KB\t${new URL(url).pathname}`);
      }
    }
    results.push({
      path: shownPath(page.path),
      js: scripts.reduce((sum, url) => sum + gzippedSize(url), 0),
      files: scripts.length,
    });
    await context.close();
  }
  await browser.close();

  if (!args["no-lighthouse"]) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags });
    try {
      for (const [index, page] of pages.entries()) {
        const run = await lighthouse(
          `${sidecar.url}${page.path}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility"],
            extraHeaders: page.signedIn ? { Cookie: member.cookie } : undefined,
          },
          undefined,
        );
        if (args.reports && run) {
          mkdirSync(args.reports, { recursive: true });
          const name =
            shownPath(page.path)
              .replace(/[^a-z0-9]+/gi, "-")
              .replace(/^-|-$/g, "") || "home";
          writeFileSync(join(args.reports, `${name}.json`), JSON.stringify(run.lhr, null, 1));
        }
        const categories = run?.lhr.categories;
        const result = results[index];
        if (!result || !categories) continue;
        result.performance = Math.round((categories.performance?.score ?? 0) * 100);
        result.accessibility = Math.round((categories.accessibility?.score ?? 0) * 100);
        result.cls = Number(run?.lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0);
        result.lcp = run?.lhr.audits["largest-contentful-paint"]?.numericValue;
        result.tbt = run?.lhr.audits["total-blocking-time"]?.numericValue;
      }
    } finally {
      chrome.kill();
    }
  }

  console.log(
    `Sidecar web benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, Lighthouse mobile defaults`,
  );
  console.log(
    "| page | JS before first render, gzipped | files | performance | accessibility | CLS | LCP | TBT |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.path} | ${(r.js / 1024).toFixed(1)} KB | ${r.files} | ${r.performance ?? "–"} | ${r.accessibility ?? "–"} | ${
        r.cls === undefined ? "–" : r.cls.toFixed(3)
      } | ${r.lcp === undefined ? "–" : `${(r.lcp / 1000).toFixed(1)} s`} | ${
        r.tbt === undefined ? "–" : `${Math.round(r.tbt)} ms`
      } |`,
    );
  }
} finally {
  await sidecar.close();
}
