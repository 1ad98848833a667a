import { z } from "zod";
import { addDays, calendarDate, formatCalendarDate } from "./calendar-date.ts";
import type { ParagraphTheme } from "./feedback-themes.ts";
import { type LaneId, laneIds } from "./lanes.ts";
import { type SuperpowerKey, superpowerKeys } from "./superpowers.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export const starterQuestions = [
  "What should I keep doing?",
  "What should I start doing, or stop doing?",
  "Where do my strengths get in my way?",
] as const;

export const minResponsesBounds = { min: 3, max: 10, default: 5 } as const;
export const maxQuestions = 6;
export const maxInvitationsPerRequest = 60;

export const maxClosingDays = 180;

/** A calendar day as "YYYY-MM-DD"; whether it is still to come depends on the member's today. */
export const closingDate = calendarDate("Pick a closing date");

/** Why a closing date cannot be used, judged on the asking member's own calendar; null when it can. */
export function closingDateProblem(closesOn: string, today: string): string | null {
  if (closesOn < today) return `Pick a closing date from today (${formatCalendarDate(today)}) on`;
  const latest = addDays(today, maxClosingDays);
  if (closesOn > latest) return `Pick a closing date within six months, by ${formatCalendarDate(latest)}`;
  return null;
}

/** The same rule for a form, so the page says what the server would. */
export function closingDateRule(today: string) {
  return (input: { closesOn?: string }, ctx: z.RefinementCtx) => {
    const problem = input.closesOn === undefined ? null : closingDateProblem(input.closesOn, today);
    if (problem) ctx.addIssue({ code: "custom", path: ["closesOn"], message: problem });
  };
}

export const minResponses = z
  .number({ error: "Choose how many responses to wait for, from 3 to 10" })
  .int("Choose a whole number of responses, from 3 to 10")
  .min(minResponsesBounds.min, "Wait for at least 3 responses, so no one can be singled out")
  .max(minResponsesBounds.max, "Wait for at most 10 responses");

const laneId = z.enum(laneIds, { error: "Pick lanes from the six lanes" });

export const feedbackRequestInput = z
  .object({
    purpose: plainText()
      .trim()
      .min(1, "Say why you are asking: givers read this first")
      .max(600, "Keep the purpose under 600 characters"),
    questions: z
      .array(
        plainText()
          .trim()
          .min(1, "Write the question, or remove it")
          .max(300, "Keep each question under 300 characters"),
        { error: "Add at least one question" },
      )
      .max(maxQuestions, `Ask at most ${maxQuestions} written questions`),
    lanes: z
      .array(laneId)
      .max(laneIds.length)
      .refine((list) => new Set(list).size === list.length, "Pick each lane once")
      .default([...laneIds]),
    closesOn: closingDate,
    minResponses: minResponses.default(minResponsesBounds.default),
  })
  .refine((input) => input.questions.length + input.lanes.length > 0, {
    message: "Ask at least one question or rate at least one lane",
    path: ["questions"],
  });
export type FeedbackRequestInput = z.infer<typeof feedbackRequestInput>;

export const feedbackRequestUpdate = z
  .object({ closesOn: closingDate.optional(), minResponses: minResponses.optional() })
  .refine((input) => input.closesOn !== undefined || input.minResponses !== undefined, {
    message: "Change the closing date or the number of responses",
  });
export type FeedbackRequestUpdate = z.infer<typeof feedbackRequestUpdate>;
/** The request's `version` counts changes to its settings; answers arriving leave it alone. */
export const feedbackRequestVersionedUpdate = withVersion(feedbackRequestUpdate);

const inviteEmail = z
  .string({ error: "Enter email addresses" })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters")
  .pipe(z.email({ error: (issue) => `${String(issue.input)} is not an email address` }));

export const invitationInput = z
  .object({
    emails: z.array(inviteEmail).max(50, "Invite at most 50 people at a time").default([]),
    links: z
      .number({ error: "Choose how many links to copy, from 0 to 20" })
      .int("Choose a whole number of links")
      .min(0, "Choose how many links to copy, from 0 to 20")
      .max(20, "Copy at most 20 links at a time")
      .default(0),
  })
  .refine((input) => input.emails.length + input.links > 0, {
    message: "Add at least one email address or ask for at least one link",
    path: ["emails"],
  });
export type InvitationInput = z.infer<typeof invitationInput>;

/** Splits what someone typed into email addresses: commas, semicolons, spaces or new lines. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export const thankYouInput = z.object({
  message: plainText()
    .trim()
    .min(1, "Write a few words of thanks")
    .max(2000, "Keep the thank-you under 2000 characters"),
});
export type ThankYouInput = z.infer<typeof thankYouInput>;

export const reflectionInput = z.object({
  heard: plainText().trim().max(4000, "Keep what you heard under 4000 characters"),
  read: z.boolean({ error: "Say whether you have read this" }).default(false),
});
export type ReflectionInput = z.infer<typeof reflectionInput>;
/** Each question's reflection has its own version (0 before the first one is written). */
export const reflectionUpdateInput = withVersion(reflectionInput);

