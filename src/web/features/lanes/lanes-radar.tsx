import { lazy } from "react";
import { type LaneId, laneIds, lanes } from "../../../shared/lane-words.ts";
import type { LaneAssessment } from "../../../shared/lanes.ts";
import { useMomentFormat } from "../../session.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { ChartKey } from "../../ui/chart-key.tsx";
import { useNarrowScreen } from "../../ui/use-narrow-screen.ts";
import "./lanes.css";
import "./lanes-radar.css";

// The picture loads after the page is drawn, into a box that already has its size, so nothing moves
// when it arrives.
const RadarPicture = lazy(() => import("./lanes-radar-picture.tsx"));

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
        <AfterPaint
          component={RadarPicture}
          props={{
            data,
            narrow,
            latestName: latest ? latestName : undefined,
            previousName: previous ? previousName : undefined,
            extraName: extra?.name,
          }}
        />
      </div>
      {/* The key sits below the picture, in the page's own text, so it never runs into a lane's name. */}
      <ChartKey
        className="lanes-radar-key"
        items={[
          ...(latest
            ? [{ key: "latest", label: latestName, swatch: "chart-swatch lanes-radar-swatch-latest" }]
            : []),
          ...(previous
            ? [{ key: "previous", label: previousName, swatch: "chart-swatch lanes-radar-swatch-previous" }]
            : []),
          ...(extra
            ? [{ key: "extra", label: extra.name, swatch: "chart-swatch lanes-radar-swatch-extra" }]
            : []),
        ]}
      />
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
