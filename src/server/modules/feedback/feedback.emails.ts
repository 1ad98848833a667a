import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { MailMessage } from "../mail/mailer.ts";
import type { NotifyInput } from "../notifications/notifications.service.ts";

// Emails to givers carry the link and the promise; none of them ever carries an answer.
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
  return {
    to,
    subject: `${askedBy} asks for your honest feedback`,
    text: [
      `${askedBy} would value your honest feedback, and asked Sidecar to collect it anonymously.`,
      "",
      `Why they are asking: ${purpose}`,
      "",
      `Answer here, no account needed (the link works once, until ${formatCalendarDate(closesOn)}):`,
      link,
      "",
      promise,
    ].join("\n"),
  } satisfies MailMessage;
}

export function reminderEmail(to: string, askedBy: string, link: string, closesOn: string) {
  return {
    to,
    subject: `A reminder: ${askedBy} would value your feedback`,
    text: [
      `${askedBy} asked for your feedback a little while ago. There is still time until ${formatCalendarDate(closesOn)}.`,
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
  return {
    to,
    subject: `A thank-you from ${askedBy}`,
    text: [
      message,
      "",
      `— ${askedBy}`,
      "",
      `Everyone ${askedBy} asked for feedback gets this same message; Sidecar never tells them who answered.`,
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
