import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  Delivery,
  Notification,
  NotificationList,
  Preferences,
  UnreadCount,
  Unsubscribe,
} from "../../../shared/notifications.ts";
import { api } from "../../api.ts";

export const notificationsKey = ["notifications"] as const;

export const unreadCountQuery = queryOptions({
  queryKey: [...notificationsKey, "unread"],
  queryFn: () => api.get<UnreadCount>("/api/notifications/unread-count"),
  // Read on every page: refreshed when the tab comes back and now and then while it is open.
  refetchInterval: 60_000,
  staleTime: 15_000,
});

export const notificationsQuery = (page: number) =>
  queryOptions({
    queryKey: [...notificationsKey, "list", page],
    queryFn: () => api.get<NotificationList>(`/api/notifications?page=${page}`),
  });

export const preferencesQuery = queryOptions({
  queryKey: [...notificationsKey, "preferences"],
  queryFn: () => api.get<Preferences>("/api/notifications/preferences"),
});

export const unsubscribeQuery = (token: string) =>
  queryOptions({
    queryKey: ["unsubscribe", token],
    queryFn: () => api.get<Unsubscribe>(`/api/unsubscribe/${encodeURIComponent(token)}`),
    retry: false,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<UnreadCount>("/api/notifications/read-all"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveries: Partial<Record<string, Delivery>>) =>
      api.put<Preferences>("/api/notifications/preferences", { deliveries }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesQuery.queryKey, saved),
  });
}
