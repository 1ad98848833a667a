import ICAL from "ical.js";
import { profiles } from "../src/server/modules/profile/profile.table.ts";
import { type BuiltUser, buildUser } from "./factories.ts";
import type { TestContext } from "./harness.ts";
import { becomeMentor, sendRequest } from "./mentors.ts";

export const agreementBody = {
  goals: "Move from senior PM to product lead within a year.",
  cadence: "fortnightly",
  lengthWeeks: 12,
  confidentiality: "What we say stays between us.",
};

async function json(response: Response, what: string) {
  if (response.status !== 200) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A mentor in New York and a mentee in Berlin with an accepted request; with `active`, also an
 * engagement whose agreement both accepted.
 */
export async function engagementPair(
  ctx: TestContext,
  options: { active?: boolean; mentorOverrides?: Record<string, unknown> } = {},
) {
  const mentor = await buildUser(ctx, { name: "Nora Mentor" });
  const mentee = await buildUser(ctx, { name: "Ben Mentee" });
  await ctx.db.insert(profiles).values({ userId: mentor.id, timeZone: "America/New_York" });
  await ctx.db.insert(profiles).values({ userId: mentee.id, timeZone: "Europe/Berlin" });
  await becomeMentor(ctx, mentor.cookie, { capacity: 5, ...options.mentorOverrides });
  const request = await json(await sendRequest(ctx, mentee.cookie, mentor.id), "request");
  await json(
    await ctx.request(`/api/mentor-requests/${request.id}/accept`, { body: {}, cookie: mentor.cookie }),
    "accept",
  );
  if (!options.active) return { mentor, mentee, requestId: request.id as string, engagement: null };
  const engagement = await activeEngagement(ctx, mentor, mentee, request.id);
  return { mentor, mentee, requestId: request.id as string, engagement };
}

export async function activeEngagement(
  ctx: TestContext,
  mentor: BuiltUser,
  mentee: BuiltUser,
  requestId: string,
) {
  const started = await json(
    await ctx.request("/api/engagements", { body: { requestId }, cookie: mentee.cookie }),
    "start",
  );
  const proposed = await json(
    await ctx.request(`/api/engagements/${started.id}/agreement`, {
      method: "PUT",
      body: { ...agreementBody, version: started.version },
      cookie: mentor.cookie,
    }),
    "agreement",
  );
  const once = await json(
    await ctx.request(`/api/engagements/${started.id}/agreement/accept`, {
      body: { version: proposed.version },
      cookie: mentor.cookie,
    }),
    "mentor accepts",
  );
  return json(
    await ctx.request(`/api/engagements/${started.id}/agreement/accept`, {
      body: { version: once.version },
      cookie: mentee.cookie,
    }),
    "mentee accepts",
  );
}

/** The calendar file's method, UID, SEQUENCE and start, read back with ical.js. */
export function readCalendar(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") as ICAL.Component);
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    utc: event.startDate.zone?.tzid === "UTC",
    status: String(event.component.getFirstPropertyValue("status")),
  };
}
