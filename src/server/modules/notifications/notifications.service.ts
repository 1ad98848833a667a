import { TransactionRollbackError } from "drizzle-orm";
import {
  allKinds,
  type Delivery,
  isOptionalKind,
  type NotificationKind,
  notificationKinds,
  optionalKinds,
  type PreferencesInput,
} from "../../../shared/notifications.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import type { MailAttachment } from "../mail/outbox.table.ts";
import { digestEmail, notificationEmail } from "./notifications.emails.ts";
import { presentNotification, presentPreference } from "./notifications.presenter.ts";
import {
  bumpSettingsVersion,
  claimDigest,
  claimSettingsVersion,
  countNotifications,
  countUnread,
  findEmailOf,
  findNotificationRow,
  findPreference,
  findSettingsVersion,
  insertNotification,
  listDigestRecipients,
  listNotificationRows,
  listPreferenceRows,
  markAllNotificationsRead,
  markNotificationRead,
  takeDigestNotifications,
  upsertPreferences,
} from "./notifications.repo.ts";
import { readUnsubscribeToken, type UnsubscribeScope, unsubscribeToken } from "./unsubscribe-token.ts";

export const notificationsPageSize = 20;
/** Digests go out from this hour on, in each member's own time zone (UTC when they have not set one). */
export const digestHour = 8;

export type NotifyDeps = Pick<Deps, "mailer" | "config" | "auth">;
export type NotifyInput = {
  userId: string;
  /** An essential kind (someone waits for the member's reply) is always emailed at once. */
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside Sidecar, such as /feedback/abc. */
  link?: string | null;
  /** Files for the email, such as a calendar invitation; an email that is not sent at once has none. */
  attachments?: MailAttachment[];
  /** The community it comes from; removal from the community deletes it. */
  communityId?: string | null;
  /** The member's own choice for that community, which overrides their choice for the kind. */
  communityDelivery?: Delivery | null;
};

const notFound = () => new AppError("NOT_FOUND", "There is no notification with this id among yours.");
const unknownLink = () =>
  new AppError("NOT_FOUND", "This unsubscribe link is not valid. Check that you copied all of it.");

async function unsubscribeLinks(deps: NotifyDeps, userId: string, scope: UnsubscribeScope) {
  const token = unsubscribeToken((await deps.auth.$context).secret, userId, scope);
  const { baseUrl } = deps.config;
  return { page: `${baseUrl}/unsubscribe/${token}`, oneClick: `${baseUrl}/api/unsubscribe/${token}` };
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Tells a member something inside the caller's transaction: the in-app notification always, and an
 * email at once, in the daily digest or not at all, by the member's choice for this kind. Call the
 * returned function after the transaction commits, to start delivering the email.
 */
export async function notify(deps: NotifyDeps, tx: Db, input: NotifyInput): Promise<() => void> {
  const definition = notificationKinds[input.kind];
  const delivery: Delivery = definition.essential
    ? "each"
    : (input.communityDelivery ??
      (await findPreference(tx, input.userId, input.kind)) ??
      definition.defaultDelivery);
  const now = new Date();
  await insertNotification(tx, {
    userId: input.userId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
    communityId: input.communityId ?? null,
    email: delivery === "each" ? "sent" : delivery === "digest" ? "digest" : "none",
    createdAt: definition.dayPrecision ? startOfUtcDay(now) : now,
  });
  if (delivery !== "each") return () => {};
  const person = await findEmailOf(tx, input.userId);
  if (!person) return () => {};
  const links = isOptionalKind(input.kind) ? await unsubscribeLinks(deps, input.userId, input.kind) : null;
  return deps.mailer.enqueue(
    [
      {
        ...notificationEmail(
          person.email,
          { kind: input.kind, title: input.title, body: input.body, link: input.link ?? null },
          deps.config.baseUrl,
          links,
        ),
        ...(input.attachments ? { attachments: input.attachments } : {}),
        ...(input.communityId ? { communityId: input.communityId } : {}),
      },
    ],
    tx,
  );
}

export async function listMyNotifications(db: Db, viewer: Viewer | null, input: { page: number }) {
  const me = await requireAccess(db, viewer, "read", "notification");
  const page = { page: input.page, pageSize: notificationsPageSize };
  const [rows, total, unread] = await Promise.all([
    listNotificationRows(db, me.userId, page),
    countNotifications(db, me.userId),
    countUnread(db, me.userId),
  ]);
  return { notifications: rows.map(presentNotification), total, unread, ...page };
}

export async function getUnreadCount(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "notification");
  return { unread: await countUnread(db, me.userId) };
}

export async function readNotification(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  // Someone else's notification answers like a missing one, so its existence does not leak.
  await requireAccess(db, me, "update", "notification", await findNotificationRow(db, id));
  const updated = await markNotificationRead(db, id);
  if (!updated) throw notFound();
  return presentNotification(updated);
}

