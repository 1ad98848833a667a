import { z } from "zod";

/**
 * A person's name as every path that sets one takes it (sign-up, the profile, the account API): one
 * line, no control characters, at most 100 characters, since it appears in emails and headers.
 */
export function personName() {
  return z
    .string({ error: "Enter your name" })
    .trim()
    .min(1, "Enter your name")
    .max(100, "Keep your name under 100 characters")
    .refine((value) => !/\p{Cc}/u.test(value), "Write your name on one line, without control characters");
}

// PostgreSQL cannot store the NUL character in text, and no person means to type it.
export function plainText(message = "Remove the invisible control characters from this text") {
  return z.string().refine((value) => !value.includes("\u0000"), message);
}
