import { type BuiltUser, buildUser } from "./factories.ts";
import type { TestContext } from "./harness.ts";

export const circleBody = (overrides: Record<string, unknown> = {}) => ({
  kind: "circle",
  name: "CPO Circle",
  description: "Product leaders at mid to late-stage companies.",
  admissionCriteria: "You lead product at a company past Series B.",
  norms: "What is said here stays here: use what you hear, never say who said it.",
  sizeLimit: 30,
  ...overrides,
});

export const openBody = (overrides: Record<string, unknown> = {}) => ({
  kind: "open",
  name: "Product People",
  description: "Everyone who builds products, every level.",
  norms: "Be kind, stay on topic.",
  ...overrides,
});

export const eventBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Monthly meeting",
  mode: "online",
  url: "https://meet.example.test/cpo",
  timeZone: "Europe/London",
  start: "2030-03-05T18:30",
  end: "2030-03-05T20:00",
  ...overrides,
});

async function ok(response: Response, what: string) {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function createCommunity(ctx: TestContext, cookie: string, body: Record<string, unknown>) {
  return ok(await ctx.request("/api/communities", { body, cookie }), "creating a community");
}

/** A member who applied, was admitted and accepted the norms. */
export async function admit(ctx: TestContext, organizer: BuiltUser, circleId: string, member: BuiltUser) {
  const applied = await ok(
    await ctx.request(`/api/communities/${circleId}/applications`, {
      body: { answers: "I lead product at a Series C company." },
      cookie: member.cookie,
    }),
    "applying",
  );
  await ok(
    await ctx.request(`/api/communities/${circleId}/applications/${applied.myApplication.id}/decision`, {
      body: { decision: "admit" },
      cookie: organizer.cookie,
    }),
    "admitting",
  );
  return ok(
    await ctx.request(`/api/communities/${circleId}/join`, {
      body: { acceptNorms: true },
      cookie: member.cookie,
    }),
    "joining",
  );
}

/** A circle with its organizer and `count` admitted members. */
export async function circleWith(ctx: TestContext, count: number, overrides: Record<string, unknown> = {}) {
  const organizer = await buildUser(ctx, { name: "Olive Organizer" });
  const circle = await createCommunity(ctx, organizer.cookie, circleBody(overrides));
  const members: BuiltUser[] = [];
  for (let i = 0; i < count; i++) {
    const member = await buildUser(ctx, { name: `Member ${i}` });
    await admit(ctx, organizer, circle.id, member);
    members.push(member);
  }
  return { organizer, circle, members };
}

export async function startThread(
  ctx: TestContext,
  cookie: string,
  communityId: string,
  body: Record<string, unknown> = {},
) {
  return ok(
    await ctx.request(`/api/communities/${communityId}/threads`, {
      body: { title: "Hiring a head of design", body: "How did you **find** yours?", ...body },
      cookie,
    }),
    "starting a thread",
  );
}