export async function readAllNotifications(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "update", "notification");
  await markAllNotificationsRead(db, me.userId);
  return { unread: await countUnread(db, me.userId) };
}

async function deliveriesOf(db: Db, userId: string): Promise<Record<NotificationKind, Delivery>> {
  const chosen = new Map((await listPreferenceRows(db, userId)).map((row) => [row.kind, row.delivery]));
  return Object.fromEntries(
    allKinds.map((kind) => [kind, chosen.get(kind) ?? notificationKinds[kind].defaultDelivery]),
  ) as Record<NotificationKind, Delivery>;
}

async function presentPreferencesOf(db: Db, userId: string) {
  const deliveries = await deliveriesOf(db, userId);
  return {
    preferences: allKinds.map((kind) => presentPreference(kind, deliveries[kind])),
    version: await findSettingsVersion(db, userId),
  };
}

export async function getMyPreferences(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "notification");
  return presentPreferencesOf(db, me.userId);
}

export async function updateMyPreferences(
  db: Db,
  viewer: Viewer | null,
  { version, ...input }: PreferencesInput & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "notification");
  const choices = optionalKinds.flatMap((kind) => {
    const delivery = input.deliveries[kind];
    return delivery ? [{ kind, delivery }] : [];
  });
  return db.transaction(async (tx) => {
    await claimSettingsVersion(tx, me.userId, version);
    await upsertPreferences(tx, me.userId, choices);
    return presentPreferencesOf(tx, me.userId);
  });
}

function scopeLabel(scope: UnsubscribeScope) {
  return scope === "digest" ? "The daily digest" : notificationKinds[scope].label;
}

async function readToken(deps: NotifyDeps & Pick<Deps, "db">, token: string) {
  const read = readUnsubscribeToken((await deps.auth.$context).secret, token);
  if (!read || !(await findEmailOf(deps.db, read.userId))) throw unknownLink();
  return read;
}

async function presentScope(db: Db, userId: string, scope: UnsubscribeScope) {
  const deliveries = await deliveriesOf(db, userId);
  const delivery =
    scope === "digest"
      ? optionalKinds.some((kind) => deliveries[kind] === "digest")
        ? "digest"
        : "off"
      : deliveries[scope];
  return { scope, label: scopeLabel(scope), delivery };
}

// The link is the credential: whoever holds it may see and turn off this one kind of email, nothing more.
export async function viewUnsubscribe(deps: Deps, token: string) {
  const { userId, scope } = await readToken(deps, token);
  return presentScope(deps.db, userId, scope);
}

export async function unsubscribe(deps: Deps, token: string) {
  const { userId, scope } = await readToken(deps, token);
  const deliveries = await deliveriesOf(deps.db, userId);
  const kinds = scope === "digest" ? optionalKinds.filter((kind) => deliveries[kind] === "digest") : [scope];
  // A settings page opened before this click must not turn the email back on when it saves.
  return deps.db.transaction(async (tx) => {
    await upsertPreferences(
      tx,
      userId,
      kinds.map((kind) => ({ kind, delivery: "off" as const })),
    );
    await bumpSettingsVersion(tx, userId);
    return presentScope(tx, userId, scope);
  });
}

function localTime(now: Date, timeZone: string | null) {
  const parts = (zone: string) =>
    Object.fromEntries(
      new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(now)
        .map((part) => [part.type, part.value]),
    );
  let p: Record<string, string>;
  try {
    p = parts(timeZone ?? "UTC");
  } catch {
    p = parts("UTC");
  }
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/**
 * Sends each member whose digest hour has come one email with what waits for their digest, at most
 * once per member and day however many processes run this at once: the day's digest row is claimed
 * with a unique key first, and the notifications it carries are taken in the same transaction.
 */
export async function sendDueDigests(
  deps: Pick<Deps, "db" | "mailer" | "config" | "auth" | "logger">,
  now: Date,
) {
  const recipients = await listDigestRecipients(deps.db);
  let sent = 0;
  for (const { userId, timeZone } of recipients) {
    const { day, hour } = localTime(now, timeZone);
    if (hour < digestHour) continue;
    const person = await findEmailOf(deps.db, userId);
    if (!person) continue;
    const links = await unsubscribeLinks(deps, userId, "digest");
    const deliver = await deps.db
      .transaction(async (tx) => {
        const digestId = await claimDigest(tx, userId, day);
        if (!digestId) return undefined;
        const rows = await takeDigestNotifications(tx, userId, digestId);
        if (rows.length === 0) {
          // Another process took them first; roll back so today's digest stays free for later ones.
          tx.rollback();
        }
        return deps.mailer.enqueue([digestEmail(person.email, rows, deps.config.baseUrl, links)], tx);
      })
      .catch((error: unknown) => {
        if (error instanceof TransactionRollbackError) return undefined;
        throw error;
      });
    if (deliver) {
      deliver();
      sent += 1;
    }
  }
  if (sent > 0) deps.logger.info("daily digests sent", { count: sent });
  return { sent };
}
