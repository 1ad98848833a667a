import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

const statusByCode = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusByCode;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return statusByCode[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; field?: string } };

export function errorBody(error: AppError): ErrorBody {
  return {
    error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
  };
}

export function errorResponse(c: Context, error: AppError): Response {
  if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
  return c.json(errorBody(error), error.status);
}

export function validationError(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || undefined;
  const message = issue ? humanIssue(issue.message, issue.code, field) : "The request is not valid.";
  return new AppError("VALIDATION", message, field);
}

function humanIssue(message: string, code: string, field: string | undefined): string {
  // zod's defaults read like type errors; a person should read which field and what to do.
  if (code === "invalid_type" && message.startsWith("Invalid input")) {
    return field ? `${field} is missing or has the wrong type.` : "The request body has the wrong shape.";
  }
  if (code === "unrecognized_keys") return message.replace("Unrecognized key", "Unknown field");
  return message;
}

/** The database could not be reached or answered too late: the person's work is not lost, only delayed. */
export function databaseUnavailable(): AppError {
  return new AppError(
    "UNAVAILABLE",
    "Sidecar is briefly unavailable: its database is not answering. Nothing you entered is lost; try again in a moment.",
    undefined,
    5,
  );
}
