import { type BuiltUser, buildUser } from "./factories.ts";
import type { TestContext } from "./harness.ts";
import { becomeMentor } from "./mentors.ts";

export const questionnaire = (overrides: Record<string, unknown> = {}) => ({
  goals: ["Lead a team"],
  stages: ["fire_to_great"],
  markets: ["b2b"],
  level: null,
  timeZone: null,
  availability: [
    { weekday: 2, start: "09:00", end: "12:00" },
    { weekday: 4, start: "13:00", end: "16:00" },
  ],
  lanes: [],
  ...overrides,
});

export async function call(
  ctx: TestContext,
  path: string,
  cookie: string | undefined,
  body?: unknown,
  method?: string,
) {
  const response = await ctx.request(path, { cookie, body, method });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function ok(ctx: TestContext, path: string, cookie: string, body?: unknown, method?: string) {
  const got = await call(ctx, path, cookie, body, method);
  if (got.status !== 200)
    throw new Error(
      `${method ?? (body ? "POST" : "GET")} ${path}: ${got.status} ${JSON.stringify(got.body)}`,
    );
  return got.body;
}

export async function createProgramWithCohort(
  ctx: TestContext,
  admin: BuiltUser,
  publishMode = "introduction",
) {
  const program = await ok(ctx, "/api/programs", admin.cookie, {
    name: "Product mentoring",
    description: "Pairs PMs with leaders",
    publishMode,
  });
  const cohort = await ok(ctx, `/api/programs/${program.id}/cohorts`, admin.cookie, {
    name: "Spring cohort",
    startsOn: "2026-03-02",
    endsOn: "2026-06-30",
  });
  return { program, cohort };
}

export type Member = BuiltUser & { role: "mentee" | "mentor"; level: string };

/** Members with profiles (level, time zone), mentors with a mentor profile, ready to join a cohort. */
export async function buildParticipants(ctx: TestContext, mentees: number, mentors: number) {
  const people: Member[] = [];
  for (let k = 0; k < mentees + mentors; k++) {
    const role = k < mentees ? "mentee" : "mentor";
    const user = await buildUser(ctx, { name: `${role === "mentee" ? "Mentee" : "Mentor"} ${k}` });
    const level = role === "mentee" ? "pm" : "group_pm";
    await ok(
      ctx,
      "/api/profile",
      user.cookie,
      { name: user.name, level, timeZone: "Europe/Berlin", version: 0 },
      "PUT",
    );
    if (role === "mentor") await becomeMentor(ctx, user.cookie, { capacity: 3, timeZone: "Europe/Berlin" });
    people.push({ ...user, role, level });
  }
  return people;
}

export function csvOf(people: Member[], extra = "") {
  const lines = ["email,name,role,manager_email,capacity"];
  for (const p of people) lines.push(`${p.email},${p.name},${p.role},,${p.role === "mentor" ? 2 : ""}`);
  return `${lines.join("\n")}\n${extra}`;
}

export async function joinAll(ctx: TestContext, people: Member[]) {
  for (const p of people) {
    const mine = await ok(ctx, "/api/my-programs", p.cookie);
    for (const place of mine.participations) {
      if (!place.joined)
        await ok(ctx, `/api/my-programs/${place.id}/join`, p.cookie, { questionnaire: questionnaire() });
    }
  }
}

/** Starts a run, runs the job as the worker would, and answers the finished run with its pairs. */
export async function runToEnd(ctx: TestContext, cohortId: string, cookie: string) {
  const run = await ok(ctx, `/api/cohorts/${cohortId}/runs`, cookie, {});
  await ctx.jobs.runDueJobs();
  return ok(ctx, `/api/runs/${run.id}`, cookie);
}
