import { randomUUID } from "node:crypto";
import { feedbackAnswers } from "../src/server/modules/feedback/feedback.table.ts";
import { addDays, isoDay } from "../src/shared/calendar-date.ts";
import { mailTo } from "./factories.ts";
import type { TestContext } from "./harness.ts";

export function requestBody(overrides: Record<string, unknown> = {}) {
  return {
    purpose: "I am moving into a product lead role and want to know how I come across.",
    questions: ["What should I keep doing?", "What should I start doing, or stop doing?"],
    lanes: ["crafting", "organizational"],
    closesOn: addDays(isoDay(), 14),
    minResponses: 3,
    ...overrides,
  };
}

export async function createFeedbackRequest(ctx: TestContext, cookie: string, overrides = {}) {
  const response = await ctx.request("/api/feedback/requests", { body: requestBody(overrides), cookie });
  if (response.status !== 200) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; [key: string]: unknown };
}

/** The token in a give link, without the #fragment that only the browser reads. */
export function tokenOf(link: string): string {
  const token = link.split("/give/")[1]?.split("#")[0];
  if (!token) throw new Error(`not a feedback link: ${link}`);
  return token;
}

/** Single-use links, as the receiver copies them. */
export async function copyLinks(ctx: TestContext, cookie: string, id: string, links: number) {
  const response = await ctx.request(`/api/feedback/requests/${id}/invitations`, { body: { links }, cookie });
  if (response.status !== 200) throw new Error(`invite failed: ${response.status} ${await response.text()}`);
  return ((await response.json()).links as string[]).map(tokenOf);
}

/** The link in the newest feedback email to this address. */
export async function tokenFromEmail(ctx: TestContext, email: string): Promise<string> {
  const mails = await mailTo(ctx, email);
  const last = mails.at(-1);
  const link = last?.text.match(/https?:\/\/\S+\/give\/\S+/)?.[0];
  if (!link) throw new Error(`no feedback link mailed to ${email}`);
  return tokenOf(link);
}

export function give(
  ctx: TestContext,
  token: string,
  body: unknown,
  options: { cookie?: string; ip?: string } = {},
) {
  return ctx.request(`/api/give/${token}`, { body, ...options });
}

/** A full set of answers whose every paragraph carries the marker, so a test can tell whose it is. */
export function answersMarked(marker: string, rating = 3) {
  return {
    answers: {
      q1: `${marker} keep running the weekly review.\n\n${marker} your specs are clear.`,
      q2: `${marker} start saying no sooner.`,
    },
    lanes: {
      crafting: { rating, comment: `${marker} crafting is solid.` },
      organizational: { rating: Math.max(1, rating - 1), comment: "" },
    },
  };
}

export async function results(ctx: TestContext, cookie: string, id: string) {
  return (await ctx.request(`/api/feedback/requests/${id}/results`, { cookie })).json();
}

/**
 * Puts answer paragraphs straight into a request's waiting pool, as many as years of earlier
 * submissions might have left there, without going through giving.
 */
export async function fillWaitingPool(
  ctx: TestContext,
  requestId: string,
  count: number,
  questionKey = "q1",
) {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    requestId,
    questionKey,
    rating: null,
    body: `Waiting paragraph ${index}.`,
    released: false,
  }));
  for (let start = 0; start < rows.length; start += 1000) {
    await ctx.db.insert(feedbackAnswers).values(rows.slice(start, start + 1000));
  }
}
