import { equityScenarios, type HealthCheck, healthVerdict } from "../../../shared/health-check.ts";
import type { HealthCheckRow } from "./health-check.repo.ts";

export function presentHealthCheck(row: HealthCheckRow, decisionTitle: string | undefined): HealthCheck {
  const equity = row.equity
    ? {
        shares: row.equity.shares,
        strikePrice: row.equity.strikePrice,
        fullyDilutedShares: row.equity.fullyDilutedShares,
        preferences: row.equity.preferences.map((p) => ({ name: p.name, amount: p.amount })),
        exitValues: [...row.equity.exitValues],
      }
    : null;
  const signs = { ...row.signs };
  const reasons = {
    roleElsewhere: row.reasons.roleElsewhere,
    loyalty: row.reasons.loyalty,
    fearOfSearch: row.reasons.fearOfSearch,
    notes: row.reasons.notes,
  };
  return {
    id: row.id,
    company: row.company,
    subject: row.subject,
    signs,
    signNotes: row.signNotes,
    equity,
    reasons,
    decision:
      row.decisionId && decisionTitle !== undefined ? { id: row.decisionId, dilemma: decisionTitle } : null,
    scenarios: equityScenarios(equity),
    verdict: healthVerdict({ subject: row.subject, signs, reasons, equity }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
