// Calendar dates are counted on the UTC calendar with the built-in Date: no date library, since every
// page that shows a date loads this file before its first picture.
import { isTimeZone } from "./time-zone.ts";

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of a calendar date, or null when the string is not one that exists. */
function utcDate(value: string): Date | null {
  const [, year, month, day] = isoDate.exec(value) ?? [];
  if (!year) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? date : null;
}

/** "YYYY-MM-DD" of a UTC midnight. */
function isoOf(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** True for an ISO calendar date that exists, such as "2026-02-28" (not "2026-02-30"). */
export function isCalendarDate(value: string): boolean {
  return utcDate(value) !== null;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone and kind, kept.
function cachedFormatter(
  cache: Map<string, Intl.DateTimeFormat>,
  make: (zone: string) => Intl.DateTimeFormat,
) {
  return (timeZone?: string | null) => {
    const key = timeZone ?? "";
    let formatter = cache.get(key);
    if (!formatter) {
      formatter = make(timeZone && isTimeZone(timeZone) ? timeZone : "UTC");
      cache.set(key, formatter);
    }
    return formatter;
  };
}

const dayFormatter = cachedFormatter(
  new Map(),
  (zone) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }),
);
const momentFormatter = cachedFormatter(
  new Map(),
  (zone) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
);

// Nearly every signed-in request asks what day it is for its member; formatting a date in a time zone
// is the dearest part of it, so each zone's answer is kept for the rest of the second it was made in.
const todayByZone = new Map<string, { second: number; day: string }>();

/** Today's calendar date in a time zone (UTC when none is known). */
export function todayIn(timeZone?: string | null, at?: Date): string {
  if (at) return dayFormatter(timeZone).format(at);
  const now = Date.now();
  const second = Math.floor(now / 1000);
  const zone = timeZone ?? "";
  const known = todayByZone.get(zone);
  if (known?.second === second) return known.day;
  const day = dayFormatter(timeZone).format(now);
  if (todayByZone.size > 1000) todayByZone.clear();
  todayByZone.set(zone, { second, day });
  return day;
}

// A date is "not in the future" if it is today somewhere: the first time zone to reach a date is
// UTC+14, so this accepts what a person in any time zone may call today without knowing theirs.
export function isNotInTheFuture(value: string): boolean {
  return value <= todayIn("Pacific/Kiritimati");
}

export function currentYear(): number {
  return new Date().getUTCFullYear();
}

/** Today's date in UTC, for records that must not hint at anyone's time zone (a giver's answer day). */
export function isoDay(): string {
  return todayIn("UTC");
}

/** The calendar date a number of days after (or, if negative, before) another. */
export function addDays(day: string, days: number): string {
  const date = utcDate(day.slice(0, 10));
  if (!date) throw new RangeError("Invalid time value");
  date.setUTCDate(date.getUTCDate() + days);
  return isoOf(date);
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Day, month name and year of a calendar date (or of the local date of an ISO timestamp). */
function calendarParts(value: string): { day: number; month: string; year: string } {
  const [, year, month, day] = isoDate.exec(value) ?? [];
  const name = monthNames[Number(month) - 1];
  // Lists format a date per item: the common case is read off the string.
  if (year && name && utcDate(value)) return { day: Number(day), month: name, year };
  // A timestamp: its date on this machine's calendar.
  const parsed = isoDate.test(value) ? new Date(Number.NaN) : new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new RangeError("Invalid time value");
  return {
    day: parsed.getDate(),
    month: monthNames[parsed.getMonth()] ?? "",
    year: String(parsed.getFullYear()).padStart(4, "0"),
  };
}

/** The one way Sidecar shows a calendar date, in pages, emails and error messages alike: "2 Dec 2026". */
export function formatCalendarDate(value: string): string {
  const { day, month, year } = calendarParts(value);
  return `${day} ${month} ${year}`;
}

/** A month of a calendar date, in the same style: "Dec 2026". */
export function formatCalendarMonth(value: string): string {
  const { month, year } = calendarParts(value);
  return `${month} ${year}`;
}

function momentParts(instant: string | Date, timeZone?: string | null) {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  const parts = momentFormatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: `${part("year")}-${part("month")}-${part("day")}`,
    time: `${part("hour")}:${part("minute")}`,
  };
}

/** An instant (an ISO timestamp) on the reader's calendar and clock: "2 Dec 2026, 14:05". */
export function formatMoment(instant: string | Date, timeZone?: string | null): string {
  const parts = momentParts(instant, timeZone);
  return parts ? `${formatCalendarDate(parts.day)}, ${parts.time}` : String(instant);
}

/** The calendar day of an instant on the reader's calendar: "2 Dec 2026". */
export function formatMomentDay(instant: string | Date, timeZone?: string | null): string {
  const parts = momentParts(instant, timeZone);
  return parts ? formatCalendarDate(parts.day) : String(instant);
}

/** The calendar year of a member's today. */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
