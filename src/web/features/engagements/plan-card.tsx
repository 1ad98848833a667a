import { Target } from "lucide-react";
import { lanes } from "../../../shared/lane-words.ts";
import { Card } from "../../ui/card.tsx";
import type { E } from "./engagement-steps.tsx";
import { useGoalLinks } from "./goal-links.ts";
import { PlanForm } from "./plan-form.tsx";

/** The plan's goals while the mentoring runs, and every revision with why it changed. */
export function PlanCard({ engagement }: { engagement: E }) {
  const links = useGoalLinks(engagement);
  const tourName = (id: string | null) => links.tours.find((t) => t.value === id)?.label ?? null;
  return (
    <Card
      id="plan"
      title="Plan"
      icon={<Target size={18} />}
      description="Goals with how you will know they are met, linked to lanes, tours of duty and next-level hurdles. Outgrowing the first plan is a good sign: every revision says why, and the history keeps them all."
    >
      {engagement.state === "active" ? <PlanForm engagement={engagement} links={links} /> : null}
      {engagement.plan.history.length > 0 ? (
        <ol className="engagement-history" aria-label="Plan history">
          {engagement.plan.history.map((r) => (
            <li key={r.number}>
              <strong>Revision {r.number}</strong> by {r.authorName}
              {r.reason ? <p className="small">Why: {r.reason}</p> : null}
              <ul>
                {r.goals.map((g) => (
                  <li key={g.text}>
                    {g.text} — <span className="muted">{g.measure}</span>
                    {g.lane ? <span className="badge">{lanes[g.lane].label}</span> : null}
                    {tourName(g.tourId) ? <span className="badge">Tour: {tourName(g.tourId)}</span> : null}
                    {g.hurdle ? <span className="badge">Hurdle: {g.hurdle}</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">No plan yet: write its first goals together after the intake.</p>
      )}
    </Card>
  );
}
