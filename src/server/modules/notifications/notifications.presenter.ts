import {
  type Delivery,
  type Notification,
  type NotificationKind,
  notificationKinds,
} from "../../../shared/notifications.ts";
import type { NotificationRow } from "./notifications.repo.ts";

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    read: row.readAt !== null,
    createdOn: row.createdAt.toISOString().slice(0, 10),
  };
}

export function presentPreference(kind: NotificationKind, delivery: Delivery) {
  const definition = notificationKinds[kind];
  return {
    kind,
    label: definition.label,
    description: definition.description,
    essential: definition.essential,
    delivery: definition.essential ? ("each" as const) : delivery,
  };
}
