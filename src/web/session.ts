import { queryOptions, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { formatMoment, formatMomentDay, todayIn } from "../shared/calendar-date.ts";
import type { Me, Profile } from "../shared/profile.ts";
import { api, call } from "./api.ts";

export type { Me };
export type MeUser = Me["user"];
export type Role = MeUser["role"];
export type ProfileData = Profile;

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => call(api.me.$get()),
  staleTime: 30_000,
  retry: false,
});

/**
 * Whether the server saw a session cookie when it sent this page: it then has the browser ask for the
 * signed-in person while the app's code loads (a preload of /api/me), so no request waits on another.
 */
export function sessionCookieSent(): boolean {
  return document.querySelector('link[rel="preload"][href="/api/me"]') !== null;
}

/**
 * Whether this browser holds a live session, or undefined when the server could not say. The account
 * server answers 200 with null when signed out, so a signed-out visit logs no failed request.
 */
export async function hasSession(): Promise<boolean | undefined> {
  try {
    const response = await fetch("/api/auth/get-session", {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    if (!response.ok) return undefined;
    const data = (await response.json()) as { session?: unknown } | null;
    return Boolean(data?.session);
  } catch {
    return undefined;
  }
}

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
