import { lazy, useLayoutEffect, useRef } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { milestoneStatusLabels, type TourStatus, tourStatusLabels } from "../../../shared/tour-words.ts";
import type { Tour } from "../../../shared/tours.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { ChartKey } from "../../ui/chart-key.tsx";
import { useNarrowScreen } from "../../ui/use-narrow-screen.ts";
import { chartMargin, ms, scrollLeftForToday, yearStart } from "./roadmap-layout.ts";
import type { PlanSummary } from "./tours-api.ts";
import "./roadmap.css";

// The picture loads after the page is drawn, into a box that already has its height, so nothing moves
// when it arrives.
const RoadmapPicture = lazy(() => import("./roadmap-picture.tsx"));

const yAxisWidth = 170;
const narrowYAxisWidth = 36;

export type Marker = { key: string; label: string; year: number };

export function roadmapMarkers(plan: PlanSummary | null): Marker[] {
  const markers: Marker[] = [];
  if (plan?.skipJob?.targetYear) {
    markers.push({ key: "skip", label: `Skip job: ${plan.skipJob.role}`, year: plan.skipJob.targetYear });
  }
  if (plan?.northStar?.horizonYear) {
    markers.push({
      key: "north",
      label: `North Star: ${plan.northStar.role}`,
      year: plan.northStar.horizonYear,
    });
  }
  return markers;
}

export function RoadmapChart({
  tours,
  plan,
  today,
}: {
  tours: Tour[];
  plan: PlanSummary | null;
  today: string;
}) {
  const markers = roadmapMarkers(plan);
  const rows = tours.map((tour) => ({
    key: `${tour.position}. ${tour.title}`,
    span: [ms(tour.startsOn), ms(tour.endedOn ?? tour.endsOn)],
    status: tour.status,
  }));
  const dates = [
    today,
    ...tours.flatMap((t) => [t.startsOn, t.endsOn, ...t.milestones.map((m) => m.dueOn)]),
  ].map(ms);
  const firstYear = new Date(Math.min(...dates)).getFullYear();
  const lastYear = Math.max(
    new Date(Math.max(...dates)).getFullYear() + 1,
    ...markers.map((m) => m.year + 1),
  );
  const ticks = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => yearStart(firstYear + i));
  const height = 90 + rows.length * 52;
  const scroller = useRef<HTMLElement>(null);
  const narrow = useNarrowScreen();
  const axisWidth = narrow ? narrowYAxisWidth : yAxisWidth;
  const domainStart = ticks[0] ?? 0;
  const domainEnd = ticks.at(-1) ?? 0;
  const todayFraction = domainEnd > domainStart ? (ms(today) - domainStart) / (domainEnd - domainStart) : 0;

  // On a narrow screen the picture is wider than its box: open it at today, not at the first year.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || box.scrollWidth <= box.clientWidth) return;
    const plotLeft = chartMargin.left + axisWidth;
    box.scrollLeft = scrollLeftForToday({
      todayFraction,
      plotLeft,
      plotWidth: box.scrollWidth - plotLeft - chartMargin.right,
      visibleWidth: box.clientWidth,
      totalWidth: box.scrollWidth,
    });
  }, [todayFraction, axisWidth]);

  return (
    <figure className="roadmap">
      {narrow ? (
        <ol className="roadmap-names" aria-hidden="true">
          {tours.map((tour) => (
            <li key={tour.id} value={tour.position}>
              {tour.title}
            </li>
          ))}
        </ol>
      ) : null}
      <section
        ref={scroller}
        className="roadmap-scroll"
        aria-label="Roadmap picture; scroll sideways on a small screen"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard, so the picture can be scrolled sideways on a phone.
        tabIndex={0}
      >
        <div
          className="roadmap-chart"
          data-testid="roadmap-chart"
          data-height={height}
          style={{ height }}
          aria-hidden="true"
        >
          <AfterPaint
            component={RoadmapPicture}
            props={{ rows, ticks, narrow, axisWidth, tours, markers, today }}
          />
        </div>
      </section>
      <p className="roadmap-scroll-hint small muted" aria-hidden="true">
        Swipe sideways to see the whole timeline.
      </p>
      <ChartKey
        items={[
          ...(Object.keys(tourStatusLabels) as TourStatus[]).map((status) => ({
            key: status,
            label: tourStatusLabels[status],
            swatch: `chart-swatch roadmap-swatch-${status}`,
          })),
          { key: "milestone", label: "Milestone (filled green when done)", swatch: "roadmap-dot" },
          { key: "today", label: "Today", swatch: "roadmap-today" },
        ]}
      />
      <figcaption className="visually-hidden">
        <table>
          <caption>Your tours of duty and their milestones, in order</caption>
          <thead>
            <tr>
              <th scope="col">Tour</th>
              <th scope="col">Dates</th>
              <th scope="col">Status</th>
              <th scope="col">Milestones</th>
            </tr>
          </thead>
          <tbody>
            {tours.map((tour) => (
              <tr key={tour.id}>
                <th scope="row">
                  {tour.position}. {tour.title}
                </th>
                <td>
                  {formatCalendarDate(tour.startsOn)} to {formatCalendarDate(tour.endedOn ?? tour.endsOn)}
                </td>
                <td>{tourStatusLabels[tour.status]}</td>
                <td>
                  {tour.milestones.length
                    ? tour.milestones
                        .map(
                          (m) =>
                            `${m.title}, due ${formatCalendarDate(m.dueOn)}, ${milestoneStatusLabels[m.status].toLowerCase()}`,
                        )
                        .join("; ")
                    : "None"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Today is {formatCalendarDate(today)}.
          {markers.map((marker) => ` ${marker.label}, ${marker.year}.`).join("")}
        </p>
      </figcaption>
    </figure>
  );
}
