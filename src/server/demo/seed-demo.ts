import { addMonths, format } from "date-fns";
import { eq } from "drizzle-orm";
import type { LaneAssessmentInput, LaneId, LaneRatings } from "../../shared/lanes.ts";
import type { PortfolioRoleInput } from "../../shared/portfolio.ts";
import type { Level, Track } from "../../shared/profile.ts";
import type { MilestoneInput, TourInput } from "../../shared/tours.ts";
import { users } from "../auth/auth.table.ts";
import type { Auth } from "../auth/auth.ts";
import type { Db } from "../db/open.ts";
import { saveActThree, saveCareerPlanParts } from "../modules/career-plan/career-plan.repo.ts";
import { seedDemoCommunities } from "../modules/communities/communities.demo.ts";
import { insertDecision, insertRevisit } from "../modules/decisions/decisions.repo.ts";
import { seedDemoEngagements, seedDemoUrgentCall } from "../modules/engagements/engagements.demo.ts";
import { seedDemoFeedback } from "../modules/feedback/feedback.demo.ts";
import { seedDemoHealthChecks } from "../modules/health-check/health-check.demo.ts";
import { insertLaneAssessment } from "../modules/lanes/lanes.repo.ts";
import { seedDemoManagers } from "../modules/managers/managers.demo.ts";
import { seedDemoMentors } from "../modules/mentors/mentors.demo.ts";
import { insertPortfolioRole } from "../modules/portfolio/portfolio.repo.ts";
import { saveProfileRow } from "../modules/profile/profile.repo.ts";
import { seedDemoCircleProgram, seedDemoProgram } from "../modules/programs/programs.demo.ts";
import { seedDemoStories } from "../modules/story/story.demo.ts";
import { insertMilestone, insertTour } from "../modules/tours/tours.repo.ts";

export const demoPassword = "sidecar demo 2026";

type DemoPerson = {
  name: string;
  email: string;
  role?: "admin";
  headline: string;
  level: Level;
  track: Track;
  company: string;
  timeZone: string;
  /** Oldest first; each becomes one self-assessment in the member's lanes history. */
  lanes?: { ratings: LaneRatings; worldClassLane: LaneId; domainName?: string; crafting?: string }[];
  /** Roles in the experience portfolio. */
  portfolio?: PortfolioRoleInput[];
  /** In order; dates are months from today, so the roadmap always has a past, a present and a future. */
  tours?: (TourInput & { milestones: MilestoneInput[] })[];
};

/** A calendar date this many months from today (negative for the past). */
const monthsFromNow = (months: number) => format(addMonths(new Date(), months), "yyyy-MM-dd");

const role = (
  r: Omit<PortfolioRoleInput, "endsOn" | "notes" | "wellKnownLogo"> & Partial<PortfolioRoleInput>,
) => ({ endsOn: null, notes: "", wellKnownLogo: false, ...r }) satisfies PortfolioRoleInput;

