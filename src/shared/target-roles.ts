import { z } from "zod";
import { dayOutput, instantOutput } from "./calendar-date-schema.ts";
import { type ExperienceKey, experienceKeys } from "./experience.ts";
import { type LaneId, laneIds } from "./lanes.ts";
import { type Level, levels } from "./profile.ts";
import { withVersion } from "./version.ts";

export type TargetRoleCheck = { id: string; text: string };

export type Hurdle = {
  id: string;
  title: string;
  description: string;
  /** Moves inside the member's own control. */
  actions: readonly string[];
  /** Progress the member ticks off; ids are stored with the date ticked, so they never change once shipped. */
  checks: readonly TargetRoleCheck[];
  /** Portfolio experiences that clear this hurdle, matched against the member's coverage grid. */
  experiences: readonly ExperienceKey[];
  /** Lanes this hurdle draws on, matched against the member's latest self-assessment. */
  lanes: readonly LaneId[];
};

export type LevelStep = {
  from: Level;
  to: Level;
  /** Completes "the step …", so it starts in lower case: "from running one product well to …". */
  summary: string;
  hurdles: readonly Hurdle[];
};

type StepLevel = Exclude<Level, "cpo">;

// One reviewable place for what stands between each level and the next. Check ids are
// "<from level>.<hurdle>.<check>" and must stay unique and stable (the test checks both).
export const levelSteps: Record<StepLevel, LevelStep> = {
  apm: {
    from: "apm",
    to: "pm",
    summary: "from learning the craft to owning a product area on your own.",
    hurdles: [
      {
        id: "own-an-area",
        title: "Own a product area end to end",
        description:
          "Run discovery, specs, launch and follow-up for one area without someone checking each step.",
        actions: [
          "Ask your manager for one area you own from problem to launch, and agree what success means up front.",
          "Write the spec and the launch plan yourself, then run the review instead of attending it.",
        ],
        checks: [
          { id: "apm.own-an-area.shipped-alone", text: "Shipped a feature I owned from problem to launch" },
          {
            id: "apm.own-an-area.success-metric",
            text: "Agreed a success measure before building, and reported on it after",
          },
        ],
        experiences: ["work:feature"],
        lanes: ["crafting"],
      },
      {
        id: "customer-evidence",
        title: "Decide from customers and data",
        description: "Bring evidence to decisions rather than opinions: interviews, usage data, experiments.",
        actions: [
          "Talk to at least two customers every week and share what you heard with the team.",
          "Read your area's usage data weekly and bring one finding to planning.",
        ],
        checks: [
          { id: "apm.customer-evidence.interviews", text: "Ran customer interviews for a month in a row" },
          {
            id: "apm.customer-evidence.changed-plan",
            text: "Changed a plan because of what the evidence showed",
          },
        ],
        experiences: ["vantage:outside"],
        lanes: ["market"],
      },
      {
        id: "team-trust",
        title: "Earn the trust of engineering and design",
        description:
          "Your team follows your priorities because your reasoning holds up, not because of your title.",
        actions: [
          "Explain the why behind each priority in writing, and invite the team to challenge it.",
          "Ask your tech lead and designer for feedback on how you work, and act on one thing.",
        ],
        checks: [
          {
            id: "apm.team-trust.asked-feedback",
            text: "Asked my tech lead and designer for feedback on how I work",
          },
          { id: "apm.team-trust.tradeoff", text: "Led a scope trade-off the whole team agreed with" },
        ],
        experiences: [],
        lanes: ["organizational", "crafting"],
      },
    ],
  },
  pm: {
    from: "pm",
    to: "senior_pm",
    summary: "from shipping what was asked to owning outcomes in ambiguous problems.",
    hurdles: [
      {
        id: "outcomes",
        title: "Own outcomes, not output",
        description: "You are measured by the metric you move, and you choose the work that moves it.",
        actions: [
          "Propose a quarterly goal in outcomes for your area and defend it with your manager.",
          "Try a tour of duty in growth work, where every bet is judged by a number.",
        ],
        checks: [
          { id: "pm.outcomes.owned-metric", text: "Owned a metric for a full quarter and moved it" },
          { id: "pm.outcomes.killed-work", text: "Stopped a project of mine that was not moving the metric" },
        ],
        experiences: ["work:growth"],
        lanes: ["growth", "crafting"],
      },
      {
        id: "ambiguity",
        title: "Find the problem when there is no spec",
        description: "Take a fuzzy opportunity and turn it into a plan others can follow.",
        actions: [
          "Volunteer for the problem nobody has framed yet, and write the one-page framing.",
          "Spend time with sales, support or customers to find a problem worth solving.",
        ],
        checks: [
          { id: "pm.ambiguity.framed", text: "Framed an open problem into a plan my leadership approved" },
          { id: "pm.ambiguity.new-bet", text: "Started a bet that came from my own market insight" },
        ],
        experiences: ["vantage:outside"],
        lanes: ["market"],
      },
      {
        id: "beyond-team",
        title: "Influence beyond your own team",
        description: "Work that needs other teams gets done because you line them up.",
        actions: [
          "Lead one project that depends on at least two other teams.",
          "Mentor a newer PM or an APM: teaching the craft sharpens it.",
        ],
        checks: [
          { id: "pm.beyond-team.cross-team", text: "Delivered a project across two or more teams" },
          { id: "pm.beyond-team.mentored", text: "Mentored a newer PM for at least three months" },
        ],
        experiences: [],
        lanes: ["organizational", "team"],
      },
    ],
  },
  senior_pm: {
    from: "senior_pm",
    to: "group_pm",
    summary: "from running one product well to leading a product area through other people.",
    hurdles: [
      {
        id: "breadth",
        title: "Breadth across the business",
        description:
          "A product lead understands how the company makes money, not only their own feature set: growth, scaling, sales, operations.",
        actions: [
          "Take a tour of duty in a kind of work you have not done: growth if you built features, scaling if you did growth.",
          "Spend a week with sales or customer success and write up what you learned for your team.",
        ],
        checks: [
          { id: "senior_pm.breadth.other-work", text: "Did a tour of duty in a kind of work new to me" },
          {
            id: "senior_pm.breadth.business-model",
            text: "Can explain our business model and unit economics to a new hire",
          },
        ],
        experiences: ["work:growth", "work:scaling"],
        lanes: ["market", "growth"],
      },
      {
        id: "through-others",
        title: "Lead a team through others",
        description: "Results come from the PMs you lead, not from doing the work yourself.",
        actions: [
          "Mentor one or two PMs, and hand over a piece of your own important work to one of them.",
          "Ask to manage a PM or an APM, even part-time, before the title comes.",
        ],
        checks: [
          { id: "senior_pm.through-others.mentoring", text: "Mentoring at least one PM regularly" },
          {
            id: "senior_pm.through-others.handed-over",
            text: "Handed over an important piece of my work and let it succeed without me",
          },
          { id: "senior_pm.through-others.managed", text: "Managed at least one person" },
        ],
        experiences: ["people:managed"],
        lanes: ["team"],
      },
      {
        id: "executives",
        title: "Influence executives",
        description:
          "Leaders change their minds because of your reasoning, and trust you with their priorities.",
        actions: [
          "Write a strategy memo for your area and present it to the executive team.",
          "Build thought leadership: write or talk about your product area inside the company and outside.",
        ],
        checks: [
          {
            id: "senior_pm.executives.memo",
            text: "Presented a strategy to an executive and changed a decision",
          },
          {
            id: "senior_pm.executives.thought-leadership",
            text: "Published a post or gave a talk about my area",
          },
        ],
        experiences: [],
        lanes: ["organizational"],
      },
    ],
  },
  group_pm: {
    from: "group_pm",
    to: "director",
    summary: "from leading PMs to building the team and setting strategy for a whole area.",
    hurdles: [
      {
        id: "managers",
        title: "Build and run a team of teams",
        description:
          "Hire, grow and keep product managers; develop leaders who can run parts of the area for you.",
        actions: [
          "Own hiring for an open role from job description to offer.",
          "Grow one of your PMs into a lead, with a written development plan you review together.",
        ],
        checks: [
          { id: "group_pm.managers.hired", text: "Hired a product manager end to end" },
          { id: "group_pm.managers.grew-lead", text: "Helped someone on my team step up to a lead role" },
        ],
        experiences: ["people:managed"],
        lanes: ["team"],
      },
      {
        id: "strategy",
        title: "Set strategy for an area",
        description:
          "Decide where the area plays and how it wins, in a way others can plan against for a year.",
        actions: [
          "Write a one-year strategy for your area, with the bets you will not make.",
          "Do a tour of duty in scaling work, where the strategy has to hold for a large customer base.",
        ],
        checks: [
          { id: "group_pm.strategy.written", text: "Wrote a strategy my area planned a year against" },
          {
            id: "group_pm.strategy.said-no",
            text: "Said no to a senior request because of the strategy, and held",
          },
        ],
        experiences: ["work:scaling", "stage:fire_to_great"],
        lanes: ["market"],
      },
      {
        id: "operating-rhythm",
        title: "Run the operating rhythm",
        description:
          "Planning, reviews and goals run well across several teams without you in every meeting.",
        actions: [
          "Set up the planning and review cadence for your area and hand its running to your leads.",
          "Coach other leaders on how you run reviews; it becomes known as your practice.",
        ],
        checks: [
          {
            id: "group_pm.operating-rhythm.cadence",
            text: "Set up planning and reviews across several teams",
          },
          { id: "group_pm.operating-rhythm.without-me", text: "A planning cycle ran well while I was away" },
        ],
        experiences: [],
        lanes: ["organizational", "crafting"],
      },
    ],
  },
  director: {
    from: "director",
    to: "vp",
    summary: "from running a product area to owning a business result with the executive team.",
    hurdles: [
      {
        id: "business-result",
        title: "Own a business result",
        description: "Revenue, margin or growth of a line of business are yours, not only the roadmap.",
        actions: [
          "Ask to own a revenue or growth target together with your sales or marketing peer.",
          "Do a tour of duty in growth work if you have only built and scaled.",
        ],
        checks: [
          { id: "director.business-result.target", text: "Owned a revenue or growth target for a year" },
          { id: "director.business-result.pricing", text: "Led a pricing or packaging decision" },
        ],
        experiences: ["work:growth"],
        lanes: ["growth", "market"],
      },
      {
        id: "product-org",
        title: "Build the product organisation",
        description: "Design how product works across the company: roles, career paths, hiring bar, rituals.",
        actions: [
          "Write the career ladder for product managers, or revise the one you have with your leads.",
          "Manage managers: make sure every PM has a lead who grows them.",
        ],
        checks: [
          { id: "director.product-org.ladder", text: "Wrote or revised our product career ladder" },
          { id: "director.product-org.managers", text: "Managed managers for at least a year" },
        ],
        experiences: ["people:managed"],
        lanes: ["team"],
      },
      {
        id: "executive-peer",
        title: "Be a peer to the executive team",
        description: "You shape company decisions beyond product, and the executive team asks for your view.",
        actions: [
          "Take part in company planning with finance, sales and marketing as an equal.",
          "Mentor leaders outside product; build a name outside the company with talks or writing.",
        ],
        checks: [
          { id: "director.executive-peer.planning", text: "Shaped a company-level decision beyond product" },
          {
            id: "director.executive-peer.external",
            text: "Spoke or wrote publicly about how we build product",
          },
        ],
        experiences: ["stage:smoke_to_fire"],
        lanes: ["organizational"],
      },
    ],
  },
  vp: {
    from: "vp",
    to: "cpo",
    summary: "from leading product to shaping the company with the CEO and the board.",
    hurdles: [
      {
        id: "company-strategy",
        title: "Shape company strategy with the CEO and board",
        description: "You set direction for the whole company's products and explain it to the board.",
        actions: [
          "Present product strategy at a board meeting, and take the questions yourself.",
          "Join a startup's advisory board to see company building from the other side.",
        ],
        checks: [
          { id: "vp.company-strategy.board", text: "Presented to a board" },
          { id: "vp.company-strategy.advisor", text: "Advised another company's leadership" },
        ],
        experiences: ["stage:pre_pmf"],
        lanes: ["organizational", "market"],
      },
      {
        id: "every-stage",
        title: "Lead across company stages",
        description:
          "A CPO is hired for a stage: finding fit, scaling the fire, or making a great company. Having seen more than one widens your options.",
        actions: [
          "Plan a tour of duty at a stage you have not led in.",
          "Find a mentor who has been CPO at the stage you aim for.",
        ],
        checks: [
          { id: "vp.every-stage.second-stage", text: "Led product at two different company stages" },
          { id: "vp.every-stage.mentor", text: "Have a mentor who was a CPO at my target stage" },
        ],
        experiences: ["stage:fire_to_great", "stage:smoke_to_fire"],
        lanes: ["market"],
      },
      {
        id: "leaders",
        title: "Build leaders and a name",
        description:
          "Your leaders could run product without you, and people outside know what you stand for.",
        actions: [
          "Name and develop a successor for your role.",
          "Keep a thought-leadership cadence: a post, talk or answered question every month.",
        ],
        checks: [
          { id: "vp.leaders.successor", text: "Have a successor ready for my role" },
          { id: "vp.leaders.cadence", text: "Kept a monthly thought-leadership cadence for six months" },
        ],
        experiences: ["logo:well_known", "people:managed"],
        lanes: ["team"],
      },
    ],
  },
};

