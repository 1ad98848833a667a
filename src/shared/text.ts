import { z } from "zod";

// PostgreSQL cannot store the NUL character in text, and no person means to type it.
export function plainText(message = "Remove the invisible control characters from this text") {
  return z.string().refine((value) => !value.includes("\u0000"), message);
}
