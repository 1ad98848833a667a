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
import type { MilestoneStatus, Tour, TourStatus } from "../../../shared/tours.ts";
import type { Marker } from "./roadmap-chart.tsx";
import { chartMargin, labelLines, ms, yearStart } from "./roadmap-layout.ts";

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

export type RoadmapRow = { key: string; span: number[]; status: TourStatus };

export default function RoadmapPicture({
  rows,
  ticks,
  height,
  narrow,
  axisWidth,
  tours,
  markers,
  today,
}: {
  rows: RoadmapRow[];
  ticks: number[];
  height: number;
  narrow: boolean;
  axisWidth: number;
  tours: Tour[];
  markers: Marker[];
  today: string;
}) {
  return (
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
  );
}