export function nextLevel(level: Level): Level | null {
  return levels[levels.indexOf(level) + 1] ?? null;
}

export function stepFrom(level: Level): LevelStep | null {
  return level === "cpo" ? null : levelSteps[level];
}

/** Every experience a step's hurdles ask for, which lifts the matching portfolio gaps to the top. */
export function stepExperiences(step: LevelStep): ExperienceKey[] {
  return [...new Set(step.hurdles.flatMap((hurdle) => hurdle.experiences))];
}

const checkIds = new Set(
  Object.values(levelSteps).flatMap((step) =>
    step.hurdles.flatMap((hurdle) => hurdle.checks.map((check) => check.id)),
  ),
);

export function isCheckId(id: string): boolean {
  return checkIds.has(id);
}

export const targetRoleCheckInput = z.strictObject({
  checked: z.boolean({ error: "Say whether the item is done: checked true or false" }),
});
export type TargetRoleCheckInput = z.infer<typeof targetRoleCheckInput>;
/** Each checklist item has its own version: 0 before it was first ticked. */
export const targetRoleCheckUpdateInput = withVersion(targetRoleCheckInput);

/** Send it back when ticking or unticking the item; a change made since answers 409 with field "version". */
const checkVersion = z
  .number()
  .int()
  .meta({ description: "The item's version; 0 before it was first ticked" });

