import { z } from "zod";
import { dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { plainText } from "./text.ts";

export const promotionCauses = ["advocate", "no_role", "impatience", "development_area"] as const;
export type PromotionCause = (typeof promotionCauses)[number];

export const causeLabels: Record<PromotionCause, string> = {
  advocate: "Nobody advocates for your magic",
  no_role: "The next role does not exist",
  impatience: "Impatience",
  development_area: "An unacknowledged development area",
};

export const answerValues = ["yes", "no", "unsure"] as const;
export type AnswerValue = (typeof answerValues)[number];

/** The questions, per cause; `signals` is the answer that points at the cause. */
export const diagnosisQuestions = [
  {
    id: "sponsor",
    cause: "advocate",
    text: "Does someone senior argue for your promotion in the rooms where it is decided?",
    signals: "no",
  },
  {
    id: "magic",
    cause: "advocate",
    text: "Could your manager say in one sentence what you are uniquely good at?",
    signals: "no",
  },
  {
    id: "role_exists",
    cause: "no_role",
    text: "Is there an open role, or a real need for one, at the next level where you work?",
    signals: "no",
  },
  {
    id: "role_promised",
    cause: "no_role",
    text: "Has your manager said the next role can exist here within a year?",
    signals: "no",
  },
  {
    id: "typical_time",
    cause: "impatience",
    text: "Have you been at your level longer than is usual for this step at your company?",
    signals: "no",
  },
  {
    id: "bar_met",
    cause: "impatience",
    text: "Has your manager described what ready looks like, and do you meet it today?",
    signals: "no",
  },
  {
    id: "heard_twice",
    cause: "development_area",
    text: "Has feedback named the same area for growth more than once?",
    signals: "yes",
  },
  {
    id: "working_on_it",
    cause: "development_area",
    text: "Do you agree with that feedback, and are you working on it now?",
    signals: "no",
  },
] as const satisfies readonly { id: string; cause: PromotionCause; text: string; signals: AnswerValue }[];
export type DiagnosisQuestionId = (typeof diagnosisQuestions)[number]["id"];
const questionIds = diagnosisQuestions.map((q) => q.id) as [DiagnosisQuestionId, ...DiagnosisQuestionId[]];

export const diagnosisInput = z.strictObject({
  answers: z
    .partialRecord(
      z.enum(questionIds, { error: "Answer the questions listed in the check" }),
      z.enum(answerValues, {
        error: "Answer yes, no or not sure",
      }),
    )
    .default({}),
  monthsAtLevel: z
    .number({ error: "Enter the months at your level as a number" })
    .int("Enter whole months")
    .min(0, "Months cannot be negative")
    .max(600, "Enter at most 600 months")
    .nullable()
    .default(null),
  developmentArea: plainText().trim().max(200, "Keep the area under 200 characters").default("").meta({
    description: "The area feedback keeps naming, in the member's words; moves are built around it",
  }),
  notes: plainText().trim().max(2000, "Keep the notes under 2000 characters").default(""),
});
export type DiagnosisInput = z.infer<typeof diagnosisInput>;

export const verdicts = ["likely", "possible", "unlikely"] as const;
export type Verdict = (typeof verdicts)[number];
export const verdictLabels: Record<Verdict, string> = {
  likely: "Likely",
  possible: "Possible",
  unlikely: "Unlikely",
};

export const moveKinds = ["tour", "feedback_request"] as const;
export type MoveKind = (typeof moveKinds)[number];

const evidenceOutput = z.object({
  text: z.string(),
  link: z.string().nullable().meta({ description: "A page in Sidecar the evidence comes from" }),
});
export type Evidence = z.infer<typeof evidenceOutput>;

export const diagnosisContextOutput = z
  .object({
    evidence: z.record(z.enum(promotionCauses), z.array(evidenceOutput)),
    monthsAtLevel: z
      .number()
      .int()
      .nullable()
      .meta({ description: "From the current portfolio role, where there is one" }),
    suggestedAreas: z
      .array(z.string())
      .meta({ description: "Areas drawn from lanes, shadows and next-level hurdles" }),
  })
  .meta({ id: "PromotionDiagnosisContext" });
export type DiagnosisContext = z.infer<typeof diagnosisContextOutput>;

export const diagnosisOutput = z
  .object({
    id: z.string(),
    takenOn: dayOutput,
    answers: z
      .array(z.object({ question: z.enum(questionIds), answer: z.enum(answerValues) }))
      .meta({ description: "The questions answered, in the order of the check" }),
    monthsAtLevel: z.number().int().nullable(),
    developmentArea: z.string(),
    notes: z.string(),
    causes: z.array(
      z.object({
        cause: z.enum(promotionCauses),
        label: z.string(),
        verdict: z.enum(verdicts),
        reasons: z.array(z.string()),
        evidence: z.array(evidenceOutput),
        moves: z.array(z.object({ text: z.string(), kind: z.enum(moveKinds).nullable() })),
      }),
    ),
    summary: z.string().meta({ description: "The plain verdict in words" }),
    created: z.array(
      z.object({ kind: z.enum(moveKinds), id: z.string(), label: z.string(), createdAt: instantOutput }),
    ),
    createdAt: instantOutput,
  })
  .meta({ id: "PromotionDiagnosis" });
export type Diagnosis = z.infer<typeof diagnosisOutput>;

export const diagnosisListOutput = z.object({
  context: diagnosisContextOutput,
  history: z.array(diagnosisOutput),
});

export const moveInput = z.strictObject({
  kind: z.enum(moveKinds, { error: "Create a tour or a feedback request" }),
});
