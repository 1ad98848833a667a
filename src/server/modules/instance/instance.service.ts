import type { InstanceStatus } from "../../../shared/instance.ts";
import type { Config } from "../../config.ts";

// Public: says only whether mail can leave the server, never where it goes or who sends it.
export function describeInstance(config: Pick<Config, "smtp">): InstanceStatus {
  return { mailConfigured: Boolean(config.smtp) };
}

/** The line the server logs at start, so whoever runs it knows whether confirmation mail can arrive. */
export function describeMailSetup(config: Pick<Config, "smtp">): string {
  if (!config.smtp) {
    return "Mail is not configured (no SMTP_HOST): no email leaves this server; each is kept in the outbox. Confirm accounts with one click in Admin → Users, or set SMTP_HOST to send mail.";
  }
  return `Mail is sent through the SMTP server ${config.smtp.host}:${config.smtp.port}.`;
}
