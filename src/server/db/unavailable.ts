const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // the server was shut down by an administrator
  "57P02", // the server crashed
  "57P03", // the server is starting up or shutting down
  "57014", // a statement ran past the statement timeout
  "25P03", // a transaction sat idle past its timeout
  "53300", // too many connections
]);

// The last two: a request still running when the server shuts down finds its database closed.
const connectionMessages =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection ended unexpectedly|Client has encountered a connection error|the database is unavailable|Cannot use a pool after calling end|PGlite is closed/i;

/**
 * True when an error means the database could not be reached or answered too late, rather than that
 * a query was wrong: such a failure is a 503 ("try again in a moment"), never a 500 or a signed-out page.
 * Drivers and Drizzle wrap errors, so the whole chain of causes is read.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== "object") return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (connectionCodes.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && connectionMessages.test(message)) return true;
    if (Array.isArray((current as { errors?: unknown }).errors)) {
      if ((current as { errors: unknown[] }).errors.some(isDatabaseUnavailable)) return true;
    }
    current = cause;
  }
  return false;
}

/** True when a write pointed at a row that is gone (a foreign-key violation), anywhere in the cause chain. */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== "object") return false;
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (code === "23503") return true;
    current = cause;
  }
  return false;
}
