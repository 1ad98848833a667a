import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { lastDayOf, type TourWarning, tourListWarnings, tourWarnings } from "../../../shared/tours.ts";

type Span = { id: string; title: string; startsOn: string; endsOn: string; endedOn: string | null };

// The definition, pair by pair: every other tour whose days meet this one's, in the others' order.
function overlapsPairwise(tour: Span, others: Span[]): TourWarning[] {
  const end = lastDayOf(tour);
  return others
    .filter((other) => other.id !== tour.id && other.startsOn < end && tour.startsOn < lastDayOf(other))
    .map((other) => ({
      code: "overlap" as const,
      tourId: other.id,
      message: `Overlaps “${other.title}” (${formatCalendarDate(other.startsOn)} – ${formatCalendarDate(lastDayOf(other))}).`,
    }));
}

const day = (offset: number) => new Date(Date.UTC(2030, 0, 1 + offset)).toISOString().slice(0, 10);

// Short spans on a small calendar, so ties, touching ends and tours ended on their first day are common.
const span = fc
  .record({
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: 1, max: 15 }),
    endedAfter: fc.option(fc.integer({ min: 0, max: 15 })),
  })
  .map(({ start, length, endedAfter }) => ({
    startsOn: day(start),
    endsOn: day(start + length),
    endedOn: endedAfter === null ? null : day(start + Math.min(endedAfter, length)),
  }));
const tourList = fc
  .array(span, { maxLength: 14 })
  .map((spans) => spans.map((s, index) => ({ ...s, id: `t${index}`, title: `Tour ${index}` })));

describe("overlap warnings by sort and sweep", () => {
  it("gives every tour of a list the same overlaps as comparing it with each other tour", () => {
    fc.assert(
      fc.property(tourList, (tours) => {
        const warnings = tourListWarnings(tours, tours);
        tours.forEach((tour, index) => {
          expect(warnings[index]?.filter((w) => w.code === "overlap")).toEqual(overlapsPairwise(tour, tours));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("compares a page with the tours near it, and a tour being typed (no id yet) with all", () => {
    fc.assert(
      fc.property(tourList, fc.nat(), span, (tours, cut, typed) => {
        const page = tours.slice(0, cut % (tours.length + 1));
        const warnings = tourListWarnings(page, tours);
        page.forEach((tour, index) => {
          expect(warnings[index]?.filter((w) => w.code === "overlap")).toEqual(overlapsPairwise(tour, tours));
        });
        const draft = { ...typed, id: "new", title: "Draft" };
        expect(tourWarnings(typed, tours).filter((w) => w.code === "overlap")).toEqual(
          overlapsPairwise(draft, tours),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the length advice first, and touching tours apart", () => {
    const first = { id: "a", title: "First", startsOn: "2030-01-01", endsOn: "2030-12-31", endedOn: null };
    const next = { id: "b", title: "Next", startsOn: "2030-12-31", endsOn: "2031-06-30", endedOn: null };
    const inside = { id: "c", title: "Inside", startsOn: "2030-03-01", endsOn: "2030-04-01", endedOn: null };
    expect(tourListWarnings([first, next, inside], [first, next, inside])).toEqual([
      [
        {
          code: "overlap",
          tourId: "c",
          message: "Overlaps “Inside” (1 Mar 2030 – 1 Apr 2030).",
        },
      ],
      [{ code: "too_short", message: expect.stringMatching(/about 6 months long/) }],
      [
        { code: "too_short", message: expect.stringMatching(/about 1 month long/) },
        { code: "overlap", tourId: "a", message: "Overlaps “First” (1 Jan 2030 – 31 Dec 2030)." },
      ],
    ]);
  });
});
