import { z } from "zod";

/**
 * The version of a record the client read. Every editable record answers with its `version`; a change
 * sends it back, and the server writes only if nobody else wrote since (otherwise 409, field "version").
 * 0 stands for a record that was never saved yet, such as a career plan before its first save.
 */
export const versionInput = z
  .number({
    error:
      "Send the version you read (the record's version field), so a change made elsewhere is not overwritten",
  })
  .int("The version is a whole number, as read from the record")
  .min(0, "The version is 0 or more, as read from the record")
  // Versions are stored as 32-bit integers; a larger number was never read from any record.
  .max(2_147_483_647, "This version is larger than any record has; send the version you read");

export type Versioned = { version: number };

/** The same input, plus the version it was based on. Keeps the schema's strictness and refinements. */
export function withVersion<Shape extends z.ZodRawShape, Config extends z.core.$ZodObjectConfig>(
  schema: z.ZodObject<Shape, Config>,
): z.ZodObject<z.core.util.Extend<Shape, { version: typeof versionInput }>, Config> {
  // The shapes never share a `version` key, which safeExtend cannot see through the generic.
  return schema.safeExtend({ version: versionInput } as never) as never;
}
