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

export type Party = { id: string; cookie: string; email: string; name?: string };

async function ensureMentorProfile(ctx: TestContext, party: Party) {
  const mine = await (await ctx.request("/api/mentors/me", { cookie: party.cookie })).json();
  if (mine.version === 0) await becomeMentor(ctx, party.cookie, { capacity: 20 });
}

/** An accepted request between `owner` (on `side`) and a new member on the other side. */
export async function acceptedRequestWith(ctx: TestContext, owner: Party, side: "mentee" | "mentor") {
  const other = await buildUser(ctx, { name: side === "mentee" ? "Matrix Mentor" : "Matrix Mentee" });
  const [mentor, mentee] = side === "mentee" ? [other, owner] : [owner, other];
  if (side === "mentee") await becomeMentor(ctx, other.cookie, { capacity: 5 });
  else await ensureMentorProfile(ctx, owner);
  const request = await json(await sendRequest(ctx, mentee.cookie, mentor.id), "request");
  await json(
    await ctx.request(`/api/mentor-requests/${request.id}/accept`, { body: {}, cookie: mentor.cookie }),
    "accept",
  );
  return { mentor, mentee, other, requestId: request.id as string };
}

const goalSample = {
  text: "Lead a team",
  measure: "Two PMs report to me",
  lane: "team",
  tourId: null,
  hurdle: null,
};
const decisionSample = {
  dilemma: "Grit it out or move on?",
  options: [{ label: "Stay" }, { label: "Go" }],
  decision: "Stay",
  decidedOn: "2026-01-10",
};
let urgentHour = 0;

/**
 * What a route of this module needs for `owner` to succeed: the engagement, session, note, item or
 * call in the right state, with the owner on the side that takes the step, and the body to send.
 */
