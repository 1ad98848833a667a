import { queryOptions } from "@tanstack/react-query";
import { formatCalendarMonth } from "../../../shared/calendar-date.ts";
import type { PortfolioRole } from "../../../shared/portfolio.ts";
import { api, call, readOncePerVisit } from "../../api.ts";

export const portfolioRolesQuery = queryOptions({
  ...readOncePerVisit,
  queryKey: ["portfolio", "roles"],
  queryFn: () => call(api.portfolio.roles.$get()),
});

export const portfolioCoverageQuery = queryOptions({
  ...readOncePerVisit,
  queryKey: ["portfolio", "coverage"],
  queryFn: () => call(api.portfolio.coverage.$get()),
});

/** "Mar 2019 – Aug 2021", or "Sep 2021 – now" for a current role. Calendar dates, so no time zone shift. */
export function formatRolePeriod(role: Pick<PortfolioRole, "startsOn" | "endsOn">): string {
  return `${formatCalendarMonth(role.startsOn)} – ${role.endsOn ? formatCalendarMonth(role.endsOn) : "now"}`;
}

/** How a role is named in headings and messages: "Title at Company". */
export function roleLabel(role: { title: string; company: string }): string {
  return `${role.title} at ${role.company}`;
}

/** Where a role form keeps what was typed until it is saved or the dialog is closed. */
export function roleDraftKey(userId: string, roleId?: string): string {
  return `sidecar:draft:${userId}:portfolio-role:${roleId ?? "new"}`;
}
