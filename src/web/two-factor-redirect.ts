// Kept apart from the account client so the app's first screen can register the step without loading it.
type TwoFactorRedirectHandler = () => void;
let onTwoFactorRedirect: TwoFactorRedirectHandler = () => {};

/** The router registers where the sign-in code step lives, once it exists. */
export function setTwoFactorRedirect(handler: TwoFactorRedirectHandler) {
  onTwoFactorRedirect = handler;
}

export function goToTwoFactorStep() {
  onTwoFactorRedirect();
}
