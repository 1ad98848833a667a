import { describe, expect, it } from "vitest";
import { type CohortInput, scorePairs, utcOffsetMinutes } from "./score-pairs.ts";
import { solveMatching } from "./solve-matching.ts";

const weekdayMornings = [0, 1, 2, 3, 4].map((day) => ({ day, start: "09:00", end: "12:00" }));

function cohort(overrides: Partial<CohortInput> = {}): CohortInput {
  return {
    program: { referenceDate: "2025-01-15T12:00:00Z" },
    mentees: [
      {
        id: "ada",
        level: "pm",
        timeZone: "Europe/Berlin",
        focusLanes: ["market", "growth", "team"],
        goals: ["Get promoted", "Lead a team"],
        availability: weekdayMornings,
        experience: { stages: ["pre_pmf"], markets: ["consumer"] },
        managerId: "grace",
      },
    ],
    mentors: [
      {
        id: "grace",
        level: "director",
        timeZone: "Europe/Berlin",
        lanes: ["market", "growth"],
        goals: [],
        availability: weekdayMornings,
        capacity: 2,
      },
      {
        id: "linus",
        level: "senior_pm",
        timeZone: "Europe/London",
        lanes: ["market", "growth"],
        goals: ["lead a team"],
        availability: weekdayMornings,
        experience: { stages: ["fire_to_great"], markets: ["b2b"] },
        capacity: 1,
      },
      {
        id: "margaret",
        level: "group_pm",
        timeZone: "America/New_York",
        lanes: ["crafting"],
        availability: [{ day: 0, start: "09:00", end: "10:00" }],
        capacity: 1,
      },
    ],
    ...overrides,
  };
}

