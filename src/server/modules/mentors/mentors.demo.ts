import { eq } from "drizzle-orm";
import type { LaneId } from "../../../shared/lanes.ts";
import { lanes as laneDefinitions } from "../../../shared/lanes.ts";
import type { AvailabilityRule, MentorStyle } from "../../../shared/mentors.ts";
import type { PortfolioRoleInput } from "../../../shared/portfolio.ts";
import type { Level } from "../../../shared/profile.ts";
import { users } from "../../auth/auth.table.ts";
import type { Auth } from "../../auth/auth.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import { insertPortfolioRole } from "../portfolio/portfolio.repo.ts";
import { saveProfileRow } from "../profile/profile.repo.ts";
import { insertShareGrants } from "../sharing/sharing.repo.ts";
import { insertLogRow, insertMentorProfile, insertMessage, insertRequest } from "./mentors.repo.ts";
import { mentorJobKinds } from "./mentors.service.ts";

type DemoMentor = {
  email: string;
  /** Only for accounts that exist just to mentor; members of the main demo are already signed up. */
  account?: { name: string; headline: string; level: Level; company: string };
  headline: string;
  about: string;
  lanes: LaneId[];
  levels: Level[];
  style: MentorStyle;
  capacity: number;
  timeZone: string;
  weekly: AvailabilityRule[];
  responseHours: number;
  urgentCalls: boolean;
  proof: { kind: "result" | "writing" | "talk"; title: string; url: string | null }[];
  portfolio?: PortfolioRoleInput[];
};

const weekdays = (days: number[], start: string, end: string) =>
  days.map((weekday) => ({ weekday, start, end }));
const role = (
  r: Omit<PortfolioRoleInput, "endsOn" | "notes" | "wellKnownLogo"> & Partial<PortfolioRoleInput>,
) => ({ endsOn: null, notes: "", wellKnownLogo: false, ...r }) satisfies PortfolioRoleInput;

/** Mentors across lanes, levels and time zones (two with half-hour offsets), all with weekly times. */
export const demoMentors: DemoMentor[] = [
  {
    email: "amara@demo.sidecar",
    headline: "Group PM for growth; helps senior PMs lead through others",
    about:
      "I grew self-serve revenue at Brightloop and run the experimentation review. I help PMs who are about to lead other PMs for the first time.",
    lanes: ["growth", "team"],
    levels: ["pm", "senior_pm"],
    style: "both",
    capacity: 3,
    timeZone: "America/New_York",
    weekly: [...weekdays([2, 4], "08:00", "10:00"), ...weekdays([3], "12:00", "13:00")],
    responseHours: 24,
    urgentCalls: true,
    proof: [
      {
        kind: "talk",
        title: "Growth loops that survive the second year",
        url: "https://example.com/growth-loops",
      },
    ],
  },
  {
    email: "diego@demo.sidecar",
    headline: "VP Product at a series-C marketplace; coach for new directors",
    about:
      "Marketplaces, pricing and positioning. I coach directors through their first year of managing managers.",
    lanes: ["market", "organizational", "team"],
    levels: ["group_pm", "director"],
    style: "person",
    capacity: 2,
    timeZone: "America/Mexico_City",
    weekly: weekdays([1, 3], "17:00", "19:00"),
    responseHours: 12,
    urgentCalls: false,
    proof: [{ kind: "writing", title: "Pricing a two-sided marketplace, a field guide", url: null }],
  },
  {
    email: "mei@demo.sidecar",
    headline: "CPO, two exits; mentors first-time heads of product",
    about: "Built two product organisations from five to sixty people in health care.",
    lanes: ["team", "organizational", "domain"],
    levels: ["director", "vp", "group_pm"],
    style: "both",
    capacity: 2,
    timeZone: "Asia/Tokyo",
    weekly: weekdays([2, 5], "07:00", "09:00"),
    responseHours: 24,
    urgentCalls: false,
    proof: [{ kind: "result", title: "Scaled Kumo Health's product team from 5 to 60", url: null }],
  },
  {
    email: "arjun@demo.sidecar",
    account: {
      name: "Arjun Mehta",
      headline: "Head of Product at a fintech start-up; zero to one, twice",
      level: "director",
      company: "Paisa Labs",
    },
    headline: "Zero-to-one fintech: finding product-market fit before the money runs out",
    about:
      "Two companies taken from idea to product-market fit. I help PMs who join a company before it has found its market.",
    lanes: ["market", "crafting", "domain"],
    levels: ["apm", "pm", "senior_pm"],
    style: "craft",
    capacity: 4,
    timeZone: "Asia/Kolkata",
    weekly: weekdays([1, 2, 3, 4], "18:30", "20:00"),
    responseHours: 12,
    urgentCalls: true,
    proof: [
      {
        kind: "writing",
        title: "The pre-product-market-fit PM, a handbook",
        url: "https://example.com/pre-pmf",
      },
    ],
    portfolio: [
      role({
        company: "Paisa Labs",
        title: "Head of Product",
        startsOn: "2021-01-01",
        stage: "pre_pmf",
        market: "consumer",
        vantage: "outside",
        work: ["feature", "growth"],
        peopleManaged: 3,
      }),
    ],
  },
  {
    email: "lena@demo.sidecar",
    account: {
      name: "Lena Fischer",
      headline: "Director of Product, B2B SaaS; scaled a platform through hyper-growth",
      level: "director",
      company: "Kontor",
    },
    headline: "Scaling a B2B platform through hyper-growth, and the team with it",
    about:
      "I led the platform group at Kontor from series B to a listing. Ask me about scaling work, managing managers and influencing executives.",
    lanes: ["organizational", "team", "crafting"],
    levels: ["senior_pm", "group_pm"],
    style: "both",
    capacity: 2,
    timeZone: "Europe/Berlin",
    weekly: [...weekdays([1, 3], "16:00", "18:00"), ...weekdays([5], "09:00", "10:30")],
    responseHours: 24,
    urgentCalls: false,
    proof: [
      {
        kind: "talk",
        title: "Platform teams that product teams love",
        url: "https://example.com/platform-talk",
      },
      { kind: "result", title: "Cut integration time for product teams from six weeks to one", url: null },
    ],
    portfolio: [
      role({
        company: "Kontor",
        title: "Director of Product, platform",
        startsOn: "2019-03-01",
        stage: "fire_to_great",
        market: "business",
        vantage: "inside",
        work: ["scaling"],
        peopleManaged: 7,
        wellKnownLogo: true,
      }),
    ],
  },
  {
    email: "tom@demo.sidecar",
    account: {
      name: "Tom Nguyen",
      headline: "Growth lead; consumer apps at scale",
      level: "group_pm",
      company: "Koala Apps",
    },
    headline: "Consumer growth at scale: activation, retention, pricing experiments",
    about: "Grew two consumer apps past ten million users. I mentor PMs moving into growth work.",
    lanes: ["growth", "market"],
    levels: ["pm", "senior_pm"],
    style: "craft",
    capacity: 3,
    timeZone: "Australia/Adelaide",
    weekly: weekdays([1, 2, 3], "17:00", "19:00"),
    responseHours: 48,
    urgentCalls: false,
    proof: [{ kind: "result", title: "Doubled day-30 retention of a ten-million-user app", url: null }],
    portfolio: [
      role({
        company: "Koala Apps",
        title: "Growth lead",
        startsOn: "2020-05-01",
        stage: "fire_to_great",
        market: "consumer",
        vantage: "outside",
        work: ["growth"],
        peopleManaged: 2,
      }),
    ],
  },
];

