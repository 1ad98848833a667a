import { z } from "zod";
import { calendarDate, dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { laneIds } from "./lanes.ts";
import { availabilityRuleInput } from "./mentors.ts";
import { isTimeZone, levels } from "./profile.ts";
import { plainText } from "./text.ts";
import { versionInput } from "./version.ts";

export const publishModes = ["introduction", "mentoring"] as const;
export type PublishMode = (typeof publishModes)[number];
export const publishModeLabels: Record<PublishMode, string> = {
  introduction: "Introduction: both people are told who and why, and take it from there",
  mentoring: "Mentoring: each pair becomes an accepted mentoring request in Sidecar",
};
export const participantRoles = ["mentee", "mentor"] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const runStates = ["queued", "running", "done", "cancelled", "failed"] as const;
export type RunState = (typeof runStates)[number];
export const runPhases = ["queued", "scoring", "preparing", "matching", "pricing", "saving", "done"] as const;
export type RunPhase = (typeof runPhases)[number];
export const matchModes = ["participation", "score"] as const;
export const criteria = ["lanes", "goals", "seniority", "timeZone", "availability", "experience"] as const;
export type CriterionId = (typeof criteria)[number];
export const criterionLabels: Record<CriterionId, string> = {
  lanes: "Lanes",
  goals: "Goals",
  seniority: "Seniority",
  timeZone: "Time zone",
  availability: "Availability",
  experience: "Experience",
};
export const ruleIds = ["reportingLine", "noAvailabilityOverlap", "notSeniorEnough", "neverPair"] as const;
export type RuleId = (typeof ruleIds)[number];
export const ruleLabels: Record<RuleId, string> = {
  reportingLine: "Never within one reporting line",
  noAvailabilityOverlap: "Minimum weekly overlap",
  notSeniorEnough: "Mentor ahead by the seniority gap",
  neverPair: "Never-pair list (forbidden pairs)",
};

const text = (label: string, max: number) =>
  plainText().trim().max(max, `Keep ${label} under ${max} characters`);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid");
const weight = z
  .number({ error: "Enter a weight from 0 to 10" })
  .int("Enter a whole number from 0 to 10")
  .min(0, "Enter a weight from 0 to 10")
  .max(10, "Enter a weight from 0 to 10");

export const cohortSettingsSchema = z
  .object({
    mode: z.enum(matchModes),
    weights: z
      .object({
        lanes: weight,
        goals: weight,
        seniority: weight,
        timeZone: weight,
        availability: weight,
        experience: weight,
      })
      .strict()
      .refine((w) => Object.values(w).some((v) => v > 0), "Give at least one criterion a weight above 0"),
    rules: z
      .object({
        reportingLine: z.boolean(),
        mentorCapacity: z.boolean(),
        noAvailabilityOverlap: z.boolean(),
        notSeniorEnough: z.boolean(),
        neverPair: z.boolean(),
      })
      .strict(),
    minimumOverlapMinutes: z.number().int().min(15, "At least 15 minutes").max(600, "At most 600 minutes"),
    seniorityMinGap: z.number().int().min(0).max(6),
    seniorityMaxGap: z.number().int().min(0).max(6),
    timeZoneLimitHours: z.number().int().min(1).max(12),
  })
  .strict()
  .refine((s) => s.seniorityMinGap <= s.seniorityMaxGap, {
    message: "The smallest seniority gap must not exceed the largest",
    path: ["seniorityMaxGap"],
  });
export type CohortSettings = z.infer<typeof cohortSettingsSchema>;
export const defaultCohortSettings: CohortSettings = {
  mode: "participation",
  weights: { lanes: 3, goals: 2, seniority: 2, timeZone: 1, availability: 1, experience: 1 },
  rules: {
    reportingLine: true,
    mentorCapacity: true,
    noAvailabilityOverlap: true,
    notSeniorEnough: true,
    neverPair: true,
  },
  minimumOverlapMinutes: 30,
  seniorityMinGap: 1,
  seniorityMaxGap: 2,
  timeZoneLimitHours: 8,
};

export const companyStages = ["pre_pmf", "smoke_to_fire", "fire_to_great"] as const;
export const marketKinds = ["consumer", "b2b"] as const;

/** What a participant answers on joining; lanes, level, time zone and availability come from their own data where they have it. */
export const questionnaireSchema = z
  .object({
    goals: z.array(text("a goal", 80).min(1, "Write the goal, or remove it")).max(5, "Up to five goals"),
    stages: z.array(z.enum(companyStages)).max(3),
    markets: z.array(z.enum(marketKinds)).max(2),
    /** Used when the profile has no level. */
    level: z.enum(levels).nullable(),
    /** Used when the profile has no time zone. */
    timeZone: z.string().refine(isTimeZone, "Pick a time zone such as Europe/Berlin").nullable(),
    /** Weekly availability; a mentor's own mentor-profile availability is used instead when they have one. */
    availability: z.array(availabilityRuleInput).max(21, "Up to 21 weekly slots"),
    /** Lanes to grow in (a mentee) or to help with (a mentor), when no lane assessment says. */
    lanes: z.array(z.enum(laneIds)).max(6),
  })
  .strict();
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export type StoredExplanation = {
  criteria: { criterion: CriterionId; weight: number; value: number; points: number; text: string }[];
};

// ---- Inputs

export const programInput = z
  .object({
    name: text("the name", 120).min(1, "Name the program"),
    description: text("the description", 2000).default(""),
    publishMode: z.enum(publishModes),
  })
  .strict();
export const programUpdateInput = programInput.extend({ version: versionInput }).strict();
export const programAdminInput = z
  .object({ email: z.email("Enter the email address of a Sidecar member").max(254) })
  .strict();
export const cohortInput = z
  .object({
    name: text("the name", 120).min(1, "Name the cohort"),
    startsOn: calendarDate("Enter the first day of the cohort"),
    endsOn: calendarDate("Enter the last day of the cohort"),
  })
  .strict()
  .refine((c) => c.startsOn <= c.endsOn, { message: "End on or after the start", path: ["endsOn"] });
export const cohortSettingsInput = z
  .object({ settings: cohortSettingsSchema, version: versionInput })
  .strict();

export const importFields = ["email", "name", "role", "managerEmail", "capacity"] as const;
export type ImportField = (typeof importFields)[number];
export const importFieldLabels: Record<ImportField, string> = {
  email: "Email",
  name: "Name",
  role: "Role (mentee or mentor)",
  managerEmail: "Manager's email",
  capacity: "Mentor seats",
};
export const importInput = z
  .object({
    csv: z.string().min(1, "Choose a CSV file").max(90_000, "Import at most 90 KB at a time; split the file"),
    /** CSV header for each field; a field left out is read from the column of its own name. */
    mapping: z.partialRecord(z.enum(importFields), z.string().max(200)).default({}),
    apply: z.boolean(),
  })
  .strict();
export type ImportInput = z.input<typeof importInput>;

/** One row of the participants file, after the column mapping. */
export const importRow = z.object({
  email: z.email("Enter an email address").max(254),
  name: text("the name", 120).min(1, "Enter the name"),
  role: z.enum(participantRoles, { error: "Enter mentee or mentor" }),
  managerEmail: z.email("Enter the manager's email address, or leave it empty").max(254).nullable(),
  capacity: z.coerce
    .number({ error: "Enter a number of seats from 0 to 20" })
    .int("Enter a whole number of seats")
    .min(0, "Enter a number of seats from 0 to 20")
    .max(20, "Enter a number of seats from 0 to 20"),
});

export const overrideInput = z
  .discriminatedUnion("kind", [
    z
      .object({ kind: z.literal("pin"), menteeId: id, mentorId: id, reason: text("the reason", 500) })
      .strict(),
    z
      .object({ kind: z.literal("forbid"), menteeId: id, mentorId: id, reason: text("the reason", 500) })
      .strict(),
    z
      .object({
        kind: z.literal("capacity"),
        mentorId: id,
        capacity: z
          .number({ error: "Enter the seats, from 0 to 20" })
          .int("Enter a whole number of seats")
          .min(0, "Enter the seats, from 0 to 20")
          .max(20, "Enter the seats, from 0 to 20"),
        reason: text("the reason", 500),
        /** The mentor's seats version as read, so a change made meanwhile is not overwritten. */
        version: versionInput,
      })
      .strict(),
  ])
  .refine((o) => o.reason.length > 0, { message: "Say why, for the record", path: ["reason"] });
export type OverrideInput = z.infer<typeof overrideInput>;

export const joinInput = z.object({ questionnaire: questionnaireSchema }).strict();
export const meetingInput = z.object({ metOn: calendarDate("Enter the day you met") }).strict();
export const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

// ---- Outputs

const person = z.object({ id: z.string(), name: z.string() });
export const programSummaryOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  publishMode: z.enum(publishModes),
  version: z.number().int(),
});
export const programListOutput = z
  .object({ administered: z.array(programSummaryOutput) })
  .meta({ id: "ProgramList" });

