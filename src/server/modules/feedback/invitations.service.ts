import { isoDay } from "../../../shared/calendar-date.ts";
import {
  type InvitationInput,
  maxInvitationsPerRequest,
  type ThankYouInput,
} from "../../../shared/feedback.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { newToken } from "./anonymity.ts";
import { manageableRequest, presentRequestFor, requireOpen } from "./feedback.access.ts";
import { invitationEmail, reminderEmail, thankYouEmail } from "./feedback.emails.ts";
import {
  allInvitedEmails,
  emailsNotYetAnswered,
  findPerson,
  insertInvitationRows,
  listInvitedEmails,
  replaceInvitationToken,
  updateRequestRow,
} from "./feedback.repo.ts";

function giveLink(baseUrl: string, token: string) {
  return `${baseUrl}/give/${token}`;
}

export async function inviteGivers(deps: Deps, viewer: Viewer | null, id: string, input: InvitationInput) {
  const me = requireSignedIn(viewer);
  const { db, mailer, config } = deps;
  // Under the request's lock, so two invitations sent at once cannot both add the same address.
  const { row, byEmail, copied, alreadyInvited } = await db.transaction(async (tx) => {
    const current = await manageableRequest(tx, me, id, { lock: true });
    requireOpen(current, isoDay());
    const invited = await listInvitedEmails(tx, id);
    const known = new Set(invited);
    const asked = [...new Set(input.emails)];
    const fresh = asked.filter((email) => !known.has(email));
    if (invited.length + fresh.length + input.links > maxInvitationsPerRequest) {
      throw new AppError(
        "VALIDATION",
        `A request can have at most ${maxInvitationsPerRequest} invitations; it has ${invited.length}.`,
        "emails",
      );
    }
    const emailed = fresh.map((email) => ({ email, ...newToken() }));
    const links = Array.from({ length: input.links }, () => ({ email: null, ...newToken() }));
    await insertInvitationRows(
      tx,
      id,
      [...emailed, ...links].map(({ email, tokenHash }) => ({ email, tokenHash })),
    );
    return {
      row: current,
      byEmail: emailed,
      copied: links,
      alreadyInvited: asked.filter((email) => known.has(email)),
    };
  });
  const askedBy = (await findPerson(db, row.userId))?.name ?? "A Sidecar member";
  for (const { email, token } of byEmail) {
    await mailer.send(
      invitationEmail(email, askedBy, row.purpose, giveLink(config.baseUrl, token), row.closesOn),
    );
  }
  return {
    request: await presentRequestFor(db, row),
    links: copied.map(({ token }) => giveLink(config.baseUrl, token)),
    alreadyInvited,
  };
}

export async function sendFeedbackReminder(deps: Deps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const { db, mailer, config } = deps;
  const today = isoDay();
  // Only the raw link's hash is stored, so the reminder carries a fresh link that replaces the first.
  const { row, reminders } = await db.transaction(async (tx) => {
    const current = await manageableRequest(tx, me, id, { lock: true });
    requireOpen(current, today);
    if (current.reminderSentOn) {
      throw new AppError("CONFLICT", `You already sent the one reminder, on ${current.reminderSentOn}.`);
    }
    if ((await allInvitedEmails(tx, id)).length === 0) {
      throw new AppError("CONFLICT", "Only people you invited by email can get a reminder.");
    }
    const pending = [];
    for (const email of await emailsNotYetAnswered(tx, id)) {
      const { token, tokenHash } = newToken();
      await replaceInvitationToken(tx, id, email, tokenHash);
      pending.push({ email, token });
    }
    return { row: await updateRequestRow(tx, id, { reminderSentOn: today }), reminders: pending };
  });
  const askedBy = (await findPerson(db, row.userId))?.name ?? "A Sidecar member";
  for (const { email, token } of reminders) {
    await mailer.send(reminderEmail(email, askedBy, giveLink(config.baseUrl, token), row.closesOn));
  }
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
  // Locked, so a double click cannot send everyone the thank-you twice.
  const updated = await db.transaction(async (tx) => {
    const row = await manageableRequest(tx, me, id, { lock: true });
    if (row.thankedOn)
      throw new AppError("CONFLICT", `You already sent your thank-you, on ${row.thankedOn}.`);
    if (row.responseCount === 0) {
      throw new AppError("CONFLICT", "Send your thank-you once people have answered.");
    }
    return updateRequestRow(tx, id, { thankedOn: isoDay() });
  });
  const askedBy = (await findPerson(db, updated.userId))?.name ?? "A Sidecar member";
  // Everyone invited by email gets the same message, so not even the outbox tells who answered.
  for (const email of await allInvitedEmails(db, id)) {
    await mailer.send(thankYouEmail(email, askedBy, input.message));
  }
  return presentRequestFor(db, updated);
}
