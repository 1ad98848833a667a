import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowDown, ArrowUp, ChartGantt, Flag, Plus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { Tour, TourList } from "../../../shared/tours.ts";
import { api, call, loadedItems } from "../../api.ts";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { LoadMore } from "../../ui/load-more.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Term } from "../glossary/term.tsx";
import { TourStatusBadge, TourTags } from "./tour-parts.tsx";
import { tourPagesQuery, toursQuery } from "./tours-api.ts";
import "./tours.css";

type Move = { id: string; direction: "up" | "down" };
type Pages = InfiniteData<TourList, unknown>;

const loadedTours = (pages: Pages | undefined) => loadedItems(pages?.pages, (page) => page.tours);

/**
 * The loaded pages with one tour moved to `position`. The loaded tours are the first of the order, so
 * each one's position is its place in the list; a tour moved past them leaves until the list reloads.
 */
function withMove(pages: Pages, id: string, position: number, version: number): Pages {
  const tours = loadedTours(pages);
  const from = tours.findIndex((t) => t.id === id);
  const [tour] = from < 0 ? [] : tours.splice(from, 1);
  if (tour && position <= tours.length + 1) tours.splice(position - 1, 0, tour);
  const placed = tours.map((t, index) => ({ ...t, position: index + 1 }));
  let start = 0;
  return {
    ...pages,
    pages: pages.pages.map((page) => {
      const mine = placed.slice(start, start + page.tours.length);
      start += page.tours.length;
      return { ...page, tours: mine, version };
    }),
  };
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
  const query = useInfiniteQuery(tourPagesQuery);
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<Move | null>(null);
  const tours = loadedTours(query.data);
  // The newest version any page was read at (each move answers the next one).
  const version = Math.max(0, ...(query.data?.pages ?? []).map((page) => page.version));

  const reorder = useMutation({
    mutationFn: ({ id, position }: { id: string; position: number }) =>
      call(
        api.tours[":id"].move.$post({
          param: { id: encodeURIComponent(id) },
          json: { position, version },
        }),
      ),
    onMutate: async ({ id, position }) => {
      await queryClient.cancelQueries({ queryKey: tourPagesQuery.queryKey });
      const previous = queryClient.getQueryData(tourPagesQuery.queryKey);
      if (previous)
        queryClient.setQueryData(tourPagesQuery.queryKey, withMove(previous, id, position, version));
      return { previous };
    },
    onSuccess: (moved) => {
      const current = queryClient.getQueryData(tourPagesQuery.queryKey);
      if (current) {
        queryClient.setQueryData(
          tourPagesQuery.queryKey,
          withMove(current, moved.id, moved.position, moved.version),
        );
      }
      // A tour moved past the loaded ones takes another's place there: read the loaded pages again.
      if (moved.position > tours.length)
        void queryClient.invalidateQueries({ queryKey: tourPagesQuery.queryKey });
      // The roadmap and the other readers of every tour follow the new order.
      void queryClient.invalidateQueries({ queryKey: toursQuery.queryKey, exact: true });
    },
    onError: (error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(tourPagesQuery.queryKey, context.previous);
      // A 409 means the order changed elsewhere: the list reloads below, and the person moves again.
      toast({ title: "The new order was not saved", description: error.message, tone: "error" });
      void queryClient.invalidateQueries({ queryKey: tourPagesQuery.queryKey });
    },
  });

  function move(step: Move) {
    if (reorder.isPending) return;
    const tour = tours.find((t) => t.id === step.id);
    if (!tour) return;
    const position = step.direction === "up" ? tour.position - 1 : tour.position + 1;
    if (position < 1 || (position > tours.length && !query.hasNextPage)) return;
    focusAfter.current = step;
    setAnnouncement(
      `Moved “${tour.title}” to position ${position}${query.hasNextPage ? "" : ` of ${tours.length}`}.`,
    );
    reorder.mutate({ id: tour.id, position });
  }

  // Keep focus on the moved tour's button, or its twin once it reaches the top or bottom; when it moved
  // past the loaded tours, on "Load more", where it went.
  useEffect(() => {
    const step = focusAfter.current;
    if (!step || reorder.isPending) return;
    focusAfter.current = null;
    const same = document.getElementById(`move-${step.id}-${step.direction}`) as HTMLButtonElement | null;
    const other = document.getElementById(
      `move-${step.id}-${step.direction === "up" ? "down" : "up"}`,
    ) as HTMLButtonElement | null;
    const further = document.querySelector<HTMLButtonElement>(".load-more button");
    (same && !same.disabled ? same : (other ?? further))?.focus();
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
      <QueryState
        query={query}
        loading="Loading your tours…"
        failed="Your tours"
        isEmpty={() => tours.length === 0}
        empty={
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
        }
      >
        {() => (
          <>
            <ol className="tour-list" aria-label="Your tours of duty, in order">
              {tours.map((tour, index) => (
                <TourItem
                  key={tour.id}
                  tour={tour}
                  first={index === 0}
                  last={index === tours.length - 1 && !query.hasNextPage}
                  onMove={move}
                />
              ))}
            </ol>
            <LoadMore query={query} loaded={tours.length} what="tours" one="tour" />
          </>
        )}
      </QueryState>
    </>
  );
}
