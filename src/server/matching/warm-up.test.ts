import { describe, expect, it } from "vitest";
import { certifyMatching } from "./certify-matching.ts";
import { solveMatching } from "./solve-matching.ts";
import { warmUpCohort, warmUpSolver } from "./warm-up.ts";

describe("warmUpSolver", () => {
  it("solves its built-in cohort exactly in both modes and leaves later solves unchanged", () => {
    const cohort = warmUpCohort();
    const before = solveMatching(cohort, { mode: "score" });
    warmUpSolver();
    for (const mode of ["participation", "score"] as const) {
      const result = solveMatching(cohort, { mode });
      expect(certifyMatching(cohort, mode, result)).toBeNull();
    }
    const after = solveMatching(cohort, { mode: "score" });
    expect(Array.from(after.mentorOf)).toEqual(Array.from(before.mentorOf));
  });

  it("builds the same cohort every time, grouped by mentee, with distinct mentors per mentee", () => {
    const a = warmUpCohort(50, 20, 10);
    const b = warmUpCohort(50, 20, 10);
    expect(Array.from(a.pairScore)).toEqual(Array.from(b.pairScore));
    for (let i = 0; i < 50; i++) {
      const mentors = new Set(Array.from(a.pairMentor.subarray(i * 10, i * 10 + 10)));
      expect(mentors.size).toBe(10);
      expect(Array.from(a.pairMentee.subarray(i * 10, i * 10 + 10)).every((m) => m === i)).toBe(true);
    }
  });
});
