import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Flag } from "lucide-react";
import type { CareerPlan } from "../../../shared/career-plan.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { careerPlanQuery } from "./career-plan-api.ts";

function useSetPlan() {
  const queryClient = useQueryClient();
  return (plan: CareerPlan) => queryClient.setQueryData(careerPlanQuery.queryKey, plan);
}

/** Marks the North Star reached: loaded once the page around it is on screen, with the form library. */
export default function MarkReachedCard({ role, version }: { role: string; version: number }) {
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
