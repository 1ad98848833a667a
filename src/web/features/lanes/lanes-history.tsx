import { History } from "lucide-react";
import { laneIds, lanes } from "../../../shared/lane-words.ts";
import type { LaneAssessment } from "../../../shared/lanes.ts";
import { useMomentFormat } from "../../session.ts";
import { Card } from "../../ui/card.tsx";
import "./lanes.css";

function ratingsSummary(assessment: LaneAssessment): string {
  return laneIds.map((lane) => `${lanes[lane].label} ${assessment.ratings[lane]}`).join(" · ");
}

export function HistoryList({
  assessments,
  description = "Every assessment you saved, newest first.",
}: {
  assessments: LaneAssessment[];
  description?: string;
}) {
  const format = useMomentFormat();
  return (
    <Card id="lanes-history" title="History" icon={<History size={18} />} description={description}>
      <ol className="lanes-history">
        {assessments.map((assessment, index) => (
          <li key={assessment.id} className="lanes-history-item">
            <div className="row-between">
              <span className="lanes-history-date">{format.moment(assessment.createdAt)}</span>
              {index === 0 ? <span className="badge badge-accent">Latest</span> : null}
            </div>
            <p className="small">{ratingsSummary(assessment)}</p>
            {assessment.worldClassLane ? (
              <p className="small muted">World-class lane: {lanes[assessment.worldClassLane].label}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
