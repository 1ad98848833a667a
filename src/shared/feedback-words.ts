// Feedback's limits and text helpers apart from its schemas, so a page that only shows a request (and
// loads its forms after the first picture) loads no validation library with it.

export const starterQuestions = [
  "What should I keep doing?",
  "What should I start doing, or stop doing?",
  "Where do my strengths get in my way?",
] as const;

export const minResponsesBounds = { min: 3, max: 10, default: 5 } as const;
export const maxQuestions = 6;
export const maxInvitationsPerRequest = 60;

export const maxClosingDays = 180;

/** Splits what someone typed into email addresses: commas, semicolons, spaces or new lines. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}
