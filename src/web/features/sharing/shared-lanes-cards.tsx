import { Radar as RadarIcon } from "lucide-react";
import { lanes } from "../../../shared/lane-words.ts";
import type { SharedLanes } from "../../../shared/sharing.ts";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { HistoryList } from "../lanes/lanes-history.tsx";
import { LanesRadar } from "../lanes/lanes-radar.tsx";
import "./sharing.css";

/** Someone else's lanes, read-only: the radar, the latest evidence and the history, wherever they shared them. */
export function SharedLanesCards({
  assessments,
  idPrefix,
}: {
  assessments: SharedLanes["assessments"];
  idPrefix: string;
}) {
  const [latest, previous] = assessments;
  if (!latest) {
    return (
      <Card>
        <EmptyState icon={<RadarIcon size={24} />} title="No assessment yet">
          They have not rated themselves in the six lanes yet. Their radar appears here once they do.
        </EmptyState>
      </Card>
    );
  }
  const withEvidence = (Object.keys(lanes) as (keyof typeof lanes)[]).filter((lane) => latest.evidence[lane]);
  return (
    <>
      <Card
        id={`${idPrefix}-picture`}
        title="Lanes"
        icon={<RadarIcon size={18} />}
        description={
          latest.worldClassLane
            ? `Becoming world-class in ${lanes[latest.worldClassLane].label}.`
            : "No lane picked to become world-class in yet."
        }
      >
        <LanesRadar latest={latest} previous={previous} />
      </Card>
      {withEvidence.length ? (
        <Card id={`${idPrefix}-evidence`} title="Evidence in the latest assessment">
          <dl className="shared-evidence">
            {withEvidence.map((lane) => (
              <div key={lane}>
                <dt>
                  {lanes[lane].label} ({latest.ratings[lane]})
                </dt>
                <dd>{latest.evidence[lane]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
      <HistoryList assessments={assessments} description="Every assessment they saved, newest first." />
    </>
  );
}
