import { queryOptions } from "@tanstack/react-query";
import { formatCalendarMonth } from "../../../shared/calendar-date.ts";
import type { PortfolioCoverage, PortfolioRole } from "../../../shared/portfolio.ts";
import { api } from "../../api.ts";

export const portfolioRolesQuery = queryOptions({
  queryKey: ["portfolio", "roles"],
  queryFn: () => api.get<{ roles: PortfolioRole[] }>("/api/portfolio/roles"),
});

export const portfolioCoverageQuery = queryOptions({
  queryKey: ["portfolio", "coverage"],
  queryFn: () => api.get<PortfolioCoverage>("/api/portfolio/coverage"),
});

/** "Mar 2019 – Aug 2021", or "Sep 2021 – now" for a current role. Calendar dates, so no time zone shift. */
export function formatRolePeriod(role: Pick<PortfolioRole, "startsOn" | "endsOn">): string {
  return `${formatCalendarMonth(role.startsOn)} – ${role.endsOn ? formatCalendarMonth(role.endsOn) : "now"}`;
}
