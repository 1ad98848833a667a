import type { MailMessage } from "../modules/mail/mailer.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function linkMessage(
  kind: MailMessage["kind"],
  to: string,
  subject: string,
  lines: string[],
  action: { label: string; url: string },
) {
  const text = `${lines.join("\n\n")}\n\n${action.label}: ${action.url}\n\n— Sidecar`;
  const html = `${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p><p>— Sidecar</p>`;
  return { kind, to, subject, text, html } satisfies MailMessage;
}

export function verificationEmail(to: string, name: string, url: string): MailMessage {
  return linkMessage(
    "verification",
    to,
    "Confirm your email for Sidecar",
    [
      `Hi ${name},`,
      "Confirm your email address to finish creating your Sidecar account. The link works for 24 hours.",
    ],
    { label: "Confirm my email", url },
  );
}

export function existingAccountEmail(
  to: string,
  name: string,
  signInUrl: string,
  resetUrl: string,
): MailMessage {
  return linkMessage(
    "security",
    to,
    "Someone tried to sign up to Sidecar with your email",
    [
      `Hi ${name},`,
      "Someone just tried to create a Sidecar account with this email address, which already has an account. If it was you, sign in instead; if you forgot your password, you can reset it.",
      `Reset your password: ${resetUrl}`,
      "If it wasn't you, you can ignore this message: nothing has changed.",
    ],
    { label: "Sign in", url: signInUrl },
  );
}

export function passwordResetEmail(to: string, name: string, url: string): MailMessage {
  return linkMessage(
    "password-reset",
    to,
    "Reset your Sidecar password",
    [
      `Hi ${name},`,
      "Someone asked to reset the password of your Sidecar account. If it was you, choose a new password with the link below; it works for one hour. If it wasn't you, ignore this message.",
    ],
    { label: "Choose a new password", url },
  );
}