export const demoPeople: DemoPerson[] = [
  {
    name: "Priya Raman",
    email: "priya@demo.sidecar",
    headline: "Senior PM, payments infrastructure; working toward product lead",
    level: "senior_pm",
    track: "ic",
    company: "Ledgerline",
    timeZone: "Europe/London",
    lanes: [
      {
        ratings: { crafting: 3, market: 2, organizational: 2, domain: 3, team: 1, growth: 2 },
        worldClassLane: "domain",
        domainName: "Payments",
      },
      {
        ratings: { crafting: 4, market: 3, organizational: 3, domain: 4, team: 2, growth: 2 },
        worldClassLane: "domain",
        domainName: "Payments",
        crafting: "Led the card-issuing launch across three teams; shipped on the date we promised.",
      },
    ],
    portfolio: [
      role({
        company: "Ledgerline",
        title: "Senior PM, payments infrastructure",
        startsOn: "2022-02-01",
        stage: "smoke_to_fire",
        market: "business",
        vantage: "inside",
        work: ["feature", "scaling"],
        peopleManaged: 0,
        notes: "Card issuing and the ledger platform other teams build on.",
      }),
      role({
        company: "Shopwise",
        title: "Product manager, checkout",
        startsOn: "2018-06-01",
        endsOn: "2022-01-31",
        stage: "fire_to_great",
        market: "consumer",
        vantage: "outside",
        work: ["feature"],
        peopleManaged: 0,
        wellKnownLogo: true,
      }),
    ],
    tours: [
      {
        title: "Launch card issuing",
        mission:
          "Take card issuing from pilot to general availability in three markets, and learn to lead across teams.",
        startsOn: monthsFromNow(-16),
        endsOn: monthsFromNow(-3),
        renegotiateOn: monthsFromNow(-5),
        lanes: ["crafting", "domain"],
        experiences: ["stage:fire_to_great", "market:business", "work:feature"],
        milestones: [
          {
            title: "Pilot with ten customers",
            dueOn: monthsFromNow(-12),
            status: "done",
            doneOn: monthsFromNow(-12),
          },
          {
            title: "Generally available in three markets",
            dueOn: monthsFromNow(-4),
            status: "done",
            doneOn: monthsFromNow(-4),
          },
        ],
      },
      {
        title: "Lead the payments platform team",
        mission:
          "Build the payments platform team, hire its first manager, and cut integration time for product teams in half.",
        startsOn: monthsFromNow(-2),
        endsOn: monthsFromNow(13),
        renegotiateOn: monthsFromNow(10),
        lanes: ["team", "organizational"],
        experiences: ["people:managed", "work:scaling", "vantage:inside"],
        milestones: [
          {
            title: "Platform roadmap agreed with the product teams",
            dueOn: monthsFromNow(-1),
            status: "done",
            doneOn: monthsFromNow(-1),
          },
          {
            title: "First engineering manager hired",
            dueOn: monthsFromNow(3),
            status: "in_progress",
            doneOn: null,
          },
          { title: "Integration time halved", dueOn: monthsFromNow(11), status: "planned", doneOn: null },
        ],
      },
      {
        title: "Payments at a smoke-to-fire startup",
        mission:
          "Join a fast-growing marketplace as its first payments product lead, to see the business from outside a big company.",
        startsOn: monthsFromNow(13),
        endsOn: monthsFromNow(29),
        renegotiateOn: null,
        lanes: ["market", "growth"],
        experiences: ["stage:smoke_to_fire", "market:consumer", "work:growth"],
        milestones: [],
      },
    ],
  },
  {
    name: "Jonas Becker",
    email: "jonas@demo.sidecar",
    headline: "APM in my first year, learning discovery and delivery",
    level: "apm",
    track: "ic",
    company: "Fieldnote",
    timeZone: "Europe/Berlin",
    lanes: [
      {
        ratings: { crafting: 2, market: 1, organizational: 1, domain: 1, team: 1, growth: 2 },
        worldClassLane: "crafting",
        crafting: "Wrote and shipped my first three specs with the onboarding squad.",
      },
    ],
    portfolio: [
      role({
        company: "Fieldnote",
        title: "Associate product manager",
        startsOn: "2025-01-06",
        stage: "pre_pmf",
        market: "consumer",
        vantage: "outside",
        work: ["feature"],
        peopleManaged: 0,
      }),
    ],
    tours: [
      {
        title: "Learn discovery on the onboarding squad",
        mission:
          "Run discovery end to end for the onboarding squad, and ship what it finds without a senior PM rewriting the specs.",
        startsOn: monthsFromNow(-5),
        endsOn: monthsFromNow(8),
        renegotiateOn: monthsFromNow(6),
        lanes: ["crafting", "market"],
        experiences: ["work:feature", "stage:pre_pmf"],
        milestones: [
          {
            title: "Onboarding checklist shipped",
            dueOn: monthsFromNow(-2),
            status: "done",
            doneOn: monthsFromNow(-2),
          },
          {
            title: "Twenty customer interviews a quarter",
            dueOn: monthsFromNow(4),
            status: "in_progress",
            doneOn: null,
          },
        ],
      },
    ],
  },
  {
    name: "Amara Okafor",
    email: "amara@demo.sidecar",
    headline: "Group PM for growth; mentor for PMs moving into leadership",
    level: "group_pm",
    track: "manager",
    company: "Brightloop",
    timeZone: "America/New_York",
    lanes: [
      {
        ratings: { crafting: 4, market: 3, organizational: 3, domain: 2, team: 3, growth: 4 },
        worldClassLane: "growth",
      },
      {
        ratings: { crafting: 4, market: 3, organizational: 4, domain: 2, team: 4, growth: 5 },
        worldClassLane: "growth",
        crafting: "Set up the experimentation review every growth squad now runs.",
      },
    ],
    portfolio: [
      role({
        company: "Brightloop",
        title: "Group PM, growth",
        startsOn: "2021-04-01",
        stage: "smoke_to_fire",
        market: "consumer",
        vantage: "outside",
        work: ["growth"],
        peopleManaged: 4,
      }),
      role({
        company: "Northwind Analytics",
        title: "Senior PM, onboarding",
        startsOn: "2017-09-01",
        endsOn: "2021-03-31",
        stage: "fire_to_great",
        market: "business",
        vantage: "outside",
        work: ["feature", "growth"],
        peopleManaged: 0,
        wellKnownLogo: true,
      }),
    ],
    tours: [
      {
        title: "Grow self-serve revenue",
        mission: "Take self-serve from a tenth to a third of new revenue, and grow two PMs into group leads.",
        startsOn: monthsFromNow(-6),
        endsOn: monthsFromNow(9),
        renegotiateOn: monthsFromNow(6),
        lanes: ["growth", "team"],
        experiences: ["work:growth", "people:managed", "market:business"],
        milestones: [
          {
            title: "Pricing page experiment shipped",
            dueOn: monthsFromNow(-3),
            status: "done",
            doneOn: monthsFromNow(-3),
          },
          {
            title: "Onboarding rebuilt for self-serve",
            dueOn: monthsFromNow(-1),
            status: "missed",
            doneOn: null,
          },
          {
            title: "Self-serve at a third of new revenue",
            dueOn: monthsFromNow(8),
            status: "planned",
            doneOn: null,
          },
        ],
      },
    ],
  },
  {
    name: "Diego Hernández",
    email: "diego@demo.sidecar",
    headline: "VP Product at a series-C marketplace; coach for new directors",
    level: "vp",
    track: "manager",
    company: "Tradewind",
    timeZone: "America/Mexico_City",
    lanes: [
      {
        ratings: { crafting: 4, market: 5, organizational: 4, domain: 3, team: 4, growth: 3 },
        worldClassLane: "market",
        domainName: "Marketplaces",
      },
    ],
  },
  {
    name: "Mei Tanaka",
    email: "mei@demo.sidecar",
    headline: "CPO, two exits; mentors first-time heads of product",
    level: "cpo",
    track: "manager",
    company: "Kumo Health",
    timeZone: "Asia/Tokyo",
    lanes: [
      {
        ratings: { crafting: 4, market: 4, organizational: 5, domain: 4, team: 5, growth: 3 },
        worldClassLane: "team",
        domainName: "Healthcare",
      },
    ],
  },
  {
    name: "Nadia Costa",
    email: "nadia@demo.sidecar",
    headline: "VP Product at Ledgerline; manages the payments and risk product teams",
    level: "vp",
    track: "manager",
    company: "Ledgerline",
    timeZone: "Europe/London",
    lanes: [
      {
        ratings: { crafting: 3, market: 4, organizational: 5, domain: 4, team: 4, growth: 3 },
        worldClassLane: "organizational",
        domainName: "Payments",
      },
    ],
    portfolio: [
      role({
        company: "Ledgerline",
        title: "VP Product",
        startsOn: "2020-09-01",
        stage: "smoke_to_fire",
        market: "business",
        vantage: "inside",
        work: ["scaling"],
        peopleManaged: 9,
      }),
    ],
  },
  {
    name: "Sam Whitfield",
    email: "admin@demo.sidecar",
    role: "admin",
    headline: "Runs this Sidecar instance for the community",
    level: "director",
    track: "manager",
    company: "Product Circle",
    timeZone: "Australia/Sydney",
  },
];

