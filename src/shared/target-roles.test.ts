import { describe, expect, it } from "vitest";
import { experienceKeys } from "./experience.ts";
import { laneIds } from "./lanes.ts";
import { levels } from "./profile.ts";
import { isCheckId, levelSteps, nextLevel, stepFrom } from "./target-roles.ts";

describe("target-role data", () => {
  it("defines a step from every level but the top to the level above it", () => {
    for (const level of levels) {
      const step = stepFrom(level);
      if (level === "cpo") {
        expect(step).toBeNull();
        expect(nextLevel(level)).toBeNull();
        continue;
      }
      expect(step?.from).toBe(level);
      expect(step?.to).toBe(levels[levels.indexOf(level) + 1]);
      expect(step?.hurdles.length).toBeGreaterThanOrEqual(3);
    }
    expect(Object.keys(levelSteps).sort()).toEqual(levels.filter((l) => l !== "cpo").sort());
  });

  it("gives every hurdle actions and a checklist, with ids unique across all steps", () => {
    const ids: string[] = [];
    for (const step of Object.values(levelSteps)) {
      const hurdleIds = step.hurdles.map((h) => h.id);
      expect(new Set(hurdleIds).size).toBe(hurdleIds.length);
      for (const hurdle of step.hurdles) {
        expect(hurdle.actions.length).toBeGreaterThan(0);
        expect(hurdle.checks.length).toBeGreaterThan(0);
        for (const check of hurdle.checks) {
          expect(check.id).toMatch(new RegExp(`^${step.from}\\.${hurdle.id}\\.[a-z0-9-]+$`));
          expect(isCheckId(check.id)).toBe(true);
          ids.push(check.id);
        }
        for (const key of hurdle.experiences) expect(experienceKeys).toContain(key);
        for (const lane of hurdle.lanes) expect(laneIds).toContain(lane);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(isCheckId("senior_pm.breadth.nope")).toBe(false);
  });

  it("names the senior PM to product lead hurdles the product describes", () => {
    expect(levelSteps.senior_pm.hurdles.map((h) => h.title)).toEqual([
      "Breadth across the business",
      "Lead a team through others",
      "Influence executives",
    ]);
  });
});