export const cohortSummaryOutput = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: dayOutput,
  endsOn: dayOutput,
  publishedAt: instantOutput.nullable(),
  participants: z.number().int(),
});
export const programOutput = programSummaryOutput
  .extend({
    admins: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
    cohorts: z.array(cohortSummaryOutput),
  })
  .meta({ id: "Program" });

/** One phase of a run as last seen: mentees scored or placed so far, of total, and the pricing round. */
export const runStepOutput = z.object({
  phase: z.enum(["scoring", "matching", "pricing", "saving"]),
  done: z.number().int(),
  total: z.number().int(),
  round: z.number().int(),
  finished: z.boolean(),
});
export type RunStep = z.infer<typeof runStepOutput>;

export const runOutput = z
  .object({
    id: z.string(),
    state: z.enum(runStates),
    phase: z.enum(runPhases),
    done: z.number().int(),
    total: z.number().int(),
    steps: z.array(runStepOutput),
    cancelRequested: z.boolean(),
    warmStarted: z.boolean(),
    menteeCount: z.number().int().nullable(),
    mentorCount: z.number().int().nullable(),
    feasiblePairs: z.number().int().nullable(),
    matched: z.number().int().nullable(),
    score: z.number().int().nullable(),
    greedyMatched: z.number().int().nullable(),
    greedyScore: z.number().int().nullable(),
    certified: z.boolean().nullable(),
    solveMs: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: instantOutput,
    finishedAt: instantOutput.nullable(),
  })
  .meta({ id: "MatchingRun" });

