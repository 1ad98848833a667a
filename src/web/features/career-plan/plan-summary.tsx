import { Compass, Pencil } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { CareerPlan } from "../../../shared/career-plan.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { Term } from "../glossary/term.tsx";
import "./plan-summary.css";

const byYear = (year: number | null) => (year ? `, by ${year}` : "");

/** The plan as it reads, with one action to change it: the form only when there is something to write. */
export function PlanSummary({ plan, onEdit }: { plan: CareerPlan; onEdit: () => void }) {
  const { northStar, skipJob, nextJob } = plan;
  return (
    <Card
      id="plan-summary"
      title="Your plan"
      icon={<Compass size={18} />}
      description="Worked back from where you want to end up."
      actions={
        <Button
          variant="secondary"
          size="small"
          icon={<Pencil size={16} aria-hidden="true" />}
          onClick={onEdit}
        >
          Edit plan
        </Button>
      }
    >
      <dl className="plan-summary">
        <div>
          <dt>
            <Term id="north-star">North Star</Term>
          </dt>
          <dd>
            {northStar ? (
              <>
                <strong>{northStar.role}</strong>
                {northStar.companyKind ? ` at ${northStar.companyKind}` : ""}
                {byYear(northStar.horizonYear)}
                {northStar.reachedOn ? (
                  <>
                    {" "}
                    <span className="badge badge-success">
                      Reached {formatCalendarDate(northStar.reachedOn)}
                    </span>
                  </>
                ) : null}
                {northStar.knownFor ? <p className="muted small">Known for: {northStar.knownFor}</p> : null}
              </>
            ) : (
              <span className="muted">Not set yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>
            <Term id="skip-job">Skip job</Term>
          </dt>
          <dd>
            {skipJob ? (
              <>
                <strong>{skipJob.role}</strong>
                {byYear(skipJob.targetYear)}
                {skipJob.needs.length ? (
                  <>
                    <p className="muted small">What it needs that you lack:</p>
                    <ul className="small">
                      {skipJob.needs.map((need) => (
                        <li key={need}>{need}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : (
              <span className="muted">Not set yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Next job</dt>
          <dd>
            {nextJob ? (
              <>
                <strong>{nextJob.role}</strong>
                {byYear(nextJob.targetYear)}
              </>
            ) : (
              <span className="muted">Not set yet</span>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