export async function seedEngagementRoute(
  ctx: TestContext,
  key: string,
  owner: Party,
): Promise<{ params: Record<string, string>; body: unknown; other: Party | null }> {
  const path = key.slice(key.indexOf(" ") + 1);
  const get = async (id: string, cookie = owner.cookie) =>
    json(await ctx.request(`/api/engagements/${id}`, { cookie }), "engagement");
  const mentorSide =
    path.endsWith("/intake/questions") ||
    path.startsWith("/api/engagement-decisions/:id/comments") ||
    path.startsWith("/api/engagement-decision-comments");
  if (key === "GET /api/engagements") return { params: {}, body: undefined, other: null };
  if (path === "/api/engagements" && key.startsWith("POST")) {
    const { requestId, other } = await acceptedRequestWith(ctx, owner, "mentee");
    return { params: {}, body: { requestId }, other };
  }
  if (path.startsWith("/api/engagements/:id") || path.startsWith("/api/engagement-")) {
    const { mentor, mentee, other, requestId } = await acceptedRequestWith(
      ctx,
      owner,
      mentorSide ? "mentor" : "mentee",
    );
    const agreeing = path.endsWith("/agreement") || path.endsWith("/agreement/accept");
    let engagement = agreeing
      ? await json(
          await ctx.request("/api/engagements", { body: { requestId }, cookie: other.cookie }),
          "start",
        )
      : await activeEngagement(ctx, mentor as BuiltUser, mentee as BuiltUser, requestId);
    const id = engagement.id as string;
    if (path.endsWith("/agreement/accept")) {
      engagement = await json(
        await ctx.request(`/api/engagements/${id}/agreement`, {
          method: "PUT",
          body: { ...agreementBody, version: engagement.version },
          cookie: other.cookie,
        }),
        "agreement",
      );
    }
    const version = engagement.version as number;
    const sessionOf = async () => {
      const booked = await json(
        await ctx.request(`/api/engagements/${id}/sessions`, {
          body: { startsAt: engagement.slots[0].start, minutes: 30, agenda: "" },
          cookie: owner.cookie,
        }),
        "book",
      );
      return booked.sessions[0];
    };
    // A decision of the mentee's journal, shared in the engagement (with a comment of the mentor's).
    const sharedDecision = async () => {
      const decision = await json(
        await ctx.request("/api/decisions", { body: decisionSample, cookie: mentee.cookie }),
        "decision",
      );
      const after = await json(
        await ctx.request(`/api/engagements/${id}/decisions`, {
          body: { decisionId: decision.id },
          cookie: mentee.cookie,
        }),
        "share decision",
      );
      return after.decisions[0].shareId as string;
    };
    switch (path) {
      case "/api/engagements/:id/decisions": {
        const decision = await json(
          await ctx.request("/api/decisions", { body: decisionSample, cookie: mentee.cookie }),
          "decision",
        );
        return { params: { id }, body: { decisionId: decision.id }, other };
      }
      case "/api/engagement-decisions/:id":
        return { params: { id: await sharedDecision() }, body: undefined, other };
      case "/api/engagement-decisions/:id/comments":
        return { params: { id: await sharedDecision() }, body: { body: "What would a yes need?" }, other };
      case "/api/engagement-decision-comments/:id": {
        const shareId = await sharedDecision();
        const commented = await json(
          await ctx.request(`/api/engagement-decisions/${shareId}/comments`, {
            body: { body: "A first thought" },
            cookie: mentor.cookie,
          }),
          "comment",
        );
        const comment = commented.decisions[0].comments[0];
        return {
          params: { id: comment.id },
          body: { body: "A second thought", version: comment.version },
          other,
        };
      }
      case "/api/engagements/:id":
        return { params: { id }, body: undefined, other };
      case "/api/engagements/:id/agreement":
        return { params: { id }, body: { ...agreementBody, version }, other };
      case "/api/engagements/:id/agreement/accept":
        return { params: { id }, body: { version }, other };
      case "/api/engagements/:id/intake/questions":
        return { params: { id }, body: { questions: ["What would success look like?"], version }, other };
      case "/api/engagements/:id/intake/answers":
        return { params: { id }, body: { answers: [], share: ["lanes"], version }, other };
      case "/api/engagements/:id/plan":
        return { params: { id }, body: { goals: [goalSample], reason: "", version: 0 }, other };
      case "/api/engagements/:id/sessions":
        return {
          params: { id },
          body: { startsAt: engagement.slots[0].start, minutes: 30, agenda: "Matrix" },
          other,
        };
      case "/api/engagements/:id/notes":
        return { params: { id }, body: { body: "A matrix note", shared: false, sessionId: null }, other };
      case "/api/engagements/:id/action-items":
        return { params: { id }, body: { text: "A matrix action", dueOn: null }, other };
      case "/api/engagements/:id/close":
        return { params: { id }, body: { version }, other };
      case "/api/engagements/:id/review": {
        await json(
          await ctx.request(`/api/engagements/${id}/close`, { body: { version }, cookie: other.cookie }),
          "close",
        );
        return { params: { id }, body: { rating: 4, text: "Useful.", quoteAllowed: false }, other };
      }
      case "/api/engagement-sessions/:id": {
        const session = await sessionOf();
        const later = (await get(id)).slots[0].start;
        return {
          params: { id: session.id },
          body: { startsAt: later, minutes: 30, agenda: "", notice: "Moved", version: session.version },
          other,
        };
      }
      case "/api/engagement-sessions/:id/cancel": {
        const session = await sessionOf();
        return { params: { id: session.id }, body: { reason: "Ill", version: session.version }, other };
      }
      case "/api/engagement-sessions/:id/calendar":
        return { params: { id: (await sessionOf()).id }, body: undefined, other };
      case "/api/engagement-notes/:id": {
        const noted = await json(
          await ctx.request(`/api/engagements/${id}/notes`, {
            body: { body: "Matrix note", shared: false, sessionId: null },
            cookie: owner.cookie,
          }),
          "note",
        );
        const note = noted.notes[0];
        return {
          params: { id: note.id },
          body: key.startsWith("PUT") ? { body: "Changed", shared: true, version: note.version } : undefined,
          other,
        };
      }
      case "/api/engagement-action-items/:id": {
        const added = await json(
          await ctx.request(`/api/engagements/${id}/action-items`, {
            body: { text: "Matrix action", dueOn: null },
            cookie: owner.cookie,
          }),
          "action",
        );
        const item = added.actionItems[0];
        return {
          params: { id: item.id },
          body: { text: item.text, dueOn: null, state: "done", version: item.version },
          other,
        };
      }
    }
  }
  if (path === "/api/mentors/:id/reviews") {
    const mentor = await buildUser(ctx);
    await becomeMentor(ctx, mentor.cookie);
    return { params: { id: mentor.id }, body: undefined, other: null };
  }
  if (path.startsWith("/api/urgent-calls")) {
    // The owner's own calls first: one may wait at a time.
    const mine = await json(await ctx.request("/api/urgent-calls", { cookie: owner.cookie }), "calls");
    for (const c of mine.mine.filter((c: { state: string }) => c.state === "open")) {
      await ctx.request(`/api/urgent-calls/${c.id}/withdraw`, { body: {}, cookie: owner.cookie });
    }
    const body = { kind: "offer", lane: null, dilemma: "An offer expires Friday.", decideBy: null };
    if (path === "/api/urgent-calls")
      return { params: {}, body: key.startsWith("POST") ? body : undefined, other: null };
    if (path.endsWith("/accept") || path.endsWith("/session")) {
      // The owner is an urgent mentor the call reaches; for a session, the one who took it.
      await ensureMentorProfile(ctx, owner);
      const { mentorProfiles } = await import("../src/server/modules/mentors/mentors.table.ts");
      const { eq } = await import("drizzle-orm");
      await ctx.db
        .update(mentorProfiles)
        .set({
          urgentCalls: true,
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
        })
        .where(eq(mentorProfiles.userId, owner.id));
      const poster = await buildUser(ctx);
      const posted = await json(
        await ctx.request("/api/urgent-calls", { body, cookie: poster.cookie }),
        "post",
      );
      if (path.endsWith("/accept")) return { params: { id: posted.id }, body: {}, other: poster };
      await json(
        await ctx.request(`/api/urgent-calls/${posted.id}/accept`, { body: {}, cookie: owner.cookie }),
        "take",
      );
      urgentHour += 1;
      const day = new Date(Date.now() + 24 * 3600_000);
      const startsAt = new Date(
        Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 3, 0) +
          (urgentHour % 8) * 30 * 60_000,
      );
      return {
        params: { id: posted.id },
        body: { startsAt: startsAt.toISOString(), minutes: 30 },
        other: poster,
      };
    }
    // A mentor who takes urgent calls, so the call waits for an answer rather than ending at once.
    const helper = await buildUser(ctx);
    await becomeMentor(ctx, helper.cookie, {
      urgentCalls: true,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
    });
    const posted = await json(await ctx.request("/api/urgent-calls", { body, cookie: owner.cookie }), "post");
    return { params: { id: posted.id }, body: path.endsWith("/withdraw") ? {} : undefined, other: helper };
  }
  throw new Error(`no seed for ${key}`);
}
