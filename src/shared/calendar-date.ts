import { addDays as addCalendarDays, format, isValid, parseISO } from "date-fns";
import { z } from "zod";
import { isTimeZone } from "./profile.ts";

/** True for an ISO calendar date that exists, such as "2026-02-28" (not "2026-02-30"). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, "yyyy-MM-dd") === value;
}

/** A calendar date "YYYY-MM-DD" with no time zone (a tour starts on a day, not an instant), in a plausible range. */
export function calendarDate(message: string) {
  return z
    .string({ error: message })
    .refine(isCalendarDate, message)
    .refine((value) => value >= "1900-01-01" && value <= "2199-12-31", "Pick a date between 1900 and 2199");
}

/** A calendar date as the API answers it. */
export const dayOutput = z.string().meta({ format: "date", example: "2026-01-15" });
/** An instant as the API answers it (ISO 8601, UTC). */
export const instantOutput = z.string().meta({ format: "date-time", example: "2026-01-15T09:30:00.000Z" });

/** Today's calendar date in a time zone (UTC when none is known). */
export function todayIn(timeZone?: string | null): string {
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : "UTC";
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

// A date is "not in the future" if it is today somewhere: the first time zone to reach a date is
// UTC+14, so this accepts what a person in any time zone may call today without knowing theirs.
export function isNotInTheFuture(value: string): boolean {
  return value <= todayIn("Pacific/Kiritimati");
}

export function currentYear(): number {
  return new Date().getUTCFullYear();
}

/** Today's date in UTC, for records that must not hint at anyone's time zone. */
export function isoDay(): string {
  return todayIn("UTC");
}

/** The calendar date a number of days after (or, if negative, before) another. */
export function addDays(day: string, days: number): string {
  return format(addCalendarDays(parseISO(day), days), "yyyy-MM-dd");
}