async function userIdOf(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

/** Mentor profiles for the demo, a request waiting on a mentor, and a mentoring log. */
export async function seedDemoMentors(db: Db, auth: Auth, password: string) {
  for (const mentor of demoMentors) {
    if (mentor.account) {
      await auth.api.signUpEmail({ body: { name: mentor.account.name, email: mentor.email, password } });
    }
    const userId = await userIdOf(db, mentor.email);
    if (!userId) throw new Error(`The demo account ${mentor.email} was not created.`);
    if (mentor.account) {
      await db.update(users).set({ emailVerified: true }).where(eq(users.id, userId));
      await saveProfileRow(db, userId, { ...mentor.account, track: "manager", timeZone: mentor.timeZone }, 0);
      for (const entry of mentor.portfolio ?? []) await insertPortfolioRole(db, userId, entry);
    }
    const name = mentor.account?.name ?? "";
    await insertMentorProfile(db, {
      userId,
      headline: mentor.headline,
      about: mentor.about,
      lanes: mentor.lanes,
      levels: mentor.levels,
      style: mentor.style,
      capacity: mentor.capacity,
      timeZone: mentor.timeZone,
      weekly: mentor.weekly,
      away: [],
      proof: mentor.proof,
      responseHours: mentor.responseHours,
      urgentCalls: mentor.urgentCalls,
      showPortfolio: true,
      searchText: [
        name,
        mentor.headline,
        mentor.about,
        ...mentor.proof.map((p) => p.title),
        ...mentor.lanes.map((l) => laneDefinitions[l].label),
      ].join(" "),
    });
  }

  // Priya (the first demo member) has asked Mei for help; it waits on Mei, with her plan shared.
  const priya = await userIdOf(db, "priya@demo.sidecar");
  const mei = await userIdOf(db, "mei@demo.sidecar");
  if (priya && mei) {
    const now = new Date();
    const request = await insertRequest(db, {
      id: newId(),
      menteeId: priya,
      mentorId: mei,
      share: ["plan"],
      reachedMentorAt: now,
      createdAt: now,
    });
    await insertMessage(
      db,
      request.id,
      "mentee",
      "request",
      "I am about to lead my first team of PMs on the payments platform. I would value help with hiring the first manager and with how to stop doing the work myself.",
      now,
    );
    await insertShareGrants(db, priya, "mei@demo.sidecar", ["plan"]);
    await enqueueJob(db, {
      kind: mentorJobKinds.expire,
      payload: { requestId: request.id, reach: 1 },
      key: `${mentorJobKinds.expire}:${request.id}:1`,
      runAt: new Date(now.getTime() + 48 * 3600 * 1000),
    });
  }
  const amara = await userIdOf(db, "amara@demo.sidecar");
  if (amara) {
    await insertLogRow(db, amara, {
      menteeName: "Kofi, a PM on the onboarding squad",
      where: "outside",
      startedOn: new Date(Date.now() - 200 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      endedOn: null,
      focus: "Running experiments and reading their results",
      handedOver: "The pricing page experiments, which Kofi now owns end to end",
    });
  }
}
