import { queryOptions } from "@tanstack/react-query";
import type {
  SharedLanes,
  SharedPlan,
  SharedPortfolio,
  SharedWithMe,
  ShareGrantList,
} from "../../../shared/sharing.ts";
import { api } from "../../api.ts";

// Shares change from another person's side, so every view asks again on each visit: a revoked
// share must read as revoked on the next load, never from a cache.
const fresh = { staleTime: 0, gcTime: 0, retry: false } as const;

export const shareGrantsQuery = queryOptions({
  queryKey: ["sharing", "grants"],
  queryFn: () => api.get<ShareGrantList>("/api/sharing/grants"),
});

export const sharedWithMeQuery = queryOptions({
  queryKey: ["shared"],
  queryFn: () => api.get<SharedWithMe>("/api/shared"),
  ...fresh,
});

export const sharedPlanQuery = (ownerId: string) =>
  queryOptions({
    queryKey: ["shared", ownerId, "plan"],
    queryFn: () => api.get<SharedPlan>(`/api/shared/${encodeURIComponent(ownerId)}/plan`),
    ...fresh,
  });

export const sharedLanesQuery = (ownerId: string) =>
  queryOptions({
    queryKey: ["shared", ownerId, "lanes"],
    queryFn: () => api.get<SharedLanes>(`/api/shared/${encodeURIComponent(ownerId)}/lanes`),
    ...fresh,
  });

export const sharedPortfolioQuery = (ownerId: string) =>
  queryOptions({
    queryKey: ["shared", ownerId, "portfolio"],
    queryFn: () => api.get<SharedPortfolio>(`/api/shared/${encodeURIComponent(ownerId)}/portfolio`),
    ...fresh,
  });
