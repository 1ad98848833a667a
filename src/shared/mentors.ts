import { z } from "zod";
import { calendarDate, dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { experienceKeys } from "./experience.ts";
import { laneIds } from "./lanes.ts";
import { isTimeZone, levels } from "./profile.ts";
import { shareParts } from "./sharing.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export const mentorStyles = ["person", "craft", "both"] as const;
export type MentorStyle = (typeof mentorStyles)[number];
export const mentorStyleLabels: Record<MentorStyle, string> = {
  person: "The person: career moves, confidence, choices",
  craft: "The craft: how to do the work well",
  both: "Both the person and the craft",
};

export const proofKinds = ["result", "writing", "talk"] as const;
export type ProofKind = (typeof proofKinds)[number];
export const proofKindLabels: Record<ProofKind, string> = {
  result: "Past result",
  writing: "Writing",
  talk: "Talk",
};

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const weekdayLabels = [
  "",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];

/** How long a request waits for the mentor before it expires, from the last time it reached them. */
export const requestExpiryHours = 48;
/** Requests a mentee may have waiting at once. */
export const maxOpenRequests = 3;

const wallClock = (message: string) =>
  z
    .string({ error: message })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message)
    .or(z.literal("24:00"));

export const availabilityRuleInput = z
  .object({
    weekday: z
      .number({ error: "Pick a day of the week" })
      .int("Pick a day of the week")
      .min(1, "Pick a day of the week")
      .max(7, "Pick a day of the week"),
    start: wallClock("Enter a start time such as 09:00"),
    end: wallClock("Enter an end time such as 11:30"),
  })
  .strict()
  .refine((rule) => rule.start < rule.end, {
    message: "End after the start, on the same day",
    path: ["end"],
  });
export type AvailabilityRule = z.infer<typeof availabilityRuleInput>;

export const awayInput = z
  .object({
    from: calendarDate("Enter the first day away"),
    to: calendarDate("Enter the last day away"),
  })
  .strict()
  .refine((away) => away.from <= away.to, {
    message: "The last day away comes on or after the first",
    path: ["to"],
  });
export type AwayPeriod = z.infer<typeof awayInput>;

const httpLink = z
  .string({ error: "Enter a link starting with https://" })
  .trim()
  .max(500, "Keep the link under 500 characters")
  .refine((value) => /^https?:\/\/[^\s]+$/.test(value), "Enter a link starting with https://");

export const proofInput = z
  .object({
    kind: z.enum(proofKinds, { error: "Pick a past result, writing or a talk" }),
    title: plainText().trim().min(1, "Describe this proof of work").max(200, "Keep it under 200 characters"),
    url: httpLink.nullable().default(null),
  })
  .strict();

export const mentorProfileInput = z
  .object({
    headline: plainText()
      .trim()
      .min(1, "Write a headline, such as “Former VP Product, scaled two B2B companies”")
      .max(160, "Keep the headline under 160 characters"),
    about: plainText().trim().max(3000, "Keep this under 3000 characters").default(""),
    lanes: z
      .array(z.enum(laneIds, { error: "Pick lanes from the six lanes" }))
      .min(1, "Pick at least one lane you can help with")
      .max(6)
      .refine((list) => new Set(list).size === list.length, "Pick each lane once"),
    levels: z
      .array(z.enum(levels, { error: "Pick levels from the list" }))
      .min(1, "Pick at least one level of mentee you can help")
      .max(levels.length)
      .refine((list) => new Set(list).size === list.length, "Pick each level once"),
    style: z.enum(mentorStyles, { error: "Pick the person, the craft, or both" }),
    capacity: z
      .number({ error: "Enter how many mentees you can take, from 1 to 20" })
      .int("Enter a whole number of mentees")
      .min(1, "Take at least one mentee, or pause instead")
      .max(20, "Take at most 20 mentees"),
    timeZone: z
      .string({ error: "Pick your time zone" })
      .refine(isTimeZone, "Pick a time zone such as America/New_York"),
    weekly: z.array(availabilityRuleInput).max(28, "Keep to 28 weekly windows").default([]),
    away: z.array(awayInput).max(20, "Keep to 20 periods away").default([]),
    responseHours: z
      .number({ error: "Pick how soon you promise to answer" })
      .int()
      .min(1, "Promise an answer within 1 to 48 hours")
      .max(48, "Promise an answer within 1 to 48 hours: requests expire after 48"),
    urgentCalls: z.boolean({ error: "Say whether you take urgent calls" }).default(false),
    showPortfolio: z.boolean({ error: "Say whether to show your portfolio" }).default(true),
    proof: z.array(proofInput).max(20, "Keep to 20 items of proof").default([]),
  })
  .strict();
