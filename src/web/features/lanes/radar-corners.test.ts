import { describe, expect, it } from "vitest";
import { cornersWithValues, giversRatings } from "./radar-corners.ts";

describe("the givers' radar", () => {
  it("has no value for a lane still hidden below k, so it is no corner of the polygon", () => {
    const ratings = giversRatings([
      { lane: "crafting", shown: true, median: 4 },
      { lane: "market", shown: false, median: null },
      { lane: "team", shown: true, median: 2 },
    ]);
    expect(ratings).toEqual({ crafting: 4, team: 2 });
    const points = ["crafting", "market", "team"].map((lane, i) => ({
      x: i,
      y: i,
      value: ratings[lane as keyof typeof ratings],
    }));
    expect(cornersWithValues(points).map((p) => p.x)).toEqual([0, 2]);
  });

  it("keeps a real rating, whatever it is", () => {
    expect(cornersWithValues([{ value: 1 }, { value: null }, { value: 5 }])).toEqual([
      { value: 1 },
      { value: 5 },
    ]);
  });
});
