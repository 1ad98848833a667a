import { z } from "zod";
import { emailField } from "./auth.ts";
import { calendarDate, dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { agendaStates, areasWithTarget, cadences, checkInAreas, linkStates } from "./manager-words.ts";
import { sharedLanesSchema, sharedPlanSchema, sharedStorySchema } from "./sharing.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export * from "./manager-words.ts";

const text = (max: number, what: string) =>
  plainText().pipe(z.string().trim().max(max, `Keep ${what} under ${max} characters`));

export const inviteReportInput = z.strictObject({
  email: z
    .string({ error: "Enter the email address of the person who reports to you" })
    .trim()
    .toLowerCase()
    .pipe(emailField),
});
export type InviteReportInput = z.infer<typeof inviteReportInput>;

export const versionOnlyInput = withVersion(z.strictObject({}));

export const cadenceInput = withVersion(
  z.strictObject({
    cadence: z.enum(cadences, { error: "Choose weekly, fortnightly or monthly" }),
  }),
);
export type CadenceInput = z.infer<typeof cadenceInput>;

export const areaInput = z
  .strictObject({
    area: z.enum(checkInAreas, {
      error: "Choose lanes, a tour, a decision, the story, feedback themes or a promotion diagnosis",
    }),
    targetId: z.string().trim().min(1).max(64).nullable().default(null),
  })
  .superRefine(({ area, targetId }, ctx) => {
    const needs = (areasWithTarget as readonly string[]).includes(area);
    if (needs && !targetId) {
      ctx.addIssue({ code: "custom", path: ["targetId"], message: "Choose which one to share" });
    }
    if (!needs && targetId) {
      ctx.addIssue({
        code: "custom",
        path: ["targetId"],
        message: "Lanes and the story are shared whole: leave targetId empty",
      });
    }
  });
export type AreaInput = z.infer<typeof areaInput>;

export const checkInInput = z.strictObject({
  heldOn: calendarDate("Enter the date of the check-in"),
  helpWith: text(4000, "what you want help with").default(""),
});
export type CheckInInput = z.infer<typeof checkInInput>;
export const checkInUpdateInput = withVersion(checkInInput);

export const managerPlanInput = withVersion(z.strictObject({ managerPlan: text(4000, "what you will do") }));

export const commentInput = z.strictObject({
  body: text(4000, "a comment").pipe(z.string().min(1, "Write a comment")),
});

export const agendaInput = z.strictObject({
  text: text(500, "a topic").pipe(z.string().min(1, "Write the topic")),
});

export const agendaDecisionInput = withVersion(
  z.strictObject({
    decision: z.enum(["accepted", "declined"], { error: "Accept or decline the topic" }),
  }),
);

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });
const side = z.enum(["manager", "report", "invitee"]);

export const managerLinkOutput = z
  .object({
    id: z.string(),
    state: z.enum(linkStates),
    side: side.meta({ description: "Which side of the link the viewer is on" }),
    manager: person,
    report: person
      .nullable()
      .meta({ description: "Null until the invitation is accepted: the invitation names an email only" }),
    reportEmail: z.string(),
    cadence: z.enum(cadences).nullable(),
    proposedCadence: z.enum(cadences).nullable(),
    proposedBy: z.enum(["manager", "report"]).nullable(),
    nextReminderAt: instantOutput.nullable(),
    createdAt: instantOutput,
    version: z.number().int(),
  })
  .meta({ id: "ManagerLink" });
export type ManagerLink = z.infer<typeof managerLinkOutput>;

export const managersOverviewOutput = z
  .object({
    myManager: managerLinkOutput.nullable(),
    invitations: z.array(managerLinkOutput),
    myReports: z.array(managerLinkOutput),
  })
  .meta({ id: "ManagersOverview" });
export type ManagersOverview = z.infer<typeof managersOverviewOutput>;

export const inviteResultOutput = managersOverviewOutput.extend({ message: z.string() });

