import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

// Shares change from another person's side, so every view asks again on each visit: a revoked
// share must read as revoked on the next load, never from a cache.
const fresh = { staleTime: 0, gcTime: 0, retry: false } as const;

export const shareGrantsQuery = queryOptions({
  queryKey: ["sharing", "grants"],
  queryFn: () => call(api.sharing.grants.$get()),
});

export const sharedWithMeQuery = queryOptions({
  queryKey: ["shared"],
  queryFn: () => call(api.shared.$get()),
  ...fresh,
});

export const sharedPlanQuery = (ownerId: string) =>
  queryOptions({
    queryKey: ["shared", ownerId, "plan"],
    queryFn: () =>
      call(api.shared[":ownerId"].plan.$get({ param: { ownerId: encodeURIComponent(ownerId) } })),
    ...fresh,
  });

export const sharedLanesQuery = (ownerId: string) =>
  queryOptions({
    queryKey: ["shared", ownerId, "lanes"],
    queryFn: () =>
      call(api.shared[":ownerId"].lanes.$get({ param: { ownerId: encodeURIComponent(ownerId) } })),
    ...fresh,
  });

export const sharedPortfolioQuery = (ownerId: string) =>
  queryOptions({
    queryKey: ["shared", ownerId, "portfolio"],
    queryFn: () =>
      call(api.shared[":ownerId"].portfolio.$get({ param: { ownerId: encodeURIComponent(ownerId) } })),
    ...fresh,
  });

export const sharedStoryQuery = (ownerId: string) =>
  queryOptions({
    queryKey: ["shared", ownerId, "story"],
    queryFn: () =>
      call(api.shared[":ownerId"].story.$get({ param: { ownerId: encodeURIComponent(ownerId) } })),
    ...fresh,
  });
