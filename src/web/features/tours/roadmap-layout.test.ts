import { describe, expect, it } from "vitest";
import { labelLines, scrollLeftForToday } from "./roadmap-layout.ts";

describe("the roadmap on a phone", () => {
  it("opens with today in view, not at the first year", () => {
    const base = { plotLeft: 180, plotWidth: 400, visibleWidth: 300, totalWidth: 600 };
    // Today halfway along a timeline that starts years earlier: scrolled right, today a third into the view.
    expect(scrollLeftForToday({ ...base, todayFraction: 0.5 })).toBe(280);
    // Today at the start: no scrolling.
    expect(scrollLeftForToday({ ...base, todayFraction: 0 })).toBe(80);
    expect(scrollLeftForToday({ ...base, todayFraction: 0, plotLeft: 20 })).toBe(0);
    // Never past the end.
    expect(scrollLeftForToday({ ...base, todayFraction: 1 })).toBe(300);
  });

  it("wraps a tour's name onto two lines instead of cutting it at one", () => {
    expect(labelLines("1. Platform payments rebuild")).toEqual(["1. Platform payments", "rebuild"]);
    expect(labelLines("2. Growth")).toEqual(["2. Growth"]);
    const long = labelLines("3. Lead the new self-serve onboarding squad through launch and beyond");
    expect(long).toHaveLength(2);
    expect(long[1]?.endsWith("…")).toBe(true);
  });
});
