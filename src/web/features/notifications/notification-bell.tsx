import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Bell } from "lucide-react";
import { unreadCountQuery } from "./notifications-api.ts";

export function unreadLabel(unread: number): string {
  if (unread === 0) return "Notifications, none unread";
  return `Notifications, ${unread} unread`;
}

export function NotificationBell() {
  const { data } = useQuery(unreadCountQuery);
  const unread = data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className="button button-ghost button-icon notification-bell"
      aria-label={unreadLabel(unread)}
      activeOptions={{ includeSearch: false }}
    >
      <Bell size={20} aria-hidden="true" />
      {unread > 0 ? (
        <span className="notification-badge" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
