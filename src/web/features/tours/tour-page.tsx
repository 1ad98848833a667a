import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { CircleStop, Flag, Pencil } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { isRenegotiationOverdue } from "../../../shared/overdue.ts";
import type { Tour } from "../../../shared/tours.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { DeleteButton } from "../../ui/delete-button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { FormActions } from "../../ui/form.tsx";
import { OverdueBadge } from "../../ui/overdue-badge.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { MilestonesCard } from "./milestones.tsx";
import { TourNotFound } from "./tour-not-found.tsx";
import { BackToTours, TourStatusBadge, TourTags } from "./tour-parts.tsx";
import { tourPagesQuery, tourQuery, toursQuery } from "./tours-api.ts";
import "./tours.css";

// The form and the form library arrive when the dialog first opens.
const EndTourForm = lazy(() => import("./end-tour-form.tsx"));

const route = getRouteApi("/app/tours/$tourId");

export function TourWarnings({ tour }: { tour: Tour }) {
  if (tour.warnings.length === 0) return null;
  return (
    <Alert tone="warning" title="Worth a second look">
      <ul className="tour-warnings">
        {tour.warnings.map((warning) => (
          <li key={`${warning.code}-${warning.tourId ?? ""}`}>{warning.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

function EndEarlyDialog({
  tour,
  open,
  onOpenChange,
}: {
  tour: Tour;
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="End this tour early"
      description="Tours end early for good reasons: a reorganisation, a better opportunity, a mission that changed. Write down why while it's fresh; it helps you plan the next one."
    >
      <Suspense fallback={<LoadingState label="Loading the form…" />}>
        <EndTourForm tour={tour} onOpenChange={onOpenChange} />
      </Suspense>
    </Dialog>
  );
}

function DeleteTourDialog({
  tour,
  open,
  onOpenChange,
}: {
  tour: Tour;
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call(api.tours[":id"].$delete({ param: { id: encodeURIComponent(tour.id) } })),
    onSuccess: async (result) => {
      queryClient.setQueryData(toursQuery.queryKey, result);
      queryClient.removeQueries({ queryKey: tourQuery(tour.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: tourPagesQuery.queryKey });
      toast({ title: "Tour deleted" });
      await navigate({ to: "/tours" });
    },
    onError: (error) =>
      toast({ title: "The tour was not deleted", description: error.message, tone: "error" }),
  });
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Delete this tour of duty?"
      description={`“${tour.title}” and its ${tour.milestones.length === 1 ? "milestone" : `${tour.milestones.length} milestones`} will be deleted. This cannot be undone; to keep the history, end it early instead.`}
    >
      <FormActions>
        <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate()}>
          Delete tour
        </Button>
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Keep it
        </Button>
      </FormActions>
    </Dialog>
  );
}

export function TourPage() {
  const { tourId } = route.useParams();
  const query = useQuery(tourQuery(tourId));
  const [ending, setEnding] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const today = useMemberToday();
  useTitle(query.data?.title ?? "Tour of duty");

  if (query.isPending) return <LoadingState label="Loading the tour…" />;
  if (query.isError) return <TourNotFound error={query.error} retry={() => query.refetch()} />;
  const tour = query.data;
  // Only a tour that has started can end early: the day it ends cannot be after today.
  const canEnd = tour.status === "active" || tour.status === "completed";

  return (
    <>
      <PageHeader
        before={<BackToTours />}
        title={tour.title}
        actions={
          <>
            <Link to="/tours/$tourId/edit" params={{ tourId }} className={buttonClass("secondary")}>
              <Pencil size={16} aria-hidden="true" />
              Edit
            </Link>
            {canEnd ? (
              <Button
                variant="secondary"
                icon={<CircleStop size={16} aria-hidden="true" />}
                onClick={() => setEnding(true)}
              >
                End early
              </Button>
            ) : null}
            <DeleteButton onClick={() => setDeleting(true)} what="this tour" />
          </>
        }
      />
      <div className="stack-lg">
        <TourWarnings tour={tour} />
        <Card id="tour-mission" title="Mission" icon={<Flag size={18} />}>
          <div className="stack">
            <p className="tour-mission">{tour.mission}</p>
            <dl className="tour-facts">
              <div>
                <dt>Status</dt>
                <dd>
                  <TourStatusBadge status={tour.status} />
                </dd>
              </div>
              <div>
                <dt>Dates</dt>
                <dd>
                  {formatCalendarDate(tour.startsOn)} – {formatCalendarDate(tour.endsOn)}
                </dd>
              </div>
              <div>
                <dt>Renegotiate</dt>
                <dd>
                  {tour.renegotiateOn ? formatCalendarDate(tour.renegotiateOn) : "Not set"}
                  {tour.renegotiateOn && isRenegotiationOverdue(tour, today) ? (
                    <>
                      {" "}
                      <OverdueBadge since={tour.renegotiateOn} what="the renegotiation" />
                    </>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>Position</dt>
                <dd>Tour {tour.position}</dd>
              </div>
            </dl>
            <TourTags tour={tour} />
            {tour.endedOn ? (
              <Alert tone="info" title={`Ended early on ${formatCalendarDate(tour.endedOn)}`}>
                {tour.endReason}
              </Alert>
            ) : null}
          </div>
        </Card>
        <MilestonesCard tour={tour} />
      </div>
      {canEnd ? <EndEarlyDialog tour={tour} open={ending} onOpenChange={setEnding} /> : null}
      <DeleteTourDialog tour={tour} open={deleting} onOpenChange={setDeleting} />
    </>
  );
}
