import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { Tour } from "../../../shared/tours.ts";
import { ApiError, api, call } from "../../api.ts";

export const toursQuery = queryOptions({
  queryKey: ["tours"],
  queryFn: () => call(api.tours.$get({ query: {} })),
});

export const tourQuery = (id: string) =>
  queryOptions({
    queryKey: ["tours", id],
    queryFn: () => call(api.tours[":id"].$get({ param: { id: encodeURIComponent(id) } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

/** The part of the career plan the roadmap draws (the plan's own API may carry more). */
export type PlanSummary = {
  northStar: { role: string; horizonYear: number; reachedOn: string | null } | null;
  skipJob: { role: string; targetYear: number | null } | null;
  nextJob: { role: string; targetYear: number | null } | null;
};

// The career plan is optional for the roadmap: without one (or before it exists) only tours are drawn.
export const planQuery = queryOptions({
  queryKey: ["plan"],
  queryFn: async (): Promise<PlanSummary | null> => {
    try {
      return await call(api.plan.$get());
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  retry: false,
});

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
