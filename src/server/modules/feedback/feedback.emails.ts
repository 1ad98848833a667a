import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { inertLinks } from "../mail/inert-links.ts";
import type { MailMessage } from "../mail/mailer.ts";
import type { NotifyInput } from "../notifications/notifications.service.ts";

// Emails to givers carry the link and the promise; none of them ever carries an answer. What the
// member wrote (name, purpose, thank-you) goes in with its links made inert: only ours are clickable.
const promise =
  "What you write is stored without your name, email or link, split into paragraphs and mixed with " +
  "other people's answers. Nothing is shown until enough people have answered.";

export function invitationEmail(
  to: string,
  askedBy: string,
  purpose: string,
  link: string,
  closesOn: string,
) {
  const [name, why] = [inertLinks(askedBy), inertLinks(purpose)];
  return {
    to,
    subject: `${name} asks for your honest feedback`,
    text: [
      `${name} would value your honest feedback, and asked Sidecar to collect it anonymously.`,
      "",
      `Why they are asking: ${why}`,
      "",
      `Answer here, no account needed (the link works once, until ${formatCalendarDate(closesOn)}):`,
      link,
      "",
      promise,
    ].join("\n"),
  } satisfies MailMessage;
}

export function reminderEmail(to: string, askedBy: string, link: string, closesOn: string) {
  const name = inertLinks(askedBy);
  return {
    to,
    subject: `A reminder: ${name} would value your feedback`,
    text: [
      `${name} asked for your feedback a little while ago. There is still time until ${formatCalendarDate(closesOn)}.`,
      "",
      link,
      "",
      "The link in the first email still works too. Either one takes your answers once, and a draft you saved in your browser opens with both.",
      "",
      promise,
      "This is the only reminder you will get.",
    ].join("\n"),
  } satisfies MailMessage;
}

export function thankYouEmail(to: string, askedBy: string, message: string) {
  const name = inertLinks(askedBy);
  return {
    to,
    subject: `A thank-you from ${name}`,
    text: [
      inertLinks(message),
      "",
      `— ${name}`,
      "",
      `Everyone ${name} asked for feedback gets this same message; Sidecar never tells them who answered.`,
    ].join("\n"),
  } satisfies MailMessage;
}

/** The receiver's notice that results are open: it names their own request, never anyone who answered. */
export function resultsReadyNotification(request: { id: string; userId: string; purpose: string }) {
  return {
    userId: request.userId,
    kind: "feedback_results_ready",
    title: "Enough responses are in for your feedback request",
    body: `Enough responses are in: you can now read what people said about “${request.purpose}”. Answers are shown as themes, never by person. Take your time, and write down what you heard.`,
    link: `/feedback/${request.id}`,
  } satisfies NotifyInput;
}
