import { parseISO } from "date-fns";
import { useLayoutEffect, useRef } from "react";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import {
  type MilestoneStatus,
  milestoneStatusLabels,
  type Tour,
  type TourStatus,
  tourStatusLabels,
} from "../../../shared/tours.ts";
import { useNarrowScreen } from "../../ui/use-narrow-screen.ts";
import { labelLines, scrollLeftForToday } from "./roadmap-layout.ts";
import type { PlanSummary } from "./tours-api.ts";
import "./roadmap.css";

// SVG attributes take colours as values; these are the design tokens' accent, success, warning and danger.
const tourColours: Record<TourStatus, string> = {
  planned: "#8a9bd9",
  active: "#2948b8",
  completed: "#1d6b3f",
  ended_early: "#8a4b00",
};
const milestoneColours: Record<MilestoneStatus, string> = {
  planned: "#ffffff",
  in_progress: "#f2c14e",
  done: "#3fbf7f",
  missed: "#b42318",
};
const markerColour = "#1b2230";

const ms = (iso: string) => parseISO(iso).getTime();
const yearStart = (year: number) => new Date(year, 0, 1).getTime();
const yAxisWidth = 170;
const narrowYAxisWidth = 36;
const chartMargin = { top: 28, right: 24, bottom: 8, left: 8 };

/** A tour's name beside its bar, on two lines when it needs them. */
function TourTick({ x, y, payload }: { x?: number; y?: number; payload?: { value?: string } }) {
  const lines = labelLines(String(payload?.value ?? ""));
  return (
    <text
      x={x}
      y={y}
      textAnchor="end"
      fill="#1b2230"
      fontSize={13}
      className="recharts-cartesian-axis-tick-value"
    >
      {lines.map((line, index) => (
        <tspan key={line} x={x} dy={index === 0 ? (lines.length === 1 ? 4 : -3) : 15}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

type Marker = { key: string; label: string; year: number };

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
        <div className="roadmap-chart" data-testid="roadmap-chart" data-height={height} aria-hidden="true">
          <ResponsiveContainer width="100%" height={height}>
            <ComposedChart data={rows} layout="vertical" margin={chartMargin} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} stroke="#dfe3ea" />
              <XAxis
                type="number"
                domain={[ticks[0] ?? 0, ticks.at(-1) ?? 0]}
                ticks={ticks}
                tickFormatter={(value: number) => String(new Date(value).getFullYear())}
                tick={{ fill: "#4d5768", fontSize: 12 }}
                allowDataOverflow
              />
              <YAxis
                type="category"
                dataKey="key"
                width={axisWidth}
                tick={narrow ? { fill: "#1b2230", fontSize: 13 } : <TourTick />}
                tickFormatter={narrow ? (key: string) => key.slice(0, key.indexOf(".")) : undefined}
              />
              <Bar dataKey="span" barSize={22} radius={4} minPointSize={4} isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell key={row.key} fill={tourColours[row.status]} />
                ))}
              </Bar>
              {tours.flatMap((tour) =>
                tour.milestones.map((milestone) => (
                  <ReferenceDot
                    key={milestone.id}
                    x={ms(milestone.dueOn)}
                    y={`${tour.position}. ${tour.title}`}
                    r={6}
                    fill={milestoneColours[milestone.status]}
                    stroke={markerColour}
                    strokeWidth={1.5}
                    ifOverflow="extendDomain"
                  />
                )),
              )}
              <ReferenceLine
                x={ms(today)}
                stroke="#b42318"
                strokeWidth={2}
                label={{ value: "Today", position: "top", fill: "#b42318", fontSize: 12 }}
              />
              {markers.map((marker) => (
                <ReferenceLine
                  key={marker.key}
                  x={yearStart(marker.year)}
                  stroke={markerColour}
                  strokeDasharray="6 4"
                  label={{
                    value: marker.key === "skip" ? "Skip job" : "North Star",
                    position: "top",
                    fill: markerColour,
                    fontSize: 12,
                  }}
                />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </section>
      <p className="roadmap-scroll-hint small muted" aria-hidden="true">
        Swipe sideways to see the whole timeline.
      </p>
      <ul className="roadmap-key" aria-hidden="true">
        {(Object.keys(tourColours) as TourStatus[]).map((status) => (
          <li key={status}>
            <span className={`roadmap-swatch roadmap-swatch-${status}`} />
            {tourStatusLabels[status]}
          </li>
        ))}
        <li>
          <span className="roadmap-dot" />
          Milestone (filled green when done)
        </li>
        <li>
          <span className="roadmap-today" />
          Today
        </li>
      </ul>
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
