import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Mountain, Sprout } from "lucide-react";
import { lazy, useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { CareerPlan } from "../../../shared/career-plan.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Term } from "../glossary/term.tsx";
import { GuideBanner } from "../home/first-run-guide.tsx";
import { careerPlanQuery, planDraftKey } from "./career-plan-api.ts";
import { PlanSummary } from "./plan-summary.tsx";
import "./career-plan.css";

// The forms and the form library arrive once the summary is on screen, each in a box that keeps
// its place, so the plan is drawn at once and nothing moves when a form arrives.
const PlanForm = lazy(() => import("./plan-form.tsx").then((m) => ({ default: m.PlanForm })));
const ActThreeForm = lazy(() => import("./act-three-form.tsx").then((m) => ({ default: m.ActThreeForm })));
const MarkReachedCard = lazy(() => import("./mark-reached-card.tsx"));

/** Unsaved changes from earlier in this tab open the form again, so they are never hidden. */
function hasPlanDraft(userId: string): boolean {
  try {
    return window.sessionStorage.getItem(planDraftKey(userId)) !== null;
  } catch {
    return false;
  }
}

function useSetPlan() {
  const queryClient = useQueryClient();
  return (plan: CareerPlan) => queryClient.setQueryData(careerPlanQuery.queryKey, plan);
}

function ReachedBanner({ plan }: { plan: CareerPlan }) {
  const toast = useToast();
  const setPlan = useSetPlan();
  const undo = useMutation({
    mutationFn: () => call(api.plan["north-star"].reached.$delete()),
    onSuccess: (saved) => {
      setPlan(saved);
      toast({ title: "Marked as not reached yet" });
    },
    onError: (error) => toast({ title: "Could not undo", description: error.message, tone: "error" }),
  });
  const northStar = plan.northStar;
  if (!northStar?.reachedOn) return null;
  return (
    <Card
      id="reached"
      title={`You reached your North Star: ${northStar.role}`}
      icon={<Mountain size={18} />}
      iconTone="success"
      description={`Reached on ${formatCalendarDate(northStar.reachedOn)}. ${
        plan.actThree
          ? "Keep your Act Three moving below."
          : "Time for Act Three: plan the two arcs that come after."
      }`}
      actions={
        <Button variant="ghost" size="small" pending={undo.isPending} onClick={() => undo.mutate()}>
          Not reached yet? Undo
        </Button>
      }
    />
  );
}

export function CareerPlanPage() {
  useTitle("Career plan");
  const query = useQuery(careerPlanQuery);
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const reached = Boolean(query.data?.northStar?.reachedOn);

  return (
    <>
      <PageHeader
        title="Career plan"
        description={
          <>
            Work back from where you want to end up: your <Term id="north-star" />, the{" "}
            <Term id="skip-job">job after next</Term>, and your next job. Private unless you share it.
          </>
        }
      />
      <GuideBanner step="north-star" />
      <QueryState query={query} loading="Loading your plan…" failed="Your plan">
        {(plan) => (
          <div className="stack-lg">
            {reached ? (
              <>
                <ReachedBanner plan={plan} />
                <div className="plan-slot plan-slot-act-three">
                  <AfterPaint component={ActThreeForm} props={{ plan }} />
                </div>
              </>
            ) : null}
            {plan.northStar ? null : (
              <Card>
                <EmptyState icon={<Mountain size={24} />} title="No North Star yet">
                  Start with the end state: the role you want, the kind of company, what you want to be known
                  for, and by when. Then work back to the job after next and your next job, in the form below.
                </EmptyState>
              </Card>
            )}
            {plan.northStar && !editing && !hasPlanDraft(me.user.id) ? (
              <PlanSummary plan={plan} onEdit={() => setEditing(true)} />
            ) : (
              <div className="plan-slot plan-slot-form">
                <AfterPaint
                  component={PlanForm}
                  props={{
                    plan,
                    onSaved: () => setEditing(false),
                    onCancel: plan.northStar ? () => setEditing(false) : undefined,
                  }}
                />
              </div>
            )}
            {plan.northStar && !reached ? (
              <div className="plan-slot plan-slot-reached">
                <AfterPaint
                  component={MarkReachedCard}
                  props={{ role: plan.northStar.role, version: plan.version }}
                />
              </div>
            ) : null}
            {!reached && plan.actThree ? (
              <div className="plan-slot plan-slot-act-three">
                <AfterPaint component={ActThreeForm} props={{ plan }} />
              </div>
            ) : null}
            {!reached && !plan.actThree && plan.northStar ? (
              <Card
                id="act-three-later"
                title="After the North Star: Act Three"
                icon={<Sprout size={18} />}
                iconTone="success"
                description={
                  <>
                    When you mark your North Star reached, Sidecar prompts you to plan what comes after (
                    <Term id="act-three" />
                    ): scaled economics (investing, accumulating) and giving (content, volunteering, a
                    mission-based company, coaching).
                  </>
                }
              />
            ) : null}
          </div>
        )}
      </QueryState>
    </>
  );
}
