import { queryOptions } from "@tanstack/react-query";
import type {
  FeedbackRequest,
  FeedbackRequestSummary,
  FeedbackResults,
  GiverView,
  ResponseCount,
  SuperpowersView,
} from "../../../shared/feedback.ts";
import { api } from "../../api.ts";

export const feedbackRequestsQuery = queryOptions({
  queryKey: ["feedback", "requests"],
  queryFn: () => api.get<{ requests: FeedbackRequestSummary[] }>("/api/feedback/requests"),
});

export const feedbackRequestQuery = (id: string) =>
  queryOptions({
    queryKey: ["feedback", "requests", id],
    queryFn: () => api.get<FeedbackRequest>(`/api/feedback/requests/${id}`),
  });

// Paragraphs come back in a new random order on every read, so the page keeps the first order it got.
export const feedbackResultsQuery = (id: string) =>
  queryOptions({
    queryKey: ["feedback", "requests", id, "results"],
    queryFn: () => api.get<FeedbackResults>(`/api/feedback/requests/${id}/results`),
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
  });

export const superpowersQuery = queryOptions({
  queryKey: ["feedback", "superpowers"],
  queryFn: () => api.get<SuperpowersView>("/api/feedback/superpowers"),
});

export const giverViewQuery = (token: string) =>
  queryOptions({
    queryKey: ["give", token],
    queryFn: () => api.get<GiverView>(`/api/give/${encodeURIComponent(token)}`),
    refetchOnWindowFocus: false,
    retry: false,
  });

export function responseCountText(count: ResponseCount, k: number): string {
  if (count.atLeast) return `At least ${count.shown} responses`;
  const noun = count.shown === 1 ? "response" : "responses";
  return `${count.shown} ${noun} of the ${k} needed`;
}
