import { eq } from "drizzle-orm";
import type { Level, Track } from "../../shared/profile.ts";
import { users } from "../auth/auth.table.ts";
import type { Auth } from "../auth/auth.ts";
import type { Db } from "../db/open.ts";
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
  },
  {
    name: "Jonas Becker",
    email: "jonas@demo.sidecar",
    headline: "APM in my first year, learning discovery and delivery",
    level: "apm",
    track: "ic",
    company: "Fieldnote",
    timeZone: "Europe/Berlin",
  },
  {
    name: "Amara Okafor",
    email: "amara@demo.sidecar",
    headline: "Group PM for growth; mentor for PMs moving into leadership",
    level: "group_pm",
    track: "manager",
    company: "Brightloop",
    timeZone: "America/New_York",
  },
  {
    name: "Diego Hernández",
    email: "diego@demo.sidecar",
    headline: "VP Product at a series-C marketplace; coach for new directors",
    level: "vp",
    track: "manager",
    company: "Tradewind",
    timeZone: "America/Mexico_City",
  },
  {
    name: "Mei Tanaka",
    email: "mei@demo.sidecar",
    headline: "CPO, two exits; mentors first-time heads of product",
    level: "cpo",
    track: "manager",
    company: "Kumo Health",
    timeZone: "Asia/Tokyo",
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
    const { email: _email, role: _role, ...profile } = person;
    await saveProfileRow(db, row.id, profile);
  }
}
