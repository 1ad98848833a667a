import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Bell, CheckCheck, Settings } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { Notification } from "../../../shared/notifications.ts";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Pagination } from "../admin/pagination.tsx";
import { notificationsQuery, useMarkAllRead, useMarkRead } from "./notifications-api.ts";
import "./notifications.css";

const route = getRouteApi("/app/notifications");

export function NotificationsPage() {
  useTitle("Notifications");
  const { page = 1 } = route.useSearch();
  const navigate = useNavigate({ from: "/notifications" });
  const query = useQuery(notificationsQuery(page));
  const markAll = useMarkAllRead();
  const toast = useToast();
  const unread = query.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What needs your attention in Sidecar. Choose which ones also reach you by email in your email settings."
        actions={
          <>
            <Button asChild variant="secondary">
              <Link to="/notifications/settings">
                <Settings size={16} aria-hidden="true" />
                Email settings
              </Link>
            </Button>
            {unread > 0 ? (
              <Button
                variant="secondary"
                pending={markAll.isPending}
                icon={<CheckCheck size={16} aria-hidden="true" />}
                onClick={() =>
                  markAll.mutate(undefined, {
                    onSuccess: () => toast({ title: "All notifications marked read" }),
                    onError: (error) =>
                      toast({ title: "Couldn't mark them read", description: error.message, tone: "error" }),
                  })
                }
              >
                Mark all read
              </Button>
            ) : null}
          </>
        }
      />
      <QueryState
        query={query}
        loading="Loading notifications…"
        failed="Your notifications"
        isEmpty={(data) => data.notifications.length === 0}
        empty={
          <div className="card">
            <EmptyState icon={<Bell size={22} />} title="No notifications yet">
              When something needs you, such as enough people answering your feedback request, it appears
              here. Ask for feedback from the Feedback page to get started.
            </EmptyState>
          </div>
        }
      >
        {(data) => (
          <>
            <p className="muted" aria-live="polite">
              {unread === 0 ? "All read." : `${unread} unread.`}
            </p>
            <ul className="notification-list" aria-busy={query.isFetching || undefined}>
              {data.notifications.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} />
              ))}
            </ul>
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              noun={data.total === 1 ? "notification" : "notifications"}
              onPage={(next) => void navigate({ search: { page: next > 1 ? next : undefined } })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const markRead = useMarkRead();
  const toast = useToast();
  const read = () =>
    markRead.mutate(notification.id, {
      onError: (error) =>
        toast({ title: "Couldn't mark it read", description: error.message, tone: "error" }),
    });
  return (
    <li className="notification-item" data-unread={!notification.read || undefined}>
      <span className="notification-dot" aria-hidden="true" />
      <div className="notification-text">
        <h2 className="notification-title">
          {notification.read ? null : <span className="visually-hidden">Unread: </span>}
          {notification.link ? (
            <Link to={notification.link} onClick={() => (notification.read ? undefined : read())}>
              {notification.title}
            </Link>
          ) : (
            notification.title
          )}
        </h2>
        {notification.body ? <p className="notification-body">{notification.body}</p> : null}
        <p className="notification-meta">{formatCalendarDate(notification.createdOn)}</p>
      </div>
      {notification.read ? null : (
        <Button
          variant="ghost"
          size="small"
          pending={markRead.isPending}
          onClick={read}
          aria-label={`Mark “${notification.title}” read`}
        >
          Mark read
        </Button>
      )}
    </li>
  );
}
