import { useQuery } from "@tanstack/react-query";
import { Radar as RadarIcon } from "lucide-react";
import type { FeedbackResults, LaneResult } from "../../../shared/feedback.ts";
import { lanes } from "../../../shared/lane-words.ts";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/card.tsx";
import { laneAssessmentsQuery } from "../lanes/lanes-api.ts";
import { LanesRadar } from "../lanes/lanes-radar.tsx";
import { giversRatings } from "../lanes/radar-corners.ts";
import { RepeatBack } from "./repeat-back.tsx";

function Distribution({ lane }: { lane: LaneResult }) {
  return (
    <table className="distribution">
      <caption className="visually-hidden">How givers rated {lanes[lane.lane].label}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Rating</th>
          <th scope="col">Givers</th>
        </tr>
      </thead>
      <tbody>
        {lane.distribution.map((count, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the rating.
          <tr key={index}>
            <th scope="row">{index + 1}</th>
            <td>
              <span
                className="distribution-bar"
                data-step={Math.round((count / Math.max(1, lane.raters)) * 10)}
              />
              <span className="distribution-count">{count}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The givers' lane ratings: a radar over the member's own latest view, then each lane in numbers. */
export function LanesResults({ requestId, results }: { requestId: string; results: FeedbackResults }) {
  const assessments = useQuery(laneAssessmentsQuery);
  const latest = assessments.data?.assessments[0];
  const shown = results.lanes.filter((l) => l.shown);
  if (results.lanes.length === 0) return null;
  return (
    <Card
      id="lane-results"
      title="Lane ratings"
      icon={<RadarIcon size={18} />}
      description={
        latest
          ? "What givers said (median) laid over your latest self-assessment."
          : "Rate yourself on the Lanes page to see your own view beside theirs."
      }
    >
      {/* With fewer than three lanes a radar draws a line, not a picture; the numbers below say it better. */}
      {shown.length >= 3 ? (
        <LanesRadar
          latest={latest}
          extra={{
            name: "Givers (median)",
            ratings: giversRatings(results.lanes),
          }}
        />
      ) : null}
      <ul className="lane-results">
        {results.lanes.map((lane) => (
          <li key={lane.lane} className="lane-result">
            <h3>{lanes[lane.lane].label}</h3>
            {lane.shown ? (
              <>
                <p className="small">
                  Median {lane.median} · mean {lane.mean} from {lane.raters} ratings
                  {lane.self !== null ? ` · you said ${lane.self}` : ""}
                </p>
                {lane.self !== null && lane.median !== null && lane.self - lane.median >= 2 ? (
                  <Alert tone="warning">
                    Givers rate you well below how you rate yourself here. Stay with it before you explain it
                    away.
                  </Alert>
                ) : null}
                <Distribution lane={lane} />
                {lane.comments.length > 0 ? (
                  <ul className="feedback-paragraphs">
                    {lane.comments.map((comment, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: two givers may write the same sentence.
                      <li key={index}>{comment}</li>
                    ))}
                  </ul>
                ) : null}
                <RepeatBack
                  requestId={requestId}
                  item={{ ...lane, key: lane.lane }}
                  label={lanes[lane.lane].label}
                />
              </>
            ) : (
              <p className="muted small">
                Fewer than {results.minResponses} people rated this lane, so it stays hidden
                {lane.self !== null ? `. You said ${lane.self}.` : "."}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