/** A giver's answer as separate paragraphs (every line break starts one), so none reads as one person's text. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

// Each paragraph is stored as its own row; a cap keeps one answer from turning into thousands of them.
export const maxParagraphsPerAnswer = 30;

function withinParagraphCap(what: "answer" | "comment") {
  return (text: string, ctx: z.RefinementCtx<string>) => {
    const count = splitParagraphs(text).length;
    if (count > maxParagraphsPerAnswer) {
      ctx.addIssue({
        code: "custom",
        input: text,
        message: `Keep this ${what} to at most ${maxParagraphsPerAnswer} paragraphs: it has ${count} separate lines. Join some lines together.`,
      });
    }
  };
}

const answerText = plainText()
  .trim()
  .max(4000, "Keep each answer under 4000 characters")
  .superRefine(withinParagraphCap("answer"));

export const giveInput = z.object({
  answers: z.record(z.string().regex(/^q[1-9]$/, "This question is not part of the request"), answerText),
  lanes: z
    .partialRecord(
      laneId,
      z.object({
        rating: z
          .number({ error: "Pick a rating from 1 to 5, or can't say" })
          .int("Pick a rating from 1 to 5")
          .min(1, "Pick a rating from 1 to 5")
          .max(5, "Pick a rating from 1 to 5")
          .nullable()
          .default(null),
        comment: plainText()
          .trim()
          .max(2000, "Keep each comment under 2000 characters")
          .superRefine(withinParagraphCap("comment"))
          .default(""),
      }),
    )
    .default({}),
});
export type GiveInput = z.infer<typeof giveInput>;

export const superpowersInput = z.object({
  superpowers: z
    .array(z.enum(superpowerKeys, { error: "Pick superpowers from the list" }))
    .max(3, "Name at most three superpowers")
    .refine((list) => new Set(list).size === list.length, "Pick each superpower once"),
  responses: z
    .partialRecord(
      z.enum(superpowerKeys, { error: "Pick superpowers from the list" }),
      plainText().trim().max(2000, "Keep each response under 2000 characters"),
    )
    .default({}),
});
export type SuperpowersInput = z.infer<typeof superpowersInput>;
/** Superpowers' `version` is 0 until the first save. */
export const superpowersUpdateInput = withVersion(superpowersInput);

export type FeedbackQuestion = { key: string; prompt: string };

export type FeedbackRequestStatus = "open" | "closed";

/** What the receiver sees of how many answered: exact until results open, then in steps of k. */
export type ResponseCount = { shown: number; atLeast: boolean };

export type FeedbackRequestSummary = {
  id: string;
  purpose: string;
  status: FeedbackRequestStatus;
  closesOn: string;
  closedOn: string | null;
  createdOn: string;
  minResponses: number;
  responses: ResponseCount;
  resultsOpen: boolean;
};

export type FeedbackRequest = FeedbackRequestSummary & {
  questions: FeedbackQuestion[];
  lanes: LaneId[];
  openedOn: string | null;
  invitations: { emails: string[]; links: number };
  reminderSentOn: string | null;
  thankedOn: string | null;
  minResponsesLocked: boolean;
  version: number;
};

export type QuestionResult = {
  key: string;
  prompt: string;
  /**
   * False until k people have answered this question; then `themes` holds what they wrote, shuffled,
   * each paragraph in exactly one theme.
   */
  shown: boolean;
  themes: ParagraphTheme[];
  heard: string;
  readOn: string | null;
  /** The reflection's version: 0 before the first one is written. */
  version: number;
};

export type LaneResult = {
  lane: LaneId;
  shown: boolean;
  /** How many givers gave each rating, from 1 to 5. */
  distribution: [number, number, number, number, number];
  raters: number;
  median: number | null;
  mean: number | null;
  self: number | null;
  comments: string[];
  heard: string;
  readOn: string | null;
  version: number;
};

export type FeedbackResults = {
  open: boolean;
  minResponses: number;
  questions: QuestionResult[];
  lanes: LaneResult[];
  selfAssessedOn: string | null;
};

export type FeedbackExport = {
  exportedOn: string;
  request: Omit<FeedbackRequest, "invitations"> & { invited: number };
  results: FeedbackResults;
};

export type GiverView =
  | { status: "unknown" }
  | { status: "used" | "closed"; askedBy: string }
  | {
      status: "open";
      askedBy: string;
      purpose: string;
      closesOn: string;
      minResponses: number;
      questions: FeedbackQuestion[];
      lanes: LaneId[];
    };

export type SuperpowerView = {
  key: SuperpowerKey;
  label: string;
  shadow: string;
  explanation: string;
  response: string;
};

export type Contradiction = {
  superpower: SuperpowerKey | null;
  kind: "lane" | "comment";
  lane: LaneId | null;
  self: number | null;
  givers: number | null;
  text: string;
  requestId: string;
};

export type SuperpowersView = {
  chosen: SuperpowerView[];
  contradictions: Contradiction[];
  version: number;
};
