// Members for the benchmarks, made through the HTTP API as a person would make them.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { users } from "../src/server/auth/auth.table.ts";
import type { Db } from "../src/server/db/open.ts";

export type SeededMember = { email: string; cookie: string };

const password = "a long benchmark passphrase";

async function post(base: string, path: string, body: unknown, cookie = "", origin = "http://127.0.0.1") {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, cookie },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function signUp(base: string, db: Db, name: string): Promise<SeededMember> {
  const email = `bench-${randomUUID()}@example.test`;
  await post(base, "/api/auth/sign-up/email", { name, email, password });
  await db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
  const signedIn = await post(base, "/api/auth/sign-in/email", { email, password });
  const cookie = (signedIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  return { email, cookie };
}

/** A member with a plan, one tour and one decision: what a new member has after a first visit. */
export async function seedLightMember(base: string, db: Db): Promise<SeededMember> {
  const member = await signUp(base, db, "Light Member");
  await addRecords(base, member.cookie, { tours: 1, decisions: 1, roles: 1 });
  return member;
}

/** A member of many years: 200 tours, 500 decisions, 100 portfolio roles. */
export async function seedHeavyMember(base: string, db: Db): Promise<SeededMember> {
  const member = await signUp(base, db, "Heavy Member");
  await addRecords(base, member.cookie, { tours: 200, decisions: 500, roles: 100 });
  return member;
}

async function addRecords(
  base: string,
  cookie: string,
  counts: { tours: number; decisions: number; roles: number },
) {
  const year = new Date().getUTCFullYear();
  for (let i = 0; i < counts.tours; i++) {
    const start = year - 10 + Math.floor(i / 20);
    await post(
      base,
      "/api/tours",
      {
        title: `Tour ${i + 1}`,
        mission: "Take the product from smoke to fire",
        startsOn: `${start}-01-01`,
        endsOn: `${start + 1}-06-30`,
      },
      cookie,
    );
  }
  for (let i = 0; i < counts.decisions; i++) {
    await post(
      base,
      "/api/decisions",
      {
        dilemma: `Dilemma ${i + 1}: stay or go?`,
        options: [{ label: "Stay" }, { label: "Go" }],
        decision: "Stay",
        decidedOn: `${year - 1}-0${(i % 9) + 1}-15`,
      },
      cookie,
    );
  }
  for (let i = 0; i < counts.roles; i++) {
    await post(
      base,
      "/api/portfolio/roles",
      {
        company: `Company ${i + 1}`,
        title: "Product Manager",
        startsOn: `${year - 20 + (i % 20)}-01-01`,
        stage: "pre_pmf",
        market: "consumer",
        vantage: "inside",
        work: ["feature"],
        peopleManaged: 0,
      },
      cookie,
    );
  }
}
