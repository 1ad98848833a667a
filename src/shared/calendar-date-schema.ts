// Apart from the date helpers, which every page loads: only the pages that validate dates load zod.
import { z } from "zod";
import { isCalendarDate } from "./calendar-date.ts";

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
