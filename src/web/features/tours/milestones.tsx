import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ListChecks, Pencil } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { isMilestoneOverdue } from "../../../shared/overdue.ts";
import { milestoneStatusLabels } from "../../../shared/tour-words.ts";
import type { Milestone, MilestoneStatus, Tour } from "../../../shared/tours.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { DeleteButton } from "../../ui/delete-button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { FormActions, isStaleVersion } from "../../ui/form.tsx";
import { OverdueBadge } from "../../ui/overdue-badge.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { statusOptions, useSaveMilestone } from "./milestone-parts.ts";
import { milestoneBadge } from "./tour-parts.tsx";
import { rememberTour, tourQuery } from "./tours-api.ts";
import "./tours.css";

// The milestone form and the form library arrive after the tour is on screen (the add form) or when
// its dialog opens (editing one).
const MilestoneForm = lazy(() => import("./milestone-form.tsx"));

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
        <Suspense fallback={<LoadingState label="Loading the milestone…" />}>
          <MilestoneForm tour={tour} milestone={milestone} onDone={() => setEditing(false)} />
        </Suspense>
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
          <div className="milestone-add-slot">
            <AfterPaint component={MilestoneForm} props={{ tour }} />
          </div>
        </div>
      </div>
    </Card>
  );
}
