import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultWebRoot } from "../../src/server/server.ts";

// The JavaScript each page needs before its first picture, gzipped as the server sends it: the shared
// start (index.html's scripts), the signed-in frame for pages inside it, and every file the page's own
// code imports statically. What a page imports later (a form after paint, a chart, a dialog) is not
// counted, which is the point: it does not hold up the first picture.
type Chunk = { file: string; src?: string; imports?: string[]; isDynamicEntry?: boolean };
const manifestPath = join(defaultWebRoot, ".vite", "manifest.json");

const anyPageBudget = 170 * 1024;
const signInBudget = 120 * 1024;
/**
 * Pages still over the budget, each held at what it weighs today (in whole KB) so it can only get
 * lighter: their forms load with the page instead of after its first picture.
 */
const heldAt: Record<string, number> = {
  "managers/area-page.tsx": 192,
  "mentors/mentor-profile-page.tsx": 175,
  "security/security-page.tsx": 174,
  "tours/tour-edit-pages.tsx": 173,
};
const budgetOf = (page: string) => Math.max(anyPageBudget, (heldAt[page] ?? 0) * 1024);

function sentSize(file: string): number {
  const path = join(defaultWebRoot, file);
  return existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : statSync(path).size;
}

describe("JavaScript before each page's first picture", () => {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, Chunk>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const start = closure("index.html");
  const frameKey = Object.keys(manifest).find((key) => key.endsWith("src/web/ui/app-layout.tsx"));
  const frame = frameKey ? closure(frameKey) : new Set<string>();
  const signedOut = (src: string) =>
    src.includes("/features/auth/") ||
    src.endsWith("/give-page.tsx") ||
    src.endsWith("/unsubscribe-page.tsx");
  const pages = Object.entries(manifest)
    .filter(
      ([, chunk]) => chunk.isDynamicEntry && /src\/web\/features\/.+-pages?\.tsx$/.test(chunk.src ?? ""),
    )
    .map(([key, chunk]) => {
      const files = new Set([...start, ...(signedOut(chunk.src ?? "") ? [] : frame), ...closure(key)]);
      const bytes = [...files].reduce((sum, file) => sum + sentSize(manifest[file]?.file ?? file), 0);
      return { page: (chunk.src ?? key).replace(/^.*src\/web\/features\//, ""), bytes };
    });

  it("finds the pages", () => {
    expect(frameKey).toBeDefined();
    expect(pages.length).toBeGreaterThan(40);
  });

  it("keeps every page within 170 KB, and the pages still over it from growing", () => {
    const over = pages
      .filter(({ page, bytes }) => bytes > budgetOf(page))
      .map(({ page, bytes }) => `${page}: ${(bytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  it("holds no page that is already within 170 KB", () => {
    const lighter = pages
      .filter(({ page, bytes }) => heldAt[page] && bytes <= anyPageBudget)
      .map(({ page }) => page);
    expect(lighter).toEqual([]);
  });

  it("keeps sign-in within 120 KB", () => {
    const signIn = pages.find(({ page }) => page === "auth/sign-in-page.tsx");
    expect(signIn?.bytes).toBeLessThanOrEqual(signInBudget);
  });
});
