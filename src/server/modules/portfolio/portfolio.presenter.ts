import { type PortfolioRole, roleExperiences } from "../../../shared/portfolio.ts";
import type { PortfolioRoleRow } from "./portfolio.repo.ts";

export function presentPortfolioRole(row: PortfolioRoleRow): PortfolioRole {
  return {
    id: row.id,
    company: row.company,
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn ?? null,
    stage: row.stage,
    market: row.market,
    vantage: row.vantage,
    work: row.work,
    peopleManaged: row.peopleManaged,
    wellKnownLogo: row.wellKnownLogo,
    notes: row.notes,
    experiences: roleExperiences(row),
    version: row.version,
  };
}
