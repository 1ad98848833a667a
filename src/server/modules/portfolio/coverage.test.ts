import { describe, expect, it } from "vitest";
import { type CoverageRole, computeCoverage, openGaps } from "./coverage.ts";

const acme: CoverageRole = {
  id: "r-acme",
  title: "PM",
  company: "Acme",
  stage: "smoke_to_fire",
  market: "consumer",
  vantage: "inside",
  work: ["feature"],
  peopleManaged: 0,
  wellKnownLogo: false,
};
const globex: CoverageRole = {
  id: "r-globex",
  title: "Senior PM",
  company: "Globex",
  stage: "fire_to_great",
  market: "business",
  vantage: "outside",
  work: ["growth", "scaling"],
  peopleManaged: 3,
  wellKnownLogo: true,
};

const coveredCells = (coverage: ReturnType<typeof computeCoverage>) =>
  coverage.grids.flatMap((grid) =>
    grid.cells
      .filter((cell) => cell.covered)
      .map((cell) => `${cell.row}+${cell.column} by ${cell.roles.map((r) => r.label).join(", ")}`),
  );

describe("portfolio coverage", () => {
  it("marks exactly the combinations a known portfolio covers, with the roles that cover them", () => {
    const coverage = computeCoverage([acme, globex]);
    expect(coveredCells(coverage)).toEqual([
      "stage:smoke_to_fire+work:feature by PM at Acme",
      "stage:fire_to_great+work:growth by Senior PM at Globex",
      "stage:fire_to_great+work:scaling by Senior PM at Globex",
      "market:consumer+vantage:inside by PM at Acme",
      "market:business+vantage:outside by Senior PM at Globex",
    ]);
    expect(coverage.singles).toEqual([
      {
        key: "people:managed",
        label: "Managing people",
        covered: true,
        roles: [{ id: "r-globex", label: "Senior PM at Globex" }],
      },
      {
        key: "logo:well_known",
        label: "A well-known logo",
        covered: true,
        roles: [{ id: "r-globex", label: "Senior PM at Globex" }],
      },
    ]);
    expect(coverage.grids.map((g) => [g.id, g.rows.length, g.columns.length])).toEqual([
      ["stage-work", 3, 3],
      ["market-vantage", 2, 2],
    ]);
    expect(coverage.coveredCount).toBe(7);
    expect(coverage.totalCount).toBe(15);
  });

  it("orders gaps next to what the member holds first, then in grid order", () => {
    const { gaps } = computeCoverage([acme, globex]);
    expect(gaps.map((g) => g.id)).toEqual([
      "stage:smoke_to_fire+work:growth",
      "stage:smoke_to_fire+work:scaling",
      "stage:fire_to_great+work:feature",
      "market:consumer+vantage:outside",
      "market:business+vantage:inside",
      "stage:pre_pmf+work:feature",
      "stage:pre_pmf+work:growth",
      "stage:pre_pmf+work:scaling",
    ]);
    const [first] = gaps;
    expect(first).toEqual({
      id: "stage:smoke_to_fire+work:growth",
      mission: "Do growth work at a smoke-to-fire company",
      experiences: ["stage:smoke_to_fire", "work:growth"],
      reason: "You have Smoke to fire company and Growth work, but not yet in one role.",
      tourPath:
        "/tours/new?mission=Do+growth+work+at+a+smoke-to-fire+company&experiences=stage%3Asmoke_to_fire%2Cwork%3Agrowth",
      plannedIn: null,
    });
    expect(gaps[3]?.mission).toBe("Work outside the building on a consumer product");
    expect(gaps[5]?.reason).toBe("Builds on what you have: Feature work.");
  });

  it("puts the gaps the next level asks for first", () => {
    const { gaps } = computeCoverage(
      [acme, globex],
      [
        {
          label: "The step to Group PM / product lead",
          experiences: ["work:growth", "work:scaling", "people:managed"],
        },
      ],
    );
    expect(gaps.map((g) => g.id)).toEqual([
      "stage:smoke_to_fire+work:growth",
      "stage:smoke_to_fire+work:scaling",
      "stage:pre_pmf+work:growth",
      "stage:pre_pmf+work:scaling",
      "stage:fire_to_great+work:feature",
      "market:consumer+vantage:outside",
      "market:business+vantage:inside",
      "stage:pre_pmf+work:feature",
    ]);
    expect(gaps[0]?.reason).toBe("The step to Group PM / product lead asks for this: Growth work.");
  });

  it("lists every combination as a gap for an empty portfolio, the next level's first", () => {
    const empty = computeCoverage([]);
    expect(empty.coveredCount).toBe(0);
    expect(empty.gaps).toHaveLength(15);
    expect(empty.gaps.every((g) => g.reason === "New ground for you.")).toBe(true);
    expect(empty.gaps.map((g) => g.id).slice(-2)).toEqual(["people:managed", "logo:well_known"]);
    const aimed = computeCoverage(
      [],
      [{ label: "The step to Director of product", experiences: ["people:managed"] }],
    );
    expect(aimed.gaps[0]).toMatchObject({
      id: "people:managed",
      mission: "Manage people: take a role with at least one direct report",
      experiences: ["people:managed"],
    });
    expect(aimed.gaps[1]?.id).toBe("stage:pre_pmf+work:feature");
  });

  it("ranks first what the next level or the skip job asks for, and last a gap an open tour already plans", () => {
    const nextLevel = {
      label: "The step to Group PM / product lead",
      experiences: ["stage:fire_to_great" as const],
    };
    const skipJob = { label: "Your skip job, Head of Product,", experiences: ["stage:pre_pmf" as const] };
    const { gaps } = computeCoverage(
      [acme, globex],
      [nextLevel, skipJob],
      [
        {
          id: "t1",
          title: "Go inside a business product",
          experiences: ["market:business", "vantage:inside"],
        },
      ],
    );
    expect(gaps[0]?.id).toBe("stage:fire_to_great+work:feature");
    expect(gaps[0]?.plannedIn).toBeNull();
    const planned = gaps.at(-1);
    expect(planned).toMatchObject({
      id: "market:business+vantage:inside",
      plannedIn: { id: "t1", title: "Go inside a business product" },
    });
    expect(gaps.filter((g) => g.plannedIn !== null)).toHaveLength(1);
    expect(gaps.slice(1, 4).map((g) => g.id)).toEqual([
      "stage:pre_pmf+work:feature",
      "stage:pre_pmf+work:growth",
      "stage:pre_pmf+work:scaling",
    ]);
    expect(gaps[1]?.reason).toMatch(/^Your skip job, Head of Product, asks for this: .*company\.$/);
  });

  it("counts managing people only when someone reported to the member", () => {
    const coverage = computeCoverage([{ ...globex, peopleManaged: 0, wellKnownLogo: false }]);
    expect(coverage.singles.map((s) => s.covered)).toEqual([false, false]);
    expect(coverage.gaps.map((g) => g.id)).toContain("people:managed");
  });

  it("gives home the same first open gap and count as the portfolio, without drawing the grids", () => {
    const targets = [{ label: "The next level", experiences: ["work:growth", "people:managed"] as const }];
    const openTours = [
      {
        id: "t1",
        title: "Growth at a start-up",
        experiences: ["stage:smoke_to_fire", "work:growth"] as const,
      },
    ];
    for (const roles of [[], [acme], [acme, globex]]) {
      const { gaps } = computeCoverage(roles, targets, openTours);
      const open = gaps.filter((gap) => gap.plannedIn === null);
      expect(openGaps(roles, targets, openTours)).toEqual({ count: open.length, first: open[0] ?? null });
    }
    expect(computeCoverage([acme], targets, openTours).gaps.some((gap) => gap.plannedIn?.id === "t1")).toBe(
      true,
    );
  });
});
