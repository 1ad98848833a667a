import { describe, expect, it } from "vitest";
import { isMilestoneOverdue, isRenegotiationOverdue, isRevisitOverdue } from "./overdue.ts";

const today = "2026-12-03";

describe("overdue on the member's calendar", () => {
  it("a milestone past its due date and still open is overdue; one due today, done or missed is not", () => {
    expect(isMilestoneOverdue({ dueOn: "2026-12-02", status: "planned" }, today)).toBe(true);
    expect(isMilestoneOverdue({ dueOn: "2026-12-02", status: "in_progress" }, today)).toBe(true);
    expect(isMilestoneOverdue({ dueOn: "2026-12-03", status: "planned" }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueOn: "2026-12-02", status: "done" }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueOn: "2026-12-02", status: "missed" }, today)).toBe(false);
  });

  it("a passed renegotiation date is overdue while the tour is planned or running, not once it ended", () => {
    expect(isRenegotiationOverdue({ renegotiateOn: "2026-11-30", status: "active" }, today)).toBe(true);
    expect(isRenegotiationOverdue({ renegotiateOn: "2026-11-30", status: "planned" }, today)).toBe(true);
    expect(isRenegotiationOverdue({ renegotiateOn: "2026-11-30", status: "completed" }, today)).toBe(false);
    expect(isRenegotiationOverdue({ renegotiateOn: "2026-11-30", status: "ended_early" }, today)).toBe(false);
    expect(isRenegotiationOverdue({ renegotiateOn: null, status: "active" }, today)).toBe(false);
    expect(isRenegotiationOverdue({ renegotiateOn: today, status: "active" }, today)).toBe(false);
  });

  it("a decision past its revisit date is overdue; one due today is due, not overdue", () => {
    expect(isRevisitOverdue({ revisitOn: "2026-12-01" }, today)).toBe(true);
    expect(isRevisitOverdue({ revisitOn: today }, today)).toBe(false);
    expect(isRevisitOverdue({ revisitOn: null }, today)).toBe(false);
  });
});
