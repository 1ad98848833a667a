import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CheckCircle2, Circle, Flag, Mountain, UserRound } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { TargetRoleCheckState, TargetRoleView } from "../../../shared/target-roles.ts";
import { api, call } from "../../api.ts";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { isStaleVersion } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { thoughtLogQuery } from "../story/story-api.ts";
import { targetRoleQuery } from "./target-role-api.ts";
import "../portfolio/portfolio.css";
import "./target-role.css";

type HurdleView = TargetRoleView["hurdles"][number];
type CheckResult = TargetRoleCheckState;

function withCheck(view: TargetRoleView, result: CheckResult): TargetRoleView {
  return {
    ...view,
    hurdles: view.hurdles.map((hurdle) => ({
      ...hurdle,
      checks: hurdle.checks.map((check) =>
        check.id === result.id ? { ...check, checkedOn: result.checkedOn, version: result.version } : check,
      ),
    })),
  };
}

function Evidence({ hurdle }: { hurdle: HurdleView }) {
  if (hurdle.experiences.length === 0 && hurdle.lanes.length === 0) return null;
  return (
    <div className="next-level-evidence">
      <h3>Where you stand</h3>
      <ul className="next-level-facts">
        {hurdle.experiences.map((experience) => (
          <li key={experience.key}>
            {experience.covered ? (
              <>
                <CheckCircle2 size={16} aria-hidden="true" className="next-level-yes" />
                <span>
                  {experience.label}: in your portfolio, from{" "}
                  {experience.roles.map((r) => r.label).join("; ")}.
                </span>
              </>
            ) : (
              <>
                <Circle size={16} aria-hidden="true" className="next-level-no" />
                <span>
                  {experience.label}: a gap in your portfolio.{" "}
                  <Link to="/portfolio" hash="portfolio-gaps">
                    See it as a mission
                  </Link>
                </span>
              </>
            )}
          </li>
        ))}
        {hurdle.lanes.map((lane) => (
          <li key={lane.id}>
            <Flag size={16} aria-hidden="true" className="next-level-lane" />
            <span>
              {lane.rating === null ? (
                <>
                  {lane.label} lane: not rated yet. <Link to="/lanes">Rate your lanes</Link>
                </>
              ) : (
                <>
                  {lane.label} lane: you rated yourself {lane.rating} of 5.
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const isThoughtLeadership = (hurdle: HurdleView) =>
  hurdle.actions.some((action) => /thought.leadership/i.test(action));

/** Progress against the "be a thought leader" move, from the thought-leadership log and its cadence. */
function ThoughtLeadershipProgress() {
  const log = useQuery(thoughtLogQuery);
  if (log.isPending) return <p className="small muted">Loading your thought-leadership log…</p>;
  if (log.isError) return null;
  const { progress } = log.data;
  return (
    <div className="next-level-thought">
      <h3>Thought leadership</h3>
      <p className={progress.slipped ? "small badge badge-warning" : "small"}>{progress.summary}</p>
      <Link to="/story/thought-leadership" className="small">
        Open your thought-leadership log
      </Link>
    </div>
  );
}

function HurdleCard({
  hurdle,
  onToggle,
  pending,
}: {
  hurdle: HurdleView;
  onToggle: (id: string, checked: boolean) => void;
  /** The tick being saved, shown at once so the box answers the click before the server does. */
  pending: { id: string; checked: boolean } | undefined;
}) {
  const done = hurdle.checks.filter((check) => check.checkedOn).length;
  return (
    <Card
      id={`hurdle-${hurdle.id}`}
      title={hurdle.title}
      description={hurdle.description}
      icon={<Mountain size={18} />}
      iconTone={done === hurdle.checks.length ? "success" : "accent"}
    >
      <div className="next-level-hurdle">
        <div>
          <h3>Moves in your control</h3>
          <ul className="next-level-actions">
            {hurdle.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        </div>
        <Evidence hurdle={hurdle} />
        {isThoughtLeadership(hurdle) ? <ThoughtLeadershipProgress /> : null}
        <fieldset className="next-level-checks">
          <legend>
            <h3>
              Your progress{" "}
              <span className="small muted">
                ({done} of {hurdle.checks.length} done)
              </span>
            </h3>
          </legend>
          <ul>
            {hurdle.checks.map((check) => {
              const id = `check-${check.id.replace(/\W/g, "-")}`;
              return (
                <li key={check.id} className="choice">
                  <input
                    id={id}
                    type="checkbox"
                    checked={pending?.id === check.id ? pending.checked : Boolean(check.checkedOn)}
                    aria-busy={pending?.id === check.id || undefined}
                    aria-describedby={check.checkedOn ? `${id}-date` : undefined}
                    onChange={(event) => onToggle(check.id, event.target.checked)}
                  />
                  <span>
                    <label htmlFor={id} className="choice-label">
                      {check.text}
                    </label>
                    {check.checkedOn ? (
                      <span id={`${id}-date`} className="choice-hint">
                        Done on {formatCalendarDate(check.checkedOn)}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </div>
    </Card>
  );
}

export function TargetRolePage() {
  useTitle("Next level");
  const queryClient = useQueryClient();
  const toast = useToast();
  const query = useQuery(targetRoleQuery);
  const toggle = useMutation({
    mutationFn: ({ id, checked }: { id: string; checked: boolean }) => {
      const version =
        query.data?.hurdles.flatMap((hurdle) => hurdle.checks).find((check) => check.id === id)?.version ?? 0;
      return call(
        api["target-role"].checks[":itemId"].$put({
          param: { itemId: encodeURIComponent(id) },
          json: { checked, version },
        }),
      );
    },
    onSuccess: (result) => {
      queryClient.setQueryData<TargetRoleView>(targetRoleQuery.queryKey, (view) =>
        view ? withCheck(view, result) : view,
      );
    },
    onError: (error) => {
      toast({ title: "Your progress was not saved", description: error.message, tone: "error" });
      // Changed elsewhere: show the checklist as it is now, so the next tick is based on it.
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: targetRoleQuery.queryKey });
    },
  });

  const view = query.data;
  const total = view?.hurdles.reduce((sum, h) => sum + h.checks.length, 0) ?? 0;
  const done = view?.hurdles.reduce((sum, h) => sum + h.checks.filter((c) => c.checkedOn).length, 0) ?? 0;

  return (
    <>
      <PageHeader
        title="Next level"
        description={
          view?.nextLevelLabel && view.levelLabel
            ? `${view.levelLabel} to ${view.nextLevelLabel}: the step ${view.summary} Private unless you share it.`
            : "What stands between your level and the next, and the moves in your control. Private unless you share it."
        }
      />
      <QueryState query={query} loading="Loading your next level…" failed="Your next level">
        {(data) =>
          !data.level ? (
            <Card>
              <EmptyState
                icon={<UserRound size={24} />}
                title="Set your level first"
                action={
                  <Link to="/profile" className={buttonClass("primary")}>
                    Set your level on your profile
                  </Link>
                }
              >
                Sidecar shows the hurdles between your level and the next one. Tell it where you are: pick
                your current level on your profile, then come back.
              </EmptyState>
            </Card>
          ) : !data.nextLevel ? (
            <Card>
              <EmptyState
                icon={<Mountain size={24} />}
                title="There is no next level above Chief Product Officer"
                action={
                  <a href="/plan" className={buttonClass("primary")}>
                    Plan your Act Three
                  </a>
                }
              >
                You have reached the top of the product ladder. What comes next is your Act Three: a second
                North Star, whether scaled economics (investing, boards) or giving (writing, coaching,
                mission-based companies). Shape it on your career plan.
              </EmptyState>
            </Card>
          ) : (
            <div className="stack-lg">
              <p className="next-level-progress" aria-live="polite">
                <strong>
                  {done} of {total}
                </strong>{" "}
                progress items done on the way to {data.nextLevelLabel}.
              </p>
              {data.hurdles.map((hurdle) => (
                <HurdleCard
                  key={hurdle.id}
                  hurdle={hurdle}
                  pending={toggle.isPending ? toggle.variables : undefined}
                  onToggle={(id, checked) => toggle.mutate({ id, checked })}
                />
              ))}
              {data.hurdles.some(isThoughtLeadership) ? null : (
                <Card title="Be a thought leader" icon={<Mountain size={18} />}>
                  <ThoughtLeadershipProgress />
                </Card>
              )}
            </div>
          )
        }
      </QueryState>
    </>
  );
}
