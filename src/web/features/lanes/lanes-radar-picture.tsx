import {
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Polygon,
  Radar,
  RadarChart,
  type RadarPoint,
  ResponsiveContainer,
} from "recharts";
import { cornersWithValues } from "./radar-corners.ts";

// The same colours as --color-accent and --color-text-subtle: SVG attributes take them as values.
const latestColour = "#2948b8";
const previousColour = "#5f6878";
const extraColour = "#8a4b00";

export type RadarRow = { lane: string; latest?: number; previous?: number; extra?: number };

export default function RadarPicture({
  data,
  narrow,
  latestName,
  previousName,
  extraName,
}: {
  data: RadarRow[];
  narrow: boolean;
  latestName?: string;
  previousName?: string;
  extraName?: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* Starting at 30° puts the long "Organizational" label at the bottom, where a phone has room for it. */}
      <RadarChart
        data={data}
        outerRadius={narrow ? "58%" : "72%"}
        startAngle={30}
        endAngle={-330}
        accessibilityLayer={false}
      >
        <PolarGrid />
        <PolarAngleAxis dataKey="lane" tick={{ fill: "#1b2230", fontSize: narrow ? 12 : 14 }} />
        <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} tick={{ fill: "#4d5768", fontSize: 11 }} />
        {previousName ? (
          <Radar
            name={previousName}
            dataKey="previous"
            stroke={previousColour}
            strokeDasharray="5 4"
            strokeWidth={2}
            fill={previousColour}
            fillOpacity={0.08}
            isAnimationActive={false}
          />
        ) : null}
        {latestName ? (
          <Radar
            name={latestName}
            dataKey="latest"
            stroke={latestColour}
            strokeWidth={2}
            fill={latestColour}
            fillOpacity={0.25}
            isAnimationActive={false}
          />
        ) : null}
        {extraName ? (
          <Radar
            name={extraName}
            dataKey="extra"
            stroke={extraColour}
            strokeWidth={2}
            strokeDasharray="2 3"
            fill={extraColour}
            fillOpacity={0.12}
            isAnimationActive={false}
            shape={(props: { points: RadarPoint[] }) => (
              <Polygon
                points={cornersWithValues(props.points)}
                stroke={extraColour}
                strokeWidth={2}
                strokeDasharray="2 3"
                fill={extraColour}
                fillOpacity={0.12}
              />
            )}
          />
        ) : null}
      </RadarChart>
    </ResponsiveContainer>
  );
}
