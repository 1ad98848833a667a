import { useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import type { Milestone, MilestoneInput, Tour } from "../../../shared/tours.ts";
import { useMemberToday } from "../../session.ts";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { statusOptions, useSaveMilestone } from "./milestone-parts.ts";
import { rememberTour, tourQuery } from "./tours-api.ts";

type Values = { title: string; dueOn: string; status: string; doneOn: string };

function toInput(values: Values) {
  return { ...values, doneOn: values.status === "done" ? values.doneOn || null : null };
}

export default function MilestoneForm({
  tour,
  milestone,
  onDone,
}: {
  tour: Tour;
  milestone?: Milestone;
  onDone?: () => void;
}) {
  const toast = useToast();
  const today = useMemberToday();
  const initial: Values = {
    title: milestone?.title ?? "",
    dueOn: milestone?.dueOn ?? "",
    status: milestone?.status ?? "planned",
    doneOn: milestone?.doneOn ?? "",
  };
  const form = useSchemaForm(initial, {
    schema: () => import("../../../shared/tours.ts").then((m) => m.milestoneInput),
    toInput,
    version: milestone?.version,
  });
  const save = useSaveMilestone(tour, milestone?.id, () => form.version);
  const queryClient = useQueryClient();
  const prefix = milestone ? `milestone-${milestone.id}` : "milestone-new";

  async function submit(input: MilestoneInput) {
    await save.mutateAsync(input);
    toast({ title: milestone ? "Milestone saved" : "Milestone added" });
    if (!milestone) form.setValues(initial);
    onDone?.();
  }

  return (
    <ValidatedForm
      form={form}
      onSave={submit}
      aria-label={milestone ? `Edit milestone “${milestone.title}”` : "Add a milestone"}
    >
      {milestone ? (
        <ConflictNotice
          form={form}
          labels={{ title: "Milestone", dueOn: "Due on", status: "Status", doneOn: "Done on" }}
          loadLatest={async () => {
            const latest = await queryClient.fetchQuery({ ...tourQuery(tour.id), staleTime: 0 });
            rememberTour(queryClient, latest);
            const found = latest.milestones.find((m) => m.id === milestone.id);
            if (!found) throw new Error("This milestone was deleted elsewhere.");
            return {
              values: {
                title: found.title,
                dueOn: found.dueOn,
                status: found.status,
                doneOn: found.doneOn ?? "",
              },
              version: found.version,
            };
          }}
        />
      ) : null}
      <TextField
        id={`${prefix}-title`}
        label="Milestone"
        value={form.values.title}
        onValueChange={(value) => form.set("title", value)}
        error={form.errors.title}
        maxLength={220}
        required
      />
      <div className="form-grid">
        <TextField
          id={`${prefix}-due`}
          label="Due on"
          type="date"
          value={form.values.dueOn}
          onValueChange={(value) => form.set("dueOn", value)}
          error={form.errors.dueOn}
          required
        />
        <SelectField
          id={`${prefix}-status`}
          label="Status"
          options={statusOptions}
          value={form.values.status}
          onValueChange={(value) => {
            form.set("status", value);
            if (value === "done" && !form.values.doneOn) form.set("doneOn", today);
          }}
          error={form.errors.status}
        />
        {form.values.status === "done" ? (
          <TextField
            id={`${prefix}-done`}
            label="Done on"
            type="date"
            value={form.values.doneOn}
            onValueChange={(value) => form.set("doneOn", value)}
            error={form.errors.doneOn}
            max={today}
            required
          />
        ) : null}
      </div>
      <FormActions>
        <SubmitButton icon={milestone ? undefined : <Plus size={16} />}>
          {milestone ? "Save milestone" : "Add milestone"}
        </SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
