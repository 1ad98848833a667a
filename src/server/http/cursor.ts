import { AppError } from "./errors.ts";

/** A page's cursor: the sort key of its last item, opaque to the client (base64url of JSON). */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export const badCursor = () =>
  new AppError(
    "VALIDATION",
    "This cursor is not one Sidecar gave for this list: ask for the first page again.",
    "cursor",
  );

/**
 * The sort key inside a cursor, checked against the kinds of value the list sorts by; anything else
 * (edited, cut short, from another list) is a 400 naming the cursor, never a 500.
 */
export function decodeCursor(cursor: string, kinds: readonly ("string" | "number")[]): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(key) ||
    key.length !== kinds.length ||
    key.some(
      (value, index) =>
        typeof value !== kinds[index] ||
        (typeof value === "number" && !Number.isSafeInteger(value)) ||
        (typeof value === "string" && value.length > 100),
    )
  ) {
    throw badCursor();
  }
  return key;
}