/** What GET /api/target-role answers: the data file's step, laid over the member's own records. */
export const targetRoleOutput = z
  .object({
    level: z.enum(levels).nullable().meta({ description: "My level from my profile; null when not set" }),
    levelLabel: z.string().nullable(),
    nextLevel: z.enum(levels).nullable().meta({ description: "Null when no level is set, or at the top" }),
    nextLevelLabel: z.string().nullable(),
    summary: z.string().nullable(),
    lanesAssessedAt: instantOutput.nullable(),
    hurdles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        actions: z.array(z.string()),
        checks: z.array(
          z.object({
            id: z.string(),
            text: z.string(),
            checkedOn: dayOutput.nullable(),
            version: checkVersion,
          }),
        ),
        experiences: z.array(
          z.object({
            key: z.enum(experienceKeys),
            label: z.string(),
            covered: z.boolean(),
            roles: z.array(z.object({ id: z.string(), label: z.string() })),
          }),
        ),
        lanes: z.array(
          z.object({ id: z.enum(laneIds), label: z.string(), rating: z.number().int().nullable() }),
        ),
      }),
    ),
  })
  .meta({ id: "TargetRole" });
export type TargetRoleView = z.infer<typeof targetRoleOutput>;

export const targetRoleCheckOutput = z.object({
  id: z.string(),
  checkedOn: dayOutput.nullable(),
  version: checkVersion,
});
export type TargetRoleCheckState = z.infer<typeof targetRoleCheckOutput>;
