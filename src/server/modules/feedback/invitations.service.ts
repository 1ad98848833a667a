import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import {
  type InvitationInput,
  maxInvitationsPerRequest,
  type ThankYouInput,
} from "../../../shared/feedback.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import type { MailMessage } from "../mail/mailer.ts";
import { draftKeyFor, newToken } from "./anonymity.ts";
import {
  askerName,
  manageableRequest,
  presentRequestFor,
  requestToday,
  requireOpen,
} from "./feedback.access.ts";
import { invitationEmail, reminderEmail, thankYouEmail } from "./feedback.emails.ts";
import {
  addReminderToken,
  allInvitedEmails,
  countRecentInvitationEmails,
  insertInvitationRows,
  invitationsAwaitingMail,
  invitationsNotYetAnswered,
  listInvitedEmails,
  lockInvitationQuota,
  markMailQueued,
  replaceUnsentToken,
  updateRequestRow,
} from "./feedback.repo.ts";

type Outgoing = { invitationId: string; email: string; token: string };

/** An emailed link carries the draft key in its #fragment, which the browser keeps to itself. */
function giveLink(baseUrl: string, token: string, invitationId?: string) {
  const link = `${baseUrl}/give/${token}`;
  return invitationId ? `${link}#${draftKeyFor(invitationId)}` : link;
}

/**
 * Queues one email per invitation after the transaction that created the links (no network inside
 * it). An invitation stays marked mailPending until its email is in the outbox, so if queuing
 * fails, inviting the same address again sends it.
 */
async function queueInvitationMail(
  deps: Deps,
  requestId: string,
  outgoing: Outgoing[],
  message: (email: string, link: string) => MailMessage,
  saved: string,
) {
  const queued: string[] = [];
  try {
    for (const { invitationId, email, token } of outgoing) {
      await deps.mailer.send(message(email, giveLink(deps.config.baseUrl, token, invitationId)));
      queued.push(invitationId);
    }
  } catch (error) {
    // Neither the address nor the link goes to the log: only that queuing failed, and why in general.
    deps.logger.error("feedback emails could not be queued", {
      requestId,
      failure: (error as { code?: string }).code ?? (error as Error).name,
    });
    throw new AppError(
      "UNAVAILABLE",
      `${saved}, but Sidecar could not queue every email. Invite the same addresses again to send the ones still missing.`,
    );
  } finally {
    await markMailQueued(deps.db, queued);
  }
}

/**
 * Invitation emails carry a member's words to any address, so the instance would make a fine relay:
 * each member may send so many a day, and the whole instance so many, counted under one lock so
 * concurrent requests cannot both squeeze past. Copied links send no mail and are not counted.
 */
async function spendInvitationQuota(
  tx: Db,
  userId: string,
  sending: number,
  limits: { perMember: number; perInstance: number },
) {
  if (sending === 0) return;
  await lockInvitationQuota(tx);
  const sent = await countRecentInvitationEmails(tx, userId);
  const left = Math.max(0, limits.perMember - sent.mine);
  if (sending > left) {
    throw new AppError(
      "RATE_LIMITED",
      `You can send at most ${limits.perMember} invitation emails in a day, and ${left} more today. Invite fewer people now, or copy single-use links to share yourself.`,
      "emails",
      3600,
    );
  }
  if (sent.all + sending > limits.perInstance) {
    throw new AppError(
      "RATE_LIMITED",
      "This Sidecar has sent as many invitation emails as it sends in a day. Copy single-use links to share yourself, or try again tomorrow.",
      "emails",
      3600,
    );
  }
}

