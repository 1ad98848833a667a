import { z } from "zod";
import { instantOutput } from "./calendar-date-schema.ts";
import { type LaneId, laneIds, lanes } from "./lane-words.ts";
import { plainText } from "./text.ts";

export * from "./lane-words.ts";

const rating = (lane: LaneId) =>
  z
    .number({ error: `Rate ${lanes[lane].label} from 1 to 5` })
    .int(`Rate ${lanes[lane].label} with a whole number from 1 to 5`)
    .min(1, `Rate ${lanes[lane].label} from 1 to 5`)
    .max(5, `Rate ${lanes[lane].label} from 1 to 5`);

const evidenceText = (lane: LaneId) =>
  plainText()
    .trim()
    .max(2000, `Keep the evidence for ${lanes[lane].label} under 2000 characters`)
    .default("");

export const laneRatings = z.object({
  crafting: rating("crafting"),
  market: rating("market"),
  organizational: rating("organizational"),
  domain: rating("domain"),
  team: rating("team"),
  growth: rating("growth"),
});
export type LaneRatings = z.infer<typeof laneRatings>;

export const laneEvidence = z.object({
  crafting: evidenceText("crafting"),
  market: evidenceText("market"),
  organizational: evidenceText("organizational"),
  domain: evidenceText("domain"),
  team: evidenceText("team"),
  growth: evidenceText("growth"),
});
export type LaneEvidence = z.infer<typeof laneEvidence>;

export const laneAssessmentInput = z.object({
  ratings: laneRatings.strict(),
  evidence: laneEvidence.strict().default({
    crafting: "",
    market: "",
    organizational: "",
    domain: "",
    team: "",
    growth: "",
  }),
  domainName: plainText().trim().max(80, "Keep the domain name under 80 characters").default(""),
  worldClassLane: z
    .enum(laneIds, { error: "Pick the lane to become world-class in from the six lanes" })
    .nullable()
    .default(null),
});
export type LaneAssessmentInput = z.infer<typeof laneAssessmentInput>;

const perLane = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(laneIds.map((lane) => [lane, schema])) as Record<LaneId, T>);

export const laneAssessmentOutput = z
  .object({
    id: z.string(),
    createdAt: instantOutput,
    ratings: perLane(z.number().int().min(1).max(5)),
    evidence: perLane(z.string()),
    domainName: z.string(),
    worldClassLane: z.enum(laneIds).nullable(),
  })
  .meta({ id: "LaneAssessment" });
export type LaneAssessment = z.infer<typeof laneAssessmentOutput>;

export const laneAssessmentListOutput = z.object({ assessments: z.array(laneAssessmentOutput) });
