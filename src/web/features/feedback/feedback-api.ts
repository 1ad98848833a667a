import { queryOptions } from "@tanstack/react-query";
import type { ResponseCount } from "../../../shared/feedback.ts";
import { api, call, readOncePerVisit } from "../../api.ts";

export const feedbackRequestsQuery = queryOptions({
  ...readOncePerVisit,
  queryKey: ["feedback", "requests"],
  queryFn: () => call(api.feedback.requests.$get()),
});

export const feedbackRequestQuery = (id: string) =>
  queryOptions({
    ...readOncePerVisit,
    queryKey: ["feedback", "requests", id],
    queryFn: () => call(api.feedback.requests[":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });

// Paragraphs come back in a new random order on every read, so the page keeps the first order it got.
export const feedbackResultsQuery = (id: string) =>
  queryOptions({
    queryKey: ["feedback", "requests", id, "results"],
    queryFn: () => call(api.feedback.requests[":id"].results.$get({ param: { id: encodeURIComponent(id) } })),
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
  });

export const superpowersQuery = queryOptions({
  queryKey: ["feedback", "superpowers"],
  queryFn: () => call(api.feedback.superpowers.$get()),
});

export const giverViewQuery = (token: string) =>
  queryOptions({
    queryKey: ["give", token],
    queryFn: () => call(api.give[":token"].$get({ param: { token: encodeURIComponent(token) } })),
    refetchOnWindowFocus: false,
    retry: false,
  });

export function responseCountText(count: ResponseCount, k: number): string {
  if (count.atLeast) return `At least ${count.shown} responses`;
  const noun = count.shown === 1 ? "response" : "responses";
  return `${count.shown} ${noun} of the ${k} needed`;
}
