import { createHash, randomBytes, randomInt } from "node:crypto";
import type { ResponseCount } from "../../../shared/feedback.ts";
import type { QuestionTallies } from "./feedback.table.ts";

/** Fisher–Yates with a cryptographic source, so no seed or clock can replay the order. */
export function cryptoShuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * What the giving page keys a saved draft by: the same for an invitation's first link and its
 * reminder link, so a draft survives the reminder. It travels in the link's #fragment, which
 * browsers never send to the server, and reveals nothing about the token.
 */
export function draftKeyFor(invitationId: string): string {
  return createHash("sha256").update(`sidecar-draft:${invitationId}`).digest("base64url").slice(0, 22);
}

export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * Until results open the receiver sees the exact count (no answer is visible, so it only says that
 * someone answered). From then on the count is rounded down to a multiple of k, so one late
 * submission never moves it.
 */
export function visibleResponseCount(count: number, k: number, resultsOpen: boolean): ResponseCount {
  if (!resultsOpen) return { shown: count, atLeast: false };
  return { shown: Math.floor(count / k) * k, atLeast: true };
}

/**
 * Adds one submission to the per-question pools and decides which pools are released.
 * A pool is released only once results are open and at least k givers wait in it, so what the
 * receiver sees of a question only ever changes by k or more people at once.
 */
export function admitSubmission(
  state: { tallies: QuestionTallies; responseCount: number; opened: boolean; k: number },
  answeredKeys: readonly string[],
): { tallies: QuestionTallies; responseCount: number; opensNow: boolean; releasedKeys: string[] } {
  const tallies: QuestionTallies = structuredClone(state.tallies);
  for (const key of answeredKeys) {
    const tally = tallies[key] ?? { pending: 0, released: 0 };
    tally.pending += 1;
    tallies[key] = tally;
  }
  const responseCount = state.responseCount + 1;
  const opensNow = !state.opened && responseCount >= state.k;
  const releasedKeys: string[] = [];
  if (state.opened || opensNow) {
    for (const [key, tally] of Object.entries(tallies)) {
      if (tally.pending >= state.k) {
        tally.released += tally.pending;
        tally.pending = 0;
        releasedKeys.push(key);
      }
    }
  }
  return { tallies, responseCount, opensNow, releasedKeys };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
}
