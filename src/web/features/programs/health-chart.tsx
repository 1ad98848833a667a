import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { type KeyboardEvent, type PointerEvent, useState } from "react";
import { ChartKey, type KeyItem } from "../../ui/chart-key.tsx";
import { BottomAxis, ChartBox, ChartTooltip, GridLines, LeftAxis } from "../../ui/chart-parts.tsx";

type Week = { week: string; matches: number; accepted: number; sessions: number; meetings: number };
type Figure = Exclude<keyof Week, "week">;

const bars: Figure[] = ["matches", "accepted"];
const lines: Figure[] = ["sessions", "meetings"];
const names: Record<Figure, string> = {
  matches: "Matches made",
  accepted: "Accepted",
  sessions: "Sessions held",
  meetings: "Meetings recorded",
};
const swatches: Record<Figure, string> = {
  matches: "chart-swatch program-chart-swatch-matches",
  accepted: "chart-swatch program-chart-swatch-accepted",
  sessions: "program-chart-swatch-line program-chart-swatch-sessions",
  meetings: "program-chart-swatch-line program-chart-swatch-meetings",
};
const figures: Figure[] = [...bars, ...lines];
const margin = { top: 8, right: 16, bottom: 8, left: 0 };
const yAxisWidth = 48;
const xAxisHeight = 30;
const barGap = 4;

function layout(weekly: Week[], width: number, height: number) {
  const left = margin.left + yAxisWidth;
  const right = width - margin.right;
  const top = margin.top;
  const bottom = height - margin.bottom - xAxisHeight;
  const x = scaleBand()
    .domain(weekly.map((w) => w.week))
    .range([left, right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const highest = Math.max(1, ...weekly.flatMap((w) => figures.map((figure) => w[figure])));
  const y = scaleLinear().domain([0, highest]).nice().range([bottom, top]);
  return { left, right, top, bottom, x, y };
}

/** Matches, acceptances, sessions held and recorded meetings per week; loaded after the page is drawn. */
export default function HealthChart({ weekly }: { weekly: Week[] }) {
  const [active, setActive] = useState<number | null>(null);
  if (weekly.length === 0) return <p className="muted">No weekly figures yet.</p>;
  const last = weekly.length - 1;

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const { x } = layout(weekly, box.width, box.height);
    const index = Math.floor((event.clientX - box.left - (x.range()[0] ?? 0)) / x.step());
    setActive(Math.min(last, Math.max(0, index)));
  };
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = {
      ArrowRight: Math.min(last, (active ?? -1) + 1),
      ArrowLeft: Math.max(0, (active ?? 1) - 1),
      Home: 0,
      End: last,
    }[event.key];
    if (event.key === "Escape") setActive(null);
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
  };

  return (
    <figure className="program-chart" aria-label="Matches, acceptances, sessions and meetings per week">
      <ChartBox
        className="program-chart-plot"
        role="group"
        aria-label="Weekly figures: the left and right arrow keys go from week to week"
        tabIndex={0}
        onFocus={() => setActive((known) => known ?? last)}
        onBlur={() => setActive(null)}
        onKeyDown={move}
        onPointerMove={pointAt}
        onPointerLeave={() => setActive(null)}
        overlay={({ width, height }) => {
          const week = active === null ? undefined : weekly[active];
          if (!week) return null;
          const { x } = layout(weekly, width, height);
          return (
            <ChartTooltip
              x={(x(week.week) ?? 0) + x.bandwidth() / 2}
              boxWidth={width}
              title={`Week of ${week.week}`}
              rows={figures.map(
                (figure): KeyItem => ({
                  key: figure,
                  label: `${names[figure]}: ${week[figure]}`,
                  swatch: swatches[figure],
                }),
              )}
            />
          );
        }}
      >
        {({ width, height }) => {
          const { left, right, top, bottom, x, y } = layout(weekly, width, height);
          const centre = (w: Week) => (x(w.week) ?? 0) + x.bandwidth() / 2;
          const barWidth = (x.bandwidth() - barGap) / bars.length;
          const yTicks = y.ticks(5).filter(Number.isInteger);
          const activeWeek = active === null ? undefined : weekly[active];
          return (
            <>
              <GridLines
                at={yTicks.map((tick) => y(tick))}
                direction="horizontal"
                from={left}
                to={right}
                dashed
              />
              <GridLines at={weekly.map(centre)} direction="vertical" from={top} to={bottom} dashed />
              {activeWeek ? (
                <rect
                  className="program-chart-cursor"
                  x={(x(activeWeek.week) ?? 0) - (x.step() - x.bandwidth()) / 2}
                  y={top}
                  width={x.step()}
                  height={bottom - top}
                />
              ) : null}
              <LeftAxis
                x={left}
                y1={top}
                y2={bottom}
                ticks={yTicks.map((tick) => ({ key: tick, at: y(tick), label: String(tick) }))}
              />
              <BottomAxis
                y={bottom}
                x1={left}
                x2={right}
                gap={84}
                ticks={weekly.map((w) => ({ key: w.week, at: centre(w), label: w.week }))}
              />
              {weekly.flatMap((w) =>
                bars.map((figure, index) => (
                  <rect
                    key={`${w.week}-${figure}`}
                    className={`program-chart-${figure}`}
                    x={(x(w.week) ?? 0) + index * (barWidth + barGap)}
                    y={y(w[figure])}
                    width={barWidth}
                    height={bottom - y(w[figure])}
                  />
                )),
              )}
              {lines.map((figure) => (
                <g key={figure} className={`program-chart-line program-chart-${figure}`}>
                  <path d={line<Week>(centre, (w) => y(w[figure]))(weekly) ?? ""} />
                  {weekly.map((w) => (
                    <circle key={w.week} cx={centre(w)} cy={y(w[figure])} r={3} />
                  ))}
                </g>
              ))}
            </>
          );
        }}
      </ChartBox>
      <ChartKey
        className="program-chart-key"
        items={figures.map((figure) => ({ key: figure, label: names[figure], swatch: swatches[figure] }))}
      />
      <figcaption className="visually-hidden">
        {weekly
          .map(
            (w) =>
              `Week of ${w.week}: ${w.matches} matches, ${w.accepted} accepted, ${w.sessions} sessions held, ${w.meetings} meetings recorded`,
          )
          .join(". ")}
      </figcaption>
    </figure>
  );
}
