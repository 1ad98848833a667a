/** Pages for someone without a session: signing in or up, and the links mailed to confirm or reset. */
export const signedOutPaths = [
  "/sign-in",
  "/sign-up",
  "/check-email",
  "/setup",
  "/verified",
  "/forgot-password",
  "/reset-password",
  "/two-factor",
];

/**
 * Whether a page is drawn without asking who is signed in: the pages above, and the giver's and
 * unsubscribe pages, opened from an email by anyone holding its link.
 */
export function isSignedOutPage(path: string): boolean {
  return signedOutPaths.includes(path) || path.startsWith("/give/") || path.startsWith("/unsubscribe/");
}
