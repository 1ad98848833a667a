import { TZDate } from "@date-fns/tz";
import type { AvailabilityRule, AwayPeriod, Slot } from "../../../shared/mentors.ts";

const minuteMs = 60_000;
const pad = (n: number) => String(n).padStart(2, "0");

function wall(time: string): [number, number] {
  const [h, m] = time.split(":").map(Number);
  return [h ?? 0, m ?? 0];
}

/** The calendar day of a wall-clock date in its own zone, "YYYY-MM-DD". */
function dayOf(date: TZDate): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Expands weekly wall-clock rules kept in the mentor's own time zone into instants, for `days`
 * calendar days of the mentor's calendar from `from`. Each rule is placed on its local day in that
 * zone, so "Tuesdays 09:00–11:00 in New York" stays 09:00–11:00 in New York across a daylight-saving
 * change, and moves for everyone else. A start time that does not exist that day (the hour skipped in
 * spring) moves forward with the clock. Days away are left out.
 */
export function expandAvailability(
  rules: readonly AvailabilityRule[],
  away: readonly AwayPeriod[],
  timeZone: string,
  from: Date,
  days: number,
): Slot[] {
  const here = new TZDate(from.getTime(), timeZone);
  const [y, m, d] = [here.getFullYear(), here.getMonth(), here.getDate()];
  const slots: { start: number; end: number }[] = [];
  for (let i = 0; i < days; i++) {
    const midnight = new TZDate(y, m, d + i, timeZone);
    const day = dayOf(midnight);
    if (away.some((period) => period.from <= day && day <= period.to)) continue;
    const weekday = midnight.getDay() === 0 ? 7 : midnight.getDay();
    for (const rule of rules) {
      if (rule.weekday !== weekday) continue;
      const [sh, sm] = wall(rule.start);
      const [eh, em] = wall(rule.end);
      const start = new TZDate(y, m, d + i, sh, sm, timeZone).getTime();
      const end = new TZDate(y, m, d + i, eh, em, timeZone).getTime();
      if (end <= from.getTime() || end <= start) continue;
      slots.push({ start: Math.max(start, from.getTime()), end });
    }
  }
  return slots
    .sort((a, b) => a.start - b.start)
    .map((slot) => ({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() }));
}

/** A slot's start and end on someone's own clock: { day: "2026-03-10", start: "15:00", end: "17:00" }. */
export function slotOnClock(slot: Slot, timeZone: string) {
  const start = new TZDate(Date.parse(slot.start), timeZone);
  const end = new TZDate(Date.parse(slot.end), timeZone);
  const clock = (date: TZDate) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return { day: dayOf(start), start: clock(start), end: clock(end) };
}

/** Waking hours on the viewer's clock, in which a mentor's time is useful to them. */
export const wakingHours = { from: 8, to: 20 } as const;

/** Hours of the slots that fall between 08:00 and 20:00 on the viewer's own clock. */
export function overlapHours(slots: readonly Slot[], viewerZone: string): number {
  let minutes = 0;
  const step = 15;
  for (const slot of slots) {
    for (let t = Date.parse(slot.start); t < Date.parse(slot.end); t += step * minuteMs) {
      const hour = new TZDate(t, viewerZone).getHours();
      if (hour >= wakingHours.from && hour < wakingHours.to) minutes += step;
    }
  }
  return Math.round((minutes / 60) * 10) / 10;
}
