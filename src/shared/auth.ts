import { z } from "zod";
import { personName } from "./text.ts";

export const passwordMinLength = 8;
export const passwordMaxLength = 128;

export const emailField = z.email("Enter a valid email address").max(254);
export const passwordField = z
  .string()
  .min(passwordMinLength, `Use at least ${passwordMinLength} characters`)
  .max(passwordMaxLength, `Use at most ${passwordMaxLength} characters`);

export const signUpInput = z.object({
  name: personName(),
  email: emailField,
  password: passwordField,
});
export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password"),
});
export const totpCodeInput = z.object({
  code: z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your app"),
});

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type TotpCodeInput = z.infer<typeof totpCodeInput>;
