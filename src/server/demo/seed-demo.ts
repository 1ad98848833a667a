import { eq } from "drizzle-orm";
import type { LaneAssessmentInput, LaneId, LaneRatings } from "../../shared/lanes.ts";
import type { Level, Track } from "../../shared/profile.ts";
import { users } from "../auth/auth.table.ts";
import type { Auth } from "../auth/auth.ts";
import type { Db } from "../db/open.ts";
import { insertLaneAssessment } from "../modules/lanes/lanes.repo.ts";
import { saveProfileRow } from "../modules/profile/profile.repo.ts";

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
};

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
    const { email: _email, role: _role, lanes, ...profile } = person;
    await saveProfileRow(db, row.id, profile);
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
  }
}
