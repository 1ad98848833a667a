import type { TestContext } from "./harness.ts";

export function mentorBody(overrides: Record<string, unknown> = {}) {
  return {
    headline: "Former VP Product, scaled two business-to-business companies",
    about: "I help product managers move into leadership: pricing, growth loops and hiring.",
    lanes: ["growth", "team"],
    levels: ["senior_pm", "group_pm"],
    style: "both",
    capacity: 2,
    timeZone: "America/New_York",
    weekly: [
      { weekday: 2, start: "09:00", end: "11:00" },
      { weekday: 4, start: "13:00", end: "15:00" },
    ],
    away: [],
    responseHours: 24,
    urgentCalls: false,
    showPortfolio: true,
    proof: [{ kind: "talk", title: "Pricing for product managers", url: "https://example.test/talk" }],
    ...overrides,
  };
}

/** Makes `cookie`'s member a mentor with the given profile. */
export async function becomeMentor(
  ctx: TestContext,
  cookie: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await ctx.request("/api/mentors/me", {
    method: "PUT",
    body: { ...mentorBody(overrides), version: 0 },
    cookie,
  });
  if (response.status !== 200) throw new Error(`mentor profile: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function sendRequest(
  ctx: TestContext,
  cookie: string,
  mentorId: string,
  extra: Record<string, unknown> = {},
) {
  return ctx.request("/api/mentor-requests", {
    body: { mentorId, message: "I want help moving from senior PM to product lead.", ...extra },
    cookie,
  });
}
