import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ListChecks, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { isMilestoneOverdue } from "../../../shared/overdue.ts";
import {
  type Milestone,
  type MilestoneInput,
  type MilestoneStatus,
  milestoneStatuses,
  milestoneStatusLabels,
  type Tour,
} from "../../../shared/tours.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { DeleteButton } from "../../ui/delete-button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormActions, isStaleVersion } from "../../ui/form.tsx";
import { OverdueBadge } from "../../ui/overdue-badge.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { rememberTour, tourQuery } from "./tours-api.ts";
import "./tours.css";

type Values = { title: string; dueOn: string; status: string; doneOn: string };

const statusOptions = milestoneStatuses.map((status) => ({
  value: status,
  label: milestoneStatusLabels[status],
}));

export const milestoneBadge: Record<MilestoneStatus, string> = {
  planned: "badge",
  in_progress: "badge badge-accent",
  done: "badge badge-success",
  missed: "badge badge-danger",
};

function toInput(values: Values) {
  return { ...values, doneOn: values.status === "done" ? values.doneOn || null : null };
}

function useSaveMilestone(tour: Tour, milestoneId?: string, version?: () => number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MilestoneInput) =>
      milestoneId
        ? call(
            api.tours[":id"].milestones[":milestoneId"].$put({
              param: { id: encodeURIComponent(tour.id), milestoneId: encodeURIComponent(milestoneId) },
              json: { ...input, version: version?.() ?? 0 },
            }),
          )
        : call(
            api.tours[":id"].milestones.$post({ param: { id: encodeURIComponent(tour.id) }, json: input }),
          ),
    onSuccess: (saved) => rememberTour(queryClient, saved),
  });
}

function MilestoneForm({
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

function MilestoneItem({ tour, milestone }: { tour: Tour; milestone: Milestone }) {
  const toast = useToast();
  const today = useMemberToday();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The status is changed on the milestone as shown, so it goes with the version shown.
  const save = useSaveMilestone(tour, milestone.id, () => milestone.version);
  const remove = useMutation({
    mutationFn: () =>
      call(
        api.tours[":id"].milestones[":milestoneId"].$delete({
          param: { id: encodeURIComponent(tour.id), milestoneId: encodeURIComponent(milestone.id) },
        }),
      ),
    onSuccess: (saved) => {
      rememberTour(queryClient, saved);
      setConfirming(false);
      toast({ title: "Milestone deleted" });
    },
    onError: (error) =>
      toast({ title: "The milestone was not deleted", description: error.message, tone: "error" }),
  });

  function setStatus(status: MilestoneStatus) {
    const doneOn = status === "done" ? (milestone.doneOn ?? today) : null;
    save.mutate(
      { title: milestone.title, dueOn: milestone.dueOn, status, doneOn },
      {
        onSuccess: () =>
          toast({ title: `“${milestone.title}” is ${milestoneStatusLabels[status].toLowerCase()}` }),
        onError: (error) => {
          toast({ title: "The status was not saved", description: error.message, tone: "error" });
          // Changed elsewhere: show the tour as it is now, so the next change is based on it.
          if (isStaleVersion(error))
            void queryClient.invalidateQueries({ queryKey: tourQuery(tour.id).queryKey });
        },
      },
    );
  }

  return (
    <li className="milestone-item">
      <div className="milestone-main">
        <p className="milestone-title">{milestone.title}</p>
        <p className="small muted">
          Due {formatCalendarDate(milestone.dueOn)}
          {milestone.doneOn ? ` · done ${formatCalendarDate(milestone.doneOn)}` : ""}
        </p>
      </div>
      <span className="row-tight">
        {isMilestoneOverdue(milestone, today) ? (
          <OverdueBadge since={milestone.dueOn} what={milestone.title} />
        ) : null}
        <span className={milestoneBadge[milestone.status]}>{milestoneStatusLabels[milestone.status]}</span>
      </span>
      <div className="milestone-actions">
        <label className="visually-hidden" htmlFor={`status-${milestone.id}`}>
          Status of “{milestone.title}”
        </label>
        <select
          id={`status-${milestone.id}`}
          className="select select-small"
          value={milestone.status}
          disabled={save.isPending}
          onChange={(event) => setStatus(event.target.value as MilestoneStatus)}
        >
          {statusOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Button
          variant="ghost"
          size="small"
          icon={<Pencil size={16} aria-hidden="true" />}
          onClick={() => setEditing(true)}
        >
          Edit<span className="visually-hidden"> “{milestone.title}”</span>
        </Button>
        <DeleteButton size="small" onClick={() => setConfirming(true)} what={`“${milestone.title}”`} />
      </div>
      <Dialog open={editing} onOpenChange={setEditing} title="Edit milestone">
        <MilestoneForm tour={tour} milestone={milestone} onDone={() => setEditing(false)} />
      </Dialog>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this milestone?"
        description={`“${milestone.title}” will be removed from the tour. This cannot be undone.`}
      >
        <FormActions>
          <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate()}>
            Delete milestone
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </FormActions>
      </Dialog>
    </li>
  );
}

export function MilestonesCard({ tour }: { tour: Tour }) {
  const done = tour.milestones.filter((m) => m.status === "done").length;
  return (
    <Card
      id="milestones"
      title="Milestones"
      icon={<ListChecks size={18} />}
      description={
        tour.milestones.length
          ? `${done} of ${tour.milestones.length} done. Change a status as things move.`
          : "The checkpoints that show the mission is on track."
      }
    >
      <div className="stack-lg">
        {tour.milestones.length ? (
          <ul className="milestone-list" aria-label="Milestones">
            {tour.milestones.map((milestone) => (
              <MilestoneItem key={milestone.id} tour={tour} milestone={milestone} />
            ))}
          </ul>
        ) : (
          <EmptyState icon={<ListChecks size={22} />} title="No milestones yet" headingLevel={3}>
            Add two or three checkpoints below, such as a launch, a first hire or a metric reached, each with
            a due date.
          </EmptyState>
        )}
        <div className="milestone-add">
          <h3>Add a milestone</h3>
          <MilestoneForm tour={tour} />
        </div>
      </div>
    </Card>
  );
}