/** Fills an empty database with believable people; each module adds its own sample beside this one. */
export async function seedDemo(db: Db, auth: Auth): Promise<void> {
  for (const person of demoPeople) {
    await auth.api.signUpEmail({ body: { name: person.name, email: person.email, password: demoPassword } });
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, person.email));
    if (!row) throw new Error(`The demo account ${person.email} was not created.`);
    await db
      .update(users)
      .set({ emailVerified: true, role: person.role ?? "member" })
      .where(eq(users.id, row.id));
    const { email: _email, role: _role, lanes, portfolio, tours, ...profile } = person;
    await saveProfileRow(db, row.id, profile, 0);
    for (const entry of portfolio ?? []) await insertPortfolioRole(db, row.id, entry);
    for (const [index, lane] of (lanes ?? []).entries()) {
      const input: LaneAssessmentInput = {
        ratings: lane.ratings,
        evidence: {
          crafting: lane.crafting ?? "",
          market: "",
          organizational: "",
          domain: "",
          team: "",
          growth: "",
        },
        domainName: lane.domainName ?? "",
        worldClassLane: lane.worldClassLane,
      };
      // Earlier assessments are dated months back, so the history reads like a real one.
      const monthsAgo = (lanes?.length ?? 0) - 1 - index;
      await insertLaneAssessment(db, row.id, input, new Date(Date.now() - monthsAgo * 90 * 24 * 3600 * 1000));
    }
    for (const { milestones, ...tour } of tours ?? []) {
      const saved = await insertTour(db, row.id, tour);
      for (const milestone of milestones) await insertMilestone(db, saved.id, milestone);
    }
    if (person === demoPeople[0]) await seedDemoFeedback(db, row.id);
    if (person.email === "priya@demo.sidecar") await seedPriyasPlan(db, row.id);
    if (person.email === "jonas@demo.sidecar") await seedJonassPlan(db, row.id);
    if (person.email === "mei@demo.sidecar") await seedMeisPlan(db, row.id);
  }
  await seedDemoStories(db);
  await seedDemoManagers(db);
  await seedDemoMentors(db, auth, demoPassword);
  await seedDemoEngagements(db);
  await seedDemoUrgentCall(db);
  await seedDemoCommunities(db);
  await seedDemoProgram(db);
  await seedDemoCircleProgram(db);
}

