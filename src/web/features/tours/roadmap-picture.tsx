import { scaleBand, scaleLinear } from "d3-scale";
import type { TourStatus } from "../../../shared/tour-words.ts";
import type { Tour } from "../../../shared/tours.ts";
import { BottomAxis, ChartBox, GridLines, LeftAxis } from "../../ui/chart-parts.tsx";
import type { Marker } from "./roadmap-chart.tsx";
import { chartMargin, labelLines, ms, yearStart } from "./roadmap-layout.ts";

const xAxisHeight = 30;
const barHeight = 22;
const minBarWidth = 4;

export type RoadmapRow = { key: string; span: number[]; status: TourStatus };

export default function RoadmapPicture({
  rows,
  ticks,
  narrow,
  axisWidth,
  tours,
  markers,
  today,
}: {
  rows: RoadmapRow[];
  ticks: number[];
  narrow: boolean;
  axisWidth: number;
  tours: Tour[];
  markers: Marker[];
  today: string;
}) {
  return (
    <ChartBox>
      {({ width, height }) => {
        const left = chartMargin.left + axisWidth;
        const right = width - chartMargin.right;
        const top = chartMargin.top;
        const bottom = height - chartMargin.bottom - xAxisHeight;
        const x = scaleLinear()
          .domain([ticks[0] ?? 0, ticks.at(-1) ?? 0])
          .range([left, right]);
        const band = scaleBand()
          .domain(rows.map((row) => row.key))
          .range([top, bottom]);
        const middle = (key: string) => (band(key) ?? 0) + band.bandwidth() / 2;
        const lines = [
          { key: "today", at: x(ms(today)), label: "Today", className: "roadmap-line-today" },
          ...markers.map((marker) => ({
            key: marker.key,
            at: x(yearStart(marker.year)),
            label: marker.key === "skip" ? "Skip job" : "North Star",
            className: "roadmap-line-goal",
          })),
        ];
        return (
          <>
            <GridLines at={ticks.map((tick) => x(tick))} direction="vertical" from={top} to={bottom} />
            <BottomAxis
              y={bottom}
              x1={left}
              x2={right}
              ticks={ticks.map((tick) => ({
                key: tick,
                at: x(tick),
                label: String(new Date(tick).getFullYear()),
              }))}
            />
            <LeftAxis
              className="roadmap-tour-axis"
              x={left}
              y1={top}
              y2={bottom}
              ticks={rows.map((row) => ({
                key: row.key,
                at: middle(row.key),
                label: narrow ? row.key.slice(0, row.key.indexOf(".")) : labelLines(row.key),
              }))}
            />
            {rows.map((row) => {
              const start = x(row.span[0] ?? 0);
              return (
                <rect
                  key={row.key}
                  className={`roadmap-bar roadmap-bar-${row.status}`}
                  x={start}
                  y={middle(row.key) - barHeight / 2}
                  width={Math.max(minBarWidth, x(row.span[1] ?? 0) - start)}
                  height={barHeight}
                  rx={4}
                />
              );
            })}
            {tours.flatMap((tour) =>
              tour.milestones.map((milestone) => (
                <circle
                  key={milestone.id}
                  className={`roadmap-milestone roadmap-milestone-${milestone.status}`}
                  cx={x(ms(milestone.dueOn))}
                  cy={middle(`${tour.position}. ${tour.title}`)}
                  r={6}
                />
              )),
            )}
            {lines.map((line) => (
              <g key={line.key} className={`roadmap-line ${line.className}`}>
                <line x1={line.at} x2={line.at} y1={top} y2={bottom} />
                <text x={line.at} y={top - 8} textAnchor="middle">
                  {line.label}
                </text>
              </g>
            ))}
          </>
        );
      }}
    </ChartBox>
  );
}
