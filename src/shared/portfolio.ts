import { z } from "zod";
import { calendarDate, dayOutput } from "./calendar-date-schema.ts";
import {
  type CompanyStage,
  companyStages,
  type ExperienceKey,
  experienceKeys,
  type Market,
  markets,
  type Vantage,
  vantages,
  type WorkKind,
  workKinds,
} from "./experience.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export const maxPeopleManaged = 100_000;

export const portfolioRoleInput = z
  .strictObject({
    company: plainText()
      .trim()
      .min(1, "Enter the company's name")
      .max(120, "Keep the company name under 120 characters"),
    title: plainText()
      .trim()
      .min(1, "Enter your title in this role")
      .max(120, "Keep the title under 120 characters"),
    startsOn: calendarDate("Enter the date you started, such as 2022-04-01"),
    endsOn: calendarDate(
      "Enter the date you left, such as 2024-09-30, or leave it empty for your current role",
    )
      .nullable()
      .default(null),
    stage: z.enum(companyStages, {
      error: "Pick the company's stage: pre-product-market fit, smoke to fire, or fire to great",
    }),
    market: z.enum(markets, { error: "Pick consumer or business-to-business" }),
    vantage: z.enum(vantages, { error: "Pick inside or outside the building" }),
    work: z
      .array(z.enum(workKinds, { error: "Pick the kinds of work from feature, growth and scaling" }), {
        error: "Pick at least one kind of work",
      })
      .min(1, "Pick at least one kind of work: feature, growth or scaling")
      .max(workKinds.length, "Pick each kind of work once")
      .refine((work) => new Set(work).size === work.length, "Pick each kind of work once"),
    peopleManaged: z
      .number({ error: "Enter how many people you managed, 0 if none" })
      .int("Enter the number of people you managed as a whole number")
      .min(0, "People managed cannot be negative: enter 0 if you managed nobody")
      .max(maxPeopleManaged, `Enter at most ${maxPeopleManaged.toLocaleString("en")} people managed`),
    wellKnownLogo: z.boolean({ error: "Say whether the company is a well-known logo" }).default(false),
    notes: plainText().trim().max(2000, "Keep the notes under 2000 characters").default(""),
  })
  .refine((role) => role.endsOn === null || role.endsOn >= role.startsOn, {
    message: "The end date is before the start date: check both dates",
    path: ["endsOn"],
  });
export type PortfolioRoleInput = z.infer<typeof portfolioRoleInput>;
export const portfolioRoleUpdateInput = withVersion(portfolioRoleInput);

const experienceOutput = z.enum(experienceKeys);

export const portfolioRoleOutput = z
  .object({
    id: z.string(),
    company: z.string(),
    title: z.string(),
    startsOn: dayOutput,
    endsOn: dayOutput.nullable().meta({ description: "Empty for the current role" }),
    stage: z.enum(companyStages),
    market: z.enum(markets),
    vantage: z.enum(vantages),
    work: z.array(z.enum(workKinds)),
    peopleManaged: z.number().int(),
    wellKnownLogo: z.boolean(),
    notes: z.string(),
    experiences: z.array(experienceOutput).meta({ description: "The experiences this role adds" }),
    version: z.number().int().meta({
      description:
        "The record's version: 1 when first saved, one more on every change. Send it back with a change",
    }),
  })
  .meta({ id: "PortfolioRole" });
export type PortfolioRole = z.infer<typeof portfolioRoleOutput>;

export const portfolioRoleListOutput = z.object({ roles: z.array(portfolioRoleOutput) });
export const portfolioRoleDeletedOutput = z.object({ deleted: z.literal(true) });

type RoleShape = Pick<
  PortfolioRoleInput,
  "stage" | "market" | "vantage" | "work" | "peopleManaged" | "wellKnownLogo"
>;

