import { format, parseISO } from "date-fns";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addDays,
  formatCalendarDate,
  formatCalendarMonth,
  formatMoment,
  formatMomentDay,
  todayIn,
} from "./calendar-date.ts";
import { closingDateProblem } from "./feedback.ts";

describe("one date format", () => {
  it("shows calendar dates and months the same way everywhere, without shifting them across zones", () => {
    expect(formatCalendarDate("2026-03-01")).toBe("1 Mar 2026");
    expect(formatCalendarDate("2026-12-31")).toBe("31 Dec 2026");
    expect(formatCalendarMonth("2019-03-15")).toBe("Mar 2019");
  });

  it("shows an instant on the reader's own calendar and clock", () => {
    const instant = "2026-03-29T23:30:00Z";
    expect(formatMoment(instant, "UTC")).toBe("29 Mar 2026, 23:30");
    expect(formatMoment(instant, "Europe/Berlin")).toBe("30 Mar 2026, 01:30");
    expect(formatMoment(instant, "America/New_York")).toBe("29 Mar 2026, 19:30");
    expect(formatMoment(instant, "Asia/Kolkata")).toBe("30 Mar 2026, 05:00");
    expect(formatMomentDay(instant, "Europe/Berlin")).toBe("30 Mar 2026");
    expect(formatMoment(instant, null)).toBe("29 Mar 2026, 23:30");
    expect(formatMoment(instant, "Not/AZone")).toBe("29 Mar 2026, 23:30");
  });

  it("judges a closing date against the member's today and says the day in the same format", () => {
    const today = "2026-12-02";
    expect(closingDateProblem(today, today)).toBeNull();
    expect(closingDateProblem(addDays(today, 180), today)).toBeNull();
    expect(closingDateProblem(addDays(today, -1), today)).toBe(
      "Pick a closing date from today (2 Dec 2026) on",
    );
    expect(closingDateProblem(addDays(today, 181), today)).toBe(
      "Pick a closing date within six months, by 31 May 2027",
    );
  });
});

describe("the quick calendar date format", () => {
  it("writes every date as date-fns's d MMM yyyy would, and refuses the same impossible ones", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const value = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const expected = (() => {
            try {
              return format(parseISO(value), "d MMM yyyy");
            } catch {
              return "refused";
            }
          })();
          const got = (() => {
            try {
              return formatCalendarDate(value);
            } catch {
              return "refused";
            }
          })();
          expect(got).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("today in a time zone", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("turns over at each zone's own midnight, asked again and again across it", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-31T23:59:59.900Z"));
    for (let i = 0; i < 3; i++) {
      expect(todayIn("UTC")).toBe("2026-12-31");
      expect(todayIn(null)).toBe("2026-12-31");
      expect(todayIn("Pacific/Kiritimati")).toBe("2027-01-01");
      expect(todayIn("America/New_York")).toBe("2026-12-31");
    }
    vi.setSystemTime(new Date("2027-01-01T00:00:00.050Z"));
    expect(todayIn("UTC")).toBe("2027-01-01");
    expect(todayIn(null)).toBe("2027-01-01");
    expect(todayIn("America/New_York")).toBe("2026-12-31");
    vi.setSystemTime(new Date("2027-01-01T05:00:00.000Z"));
    expect(todayIn("America/New_York")).toBe("2027-01-01");
    expect(todayIn("UTC", new Date("2020-02-29T12:00:00Z"))).toBe("2020-02-29");
  });
});
