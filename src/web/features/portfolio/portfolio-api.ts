import { queryOptions } from "@tanstack/react-query";
import type { PortfolioRole } from "../../../shared/portfolio.ts";
import { api, call } from "../../api.ts";

export const portfolioRolesQuery = queryOptions({
  queryKey: ["portfolio", "roles"],
  queryFn: () => call(api.portfolio.roles.$get()),
});

export const portfolioCoverageQuery = queryOptions({
  queryKey: ["portfolio", "coverage"],
  queryFn: () => call(api.portfolio.coverage.$get()),
});

const monthFormat = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" });

/** "Mar 2019 – Aug 2021", or "Sep 2021 – now" for a current role. Calendar dates, so no time zone shift. */
export function formatRolePeriod(role: Pick<PortfolioRole, "startsOn" | "endsOn">): string {
  const month = (iso: string) => monthFormat.format(new Date(`${iso}T00:00:00Z`));
  return `${month(role.startsOn)} – ${role.endsOn ? month(role.endsOn) : "now"}`;
}
