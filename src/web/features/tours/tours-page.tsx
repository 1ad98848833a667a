import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowDown, ArrowUp, ChartGantt, Flag, Plus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { Tour } from "../../../shared/tours.ts";
import { api, call } from "../../api.ts";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Term } from "../glossary/term.tsx";
import { TourStatusBadge, TourTags } from "./tour-parts.tsx";
import { toursQuery } from "./tours-api.ts";
import "./tours.css";

type Move = { id: string; direction: "up" | "down" };

function moved(tours: Tour[], { id, direction }: Move): Tour[] {
  const from = tours.findIndex((t) => t.id === id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= tours.length) return tours;
  const next = [...tours];
  const [tour] = next.splice(from, 1);
  if (tour) next.splice(to, 0, tour);
  return next.map((t, index) => ({ ...t, position: index + 1 }));
}

function TourItem({
  tour,
  first,
  last,
  onMove,
}: {
  tour: Tour;
  first: boolean;
  last: boolean;
  onMove: (move: Move) => void;
}) {
  const done = tour.milestones.filter((m) => m.status === "done").length;
  return (
    <li className="card tour-item" aria-labelledby={`tour-${tour.id}-title`}>
      <span className="tour-position" aria-hidden="true">
        {tour.position}
      </span>
      <div className="tour-item-body">
        <div className="tour-item-head">
          <h2 id={`tour-${tour.id}-title`} className="tour-item-title">
            <span className="visually-hidden">Tour {tour.position}: </span>
            <Link to="/tours/$tourId" params={{ tourId: tour.id }}>
              {tour.title}
            </Link>
          </h2>
          <TourStatusBadge status={tour.status} />
        </div>
        <p className="small muted">
          {formatCalendarDate(tour.startsOn)} – {formatCalendarDate(tour.endedOn ?? tour.endsOn)}
          {tour.endedOn ? " (ended early)" : ""}
          {tour.milestones.length
            ? ` · ${done} of ${tour.milestones.length} milestones done`
            : " · no milestones yet"}
        </p>
        <p className="tour-item-mission">{tour.mission}</p>
        <TourTags tour={tour} />
        {tour.warnings.length ? (
          <ul className="tour-item-warnings">
            {tour.warnings.map((warning) => (
              <li key={`${warning.code}-${warning.tourId ?? ""}`}>{warning.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="tour-move">
        <Button
          id={`move-${tour.id}-up`}
          variant="secondary"
          size="small"
          className="button-icon"
          disabled={first}
          onClick={() => onMove({ id: tour.id, direction: "up" })}
        >
          <ArrowUp size={16} aria-hidden="true" />
          <span className="visually-hidden">Move “{tour.title}” up</span>
        </Button>
        <Button
          id={`move-${tour.id}-down`}
          variant="secondary"
          size="small"
          className="button-icon"
          disabled={last}
          onClick={() => onMove({ id: tour.id, direction: "down" })}
        >
          <ArrowDown size={16} aria-hidden="true" />
          <span className="visually-hidden">Move “{tour.title}” down</span>
        </Button>
      </div>
    </li>
  );
}

export function ToursPage() {
  useTitle("Tours of duty");
  const toast = useToast();
  const queryClient = useQueryClient();
  const query = useQuery(toursQuery);
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<Move | null>(null);
  const tours = query.data?.tours ?? [];

  const reorder = useMutation({
    mutationFn: (next: Tour[]) =>
      call(
        api.tours.order.$put({
          json: { ids: next.map((t) => t.id), version: query.data?.version ?? 0 },
        }),
      ),
    onMutate: (next) => {
      const previous = queryClient.getQueryData(toursQuery.queryKey);
      queryClient.setQueryData(toursQuery.queryKey, { tours: next, version: previous?.version ?? 0 });
      return { previous };
    },
    onSuccess: (result) => queryClient.setQueryData(toursQuery.queryKey, result),
    onError: (error, _next, context) => {
      if (context?.previous) queryClient.setQueryData(toursQuery.queryKey, context.previous);
      // A 409 means the order changed elsewhere: the list reloads below, and the person moves again.
      toast({ title: "The new order was not saved", description: error.message, tone: "error" });
      void queryClient.invalidateQueries({ queryKey: toursQuery.queryKey });
    },
  });

  function move(step: Move) {
    if (reorder.isPending) return;
    const next = moved(tours, step);
    const tour = next.find((t) => t.id === step.id);
    if (!tour || next === tours) return;
    focusAfter.current = step;
    setAnnouncement(`Moved “${tour.title}” to position ${tour.position} of ${next.length}.`);
    reorder.mutate(next);
  }

  // Keep focus on the moved tour's button, or its twin once it reaches the top or bottom.
  useEffect(() => {
    const step = focusAfter.current;
    if (!step || reorder.isPending) return;
    focusAfter.current = null;
    const same = document.getElementById(`move-${step.id}-${step.direction}`) as HTMLButtonElement | null;
    const other = document.getElementById(
      `move-${step.id}-${step.direction === "up" ? "down" : "up"}`,
    ) as HTMLButtonElement | null;
    (same && !same.disabled ? same : other)?.focus();
  }, [reorder.isPending]);

  return (
    <>
      <PageHeader
        title="Tours of duty"
        description={
          <>
            Your career as a series of <Term id="tour-of-duty">tours</Term>: each one a mission of 12 to 18
            months, the lanes it builds, the experiences it adds, and a{" "}
            <Term id="renegotiation">date to renegotiate</Term>. Put them in the order you mean to live them.
            Private unless you share it.
          </>
        }
        actions={
          tours.length ? (
            <>
              <Link to="/roadmap" className={buttonClass("secondary")}>
                <ChartGantt size={16} aria-hidden="true" />
                Roadmap
              </Link>
              <Link to="/tours/new" className={buttonClass("primary")}>
                <Plus size={16} aria-hidden="true" />
                New tour of duty
              </Link>
            </>
          ) : null
        }
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {query.isPending ? (
        <LoadingState label="Loading your tours…" />
      ) : query.isError ? (
        <LoadFailed what="Your tours" error={query.error} retry={() => void query.refetch()} />
      ) : tours.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Flag size={24} />}
            title="No tours of duty yet"
            action={
              <Link to="/tours/new" className={buttonClass("primary")}>
                <Plus size={16} aria-hidden="true" />
                Plan your first tour
              </Link>
            }
          >
            Start with the tour you are on now, or the next one: a mission, its dates and a few milestones.
            Sidecar draws them on your roadmap toward your skip job and North Star.
          </EmptyState>
        </Card>
      ) : (
        <ol className="tour-list" aria-label="Your tours of duty, in order">
          {tours.map((tour, index) => (
            <TourItem
              key={tour.id}
              tour={tour}
              first={index === 0}
              last={index === tours.length - 1}
              onMove={move}
            />
          ))}
        </ol>
      )}
    </>
  );
}
