import { type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { AppType } from "../server/api-routes.ts";

export type ApiErrorBody = { error: { code: string; message: string; field?: string } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function retryMessage(seconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

// Success<R> is the body of a 2xx answer, as the server's response schema declares it.
type Success<R> =
  R extends ClientResponse<infer Body, infer Status, "json">
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

/** The API, typed by the server's routes: `api.tours[":id"].$get({ param: { id } })`. */
export const api = hc<AppType>("/", {
  headers: { Accept: "application/json" },
  init: { credentials: "same-origin" },
}).api;

/**
 * Sends a request made with `api` and answers its 2xx body, typed by the route's response schema.
 * Every other answer becomes an ApiError a page can show: the field at fault, a rate limit's wait,
 * or a plain sentence when the network or the server failed.
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  sent: Promise<R>,
): Promise<Success<R>> {
  let response: R;
  try {
    response = await sent;
  } catch {
    throw new ApiError(0, "NETWORK", "Sidecar could not be reached. Check your connection and try again.");
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("Retry-After") ?? Number.NaN);
    const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : undefined;
    if (response.status === 429) {
      throw new ApiError(429, "RATE_LIMITED", retryMessage(retryAfterSeconds), undefined, retryAfterSeconds);
    }
    if (isErrorBody(data)) {
      throw new ApiError(
        response.status,
        data.error.code,
        data.error.message,
        data.error.field,
        retryAfterSeconds,
      );
    }
    throw new ApiError(
      response.status,
      "HTTP_ERROR",
      response.status >= 500
        ? "Something went wrong on our side. Please try again."
        : "The request could not be completed. Please try again.",
    );
  }
  // The one place a body meets its type: the route's declared 2xx schema, which the server's
  // presenters are checked against at compile time and the route matrix checks strictly at run time.
  return data as Success<R>;
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Every page of a list the API reads a page at a time, for a part that needs the whole list (a picker,
 * the roadmap's picture, overlap advice while typing): follows `nextCursor` until the last page.
 */
export async function readAllPages<Page extends { nextCursor: string | null }>(
  read: (cursor: string | undefined) => Promise<Page>,
): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

/**
 * The items of the pages read so far, each once: a record that moved between two page reads (a tour
 * reordered, a decision revisited) may come again at the start of a later page.
 */
export function loadedItems<Page, Item extends { id: string }>(
  pages: readonly Page[] | undefined,
  itemsOf: (page: Page) => Item[],
): Item[] {
  const seen = new Set<string>();
  return (pages ?? []).flatMap((page) =>
    itemsOf(page).filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id))),
  );
}

/**
 * For a query that a page's route reads before drawing it, or that the page shares with a part arriving
 * after it (a form after paint): it is read once, not again as each part mounts. A change made in this
 * browser invalidates it; one made elsewhere shows on a visit ten seconds later, or on focus.
 */
export const readOncePerVisit = { staleTime: 10_000 } as const;
