import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Flag, Mountain, Sprout } from "lucide-react";
import { useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { CareerPlan } from "../../../shared/career-plan.ts";
import { api, call } from "../../api.ts";
import { useMe, useMemberToday } from "../../session.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Term } from "../glossary/term.tsx";
import { GuideBanner } from "../home/first-run-guide.tsx";
import { ActThreeForm } from "./act-three-form.tsx";
import { careerPlanQuery } from "./career-plan-api.ts";
import { PlanForm, planDraftKey } from "./plan-form.tsx";
import { PlanSummary } from "./plan-summary.tsx";

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

function MarkReachedCard({ role, version }: { role: string; version: number }) {
  const today = useMemberToday();
  const toast = useToast();
  const setPlan = useSetPlan();
  const queryClient = useQueryClient();
  const form = useSchemaForm(
    { reachedOn: today },
    {
      schema: () => import("../../../shared/career-plan.ts").then((m) => m.northStarReachedInput),
      version,
    },
  );
  const mark = useMutation({
    mutationFn: (input: { reachedOn: string }) =>
      call(api.plan["north-star"].reached.$post({ json: { ...input, version: form.version } })),
    onSuccess: (saved) => {
      setPlan(saved);
      toast({ title: "North Star reached", description: "Now plan Act Three: what comes after." });
      // The page now opens with Act Three; bring the person to it.
      window.scrollTo({ top: 0 });
      document.getElementById("main")?.focus({ preventScroll: true });
    },
  });
  return (
    <Card
      id="north-star-reached"
      title="Reached your North Star?"
      icon={<Flag size={18} />}
      description={`When you become ${role}, mark it here. Sidecar then helps you plan Act Three: what comes after.`}
    >
      <ValidatedForm
        form={form}
        onSave={(input) => mark.mutateAsync(input)}
        aria-labelledby="north-star-reached-title"
      >
        <ConflictNotice
          form={form}
          labels={{ reachedOn: "Date reached" }}
          loadLatest={async () => {
            const latest = await queryClient.fetchQuery({ ...careerPlanQuery, staleTime: 0 });
            setPlan(latest);
            return { values: { reachedOn: form.values.reachedOn }, version: latest.version };
          }}
        />
        <div className="form-grid">
          <TextField
            label="Date you reached it"
            name="reachedOn"
            type="date"
            value={form.values.reachedOn}
            onValueChange={(value) => form.set("reachedOn", value)}
            error={form.errors.reachedOn}
          />
        </div>
        <FormActions>
          <SubmitButton variant="secondary">Mark as reached</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
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
  const plan = query.data;
  const reached = Boolean(plan?.northStar?.reachedOn);

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
      {query.isPending ? (
        <LoadingState label="Loading your plan…" />
      ) : query.isError || !plan ? (
        <LoadFailed what="Your plan" error={query.error} retry={() => void query.refetch()} />
      ) : (
        <div className="stack-lg">
          {reached ? (
            <>
              <ReachedBanner plan={plan} />
              <ActThreeForm plan={plan} />
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
            <PlanForm
              plan={plan}
              onSaved={() => setEditing(false)}
              onCancel={plan.northStar ? () => setEditing(false) : undefined}
            />
          )}
          {plan.northStar && !reached ? (
            <MarkReachedCard role={plan.northStar.role} version={plan.version} />
          ) : null}
          {!reached && plan.actThree ? <ActThreeForm plan={plan} /> : null}
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
    </>
  );
}