const daysFromNow = (days: number) =>
  new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

/** A plan worked back from a North Star, and a decision journal with one entry due for a look back. */
async function seedPriyasPlan(db: Db, userId: string) {
  const year = new Date().getUTCFullYear();
  await saveCareerPlanParts(
    db,
    userId,
    {
      northStar: {
        role: "Chief Product Officer",
        companyKind: "A fintech that moves money for small businesses, 300–800 people",
        knownFor: "Payments products people trust, and PMs who grew into leaders under me",
        horizonYear: year + 9,
      },
      skipJob: {
        role: "Head of Product, payments",
        targetYear: year + 4,
        needs: [
          { text: "Lead a team of PMs through their own leads", lane: "team", experience: null },
          { text: "Grow a product, not only build it", lane: null, experience: "work:growth" },
          { text: "Present the roadmap to the board", lane: "organizational", experience: null },
        ],
      },
      nextJob: { role: "Group PM, payments platform", targetYear: year + 1 },
    },
    0,
    null,
  );
  const gritOrMove = await insertDecision(db, userId, {
    dilemma: "Grit it out or move on?",
    options: [
      {
        label: "Stay and lead the card-issuing relaunch",
        servesSkipJob: "Three PMs would report to me: the team lane the skip job needs.",
      },
      {
        label: "Join a seed-stage payments start-up",
        servesSkipJob: "Pre-product-market-fit experience, but no team to lead for a while.",
      },
    ],
    decision: "Stay for the relaunch, and ask to hire two PMs",
    reason: "Leading through others is my biggest gap; the start-up would not close it for two years.",
    decidedOn: daysFromNow(-200),
    revisitOn: daysFromNow(-10),
  });
  await seedDemoHealthChecks(db, userId, gritOrMove.id);
  const offer = await insertDecision(db, userId, {
    dilemma: "Take the platform role or the growth role?",
    options: [
      { label: "Platform", servesSkipJob: "Deepens payments, my world-class lane." },
      { label: "Growth", servesSkipJob: "Adds growth work, a gap for the skip job." },
    ],
    decision: "Growth",
    reason: "Depth I have; the skip job asks for growth I have never owned.",
    decidedOn: daysFromNow(-400),
    revisitOn: daysFromNow(-220),
  });
  await insertRevisit(
    db,
    offer.id,
    {
      revisitedOn: daysFromNow(-215),
      outcome: "Activation is up 12%; I can now talk about growth from my own numbers.",
      nextRevisitOn: null,
    },
    offer.version,
  );
}

/** A first plan: a North Star far off, and the next two jobs on the way. */
async function seedJonassPlan(db: Db, userId: string) {
  const year = new Date().getUTCFullYear();
  await saveCareerPlanParts(
    db,
    userId,
    {
      northStar: {
        role: "VP Product",
        companyKind: "a developer-tools company that engineers choose for themselves",
        knownFor: "Data products teams can rely on, and PMs who learned to lead on my teams",
        horizonYear: year + 12,
      },
      skipJob: {
        role: "Group PM, data platform",
        targetYear: year + 5,
        needs: [
          { text: "Lead other PMs without writing their specs", lane: "team", experience: null },
          { text: "Take the platform strategy to the executives", lane: "organizational", experience: null },
          {
            text: "Work at a company past product-market fit",
            lane: null,
            experience: "stage:fire_to_great",
          },
        ],
      },
      nextJob: { role: "Product manager, data platform", targetYear: year + 1 },
    },
    0,
    null,
  );
}

/** A North Star reached, and the Act Three that followed. */
async function seedMeisPlan(db: Db, userId: string) {
  const year = new Date().getUTCFullYear();
  await saveCareerPlanParts(
    db,
    userId,
    {
      northStar: {
        role: "Chief Product Officer",
        companyKind: "A health company that patients love",
        knownFor: "Building product teams that others model theirs on",
        horizonYear: year,
      },
      skipJob: null,
      nextJob: null,
    },
    0,
    daysFromNow(-700),
  );
  await saveActThree(
    db,
    userId,
    {
      economics: {
        description: "Angel-invest in early health start-ups and advise two of them for equity.",
        steps: [
          { text: "Join a health-tech angel syndicate", done: true },
          { text: "Write my investment thesis on one page", done: false },
        ],
      },
      giving: {
        description: "Help first-time heads of product in health care avoid the mistakes I made.",
        forms: ["coaching", "content"],
        steps: [
          { text: "Mentor three first-time CPOs through Sidecar", done: true },
          { text: "Publish one essay a month", done: false },
        ],
      },
    },
    1,
  );
}