export type MentorProfileInput = z.infer<typeof mentorProfileInput>;
export const mentorProfileUpdateInput = withVersion(mentorProfileInput);

export const slotOutput = z.object({ start: instantOutput, end: instantOutput });
export type Slot = z.infer<typeof slotOutput>;

const responseSummary = z.object({
  answered: z.number().int().meta({ description: "Requests answered (accepted, declined or asked about)" }),
  medianHours: z.number().nullable().meta({ description: "Null until at least three answers" }),
  summary: z.string().meta({ description: "In words, from measured answers only" }),
});

export const mentorCardOutput = z
  .object({
    userId: z.string(),
    name: z.string(),
    headline: z.string(),
    lanes: z.array(z.enum(laneIds)),
    levels: z.array(z.enum(levels)),
    style: z.enum(mentorStyles),
    timeZone: z.string(),
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
    paused: z.boolean(),
    urgentCalls: z.boolean(),
    responseHours: z.number().int(),
    responses: responseSummary,
    overlapHours: z.number().meta({
      description: "Hours of the mentor's next 7 days that fall between 08:00 and 20:00 for the viewer",
    }),
    lastActiveOn: dayOutput.nullable(),
  })
  .meta({ id: "MentorCard" });
export type MentorCard = z.infer<typeof mentorCardOutput>;

export const mentorProfileOutput = mentorCardOutput
  .extend({
    about: z.string(),
    weekly: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
    away: z.array(z.object({ from: dayOutput, to: dayOutput })),
    proof: z.array(z.object({ kind: z.enum(proofKinds), title: z.string(), url: z.string().nullable() })),
    experiences: z
      .array(z.enum(experienceKeys))
      .meta({ description: "From the mentor's portfolio, when they choose to show it" }),
    showPortfolio: z.boolean(),
    slots: z.array(slotOutput).meta({ description: "The next 14 days of availability, as instants" }),
    pausedReason: z.enum(["manual", "unresponsive"]).nullable(),
    /** The viewer's open request to this mentor, if any. */
    myOpenRequestId: z.string().nullable(),
  })
  .meta({ id: "MentorProfile" });
export type MentorProfile = z.infer<typeof mentorProfileOutput>;

export const myMentorProfileOutput = z
  .object({
    profile: mentorProfileOutput.nullable(),
    version: z.number().int().meta({ description: "0 until the mentor profile is first saved" }),
    activeMentees: z.number().int(),
  })
  .meta({ id: "MyMentorProfile" });
export type MyMentorProfile = z.infer<typeof myMentorProfileOutput>;

const csv = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const list = (value ?? "").split(",").filter(Boolean);
      for (const item of list) {
        if (!(values as readonly string[]).includes(item)) {
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }
      }
      return list as T[number][];
    });

export const mentorSearchQuery = z.object({
  q: plainText().trim().max(200, "Keep the search under 200 characters").optional(),
  lanes: csv(laneIds, "lanes lists lanes from the six lanes, separated by commas"),
  level: z.enum(levels, { error: "Pick a level from the list" }).optional(),
  style: z.enum(mentorStyles, { error: "Pick the person, the craft, or both" }).optional(),
  overlap: z
    .enum(["any", "some", "good"], { error: "overlap is any, some or good" })
    .optional()
    .default("any"),
  available: z
    .enum(["true", "false"], { error: "available is true or false" })
    .optional()
    .transform((v) => v === "true"),
});
export type MentorSearchQuery = z.infer<typeof mentorSearchQuery>;

export const mentorListOutput = z.object({ mentors: z.array(mentorCardOutput) }).meta({ id: "MentorList" });

export const suggestionOutput = z
  .object({
    mentor: mentorCardOutput,
    score: z.number(),
    reasons: z
      .array(z.string())
      .meta({ description: "Why this mentor, in words, from the member's own data" }),
  })
  .meta({ id: "MentorSuggestion" });
export type MentorSuggestion = z.infer<typeof suggestionOutput>;
export const suggestionListOutput = z
  .object({
    suggestions: z.array(suggestionOutput),
    /** What the suggestions are based on, or what to add so they can be. */
    basis: z.array(z.string()),
  })
  .meta({ id: "MentorSuggestions" });
export type MentorSuggestions = z.infer<typeof suggestionListOutput>;

// Requests
export const requestStates = [
  "pending",
  "info_requested",
  "accepted",
  "declined",
  "expired",
  "withdrawn",
  "ended",
] as const;
export type RequestState = (typeof requestStates)[number];
export const requestStateLabels: Record<RequestState, string> = {
  pending: "Waiting for the mentor",
  info_requested: "The mentor asked for more information",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired unanswered",
  withdrawn: "Withdrawn",
  ended: "Mentoring ended",
};
export const openStates: readonly RequestState[] = ["pending", "info_requested"];

