import { z } from "zod";
import { emailField } from "./auth.ts";
import { companyStages, experienceKeys, markets, vantages, workKinds } from "./experience.ts";
import { laneIds } from "./lanes.ts";
import { milestoneStatuses, tourStatuses } from "./tours.ts";

/** The parts of their record a member can share, read-only, with another member. */
export const shareParts = ["plan", "lanes", "portfolio", "story"] as const;
export type SharePart = (typeof shareParts)[number];

export const sharePartLabels: Record<SharePart, string> = {
  plan: "Career plan",
  lanes: "Lanes",
  portfolio: "Portfolio",
  story: "Career story",
};

export const sharePartDescriptions: Record<SharePart, string> = {
  plan: "North Star, skip job, next job, tours of duty and the roadmap. Not Act Three, not decisions.",
  lanes: "Your lane self-assessments with their evidence, and the radar.",
  portfolio: "Your roles (without their notes), the coverage grid and the next-level checklist.",
  story:
    "Your career story entries and your press release. Not the writing check's advice, not the thought-leadership log.",
};

/** Parts that have a read-only view: all of them. */
export const viewableParts = ["plan", "lanes", "portfolio", "story"] as const satisfies readonly SharePart[];

export const shareInput = z.strictObject({
  email: z
    .string({ error: "Enter the email address of the member to share with" })
    .trim()
    .toLowerCase()
    .pipe(emailField),
  parts: z
    .array(z.enum(shareParts, { error: "Pick the parts to share from plan, lanes, portfolio and story" }), {
      error: "Pick at least one part to share",
    })
    .min(1, "Pick at least one part to share")
    .max(shareParts.length, "Pick each part once")
    .refine((parts) => new Set(parts).size === parts.length, "Pick each part once"),
});
export type ShareInput = z.infer<typeof shareInput>;

const isoDateTime = z.string();
const isoDate = z.string();

export const shareGrantSchema = z.object({
  id: z.string(),
  granteeEmail: z.string(),
  part: z.enum(shareParts),
  createdAt: isoDateTime,
});
export type ShareGrant = z.infer<typeof shareGrantSchema>;

export const shareGrantListSchema = z.object({ grants: z.array(shareGrantSchema) });
export type ShareGrantList = z.infer<typeof shareGrantListSchema>;

export const shareResultSchema = shareGrantListSchema.extend({ message: z.string() });
export type ShareResult = z.infer<typeof shareResultSchema>;

export const sharerSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type Sharer = z.infer<typeof sharerSchema>;

export const sharedWithMeSchema = z.object({
  shares: z.array(z.object({ owner: sharerSchema, parts: z.array(z.enum(shareParts)), since: isoDateTime })),
});
export type SharedWithMe = z.infer<typeof sharedWithMeSchema>;

const laneIdSchema = z.enum(laneIds);
const experience = z.enum(experienceKeys);

export const sharedPlanSchema = z.object({
  owner: sharerSchema,
  northStar: z
    .object({
      role: z.string(),
      companyKind: z.string(),
      knownFor: z.string(),
      horizonYear: z.number().int(),
      reachedOn: isoDate.nullable(),
    })
    .nullable(),
  skipJob: z
    .object({ role: z.string(), targetYear: z.number().int().nullable(), needs: z.array(z.string()) })
    .nullable(),
  nextJob: z.object({ role: z.string(), targetYear: z.number().int().nullable() }).nullable(),
  tours: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      mission: z.string(),
      startsOn: isoDate,
      endsOn: isoDate,
      renegotiateOn: isoDate.nullable(),
      lanes: z.array(laneIdSchema),
      experiences: z.array(experience),
      status: z.enum(tourStatuses),
      endedOn: isoDate.nullable(),
      milestones: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          dueOn: isoDate,
          status: z.enum(milestoneStatuses),
          doneOn: isoDate.nullable(),
        }),
      ),
    }),
  ),
});
export type SharedPlan = z.infer<typeof sharedPlanSchema>;

const perLane = <T extends z.ZodType>(schema: T) =>
  z.object({
    crafting: schema,
    market: schema,
    organizational: schema,
    domain: schema,
    team: schema,
    growth: schema,
  });

export const sharedLanesSchema = z.object({
  owner: sharerSchema,
  assessments: z.array(
    z.object({
      id: z.string(),
      createdAt: isoDateTime,
      ratings: perLane(z.number().int()),
      evidence: perLane(z.string()),
      domainName: z.string(),
      worldClassLane: laneIdSchema.nullable(),
    }),
  ),
});
export type SharedLanes = z.infer<typeof sharedLanesSchema>;

const coveredBy = z.array(z.object({ id: z.string(), label: z.string() }));
const axis = z.array(z.object({ key: experience, label: z.string() }));

export const sharedPortfolioSchema = z.object({
  owner: sharerSchema,
  roles: z.array(
    z.object({
      id: z.string(),
      company: z.string(),
      title: z.string(),
      startsOn: isoDate,
      endsOn: isoDate.nullable(),
      stage: z.enum(companyStages),
      market: z.enum(markets),
      vantage: z.enum(vantages),
      work: z.array(z.enum(workKinds)),
      peopleManaged: z.number().int(),
      wellKnownLogo: z.boolean(),
      experiences: z.array(experience),
    }),
  ),
  coverage: z.object({
    grids: z.array(
      z.object({
        id: z.enum(["stage-work", "market-vantage"]),
        title: z.string(),
        rows: axis,
        columns: axis,
        cells: z.array(
          z.object({ row: experience, column: experience, covered: z.boolean(), roles: coveredBy }),
        ),
      }),
    ),
    singles: z.array(
      z.object({ key: experience, label: z.string(), covered: z.boolean(), roles: coveredBy }),
    ),
    coveredCount: z.number().int(),
    totalCount: z.number().int(),
  }),
  nextLevel: z.object({
    levelLabel: z.string().nullable(),
    nextLevelLabel: z.string().nullable(),
    summary: z.string().nullable(),
    hurdles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        checks: z.array(z.object({ id: z.string(), text: z.string(), checkedOn: isoDate.nullable() })),
        experiences: z.array(z.object({ key: experience, label: z.string(), covered: z.boolean() })),
      }),
    ),
  }),
});
export type SharedPortfolio = z.infer<typeof sharedPortfolioSchema>;

export const sharedStorySchema = z.object({
  owner: sharerSchema,
  entries: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      portfolioRole: z.string().nullable(),
      problem: z.string(),
      actions: z.string(),
      skills: z.array(laneIdSchema),
      headwinds: z.string(),
      overcome: z.string(),
      result: z.string(),
    }),
  ),
  release: z.object({
    headline: z.string(),
    subhead: z.string(),
    problem: z.string(),
    whatIDid: z.string(),
    quote: z.string(),
    quoteBy: z.string(),
    whatsNext: z.string(),
  }),
});
export type SharedStory = z.infer<typeof sharedStorySchema>;
