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
import { type LaneAssessment, type LaneId, laneIds, lanes } from "../../../shared/lanes.ts";
import { useMomentFormat } from "../../session.ts";
import { useNarrowScreen } from "../../ui/use-narrow-screen.ts";
import { cornersWithValues } from "./radar-corners.ts";
import "./lanes-radar.css";

// The same colours as --color-accent and --color-text-subtle: SVG attributes take them as values.
const latestColour = "#2948b8";
const previousColour = "#5f6878";
const extraColour = "#8a4b00";

/** Another picture laid over the self-assessment, such as what feedback givers said. */
export type RadarSeries = { name: string; ratings: Partial<Record<LaneId, number | null>> };

export function LanesRadar({
  latest,
  previous,
  extra,
}: {
  latest?: LaneAssessment;
  previous?: LaneAssessment;
  extra?: RadarSeries;
}) {
  const data = laneIds.map((lane) => ({
    lane: lanes[lane].label,
    latest: latest?.ratings[lane],
    previous: previous?.ratings[lane],
    extra: extra?.ratings[lane] ?? undefined,
  }));
  const format = useMomentFormat();
  const narrow = useNarrowScreen();
  const latestName = latest ? `Latest (${format.moment(latest.createdAt)})` : "";
  const previousName = previous ? `Previous (${format.moment(previous.createdAt)})` : "";
  return (
    <figure className="lanes-radar">
      {/* The chart is a picture of the table below, which screen readers read instead. */}
      <div className="lanes-radar-chart" aria-hidden="true" data-testid="lanes-radar">
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
            <PolarRadiusAxis
              domain={[0, 5]}
              tickCount={6}
              angle={90}
              tick={{ fill: "#4d5768", fontSize: 11 }}
            />
            {previous ? (
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
            {latest ? (
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
            {extra ? (
              <Radar
                name={extra.name}
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
      </div>
      {/* The key sits below the picture, in the page's own text, so it never runs into a lane's name. */}
      <ul className="lanes-radar-key" aria-hidden="true">
        {latest ? (
          <li>
            <span className="lanes-radar-swatch lanes-radar-swatch-latest" />
            {latestName}
          </li>
        ) : null}
        {previous ? (
          <li>
            <span className="lanes-radar-swatch lanes-radar-swatch-previous" />
            {previousName}
          </li>
        ) : null}
        {extra ? (
          <li>
            <span className="lanes-radar-swatch lanes-radar-swatch-extra" />
            {extra.name}
          </li>
        ) : null}
      </ul>
      <figcaption className="visually-hidden">
        <table>
          <caption>{extra ? "Ratings per lane, from 1 to 5" : "Your ratings per lane, from 1 to 5"}</caption>
          <thead>
            <tr>
              <th scope="col">Lane</th>
              {latest ? <th scope="col">{latestName}</th> : null}
              {previous ? <th scope="col">{previousName}</th> : null}
              {extra ? <th scope="col">{extra.name}</th> : null}
            </tr>
          </thead>
          <tbody>
            {laneIds.map((lane) => (
              <tr key={lane}>
                <th scope="row">{lanes[lane].label}</th>
                {latest ? <td>{latest.ratings[lane]}</td> : null}
                {previous ? <td>{previous.ratings[lane]}</td> : null}
                {extra ? <td>{extra.ratings[lane] ?? "not shown yet"}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