export const explanationOutput = z.object({
  criteria: z.array(
    z.object({
      criterion: z.enum(criteria),
      weight: z.number(),
      value: z.number(),
      points: z.number().int(),
      text: z.string(),
    }),
  ),
});

export const overrideOutput = z.object({
  id: z.string(),
  kind: z.enum(["pin", "forbid", "capacity"]),
  mentee: person.nullable(),
  mentor: person.nullable(),
  capacity: z.number().int().nullable(),
  reason: z.string(),
  byName: z.string(),
  createdAt: instantOutput,
});

export const cohortOutput = z
  .object({
    id: z.string(),
    programId: z.string(),
    programName: z.string(),
    publishMode: z.enum(publishModes),
    name: z.string(),
    startsOn: dayOutput,
    endsOn: dayOutput,
    settings: cohortSettingsSchema,
    version: z.number().int(),
    publishedAt: instantOutput.nullable(),
    counts: z.object({
      mentees: z.number().int(),
      mentors: z.number().int(),
      joined: z.number().int(),
      seats: z.number().int(),
    }),
    currentRun: runOutput.nullable(),
    liveRun: runOutput.nullable(),
    overrides: z.array(overrideOutput),
  })
  .meta({ id: "Cohort" });

export const participantOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(participantRoles),
  managerEmail: z.string().nullable(),
  capacity: z.number().int(),
  joined: z.boolean(),
});
export const participantListOutput = z
  .object({
    participants: z.array(participantOutput),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: "ProgramParticipants" });

