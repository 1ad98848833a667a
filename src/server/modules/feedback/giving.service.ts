import { randomUUID } from "node:crypto";
import { isoDay } from "../../../shared/calendar-date.ts";
import { type GiveInput, type GiverView, splitParagraphs } from "../../../shared/feedback.ts";
import { lanes as laneDefinitions } from "../../../shared/lanes.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { notify } from "../notifications/notifications.service.ts";
import { admitSubmission, cryptoShuffle, hashToken, looksLikeToken } from "./anonymity.ts";
import { askerName, requestToday } from "./feedback.access.ts";
import { resultsReadyNotification } from "./feedback.emails.ts";
import { isClosed } from "./feedback.policy.ts";
import {
  type FeedbackRequestRow,
  findInvitationByHash,
  findRequestRow,
  insertAnswerRows,
  markInvitationUsed,
  type NewAnswer,
  takePendingAnswers,
  updateRequestRow,
} from "./feedback.repo.ts";

const unknownLink = () =>
  new AppError("NOT_FOUND", "This feedback link is not valid. Check that you copied all of it.");

// Giving has no viewer on purpose: the link is the only credential, and whoever holds it is never
// looked up, stored or logged, even when they happen to be signed in to Sidecar.
export async function viewFeedbackInvitation(db: Db, token: string): Promise<GiverView> {
  if (!looksLikeToken(token)) return { status: "unknown" };
  const invitation = await findInvitationByHash(db, hashToken(token));
  const request = invitation ? await findRequestRow(db, invitation.requestId) : undefined;
  if (!invitation || !request) return { status: "unknown" };
  const askedBy = await askerName(db, request.userId);
  if (invitation.usedOn) return { status: "used", askedBy };
  if (isClosed(request, await requestToday(db, request))) return { status: "closed", askedBy };
  return {
    status: "open",
    askedBy,
    purpose: request.purpose,
    closesOn: request.closesOn,
    minResponses: request.minResponses,
    questions: request.questions.map((q) => ({ key: q.key, prompt: q.prompt })),
    lanes: [...request.lanes],
  };
}

/** Turns a submission into loose paragraphs and ratings; nothing in the result says they belong together. */
function answerItems(request: FeedbackRequestRow, input: GiveInput) {
  const items: NewAnswer[] = [];
  const answered: string[] = [];
  const questionKeys = new Set(request.questions.map((q) => q.key));
  for (const [key, text] of Object.entries(input.answers)) {
    if (!questionKeys.has(key)) {
      throw new AppError("VALIDATION", "This question is not part of the request.", `answers.${key}`);
    }
    const paragraphs = splitParagraphs(text);
    if (paragraphs.length === 0) continue;
    answered.push(key);
    for (const body of paragraphs) items.push({ questionKey: key, body, rating: null });
  }
  for (const [lane, answer] of Object.entries(input.lanes)) {
    if (!answer) continue;
    if (!request.lanes.some((l) => l === lane)) {
      throw new AppError("VALIDATION", "This lane is not part of the request.", `lanes.${lane}`);
    }
    const comments = splitParagraphs(answer.comment);
    if (answer.rating === null) {
      if (comments.length > 0) {
        const label = laneDefinitions[lane as keyof typeof laneDefinitions].label;
        throw new AppError(
          "VALIDATION",
          `Pick a rating for ${label} to go with your comment.`,
          `lanes.${lane}.rating`,
        );
      }
      continue;
    }
    answered.push(lane);
    items.push({ questionKey: lane, rating: answer.rating, body: null });
    for (const body of comments) items.push({ questionKey: lane, body, rating: null });
  }
  if (answered.length === 0) {
    throw new AppError("VALIDATION", "Answer at least one question before sending.", "answers");
  }
  return { items, answered };
}

/**
 * Marks the invitation used and adds the answers to the request's pools, inside the caller's
 * transaction with the request row locked. Returns whether this submission opened the results.
 */
export async function storeSubmission(
  tx: Db,
  request: FeedbackRequestRow,
  invitationId: string,
  input: GiveInput,
  // The giver's answer day is kept in UTC, hinting at no one's time zone; results open on the receiver's day.
  days: { answeredOn: string; receiverToday: string },
): Promise<boolean> {
  const { items, answered } = answerItems(request, input);
  const admitted = admitSubmission(
    {
      tallies: request.tallies,
      responseCount: request.responseCount,
      opened: request.openedOn !== null,
      k: request.minResponses,
    },
    answered,
  );
  await markInvitationUsed(tx, invitationId, days.answeredOn);
  // Every waiting answer is rewritten with the new ones, shuffled and with fresh ids, so neither
  // row order nor transaction ids single out the answers this submission added.
  const waiting = await takePendingAnswers(tx, request.id);
  const released = new Set(admitted.releasedKeys);
  const pool: NewAnswer[] = [
    ...waiting.map(({ questionKey, rating, body }) => ({ questionKey, rating, body })),
    ...items,
  ];
  await insertAnswerRows(
    tx,
    request.id,
    cryptoShuffle(pool).map((item) => ({
      ...item,
      id: randomUUID(),
      released: released.has(item.questionKey),
    })),
  );
  await updateRequestRow(tx, request.id, {
    tallies: admitted.tallies,
    responseCount: admitted.responseCount,
    ...(admitted.opensNow ? { openedOn: days.receiverToday } : {}),
  });
  return admitted.opensNow;
}

export async function giveFeedback(deps: Deps, token: string, input: GiveInput) {
  if (!looksLikeToken(token)) throw unknownLink();
  const { db } = deps;
  const tokenHash = hashToken(token);
  const found = await findInvitationByHash(db, tokenHash);
  if (!found) throw unknownLink();
  const deliver = await db.transaction(async (tx) => {
    // The request is locked before the invitation, in the same order as every other writer.
    const request = await findRequestRow(tx, found.requestId, { lock: true });
    const invitation = await findInvitationByHash(tx, tokenHash, { lock: true });
    if (!request || !invitation) throw unknownLink();
    if (invitation.usedOn) {
      throw new AppError("CONFLICT", "This link has already been used: each link takes one set of answers.");
    }
    if (isClosed(request, await requestToday(tx, request))) {
      throw new AppError("CONFLICT", "This feedback request has closed, so it takes no more answers.");
    }
    const opensNow = await storeSubmission(tx, request, invitation.id, input, {
      answeredOn: isoDay(),
      receiverToday: await requestToday(tx, request),
    });
    // Kept with the submission that opened the results; it says only that enough are in, and is
    // dated no finer than a day, like everything else about a response.
    return opensNow ? notify(deps, tx, resultsReadyNotification(request)) : () => {};
  });
  deliver();
  return { received: true as const };
}
