import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Delivery } from "../../../shared/notifications.ts";
import { api, call } from "../../api.ts";

export const notificationsKey = ["notifications"] as const;

export const unreadCountQuery = queryOptions({
  queryKey: [...notificationsKey, "unread"],
  queryFn: () => call(api.notifications["unread-count"].$get()),
  // Read on every page: refreshed when the tab comes back and now and then while it is open.
  refetchInterval: 60_000,
  staleTime: 15_000,
});

export const notificationsQuery = (page: number) =>
  queryOptions({
    queryKey: [...notificationsKey, "list", page],
    queryFn: () => call(api.notifications.$get({ query: { page: String(page) } })),
  });

export const preferencesQuery = queryOptions({
  queryKey: [...notificationsKey, "preferences"],
  queryFn: () => call(api.notifications.preferences.$get()),
});

export const unsubscribeQuery = (token: string) =>
  queryOptions({
    queryKey: ["unsubscribe", token],
    queryFn: () => call(api.unsubscribe[":token"].$get({ param: { token: encodeURIComponent(token) } })),
    retry: false,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.notifications[":id"].read.$post({ param: { id: encodeURIComponent(id) } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.notifications["read-all"].$post()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { deliveries: Record<string, Delivery>; version: number }) =>
      call(api.notifications.preferences.$put({ json: input })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesQuery.queryKey, saved),
  });
}
