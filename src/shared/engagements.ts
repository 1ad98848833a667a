import { z } from "zod";
import { calendarDate, dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { decisionCommentOutput } from "./decisions.ts";
import {
  actionItemStates,
  cadences,
  engagementStates,
  intakeShareParts,
  sessionMinutes,
  urgentCallKinds,
} from "./engagement-words.ts";
import { laneIds } from "./lanes.ts";
import { plainText } from "./text.ts";
import { versionInput, withVersion } from "./version.ts";

export * from "./engagement-words.ts";

const text = (label: string, max: number) =>
  plainText()
    .pipe(z.string().trim().max(max, `Keep ${label} under ${max} characters`))
    .pipe(z.string());
const requiredText = (message: string, label: string, max: number) =>
  plainText()
    .pipe(
      z.string({ error: message }).trim().min(1, message).max(max, `Keep ${label} under ${max} characters`),
    )
    .pipe(z.string());

export const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

// Inputs

export const startEngagementInput = z.strictObject({
  requestId: z.string({ error: "Name the accepted request to start from" }).min(1).max(64),
});

export const agreementInput = z.strictObject({
  goals: requiredText("Write what the mentee wants from this mentoring", "the goals", 2000),
  cadence: z.enum(cadences, { error: "Pick how often you meet: weekly, fortnightly or monthly" }),
  lengthWeeks: z
    .number({ error: "Enter how many weeks the mentoring runs" })
    .int("Enter a whole number of weeks")
    .min(2, "Run it for 2 weeks or more")
    .max(104, "Run it for at most two years (104 weeks); agree a new one after"),
  confidentiality: requiredText(
    "Write what stays between you, and what either of you may share",
    "the confidentiality terms",
    2000,
  ),
});
export type AgreementInput = z.infer<typeof agreementInput>;
export const agreementUpdateInput = withVersion(agreementInput);
export const acceptAgreementInput = z.strictObject({ version: versionInput });

export const intakeQuestionsInput = z.strictObject({
  questions: z
    .array(requiredText("Write the question, or remove it", "a question", 500), {
      error: "Send the list of questions",
    })
    .max(10, "Ask at most 10 intake questions"),
  version: versionInput,
});

export const intakeAnswersInput = z.strictObject({
  answers: z.array(text("an answer", 4000)).max(10, "Answer at most 10 questions"),
  share: z
    .array(z.enum(intakeShareParts, { error: "Share your lanes, your portfolio, or both" }))
    .max(2)
    .refine((parts) => new Set(parts).size === parts.length, "Pick each part once"),
  version: versionInput,
});

export const planGoalInput = z.strictObject({
  text: requiredText("Write the goal", "a goal", 500),
  measure: requiredText("Write how you will know the goal is met", "the measure", 500),
  lane: z.enum(laneIds, { error: "Pick a lane from the six" }).nullable(),
  tourId: z.string().max(64).nullable(),
  hurdle: text("the hurdle", 200).nullable(),
});
export type PlanGoalInput = z.infer<typeof planGoalInput>;

export const planRevisionInput = z.strictObject({
  goals: z
    .array(planGoalInput, { error: "Send the plan's goals" })
    .min(1, "Give the plan at least one goal")
    .max(12, "Keep the plan to 12 goals or fewer"),
  reason: text("the reason", 1000),
  /** The number of the revision the writer read; 0 for the first plan. */
  version: versionInput,
});

const instantInput = z
  .string({ error: "Pick a start time" })
  .refine((value) => !Number.isNaN(Date.parse(value)) && /T/.test(value), "Pick a start time");

export const bookSessionInput = z.strictObject({
  startsAt: instantInput,
  minutes: z.union(
    sessionMinutes.map((m) => z.literal(m)),
    { error: "Pick a length of 30, 45, 60 or 90 minutes" },
  ),
  agenda: text("the agenda", 1000),
});
export const rescheduleSessionInput = withVersion(
  bookSessionInput.extend({ notice: text("the note", 1000) }).strict(),
);
export const cancelSessionInput = z.strictObject({
  reason: requiredText("Say why, so the other person knows", "the reason", 1000),
  version: versionInput,
});

export const noteInput = z.strictObject({
  body: requiredText("Write the note", "a note", 20000),
  shared: z.boolean({ error: "Choose whether the other person sees this note" }),
  sessionId: z.string().max(64).nullable(),
});
export const noteUpdateInput = z.strictObject({
  body: requiredText("Write the note", "a note", 20000),
  shared: z.boolean({ error: "Choose whether the other person sees this note" }),
  version: versionInput,
});

export const actionItemInput = z.strictObject({
  text: requiredText("Write the action", "an action", 500),
  dueOn: calendarDate("Pick a due date").nullable(),
});
export const actionItemUpdateInput = z.strictObject({
  text: requiredText("Write the action", "an action", 500),
  dueOn: calendarDate("Pick a due date").nullable(),
  state: z.enum(actionItemStates, { error: "Pick a state for the action" }),
  version: versionInput,
});

export const reviewInput = z.strictObject({
  rating: z
    .number({ error: "Rate the mentoring from 1 to 5" })
    .int("Rate the mentoring from 1 to 5")
    .min(1, "Rate the mentoring from 1 to 5")
    .max(5, "Rate the mentoring from 1 to 5"),
  text: requiredText("Write your review", "the review", 4000),
  /** The mentee's choice: whether a quote of it may appear on the mentor's profile. */
  quoteAllowed: z.boolean({ error: "Choose whether your review may be quoted" }),
});

export const closeInput = z.strictObject({ version: versionInput });

/** The mentee shares one decision of their journal with the mentor, read-only, for the engagement's life. */
export const shareDecisionInput = z.strictObject({
  decisionId: z
    .string({ error: "Pick one of your decisions to share" })
    .min(1, "Pick one of your decisions to share")
    .max(64),
});

export const decisionCommentInput = z.strictObject({
  body: requiredText("Write the comment", "a comment", 4000),
});
export const decisionCommentUpdateInput = withVersion(decisionCommentInput);

// Outputs

const person = z.object({ userId: z.string(), name: z.string(), timeZone: z.string() });

export const agreementOutput = z.object({
  goals: z.string(),
  cadence: z.enum(cadences),
  lengthWeeks: z.number().int(),
  confidentiality: z.string(),
  menteeAcceptedAt: instantOutput.nullable(),
  mentorAcceptedAt: instantOutput.nullable(),
});

export const planGoalOutput = z.object({
  text: z.string(),
  measure: z.string(),
  lane: z.enum(laneIds).nullable(),
  tourId: z.string().nullable(),
  hurdle: z.string().nullable(),
});
export const planRevisionOutput = z.object({
  number: z.number().int(),
  goals: z.array(planGoalOutput),
  reason: z.string(),
  authorName: z.string(),
  createdAt: instantOutput,
});

export const sessionStates = ["booked", "cancelled"] as const;
export const sessionOutput = z.object({
  id: z.string(),
  startsAt: instantOutput,
  endsAt: instantOutput,
  minutes: z.number().int(),
  agenda: z.string(),
  state: z.enum(sessionStates),
  cancelReason: z.string().nullable(),
  sequence: z.number().int(),
  /** The start on each person's own clock. */
  menteeClock: z.string(),
  mentorClock: z.string(),
  version: z.number().int(),
});
export type SessionOutput = z.infer<typeof sessionOutput>;

export const noteOutput = z.object({
  id: z.string(),
  sessionId: z.string().nullable(),
  body: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  authorName: z.string(),
  createdAt: instantOutput,
  updatedAt: instantOutput,
  version: z.number().int(),
});

export const actionItemOutput = z.object({
  id: z.string(),
  text: z.string(),
  dueOn: dayOutput.nullable(),
  state: z.enum(actionItemStates),
  suggestedBy: z.enum(["mentee", "mentor"]),
  doneAt: instantOutput.nullable(),
  version: z.number().int(),
});

export const reviewOutput = z.object({
  side: z.enum(["mentee", "mentor"]),
  authorName: z.string(),
  rating: z.number().int(),
  text: z.string(),
  quoteAllowed: z.boolean(),
  createdAt: instantOutput,
});

export const slotOutput = z.object({
  start: instantOutput,
  end: instantOutput,
  menteeClock: z.string(),
  mentorClock: z.string(),
});

export const engagementSummaryOutput = z.object({
  id: z.string(),
  requestId: z.string(),
  side: z.enum(["mentee", "mentor"]),
  state: z.enum(engagementStates),
  other: person,
  nextSessionAt: instantOutput.nullable(),
  createdAt: instantOutput,
});

export const engagementListOutput = z.object({
  engagements: z.array(engagementSummaryOutput),
  /** Accepted requests with no engagement yet: either side can start one. */
  startable: z.array(z.object({ requestId: z.string(), side: z.enum(["mentee", "mentor"]), other: person })),
});

/**
 * A decision the mentee shares in this engagement, as the mentor may read it: the dilemma, the options
 * and how each serves the skip job, the choice and why. Not the revisits, not the revisit date.
 */
export const sharedDecisionOutput = z.object({
  shareId: z.string(),
  decisionId: z.string(),
  dilemma: z.string(),
  options: z.array(z.object({ label: z.string(), servesSkipJob: z.string() })),
  decision: z.string(),
  reason: z.string(),
  decidedOn: dayOutput,
  sharedAt: instantOutput,
  comments: z.array(decisionCommentOutput),
});
export type SharedDecisionOutput = z.infer<typeof sharedDecisionOutput>;

export const engagementOutput = z.object({
  id: z.string(),
  requestId: z.string(),
  side: z.enum(["mentee", "mentor"]),
  state: z.enum(engagementStates),
  mentee: person,
  mentor: person,
  agreement: agreementOutput,
  intake: z.object({
    questions: z.array(z.string()),
    answers: z.array(z.string()),
    shared: z.array(z.enum(intakeShareParts)),
    answeredAt: instantOutput.nullable(),
  }),
  plan: z.object({ current: planRevisionOutput.nullable(), history: z.array(planRevisionOutput) }),
  sessions: z.array(sessionOutput),
  slots: z.array(slotOutput),
  notes: z.array(noteOutput),
  actionItems: z.array(actionItemOutput),
  /** The decisions the mentee shares in this engagement while it lasts; none once it closed. */
  decisions: z.array(sharedDecisionOutput),
  reviews: z.object({
    mine: reviewOutput.nullable(),
    theirsIn: z.boolean(),
    revealed: z.boolean(),
    revealsAt: instantOutput.nullable(),
    theirs: reviewOutput.nullable(),
  }),
  closeStartedAt: instantOutput.nullable(),
  closedAt: instantOutput.nullable(),
  version: z.number().int(),
});
export type EngagementOutput = z.infer<typeof engagementOutput>;

export const calendarFileOutput = z.object({
  filename: z.string(),
  method: z.enum(["REQUEST", "CANCEL"]),
  sequence: z.number().int(),
  content: z.string(),
});

export const noteDeletedOutput = z.object({ id: z.string() });

export const mentorReviewsOutput = z.object({
  mentorId: z.string(),
  reviews: z.number().int(),
  averageRating: z.number().nullable(),
  quotes: z.array(z.object({ text: z.string(), rating: z.number().int(), on: dayOutput })),
});

// 911 calls

export const urgentCallInput = z.strictObject({
  kind: z.enum(urgentCallKinds, { error: "Pick what kind of dilemma this is" }),
  lane: z.enum(laneIds, { error: "Pick a lane from the six" }).nullable(),
  dilemma: requiredText("Describe the dilemma and what you must decide", "the dilemma", 4000),
  decideBy: instantInput.nullable(),
});

export const urgentSessionInput = z.strictObject({
  startsAt: instantInput,
  minutes: z.union(
    sessionMinutes.map((m) => z.literal(m)),
    { error: "Pick a length of 30, 45, 60 or 90 minutes" },
  ),
});

export const urgentCallOutput = z.object({
  id: z.string(),
  side: z.enum(["member", "mentor"]),
  memberName: z.string(),
  kind: z.enum(urgentCallKinds),
  lane: z.enum(laneIds).nullable(),
  dilemma: z.string(),
  decideBy: instantOutput.nullable(),
  promiseMinutes: z.number().int(),
  state: z.enum(["open", "taken", "unanswered", "withdrawn"]),
  wave: z.number().int(),
  takenByName: z.string().nullable(),
  takenByMe: z.boolean(),
  takenAt: instantOutput.nullable(),
  /** For the member: how many mentors the call reached so far. */
  offeredTo: z.number().int().nullable(),
  answerBy: instantOutput,
  sessions: z.array(sessionOutput),
  createdAt: instantOutput,
});
export const urgentCallListOutput = z.object({
  mine: z.array(urgentCallOutput),
  offered: z.array(urgentCallOutput),
});
