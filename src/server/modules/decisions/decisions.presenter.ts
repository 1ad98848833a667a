import type { Decision, DecisionDiscussion } from "../../../shared/decisions.ts";
import type { DecisionRevisitRow, DecisionRow } from "./decisions.repo.ts";

export function presentDecision(
  row: DecisionRow,
  revisits: DecisionRevisitRow[],
  today: string,
  discussions: DecisionDiscussion[],
): Decision {
  return {
    id: row.id,
    dilemma: row.dilemma,
    options: row.options.map((option) => ({ label: option.label, servesSkipJob: option.servesSkipJob })),
    decision: row.decision,
    reason: row.reason,
    decidedOn: row.decidedOn,
    revisitOn: row.revisitOn,
    dueForRevisit: row.revisitOn !== null && row.revisitOn <= today,
    revisits: revisits.map((revisit) => ({
      id: revisit.id,
      revisitedOn: revisit.revisitedOn,
      outcome: revisit.outcome,
    })),
    discussions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