/** The experiences one role puts in the portfolio, in the shared vocabulary tours of duty use too. */
export function roleExperiences(role: RoleShape): ExperienceKey[] {
  const keys: ExperienceKey[] = [
    `stage:${role.stage}`,
    `market:${role.market}`,
    `vantage:${role.vantage}`,
    ...workKinds.filter((work) => role.work.includes(work)).map((work) => `work:${work}` as const),
  ];
  if (role.peopleManaged > 0) keys.push("people:managed");
  if (role.wellKnownLogo) keys.push("logo:well_known");
  return keys;
}

export function roleLabel(role: { title: string; company: string }): string {
  return `${role.title} at ${role.company}`;
}

// How each experience reads inside a suggested mission, such as "Do growth work at a smoke-to-fire company".
const workPhrases: Record<WorkKind, string> = {
  feature: "Do feature work",
  growth: "Do growth work",
  scaling: "Do scaling work",
};
const stagePhrases: Record<CompanyStage, string> = {
  pre_pmf: "a pre-product-market-fit company",
  smoke_to_fire: "a smoke-to-fire company",
  fire_to_great: "a fire-to-great company",
};
const marketPhrases: Record<Market, string> = {
  consumer: "a consumer product",
  business: "a business-to-business product",
};
const vantagePhrases: Record<Vantage, string> = {
  inside: "Work inside the building",
  outside: "Work outside the building",
};

export function stageWorkMission(stage: CompanyStage, work: WorkKind): string {
  return `${workPhrases[work]} at ${stagePhrases[stage]}`;
}
export function marketVantageMission(market: Market, vantage: Vantage): string {
  return `${vantagePhrases[vantage]} on ${marketPhrases[market]}`;
}
export const singleMissions = {
  "people:managed": "Manage people: take a role with at least one direct report",
  "logo:well_known": "Work at a company with a well-known logo",
} as const satisfies Partial<Record<ExperienceKey, string>>;

/** The page that creates a tour of duty, prefilled with a mission and the experiences it adds. */
export function tourPath(mission: string, experiences: readonly ExperienceKey[]): string {
  const search = new URLSearchParams({ mission, experiences: experiences.join(",") });
  return `/tours/new?${search.toString()}`;
}

const coveredBy = z.array(z.object({ id: z.string(), label: z.string() }));
export type CoveredBy = z.infer<typeof coveredBy>[number];
const axis = z.array(z.object({ key: experienceOutput, label: z.string() }));

const coverageGridOutput = z.object({
  id: z.enum(["stage-work", "market-vantage"]),
  title: z.string(),
  rows: axis,
  columns: axis,
  cells: z.array(
    z.object({ row: experienceOutput, column: experienceOutput, covered: z.boolean(), roles: coveredBy }),
  ),
});
export type CoverageGrid = z.infer<typeof coverageGridOutput>;
export type CoverageCell = CoverageGrid["cells"][number];

const coverageSingleOutput = z.object({
  key: experienceOutput,
  label: z.string(),
  covered: z.boolean(),
  roles: coveredBy,
});
export type CoverageSingle = z.infer<typeof coverageSingleOutput>;

const portfolioGapOutput = z.object({
  id: z.string(),
  mission: z.string(),
  experiences: z.array(experienceOutput),
  reason: z.string().meta({ description: "Why it sits where it does in the list, in plain words" }),
  tourPath: z.string().meta({ description: "The page that starts a tour of duty for this gap" }),
  plannedIn: z
    .object({ id: z.string(), title: z.string() })
    .nullable()
    .meta({ description: "An open tour of duty that already sets out to close this gap" }),
});
export type PortfolioGap = z.infer<typeof portfolioGapOutput>;

export const portfolioCoverageOutput = z
  .object({
    grids: z.array(coverageGridOutput),
    singles: z.array(coverageSingleOutput),
    gaps: z
      .array(portfolioGapOutput)
      .meta({ description: "Missing experiences as missions for a next tour of duty, biggest gap first" }),
    coveredCount: z.number().int(),
    totalCount: z.number().int(),
  })
  .meta({ id: "PortfolioCoverage" });
export type PortfolioCoverage = z.infer<typeof portfolioCoverageOutput>;
