import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { maxPageSize } from "../../../shared/page-size.ts";
import type { Tour, TourList } from "../../../shared/tours.ts";
import { ApiError, api, call, readAllPages, readOncePerVisit } from "../../api.ts";

/** Every one of the member's tours, for the parts that need them all (the roadmap, overlap advice, pickers). */
export async function readAllTours(): Promise<TourList> {
  const pages = await readAllPages((cursor) =>
    call(api.tours.$get({ query: { limit: String(maxPageSize), cursor } })),
  );
  return {
    tours: pages.flatMap((page) => page.tours),
    version: pages.at(-1)?.version ?? 0,
    nextCursor: null,
  };
}

export const toursQuery = queryOptions({ queryKey: ["tours"], queryFn: readAllTours, ...readOncePerVisit });

/** The tours page's list, a page at a time as "Load more" asks. */
export const tourPagesQuery = infiniteQueryOptions({
  queryKey: ["tours", { paged: true }],
  queryFn: ({ pageParam }) => call(api.tours.$get({ query: pageParam ? { cursor: pageParam } : {} })),
  initialPageParam: "",
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const tourQuery = (id: string) =>
  queryOptions({
    queryKey: ["tours", id],
    ...readOncePerVisit,
    queryFn: () => call(api.tours[":id"].$get({ param: { id: encodeURIComponent(id) } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

/** The part of the career plan the roadmap draws (the plan's own API may carry more). */
export type PlanSummary = {
  northStar: { role: string; horizonYear: number; reachedOn: string | null } | null;
  skipJob: { role: string; targetYear: number | null } | null;
  nextJob: { role: string; targetYear: number | null } | null;
};

/** Puts a saved tour into the caches, so the list and the tour's page agree without a refetch. */
export function rememberTour(queryClient: QueryClient, tour: Tour) {
  queryClient.setQueryData(tourQuery(tour.id).queryKey, tour);
  queryClient.setQueryData(toursQuery.queryKey, (current) =>
    current
      ? {
          ...current,
          tours: current.tours.some((t) => t.id === tour.id)
            ? current.tours.map((t) => (t.id === tour.id ? tour : t))
            : [...current.tours, tour],
        }
      : current,
  );
  // Overlap warnings of the other tours may have changed with this one.
  void queryClient.invalidateQueries({ queryKey: toursQuery.queryKey });
}
