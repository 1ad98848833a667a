import { scaleLinear } from "d3-scale";
import { curveLinearClosed, lineRadial, pointRadial } from "d3-shape";
import { ChartBox } from "../../ui/chart-parts.tsx";
import { cornersWithValues } from "./radar-corners.ts";

export type RadarRow = { lane: string; latest?: number; previous?: number; extra?: number };
type Series = "latest" | "previous" | "extra";

const ratings = [0, 1, 2, 3, 4, 5];
const labelOffset = 10;
const closedOutline = lineRadial<[number, number]>().curve(curveLinearClosed);

/** Where a lane's label sits against its corner: away from the centre, whichever side that is. */
function labelAnchor([x, y]: [number, number]) {
  const textAnchor = Math.abs(x) < 1 ? "middle" : x > 0 ? "start" : "end";
  const dominantBaseline = Math.abs(y) < 1 ? "central" : y > 0 ? "hanging" : "auto";
  return { textAnchor, dominantBaseline } as const;
}

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
  // Drawn back to front: the previous assessment under the latest, the givers' picture on top.
  const series: Series[] = [
    ...(previousName ? (["previous"] as const) : []),
    ...(latestName ? (["latest"] as const) : []),
    ...(extraName ? (["extra"] as const) : []),
  ];
  // The first lane at 60° clockwise from the top puts the long "Organizational" label at the bottom,
  // where a phone has room for it.
  const angleOf = (index: number) => ((60 + (index * 360) / data.length) * Math.PI) / 180;
  return (
    <ChartBox>
      {({ width, height }) => {
        const outer = ((Math.min(width, height) - 10) / 2) * (narrow ? 0.58 : 0.72);
        const radius = scaleLinear().domain([0, 5]).range([0, outer]);
        const corners = (rating: number) =>
          closedOutline(data.map((_, index) => [angleOf(index), radius(rating)])) ?? "";
        return (
          <g transform={`translate(${width / 2} ${height / 2})`}>
            <g className="chart-grid">
              {ratings.slice(1).map((rating) => (
                <path key={rating} d={corners(rating)} />
              ))}
              {data.map((row, index) => {
                const [x, y] = pointRadial(angleOf(index), outer);
                return <line key={row.lane} x1={0} y1={0} x2={x} y2={y} />;
              })}
            </g>
            {data.map((row, index) => {
              const point = pointRadial(angleOf(index), outer + labelOffset);
              return (
                <text
                  key={row.lane}
                  className="lanes-radar-lane"
                  x={point[0]}
                  y={point[1]}
                  {...labelAnchor(point)}
                >
                  {row.lane}
                </text>
              );
            })}
            {series.map((name) => (
              <path
                key={name}
                className={`lanes-radar-area lanes-radar-area-${name}`}
                d={
                  closedOutline(
                    cornersWithValues(
                      data.map((row, index) => ({ angle: angleOf(index), value: row[name] })),
                    ).map((corner) => [corner.angle, radius(corner.value ?? 0)]),
                  ) ?? ""
                }
              />
            ))}
            {/* The ratings on top of the areas, so they stay readable. */}
            <g className="chart-axis">
              <line x1={0} y1={0} x2={0} y2={-outer} />
              {ratings.map((rating) => (
                <text
                  key={rating}
                  className="chart-tick"
                  x={4}
                  y={-radius(rating)}
                  dominantBaseline="central"
                >
                  {rating}
                </text>
              ))}
            </g>
          </g>
        );
      }}
    </ChartBox>
  );
}