export const mentorRequestInput = z
  .object({
    mentorId: z.string({ error: "Pick a mentor" }).min(1, "Pick a mentor").max(64),
    message: plainText()
      .trim()
      .min(20, "Say what you want help with, in at least 20 characters")
      .max(3000, "Keep the request under 3000 characters"),
    share: z
      .array(z.enum(shareParts, { error: "Pick parts to share from the list" }))
      .max(shareParts.length)
      .default([]),
  })
  .strict();
export type MentorRequestInput = z.infer<typeof mentorRequestInput>;

export const declineInput = z
  .object({ reason: plainText().trim().max(1000, "Keep the reason under 1000 characters").default("") })
  .strict();
export const askInput = z
  .object({
    question: plainText()
      .trim()
      .min(1, "Write what you need to know")
      .max(1000, "Keep the question under 1000 characters"),
  })
  .strict();
export const answerInput = z
  .object({
    answer: plainText().trim().min(1, "Write your answer").max(3000, "Keep the answer under 3000 characters"),
  })
  .strict();
export const emptyInput = z.object({}).strict();

export const requestMessageOutput = z.object({
  from: z.enum(["mentee", "mentor"]),
  kind: z.enum(["request", "question", "answer", "decline"]),
  text: z.string(),
  at: instantOutput,
});

export const mentorRequestOutput = z
  .object({
    id: z.string(),
    side: z.enum(["mentee", "mentor"]).meta({ description: "Whether the viewer sent or received it" }),
    state: z.enum(requestStates),
    mentee: z.object({ id: z.string(), name: z.string() }),
    mentor: z.object({ id: z.string(), name: z.string(), headline: z.string() }),
    messages: z.array(requestMessageOutput),
    share: z.array(z.enum(shareParts)),
    createdAt: instantOutput,
    reachedMentorAt: instantOutput.nullable(),
    expiresAt: instantOutput.nullable().meta({ description: "When a request waiting on the mentor expires" }),
    closedAt: instantOutput.nullable(),
  })
  .meta({ id: "MentorRequest" });
export type MentorRequest = z.infer<typeof mentorRequestOutput>;

export const mentorRequestListOutput = z
  .object({
    sent: z.array(mentorRequestOutput),
    received: z.array(mentorRequestOutput),
    openSent: z.number().int(),
    maxOpen: z.number().int(),
  })
  .meta({ id: "MentorRequestList" });
export type MentorRequestList = z.infer<typeof mentorRequestListOutput>;

// Mentoring others
export const mentoringLogInput = z
  .object({
    menteeName: plainText()
      .trim()
      .min(1, "Name the person you mentor")
      .max(100, "Keep the name under 100 characters"),
    where: z.enum(["sidecar", "outside"], { error: "Say whether it is in Sidecar or outside" }),
    startedOn: calendarDate("Enter the date you started"),
    endedOn: calendarDate("Enter the date it ended, or leave it empty").nullable().default(null),
    focus: plainText().trim().max(1000, "Keep this under 1000 characters").default(""),
    handedOver: plainText()
      .trim()
      .max(1000, "Keep the work handed over under 1000 characters")
      .default("")
      .meta({ description: "Important work of one's own handed over to the mentee" }),
  })
  .strict()
  .refine((entry) => entry.endedOn === null || entry.endedOn >= entry.startedOn, {
    message: "It ends on or after the day it started",
    path: ["endedOn"],
  });
export type MentoringLogInput = z.infer<typeof mentoringLogInput>;
export const mentoringLogUpdateInput = withVersion(mentoringLogInput);

export const mentoringLogEntryOutput = z
  .object({
    id: z.string(),
    menteeName: z.string(),
    where: z.enum(["sidecar", "outside"]),
    startedOn: dayOutput,
    endedOn: dayOutput.nullable(),
    focus: z.string(),
    handedOver: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "MentoringLogEntry" });
export type MentoringLogEntry = z.infer<typeof mentoringLogEntryOutput>;

export const mentoringLogOutput = z
  .object({
    entries: z.array(mentoringLogEntryOutput),
    nextLevel: z.array(
      z.object({
        checkId: z.string(),
        text: z.string(),
        supported: z.boolean(),
        because: z.string(),
        checkedOn: dayOutput.nullable(),
        version: z.number().int(),
      }),
    ),
  })
  .meta({ id: "MentoringLog" });
export type MentoringLog = z.infer<typeof mentoringLogOutput>;
export const mentoringLogDeletedOutput = z.object({ id: z.string() });
