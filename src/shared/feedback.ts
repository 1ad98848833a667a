import { z } from "zod";
import { addDays, formatCalendarDate } from "./calendar-date.ts";
import { calendarDate, dayOutput } from "./calendar-date-schema.ts";
import { themeKeys } from "./feedback-themes.ts";
import { maxClosingDays, maxQuestions, minResponsesBounds } from "./feedback-words.ts";
import { laneIds } from "./lanes.ts";
import { superpowerKeys } from "./superpowers.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export {
  maxClosingDays,
  maxInvitationsPerRequest,
  maxQuestions,
  minResponsesBounds,
  splitEmails,
  starterQuestions,
} from "./feedback-words.ts";

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

const requestTitle = plainText()
  .trim()
  .min(1, "Give the request a short title, such as “Before my move to product lead”")
  .max(100, "Keep the title under 100 characters");

/** The page asks for a title every time; the API also takes requests without one (older clients). */
export const requestTitleRequired = z.object({ title: requestTitle });

export const feedbackRequestInput = z
  .object({
    title: requestTitle
      .optional()
      .meta({ description: "A short name for the request, shown as its heading" }),
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

// What leaves the server; the presenters build exactly these fields.
const feedbackQuestionOutput = z.object({ key: z.string(), prompt: z.string() });
export type FeedbackQuestion = z.infer<typeof feedbackQuestionOutput>;

export type FeedbackRequestStatus = "open" | "closed";

const responseCountOutput = z.object({
  shown: z.number().int().meta({ description: "Exact until results open, then a multiple of k" }),
  atLeast: z.boolean(),
});
/** What the receiver sees of how many answered: exact until results open, then in steps of k. */
export type ResponseCount = z.infer<typeof responseCountOutput>;

const summaryShape = {
  id: z.string(),
  title: z.string().nullable(),
  purpose: z.string(),
  status: z.enum(["open", "closed"]),
  closesOn: dayOutput,
  closedOn: dayOutput.nullable(),
  createdOn: dayOutput,
  minResponses: z.number().int(),
  responses: responseCountOutput,
  resultsOpen: z.boolean(),
};

export const feedbackRequestSummaryOutput = z.object(summaryShape).meta({ id: "FeedbackRequestSummary" });
export type FeedbackRequestSummary = z.infer<typeof feedbackRequestSummaryOutput>;
export const feedbackRequestListOutput = z.object({ requests: z.array(feedbackRequestSummaryOutput) });

const requestShape = {
  ...summaryShape,
  questions: z.array(feedbackQuestionOutput),
  lanes: z.array(z.enum(laneIds)),
  openedOn: dayOutput.nullable(),
  reminderSentOn: dayOutput.nullable(),
  thankedOn: dayOutput.nullable(),
  minResponsesLocked: z.boolean(),
  version: z.number().int().meta({
    description: "Counts changes to the settings (closing date, k, closing); answers arriving leave it alone",
  }),
};

export const feedbackRequestOutput = z
  .object({
    ...requestShape,
    invitations: z.object({ emails: z.array(z.string()), links: z.number().int() }),
  })
  .meta({ id: "FeedbackRequest" });
export type FeedbackRequest = z.infer<typeof feedbackRequestOutput>;

export const feedbackRequestDeletedOutput = z.object({ deleted: z.literal(true) });

const reflectionShape = {
  heard: z.string(),
  readOn: dayOutput.nullable(),
  version: z.number().int().meta({ description: "The reflection's version; 0 before the first one" }),
};

const feedbackThemeOutput = z
  .object({
    key: z.enum(themeKeys),
    label: z.string(),
    paragraphs: z.array(z.string()).meta({ description: "Shuffled afresh on every read" }),
  })
  .meta({
    id: "FeedbackTheme",
    description:
      "Paragraphs grouped by the words they use, each in exactly one theme. Biggest first, Other last; counts are paragraphs, not people.",
  });

const questionResultOutput = z.object({
  key: z.string(),
  prompt: z.string(),
  shown: z.boolean().meta({
    description:
      "False until k people have answered this question; then themes holds what they wrote, shuffled",
  }),
  themes: z.array(feedbackThemeOutput),
  ...reflectionShape,
});
export type QuestionResult = z.infer<typeof questionResultOutput>;

const laneResultOutput = z.object({
  lane: z.enum(laneIds),
  shown: z.boolean(),
  distribution: z
    .tuple([z.number(), z.number(), z.number(), z.number(), z.number()])
    .meta({ description: "How many givers gave each rating, from 1 to 5" }),
  raters: z.number().int(),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  self: z.number().int().nullable(),
  comments: z.array(z.string()),
  ...reflectionShape,
});
export type LaneResult = z.infer<typeof laneResultOutput>;

export const feedbackResultsOutput = z
  .object({
    open: z.boolean(),
    minResponses: z.number().int(),
    questions: z.array(questionResultOutput),
    lanes: z.array(laneResultOutput),
    selfAssessedOn: dayOutput.nullable(),
  })
  .meta({ id: "FeedbackResults" });
export type FeedbackResults = z.infer<typeof feedbackResultsOutput>;

export const feedbackExportOutput = z
  .object({
    exportedOn: dayOutput,
    request: z.object({ ...requestShape, invited: z.number().int() }),
    results: feedbackResultsOutput,
  })
  .meta({ id: "FeedbackExport" });
export type FeedbackExport = z.infer<typeof feedbackExportOutput>;

export const feedbackInvitationsOutput = z
  .object({
    request: feedbackRequestOutput,
    links: z.array(z.string()).meta({ description: "Single-use links to copy; shown only this once" }),
    alreadyInvited: z.array(z.string()),
  })
  .meta({ id: "FeedbackInvitations" });
export type FeedbackInvitations = z.infer<typeof feedbackInvitationsOutput>;

export const giverViewOutput = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("unknown") }),
    z.object({ status: z.enum(["used", "closed"]), askedBy: z.string() }),
    z.object({
      status: z.literal("open"),
      askedBy: z.string(),
      purpose: z.string(),
      closesOn: dayOutput,
      minResponses: z.number().int(),
      questions: z.array(feedbackQuestionOutput),
      lanes: z.array(z.enum(laneIds)),
    }),
  ])
  .meta({ id: "FeedbackLink" });
export type GiverView = z.infer<typeof giverViewOutput>;

export const feedbackReceivedOutput = z.object({ received: z.literal(true) });

const superpowerViewOutput = z.object({
  key: z.enum(superpowerKeys),
  label: z.string(),
  shadow: z.string(),
  explanation: z.string(),
  response: z.string(),
});
export type SuperpowerView = z.infer<typeof superpowerViewOutput>;

const contradictionOutput = z.object({
  superpower: z.enum(superpowerKeys).nullable(),
  kind: z.enum(["lane", "comment"]),
  lane: z.enum(laneIds).nullable(),
  self: z.number().nullable(),
  givers: z.number().nullable(),
  text: z.string(),
  requestId: z.string(),
});
export type Contradiction = z.infer<typeof contradictionOutput>;

export const superpowersOutput = z
  .object({
    chosen: z.array(superpowerViewOutput),
    contradictions: z.array(contradictionOutput),
    version: z.number().int().meta({ description: "0 until the first save" }),
  })
  .meta({ id: "Superpowers" });
export type SuperpowersView = z.infer<typeof superpowersOutput>;