export const checkInAreaOutput = z.object({
  id: z.string(),
  area: z.enum(checkInAreas),
  targetId: z.string().nullable(),
  label: z.string(),
  createdAt: instantOutput,
});
export type CheckInAreaShare = z.infer<typeof checkInAreaOutput>;

export const checkInSummaryOutput = z.object({
  id: z.string(),
  heldOn: dayOutput,
  helpWith: z.string(),
  managerPlan: z.string(),
  comments: z.number().int(),
  agenda: z.number().int(),
});

export const managerLinkDetailOutput = z
  .object({
    link: managerLinkOutput,
    areas: z.array(checkInAreaOutput),
    checkIns: z.array(checkInSummaryOutput),
  })
  .meta({ id: "ManagerLinkDetail" });
export type ManagerLinkDetail = z.infer<typeof managerLinkDetailOutput>;

const sharedTour = sharedPlanSchema.shape.tours.element;
const decisionView = z.object({
  id: z.string(),
  dilemma: z.string(),
  options: z.array(z.object({ label: z.string(), servesSkipJob: z.string() })),
  decision: z.string(),
  reason: z.string(),
  decidedOn: dayOutput,
  revisits: z.array(z.object({ revisitedOn: dayOutput, outcome: z.string() })),
});
const feedbackThemesView = z.object({
  id: z.string(),
  purpose: z.string(),
  open: z.boolean(),
  questions: z.array(
    z.object({
      prompt: z.string(),
      shown: z.boolean(),
      themes: z.array(z.object({ label: z.string(), paragraphs: z.number().int() })),
      heard: z.string(),
    }),
  ),
});
const diagnosisView = z.object({
  id: z.string(),
  takenOn: dayOutput,
  developmentArea: z.string(),
  summary: z.string(),
  causes: z.array(
    z.object({
      label: z.string(),
      verdict: z.string(),
      reasons: z.array(z.string()),
      moves: z.array(z.string()),
    }),
  ),
});

const viewBase = { id: z.string(), label: z.string(), owner: person };
export const checkInAreaViewOutput = z
  .discriminatedUnion("area", [
    z.object({ ...viewBase, area: z.literal("lanes"), lanes: sharedLanesSchema.shape.assessments }),
    z.object({ ...viewBase, area: z.literal("tour"), tour: sharedTour }),
    z.object({ ...viewBase, area: z.literal("decision"), decision: decisionView }),
    z.object({
      ...viewBase,
      area: z.literal("story"),
      entries: sharedStorySchema.shape.entries,
      release: sharedStorySchema.shape.release,
    }),
    z.object({ ...viewBase, area: z.literal("feedback_themes"), feedback: feedbackThemesView }),
    z.object({ ...viewBase, area: z.literal("promotion_diagnosis"), diagnosis: diagnosisView }),
  ])
  .meta({ id: "CheckInAreaView" });
export type CheckInAreaView = z.infer<typeof checkInAreaViewOutput>;

export const agendaItemOutput = z.object({
  id: z.string(),
  text: z.string(),
  state: z.enum(agendaStates),
  suggestedBy: z.enum(["manager", "report"]),
  version: z.number().int(),
});
export type AgendaItem = z.infer<typeof agendaItemOutput>;

export const checkInOutput = z
  .object({
    id: z.string(),
    linkId: z.string(),
    side: z.enum(["manager", "report"]),
    manager: person,
    report: person,
    open: z.boolean().meta({ description: "The link is active: an ended link's check-ins are read-only" }),
    heldOn: dayOutput,
    helpWith: z.string(),
    managerPlan: z.string(),
    agenda: z.array(agendaItemOutput),
    comments: z.array(
      z.object({
        id: z.string(),
        body: z.string(),
        author: z.enum(["manager", "report"]),
        createdAt: instantOutput,
      }),
    ),
    createdAt: instantOutput,
    version: z.number().int(),
  })
  .meta({ id: "CheckIn" });
export type CheckIn = z.infer<typeof checkInOutput>;

export const managerIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});
export const areaParams = managerIdParam.extend({
  areaId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "This area id is not valid: it has characters no Sidecar id uses"),
});
