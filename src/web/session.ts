import { queryOptions, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { formatMoment, formatMomentDay, todayIn } from "../shared/calendar-date.ts";
import type { Level, Track } from "../shared/profile.ts";
import { api } from "./api.ts";

export type Role = "member" | "admin";
export type MeUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
};
export type ProfileData = {
  name: string;
  headline: string;
  level: Level | null;
  track: Track | null;
  company: string;
  timeZone: string | null;
  version: number;
};
export type Me = { user: MeUser; profile: ProfileData };

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => api.get<Me>("/api/me"),
  staleTime: 30_000,
  retry: false,
});

/** The signed-in person. Only for pages under the signed-in layout, which loads it first. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

/** Today on the member's own calendar, as the server reckons it for every "not after today" rule. */
export function useMemberToday(): string {
  return todayIn(useMe().profile.timeZone);
}

/** Shows instants on the member's own calendar and clock, the way every page does. */
export function useMomentFormat() {
  const zone = useMe().profile.timeZone;
  return {
    moment: (instant: string) => formatMoment(instant, zone),
    day: (instant: string) => formatMomentDay(instant, zone),
  };
}

export function useSetMe() {
  const queryClient = useQueryClient();
  return (update: (me: Me) => Me) => {
    const current = queryClient.getQueryData(meQuery.queryKey);
    if (current) queryClient.setQueryData(meQuery.queryKey, update(current));
  };
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

export function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length >= 2 ? `${parts[0]?.[0]}${parts[parts.length - 1]?.[0]}` : (parts[0]?.[0] ?? email[0]);
  return (letters ?? "?").toUpperCase();
}

/** Only paths inside this app: never another origin. */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\"))
    return "/";
  return next;
}
