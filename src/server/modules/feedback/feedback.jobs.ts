import { addDays } from "../../../shared/calendar-date.ts";
import { isTimeZone } from "../../../shared/profile.ts";
import type { Db } from "../../db/open.ts";
import type { Deps } from "../../http/router.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { findProfileRow } from "../profile/profile.repo.ts";
import { newToken } from "./anonymity.ts";
import { askerName, giveLink, requestToday } from "./feedback.access.ts";
import { reminderEmail } from "./feedback.emails.ts";
import { isClosed } from "./feedback.policy.ts";
import {
  addReminderToken,
  findRequestRow,
  firstEmailInvitationAt,
  invitationsNotYetReminded,
  markMailQueued,
  updateRequestRow,
} from "./feedback.repo.ts";

export const feedbackJobKinds = {
  close: "feedback.close",
  autoReminder: "feedback.auto-reminder",
  sendReminder: "feedback.send-reminder",
} as const;

/** The one reminder goes out on its own this many days before the closing date, unless sent already. */
export const autoReminderDaysBefore = 2;

// A request closes by its member's calendar: the first moment it may have closed is midnight after
// the closing date in UTC+14, the first time zone to get there.
const firstPossibleClose = (closesOn: string) => new Date(`${closesOn}T10:00:00Z`);
const dayMs = 24 * 3600 * 1000;

/** The instant the member's calendar passes midnight after `day`, from their wall clock at `now`. */
async function memberMidnightAfter(db: Db, userId: string, day: string, now: Date): Promise<Date> {
  const stored = (await findProfileRow(db, userId))?.timeZone;
  const timeZone = stored && isTimeZone(stored) ? stored : "UTC";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const localDay = `${parts.year}-${parts.month}-${parts.day}`;
  const sinceMidnight = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000;
  const daysLeft =
    Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${localDay}T00:00:00Z`)) / dayMs) + 1;
  // A daylight-saving change in between moves it by an hour: the job then checks once more.
  return new Date(Math.floor(now.getTime() / 1000) * 1000 - sinceMidnight + daysLeft * dayMs);
}
const reminderTime = (closesOn: string) =>
  new Date(`${addDays(closesOn, -autoReminderDaysBefore)}T09:00:00Z`);

/** Schedules the request's closing and automatic reminder, or moves them to a new closing date. */
export async function scheduleFeedbackJobs(tx: Db, requestId: string, closesOn: string) {
  const payload = { requestId };
  await enqueueJob(tx, {
    kind: feedbackJobKinds.close,
    payload,
    key: `${feedbackJobKinds.close}:${requestId}`,
    runAt: firstPossibleClose(closesOn),
    replace: true,
  });
  await enqueueJob(tx, {
    kind: feedbackJobKinds.autoReminder,
    payload,
    key: `${feedbackJobKinds.autoReminder}:${requestId}`,
    runAt: reminderTime(closesOn),
    replace: true,
  });
}

/** The reminder's emails, as one job queued with the mark that it was sent. */
export async function queueReminderEmails(tx: Db, requestId: string) {
  await enqueueJob(tx, {
    kind: feedbackJobKinds.sendReminder,
    payload: { requestId },
    key: `${feedbackJobKinds.sendReminder}:${requestId}`,
  });
}

/** Closes a request at the end of its closing date on the member's calendar. */
async function closeOnDate(db: Db, requestId: string, now: Date) {
  return db.transaction(async (tx) => {
    const row = await findRequestRow(tx, requestId, { lock: true });
    if (!row || row.closedOn) return undefined;
    if (row.closesOn >= (await requestToday(tx, row, now))) {
      return { runAgainAt: await memberMidnightAfter(tx, row.userId, row.closesOn, now) };
    }
    await updateRequestRow(tx, requestId, { closedOn: row.closesOn });
    return undefined;
  });
}

/**
 * Sends the one reminder if the member has not, once the first email invitation is old enough to
 * deserve one. Whether anyone has answered plays no part: the mark it leaves must not tell.
 */
async function remindBeforeClosing(db: Db, requestId: string, now: Date) {
  return db.transaction(async (tx) => {
    const row = await findRequestRow(tx, requestId, { lock: true });
    if (!row || row.reminderSentOn) return undefined;
    const today = await requestToday(tx, row, now);
    if (isClosed(row, today)) return undefined;
    const due = reminderTime(row.closesOn);
    if (due.getTime() > now.getTime()) return { runAgainAt: due };
    const firstInvited = await firstEmailInvitationAt(tx, requestId);
    if (!firstInvited || now.getTime() - firstInvited.getTime() < autoReminderDaysBefore * 24 * 3600 * 1000) {
      return undefined;
    }
    await updateRequestRow(tx, requestId, { reminderSentOn: today });
    await queueReminderEmails(tx, requestId);
    return undefined;
  });
}

/** Gives everyone invited by email who has not answered a new link, and queues their reminders. */
async function sendReminderEmails(deps: Deps, requestId: string, now: Date) {
  const deliver = await deps.db.transaction(async (tx) => {
    const row = await findRequestRow(tx, requestId, { lock: true });
    if (!row || isClosed(row, await requestToday(tx, row, now))) return undefined;
    const askedBy = await askerName(tx, row.userId);
    const reminded: string[] = [];
    const messages = [];
    // Only a link's hash is stored, so the reminder carries a new link; the first one keeps working.
    for (const { id: invitationId, email } of await invitationsNotYetReminded(tx, requestId)) {
      const { token, tokenHash } = newToken();
      await addReminderToken(tx, invitationId, tokenHash);
      reminded.push(invitationId);
      messages.push(
        reminderEmail(email, askedBy, giveLink(deps.config.baseUrl, token, invitationId), row.closesOn),
      );
    }
    const queued = await deps.mailer.enqueue(messages, tx);
    await markMailQueued(tx, reminded);
    return queued;
  });
  deliver?.();
}

export function registerFeedbackJobs(runner: JobRunner, deps: Deps) {
  runner.register(feedbackJobKinds.close, (payload, { now }) =>
    closeOnDate(deps.db, String(payload.requestId), now),
  );
  runner.register(feedbackJobKinds.autoReminder, (payload, { now }) =>
    remindBeforeClosing(deps.db, String(payload.requestId), now),
  );
  runner.register(feedbackJobKinds.sendReminder, (payload, { now }) =>
    sendReminderEmails(deps, String(payload.requestId), now),
  );
}
