import { z } from "zod";

import { maxPageSize } from "./page-size.ts";

export * from "./page-size.ts";

/** `?limit=&cursor=`: the query of every list read a page at a time. */
export const pageQuery = z.object({
  limit: z.coerce
    .number({ error: "Send limit as a whole number" })
    .int("Send limit as a whole number")
    .min(1, "Ask for at least 1 item")
    .max(maxPageSize, `Ask for at most ${maxPageSize} items at a time`)
    .optional(),
  cursor: z
    .string()
    .min(1, "Send the cursor of the previous page, or none for the first")
    .max(300, "This cursor is not one Sidecar gave")
    .optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** Where the next page starts: send it back as `cursor`; null when this page is the last. */
export const nextCursorOutput = z.string().nullable().meta({
  description: "Send it back as `cursor` for the next page; null on the last page",
});
