import type { LaneAssessment } from "../../../shared/lanes.ts";
import type { LaneAssessmentRow } from "./lanes.repo.ts";

export function presentLaneAssessment(row: LaneAssessmentRow): LaneAssessment {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    ratings: {
      crafting: row.crafting,
      market: row.market,
      organizational: row.organizational,
      domain: row.domain,
      team: row.team,
      growth: row.growth,
    },
    evidence: {
      crafting: row.evidence.crafting ?? "",
      market: row.evidence.market ?? "",
      organizational: row.evidence.organizational ?? "",
      domain: row.evidence.domain ?? "",
      team: row.evidence.team ?? "",
      growth: row.evidence.growth ?? "",
    },
    domainName: row.domainName,
    worldClassLane: row.worldClassLane ?? null,
  };
}