describe("scorePairs", () => {
  it("reads time-zone offsets from Intl, daylight saving time included", () => {
    expect(utcOffsetMinutes("Asia/Kolkata", new Date("2025-01-15T00:00:00Z"))).toBe(330);
    expect(utcOffsetMinutes("America/New_York", new Date("2025-01-15T00:00:00Z"))).toBe(-300);
    expect(utcOffsetMinutes("America/New_York", new Date("2025-07-15T00:00:00Z"))).toBe(-240);
    expect(utcOffsetMinutes("UTC", new Date())).toBe(0);
  });

  it("explains a feasible pair criterion by criterion, in words a participant can read", () => {
    const scored = scorePairs(cohort());
    const explanation = scored.explainPair(0, 1);
    if (!explanation.feasible) throw new Error("expected a feasible pair");
    const text = Object.fromEntries(explanation.criteria.map((c) => [c.criterion, c.text]));
    expect(text.lanes).toBe("Shares 2 of your 3 focus lanes: market and growth.");
    expect(text.goals).toBe("Helps with 1 of your 2 goals: Lead a team.");
    expect(text.seniority).toBe(
      "Senior PM, 1 level ahead of you (Product manager); the program prefers 1 to 2 levels.",
    );
    expect(text.timeZone).toBe("1 hour apart (Europe/London, you are in Europe/Berlin).");
    expect(text.availability).toBe("10 h of weekly availability in common.");
    expect(text.experience).toBe(
      "Brings experience you lack: a company scaling up (fire to great) and business-to-business products.",
    );
    const points = explanation.criteria.reduce((sum, c) => sum + c.points, 0);
    expect(Math.abs(points - explanation.score)).toBeLessThanOrEqual(1);
    const k = Array.from(scored.problem.pairMentor).indexOf(1);
    expect(scored.problem.pairScore[k]).toBe(explanation.score);
  });

  it("removes pairs by hard rules and says why", () => {
    const scored = scorePairs(
      cohort({
        program: {
          referenceDate: "2025-01-15T12:00:00Z",
          rules: { neverPair: [{ menteeId: "ada", mentorId: "linus" }] },
        },
      }),
    );
    // grace manages ada; linus is on the never-pair list; margaret's only slot is 3 a.m. in Berlin.
    expect(Array.from(scored.problem.pairMentor)).toEqual([]);
    const reasons = (j: number) => {
      const explanation = scored.explainPair(0, j);
      return explanation.feasible ? [] : explanation.reasons.map((r) => r.reason);
    };
    expect(reasons(0)).toEqual(["reportingLine"]);
    expect(reasons(1)).toEqual(["neverPair"]);
    expect(reasons(2)).toEqual(["noAvailabilityOverlap"]);
    expect(scored.excludedBy).toEqual({
      reportingLine: 1,
      noAvailabilityOverlap: 1,
      notSeniorEnough: 0,
      neverPair: 1,
    });
  });

  it("requires the mentor to be ahead by the chosen gap", () => {
    const scored = scorePairs(
      cohort({ program: { referenceDate: "2025-01-15T12:00:00Z", seniority: { minGap: 2, maxGap: 3 } } }),
    );
    const explanation = scored.explainPair(0, 1);
    expect(explanation.feasible).toBe(false);
    if (!explanation.feasible)
      expect(explanation.reasons[0]?.text).toBe(
        "The mentor (Senior PM) is not at least 2 levels ahead of you (Product manager).",
      );
  });

  it("rejects invalid input at the boundary", () => {
    expect(() =>
      scorePairs(cohort({ mentees: [{ ...cohort().mentees[0], timeZone: "Mars/Olympus" }] as never })),
    ).toThrow(/IANA time zone/);
    expect(() =>
      scorePairs(cohort({ mentors: [{ ...cohort().mentors[0], capacity: -1 }] as CohortInput["mentors"] })),
    ).toThrow();
  });

  it("feeds the matching engine", () => {
    const scored = scorePairs(cohort({ program: { referenceDate: "2025-01-15T12:00:00Z" } }));
    const result = solveMatching(scored.problem, { mode: "participation" });
    expect(result.matched).toBe(1);
    expect(scored.mentorIds[result.mentorOf[0] as number]).toBe("linus");
  });

  it("gives every feasible pair the score its explanation adds up to", () => {
    const zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Auckland"];
    const levels = ["apm", "pm", "senior_pm", "group_pm", "director", "vp", "cpo"] as const;
    const allLanes = ["crafting", "market", "organizational", "domain", "team", "growth"] as const;
    const slots = (k: number) => [{ day: k % 7, start: "06:00", end: "22:00" }];
    const scored = scorePairs({
      program: { referenceDate: "2025-07-01T00:00:00Z", rules: { requireAvailabilityOverlap: false } },
      mentees: Array.from({ length: 30 }, (_, i) => ({
        id: `mentee-${i}`,
        level: levels[i % 4] as (typeof levels)[number],
        timeZone: zones[i % 5] as string,
        focusLanes: allLanes.filter((_, k) => (i >> k) & 1),
        goals: ["Grow", "Lead"].slice(0, i % 3),
        availability: slots(i),
        experience: { stages: i % 2 ? ["pre_pmf" as const] : [], markets: [] },
      })),
      mentors: Array.from({ length: 12 }, (_, j) => ({
        id: `mentor-${j}`,
        level: levels[2 + (j % 5)] as (typeof levels)[number],
        timeZone: zones[(j + 2) % 5] as string,
        lanes: allLanes.filter((_, k) => (j >> (k % 4)) & 1),
        goals: ["lead"],
        availability: slots(j),
        experience: { stages: ["fire_to_great" as const], markets: ["b2b" as const] },
        capacity: 2,
      })),
    });
    expect(scored.problem.pairScore.length).toBeGreaterThan(100);
    scored.problem.pairScore.forEach((score, k) => {
      const explanation = scored.explainPair(
        scored.problem.pairMentee[k] as number,
        scored.problem.pairMentor[k] as number,
      );
      expect(explanation.feasible && explanation.score).toBe(score);
    });
  });
});