export const importOutput = z
  .object({
    applied: z.boolean(),
    rows: z.number().int(),
    valid: z.number().int(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()),
    errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    reportingLines: z.number().int().meta({ description: "Rows whose manager is in the cohort" }),
    invited: z.number().int(),
  })
  .meta({ id: "ParticipantImport" });

export const previewOutput = z
  .object({
    mentees: z.number().int(),
    mentors: z.number().int(),
    notReady: z.number().int().meta({ description: "Participants left out: not joined yet" }),
    allPairs: z.number().int(),
    feasiblePairs: z.number().int(),
    seats: z.number().int(),
    removedBy: z.object({
      reportingLine: z.number().int(),
      noAvailabilityOverlap: z.number().int(),
      notSeniorEnough: z.number().int(),
      neverPair: z.number().int(),
    }),
  })
  .meta({ id: "RulePreview" });

export const pairOutput = z.object({
  id: z.string(),
  mentee: person,
  mentor: person,
  mentorSeats: z.object({ seats: z.number().int(), version: z.number().int() }).meta({
    description: "The mentor's seats now (after seat changes), with the version a seat change sends",
  }),
  score: z.number().int(),
  pinned: z.boolean(),
  explanation: explanationOutput,
});
export const pairListOutput = z
  .object({
    run: runOutput,
    pairs: z.array(pairOutput),
    unmatched: z.array(person),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: "MatchingResult" });

export const publishOutput = z
  .object({ published: z.number().int(), requests: z.number().int(), skipped: z.number().int() })
  .meta({ id: "PublishOutcome" });

const reviewFigure = z.object({
  revealed: z.number().int().meta({ description: "Close-out reviews revealed so far" }),
  averaged: z.number().int().meta({
    description: "How many of them the average covers: whole groups of five, in the order revealed",
  }),
  averageRating: z.number().nullable().meta({ description: "Out of 5; null until five are revealed" }),
});
export const healthOutput = z
  .object({
    matchesMade: z.number().int(),
    accepted: z.number().int(),
    sessionsHeld: z
      .number()
      .int()
      .meta({ description: "Sessions booked in the pairs' engagements that took place (not cancelled)" }),
    meetingsRecorded: z
      .number()
      .int()
      .meta({ description: "Days participants recorded meeting, themselves" }),
    stalled: z.number().int(),
    stalledPairs: z.array(
      z.object({
        mentee: z.string(),
        mentor: z.string(),
        publishedOn: dayOutput,
        lastMetOn: dayOutput.nullable(),
        lastMetBy: z.enum(["session", "recorded"]).nullable(),
      }),
    ),
    weekly: z.array(
      z.object({
        week: dayOutput,
        matches: z.number().int(),
        accepted: z.number().int(),
        sessions: z.number().int(),
        meetings: z.number().int(),
      }),
    ),
    reviews: z.object({ byMentees: reviewFigure, byMentors: reviewFigure }),
  })
  .meta({ id: "ProgramHealth" });

export const myMatchOutput = z.object({
  pairId: z.string(),
  with: z.object({ name: z.string(), email: z.string(), role: z.enum(participantRoles) }),
  score: z.number().int(),
  explanation: explanationOutput,
  accepted: z.boolean(),
  lastMetOn: dayOutput.nullable(),
  mentorRequestId: z.string().nullable(),
});
export const myParticipationOutput = z.object({
  id: z.string(),
  programName: z.string(),
  cohortName: z.string(),
  startsOn: dayOutput,
  endsOn: dayOutput,
  role: z.enum(participantRoles),
  joined: z.boolean(),
  questionnaire: questionnaireSchema.nullable(),
  matches: z.array(myMatchOutput),
});
export const myProgramsOutput = z
  .object({ participations: z.array(myParticipationOutput) })
  .meta({ id: "MyPrograms" });
export type ProgramOutput = z.infer<typeof programOutput>;
export type CohortOutput = z.infer<typeof cohortOutput>;
export type RunOutput = z.infer<typeof runOutput>;
export type PairOutput = z.infer<typeof pairOutput>;
