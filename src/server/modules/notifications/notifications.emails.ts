import { type NotificationKind, notificationKinds } from "../../../shared/notifications.ts";
import type { MailMessage } from "../mail/mailer.ts";
import type { NotificationRow } from "./notifications.repo.ts";

export type UnsubscribeLinks = { page: string; oneClick: string };

// RFC 8058: a mail provider offers "unsubscribe" and POSTs to the header's address itself.
function unsubscribeHeaders(links: UnsubscribeLinks) {
  return {
    "List-Unsubscribe": `<${links.oneClick}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

export function notificationEmail(
  to: string,
  notification: { kind: NotificationKind; title: string; body: string; link: string | null },
  baseUrl: string,
  /** Null for essential kinds: someone waits for the reply, so they cannot be turned off. */
  unsubscribe: UnsubscribeLinks | null,
) {
  const label = notificationKinds[notification.kind].label;
  if (!unsubscribe) {
    return {
      kind: "notification",
      to,
      subject: notification.title,
      text: [
        notification.body,
        ...(notification.link ? ["", `${baseUrl}${notification.link}`] : []),
        "",
        "—",
        `You get this email because someone waits for your answer (“${label}”); it cannot be turned off.`,
      ].join("\n"),
    } satisfies MailMessage;
  }
  return {
    kind: "notification",
    to,
    subject: notification.title,
    text: [
      notification.body,
      ...(notification.link ? ["", `${baseUrl}${notification.link}`] : []),
      "",
      "—",
      `You get this email each time because of your setting for “${label}”.`,
      `Stop these emails: ${unsubscribe.page}`,
      `Choose how Sidecar emails you: ${baseUrl}/notifications/settings`,
    ].join("\n"),
    headers: unsubscribeHeaders(unsubscribe),
  } satisfies MailMessage;
}

export function digestEmail(
  to: string,
  rows: Pick<NotificationRow, "title" | "body" | "link">[],
  baseUrl: string,
  unsubscribe: UnsubscribeLinks,
) {
  const items = rows.flatMap((row) => [
    `• ${row.title}`,
    `  ${row.body}`,
    ...(row.link ? [`  ${baseUrl}${row.link}`] : []),
    "",
  ]);
  return {
    kind: "notification",
    to,
    subject: `Your Sidecar digest: ${rows.length} new ${rows.length === 1 ? "notification" : "notifications"}`,
    text: [
      "Here is what happened in Sidecar since your last digest.",
      "",
      ...items,
      "—",
      "You get this digest once a day, for the notifications you chose to receive this way.",
      `Stop the daily digest: ${unsubscribe.page}`,
      `All your notifications: ${baseUrl}/notifications`,
      `Choose how Sidecar emails you: ${baseUrl}/notifications/settings`,
    ].join("\n"),
    headers: unsubscribeHeaders(unsubscribe),
  } satisfies MailMessage;
}
