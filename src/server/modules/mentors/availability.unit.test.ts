import { describe, expect, it } from "vitest";
import { expandAvailability, overlapHours, slotOnClock } from "./availability.ts";

const tuesdayMorning = [{ weekday: 2, start: "09:00", end: "11:00" }];

function berlinTimes(from: string, days: number, rules = tuesdayMorning, zone = "America/New_York") {
  return expandAvailability(rules, [], zone, new Date(from), days).map((slot) => ({
    mentor: slotOnClock(slot, zone),
    berlin: slotOnClock(slot, "Europe/Berlin"),
  }));
}

describe("availability across daylight-saving changes", () => {
  it("keeps a New York mentor's 09:00 on their clock through March, and moves it for a Berlin mentee", () => {
    // The US moves its clocks on 8 March 2026, Europe on 29 March: three weeks of a five-hour gap.
    const slots = berlinTimes("2026-03-02T12:00:00Z", 30);
    expect(slots.map((s) => [s.mentor.day, s.mentor.start, s.mentor.end])).toEqual([
      ["2026-03-03", "09:00", "11:00"],
      ["2026-03-10", "09:00", "11:00"],
      ["2026-03-17", "09:00", "11:00"],
      ["2026-03-24", "09:00", "11:00"],
      ["2026-03-31", "09:00", "11:00"],
    ]);
    expect(slots.map((s) => `${s.berlin.day} ${s.berlin.start}-${s.berlin.end}`)).toEqual([
      "2026-03-03 15:00-17:00",
      "2026-03-10 14:00-16:00",
      "2026-03-17 14:00-16:00",
      "2026-03-24 14:00-16:00",
      "2026-03-31 15:00-17:00",
    ]);
  });

  it("does the same in October, when Europe changes a week before the US", () => {
    const slots = berlinTimes("2026-10-19T00:00:00Z", 17);
    expect(slots.map((s) => `${s.mentor.day} ${s.mentor.start}`)).toEqual([
      "2026-10-20 09:00",
      "2026-10-27 09:00",
      "2026-11-03 09:00",
    ]);
    expect(slots.map((s) => `${s.berlin.day} ${s.berlin.start}`)).toEqual([
      "2026-10-20 15:00",
      "2026-10-27 14:00",
      "2026-11-03 15:00",
    ]);
  });

  it("gives a window across the skipped hour its real length, and one across the repeated hour too", () => {
    const night = [{ weekday: 7, start: "01:30", end: "03:30" }];
    const [spring] = expandAvailability(night, [], "America/New_York", new Date("2026-03-07T12:00:00Z"), 2);
    // 01:30 EST to 03:30 EDT is one hour of real time.
    expect(spring).toEqual({ start: "2026-03-08T06:30:00.000Z", end: "2026-03-08T07:30:00.000Z" });
    const [autumn] = expandAvailability(night, [], "America/New_York", new Date("2026-10-31T12:00:00Z"), 2);
    expect(Date.parse(autumn?.end ?? "") - Date.parse(autumn?.start ?? "")).toBe(3 * 3600_000);
  });

  it("handles a zone with a half-hour offset: Kolkata seen from Berlin moves by an hour when Berlin changes", () => {
    const evening = [{ weekday: 1, start: "18:00", end: "19:00" }];
    const slots = berlinTimes("2026-03-22T00:00:00Z", 10, evening, "Asia/Kolkata");
    expect(slots.map((s) => `${s.mentor.day} ${s.mentor.start}`)).toEqual([
      "2026-03-23 18:00",
      "2026-03-30 18:00",
    ]);
    expect(slots.map((s) => `${s.berlin.day} ${s.berlin.start}-${s.berlin.end}`)).toEqual([
      "2026-03-23 13:30-14:30",
      "2026-03-30 14:30-15:30",
    ]);
  });

  it("handles Adelaide's half-hour offset and its own April change, seen from New York", () => {
    // Adelaide leaves daylight saving on 5 April 2026 (UTC+10:30 to +9:30).
    const morning = [{ weekday: 3, start: "08:00", end: "09:30" }];
    const slots = expandAvailability(morning, [], "Australia/Adelaide", new Date("2026-03-31T00:00:00Z"), 10);
    expect(slots.map((s) => slotOnClock(s, "Australia/Adelaide").start)).toEqual(["08:00", "08:00"]);
    expect(slots.map((s) => slotOnClock(s, "America/New_York"))).toEqual([
      { day: "2026-03-31", start: "17:30", end: "19:00" },
      { day: "2026-04-07", start: "18:30", end: "20:00" },
    ]);
  });

  it("leaves out days away, on the mentor's calendar", () => {
    const away = [{ from: "2026-03-10", to: "2026-03-17" }];
    const slots = expandAvailability(
      tuesdayMorning,
      away,
      "America/New_York",
      new Date("2026-03-02T12:00:00Z"),
      30,
    );
    expect(slots.map((s) => slotOnClock(s, "America/New_York").day)).toEqual([
      "2026-03-03",
      "2026-03-24",
      "2026-03-31",
    ]);
  });

  it("counts the hours that fall in the viewer's waking day", () => {
    const slots = expandAvailability(
      tuesdayMorning,
      [],
      "America/New_York",
      new Date("2026-03-09T00:00:00Z"),
      7,
    );
    // 14:00-16:00 in Berlin: all of it; 22:00-24:00 in Tokyo: none of it.
    expect(overlapHours(slots, "Europe/Berlin")).toBe(2);
    expect(overlapHours(slots, "Asia/Tokyo")).toBe(0);
  });
});
