import { z } from "zod";
import { isNotInTheFuture } from "./calendar-date.ts";
import { calendarDate, dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { nextCursorOutput } from "./page.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

const pastDate = (missing: string, future: string) => calendarDate(missing).refine(isNotInTheFuture, future);

export const decisionOptionInput = z
  .object({
    label: plainText()
      .trim()
      .min(1, "Name this option, or remove it")
      .max(200, "Keep each option under 200 characters"),
    servesSkipJob: plainText()
      .trim()
      .max(1000, "Keep how it serves the skip job under 1000 characters")
      .default(""),
  })
  .strict();

export const decisionInput = z
  .object({
    dilemma: plainText()
      .trim()
      .min(1, "Write the dilemma, such as “Grit it out or move on?”")
      .max(300, "Keep the dilemma under 300 characters"),
    options: z
      .array(decisionOptionInput, { error: "List the options you weighed" })
      .min(2, "List at least two options: a decision is a choice between them")
      .max(6, "Keep to six options"),
    decision: plainText()
      .trim()
      .min(1, "Write what you decided")
      .max(1000, "Keep the decision under 1000 characters"),
    reason: plainText().trim().max(2000, "Keep the reasons under 2000 characters").default(""),
    decidedOn: pastDate("Enter the date you decided", "The decision date cannot be in the future"),
    revisitOn: calendarDate("Enter a date to revisit this decision, or leave it empty")
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine(({ decidedOn, revisitOn }, ctx) => {
    if (revisitOn !== null && revisitOn <= decidedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["revisitOn"],
        message: "Pick a revisit date after the date you decided",
      });
    }
  });
export type DecisionInput = z.infer<typeof decisionInput>;
export const decisionUpdateInput = withVersion(decisionInput);

export const decisionRevisitInput = z
  .object({
    revisitedOn: pastDate("Enter the date you looked back", "The revisit date cannot be in the future"),
    outcome: plainText()
      .trim()
      .min(1, "Write how it turned out")
      .max(2000, "Keep the outcome under 2000 characters"),
    nextRevisitOn: calendarDate("Enter a date to look again, or leave it empty").nullable().default(null),
  })
  .strict()
  .superRefine(({ revisitedOn, nextRevisitOn }, ctx) => {
    if (nextRevisitOn !== null && nextRevisitOn <= revisitedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["nextRevisitOn"],
        message: "Pick a date to look again after this revisit",
      });
    }
  });
export type DecisionRevisitInput = z.infer<typeof decisionRevisitInput>;
/** A revisit moves the decision's revisit date on, so it names the decision's version. */
export const decisionRevisitUpdateInput = withVersion(decisionRevisitInput);

export const decisionCommentOutput = z.object({
  id: z.string(),
  body: z.string(),
  authorName: z.string(),
  mine: z.boolean(),
  createdAt: instantOutput,
  updatedAt: instantOutput,
  version: z.number().int(),
});
export type DecisionCommentOutput = z.infer<typeof decisionCommentOutput>;

/** A mentoring engagement in which the member shared the decision: which one helped, and what the mentor said. */
export const decisionDiscussionOutput = z.object({
  shareId: z.string(),
  engagementId: z.string(),
  mentorName: z.string(),
  sharedAt: instantOutput,
  sharedNow: z
    .boolean()
    .meta({ description: "The mentor can read it now: not revoked, and the engagement has not closed" }),
  comments: z.array(decisionCommentOutput),
});
export type DecisionDiscussion = z.infer<typeof decisionDiscussionOutput>;

export const decisionOutput = z
  .object({
    id: z.string(),
    dilemma: z.string(),
    options: z.array(z.object({ label: z.string(), servesSkipJob: z.string() })),
    decision: z.string(),
    reason: z.string(),
    decidedOn: dayOutput,
    revisitOn: dayOutput
      .nullable()
      .meta({ description: "The next date to look back at it; null once no further revisit is planned" }),
    dueForRevisit: z
      .boolean()
      .meta({ description: "The revisit date is today or past in the member's time zone" }),
    revisits: z.array(z.object({ id: z.string(), revisitedOn: dayOutput, outcome: z.string() })),
    discussions: z.array(decisionDiscussionOutput).meta({
      description: "The mentoring engagements in which you shared this decision, with the mentors' comments",
    }),
    createdAt: instantOutput,
    updatedAt: instantOutput,
    version: z.number().int().meta({
      description:
        'The record\'s version: 1 when first saved, one more on every change. Send it back with a change or a revisit; if the decision changed since, the answer is 409 with field "version"',
    }),
  })
  .meta({ id: "Decision" });
export type Decision = z.infer<typeof decisionOutput>;

export const decisionListOutput = z.object({
  decisions: z.array(decisionOutput),
  nextCursor: nextCursorOutput,
});
export const decisionDeletedOutput = z.object({ id: z.string() });