export async function inviteGivers(deps: Deps, viewer: Viewer | null, id: string, input: InvitationInput) {
  const me = requireSignedIn(viewer);
  const { db, config } = deps;
  // Under the request's lock, so two invitations sent at once cannot both add the same address.
  const { row, byEmail, copied, alreadyInvited } = await db.transaction(async (tx) => {
    const current = await manageableRequest(tx, me, id, { lock: true });
    requireOpen(current, await requestToday(tx, current));
    const invited = await listInvitedEmails(tx, id);
    const known = new Set(invited);
    const asked = [...new Set(input.emails)];
    // Answering one's own request would count toward k while being no one else's view.
    if (asked.includes(me.email.toLowerCase())) {
      throw new AppError(
        "VALIDATION",
        "Invite other people: your own answers would count toward the responses needed without adding anyone's view.",
        "emails",
      );
    }
    const fresh = asked.filter((email) => !known.has(email));
    if (invited.length + fresh.length + input.links > maxInvitationsPerRequest) {
      throw new AppError(
        "VALIDATION",
        `A request can have at most ${maxInvitationsPerRequest} invitations; it has ${invited.length}.`,
        "emails",
      );
    }
    // An address whose email never reached the outbox gets a new link and is sent again.
    const resend: Outgoing[] = [];
    for (const { id: invitationId, email } of await invitationsAwaitingMail(
      tx,
      id,
      asked.filter((email) => known.has(email)),
    )) {
      const { token, tokenHash } = newToken();
      await replaceUnsentToken(tx, invitationId, tokenHash);
      resend.push({ invitationId, email, token });
    }
    await spendInvitationQuota(tx, me.userId, fresh.length + resend.length, config.invitationEmailLimits);
    const emailed = fresh.map((email) => ({ invitationId: newId(), email, ...newToken() }));
    const links = Array.from({ length: input.links }, () => newToken());
    await insertInvitationRows(tx, id, [
      ...emailed.map(({ invitationId, email, tokenHash }) => ({
        id: invitationId,
        email,
        tokenHash,
        mailPending: true,
      })),
      ...links.map(({ tokenHash }) => ({ email: null, tokenHash })),
    ]);
    const sending = new Set(resend.map((r) => r.email));
    return {
      row: current,
      byEmail: [...resend, ...emailed],
      copied: links,
      alreadyInvited: asked.filter((email) => known.has(email) && !sending.has(email)),
    };
  });
  const askedBy = await askerName(db, row.userId);
  await queueInvitationMail(
    deps,
    id,
    byEmail,
    (email, link) => invitationEmail(email, askedBy, row.purpose, link, row.closesOn),
    "The invitations are saved",
  );
  return {
    request: await presentRequestFor(db, row),
    links: copied.map(({ token }) => giveLink(config.baseUrl, token)),
    alreadyInvited,
  };
}

export async function sendFeedbackReminder(deps: Deps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const { db } = deps;
  // Only a link's hash is stored, so the reminder carries a new link; the first one keeps working.
  const { row, reminders } = await db.transaction(async (tx) => {
    const current = await manageableRequest(tx, me, id, { lock: true });
    const today = await requestToday(tx, current);
    requireOpen(current, today);
    if (current.reminderSentOn) {
      throw new AppError(
        "CONFLICT",
        `You already sent the one reminder, on ${formatCalendarDate(current.reminderSentOn)}.`,
      );
    }
    if ((await allInvitedEmails(tx, id)).length === 0) {
      throw new AppError("CONFLICT", "Only people you invited by email can get a reminder.");
    }
    const pending: Outgoing[] = [];
    for (const { id: invitationId, email } of await invitationsNotYetAnswered(tx, id)) {
      const { token, tokenHash } = newToken();
      await addReminderToken(tx, invitationId, tokenHash);
      pending.push({ invitationId, email, token });
    }
    return { row: await updateRequestRow(tx, id, { reminderSentOn: today }), reminders: pending };
  });
  const askedBy = await askerName(db, row.userId);
  await queueInvitationMail(
    deps,
    id,
    reminders,
    (email, link) => reminderEmail(email, askedBy, link, row.closesOn),
    "The reminder is recorded",
  );
  // The answer never says how many were reminded: that number would reveal how many answered.
  return presentRequestFor(db, row);
}

export async function sendFeedbackThankYou(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: ThankYouInput,
) {
  const me = requireSignedIn(viewer);
  const { db, mailer } = deps;
  const askedBy = await askerName(db, me.userId);
  // Locked, so a double click cannot send everyone the thank-you twice; the messages are kept with the
  // mark that it was sent, so it is never marked sent to some and lost for the others.
  const { updated, deliver } = await db.transaction(async (tx) => {
    const row = await manageableRequest(tx, me, id, { lock: true });
    if (row.thankedOn)
      throw new AppError(
        "CONFLICT",
        `You already sent your thank-you, on ${formatCalendarDate(row.thankedOn)}.`,
      );
    if (row.responseCount === 0) {
      throw new AppError("CONFLICT", "Send your thank-you once people have answered.");
    }
    // Everyone invited by email gets the same message, so not even the outbox tells who answered.
    const emails = await allInvitedEmails(tx, id);
    return {
      updated: await updateRequestRow(tx, id, { thankedOn: await requestToday(tx, row) }),
      deliver: await mailer.enqueue(
        emails.map((email) => thankYouEmail(email, askedBy, input.message)),
        tx,
      ),
    };
  });
  deliver();
  return presentRequestFor(db, updated);
}
