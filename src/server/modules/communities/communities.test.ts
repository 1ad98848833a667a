import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admit,
  circleBody,
  circleWith,
  createCommunity,
  eventBody,
  openBody,
  startThread,
} from "../../../../test/communities.ts";
import { type BuiltUser, buildUser, mailTo } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { outbox } from "../mail/outbox.table.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { communityMembers } from "./communities.table.ts";
import { occurrencesOf, sendEventReminders } from "./events.service.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const onPostgres = Boolean(process.env.DATABASE_URL);

async function get(path: string, cookie?: string) {
  return ctx.request(path, { cookie });
}
async function post(path: string, cookie: string, body: unknown = {}) {
  return ctx.request(path, { body, cookie });
}
async function json(response: Response) {
  return response.json();
}
async function notificationsOf(userId: string) {
  return ctx.db.select().from(notifications).where(eq(notifications.userId, userId));
}
function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}
/** Pretends a member joined long ago, so they count as trusted and are past the new-member limits. */
async function ageMembership(communityId: string, userId: string, days: number) {
  await ctx.db
    .update(communityMembers)
    .set({ joinedAt: new Date(Date.now() - days * 24 * 3600_000) })
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
}

describe("circles: applications and membership", () => {
  it("takes an application through a question, an answer and an admission, and joins only with the norms accepted", async () => {
    const organizer = await buildUser(ctx, { name: "Olive Organizer" });
    const circle = await createCommunity(ctx, organizer.cookie, circleBody());
    expect(circle).toMatchObject({ kind: "circle", myState: "organizer", sizeLimit: 30 });
    expect(circle.inside.memberCount).toBe(1);

    const applicant = await buildUser(ctx, { name: "Ada Applicant" });
    const outside = await json(await get(`/api/communities/${circle.id}`, applicant.cookie));
    // The description, criteria and norms are there to decide whether to apply; nothing inside is.
    expect(outside).toMatchObject({ myState: "none", inside: null, norms: circleBody().norms });
    const applied = await json(
      await post(`/api/communities/${circle.id}/applications`, applicant.cookie, {
        answers: "CPO at a Series C.",
      }),
    );
    expect(applied.myState).toBe("applied");
    const again = await post(`/api/communities/${circle.id}/applications`, applicant.cookie, {
      answers: "Again",
    });
    expect(again.status).toBe(409);
    expect((await notificationsOf(organizer.id)).map((n) => n.kind)).toContain("community_application");

    const appId = applied.myApplication.id;
    const noReason = await post(
      `/api/communities/${circle.id}/applications/${appId}/decision`,
      organizer.cookie,
      {
        decision: "decline",
      },
    );
    expect(noReason.status).toBe(400);
    expect((await json(noReason)).error.field).toBe("message");
    await post(`/api/communities/${circle.id}/applications/${appId}/decision`, organizer.cookie, {
      decision: "ask",
      message: "How large is your product team?",
    });
    const asked = await json(await get(`/api/communities/${circle.id}`, applicant.cookie));
    expect(asked.myApplication.state).toBe("info_requested");
    expect(asked.myApplication.messages.at(-1).text).toBe("How large is your product team?");
    // Only organizers decide, and only the applicant answers.
    expect(
      (
        await post(`/api/communities/${circle.id}/applications/${appId}/decision`, applicant.cookie, {
          decision: "admit",
        })
      ).status,
    ).toBe(404);
    await post(`/api/communities/${circle.id}/applications/${appId}/answer`, applicant.cookie, {
      answer: "Forty people.",
    });
    const early = await post(`/api/communities/${circle.id}/join`, applicant.cookie, { acceptNorms: true });
    expect(early.status).toBe(403);
    await post(`/api/communities/${circle.id}/applications/${appId}/decision`, organizer.cookie, {
      decision: "admit",
    });
    expect((await json(await get(`/api/communities/${circle.id}`, applicant.cookie))).myState).toBe(
      "admitted",
    );
    const withoutNorms = await post(`/api/communities/${circle.id}/join`, applicant.cookie, {});
    expect(withoutNorms.status).toBe(400);
    const joined = await json(
      await post(`/api/communities/${circle.id}/join`, applicant.cookie, { acceptNorms: true }),
    );
    expect(joined.myState).toBe("member");
    expect(joined.inside.memberCount).toBe(2);
    const [row] = await ctx.db
      .select()
      .from(communityMembers)
      .where(and(eq(communityMembers.communityId, circle.id), eq(communityMembers.userId, applicant.id)));
    expect(row?.normsAcceptedAt).toBeInstanceOf(Date);
  });

  it("declines with a reason the applicant reads, and holds a circle to its size limit", async () => {
    const { organizer, circle } = await circleWith(ctx, 1, { sizeLimit: 2 });
    const late = await buildUser(ctx);
    const applied = await json(
      await post(`/api/communities/${circle.id}/applications`, late.cookie, { answers: "Me" }),
    );
    await post(
      `/api/communities/${circle.id}/applications/${applied.myApplication.id}/decision`,
      organizer.cookie,
      {
        decision: "admit",
      },
    );
    const full = await post(`/api/communities/${circle.id}/join`, late.cookie, { acceptNorms: true });
    expect(full.status).toBe(409);
    expect((await json(full)).error.message).toMatch(/full/);

    const declined = await buildUser(ctx);
    const second = await json(
      await post(`/api/communities/${circle.id}/applications`, declined.cookie, { answers: "Me" }),
    );
    await post(
      `/api/communities/${circle.id}/applications/${second.myApplication.id}/decision`,
      organizer.cookie,
      {
        decision: "decline",
        message: "We look for people leading product past Series B.",
      },
    );
    const seen = await json(await get(`/api/communities/${circle.id}`, declined.cookie));
    expect(seen.myApplication.state).toBe("declined");
    expect(seen.myApplication.messages.at(-1).text).toMatch(/past Series B/);
  });

  it.runIf(onPostgres)(
    "lets exactly one of two racing admitted applicants take a circle's last place",
    async () => {
      const { organizer, circle } = await circleWith(ctx, 0, { sizeLimit: 2 });
      const racers = [await buildUser(ctx), await buildUser(ctx)];
      for (const racer of racers) {
        const applied = await json(
          await post(`/api/communities/${circle.id}/applications`, racer.cookie, { answers: "Me" }),
        );
        await post(
          `/api/communities/${circle.id}/applications/${applied.myApplication.id}/decision`,
          organizer.cookie,
          {
            decision: "admit",
          },
        );
      }
      const answers = await Promise.all(
        racers.map((r) => post(`/api/communities/${circle.id}/join`, r.cookie, { acceptNorms: true })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(
        (await json(await get(`/api/communities/${circle.id}`, organizer.cookie))).inside.memberCount,
      ).toBe(2);
    },
  );

  it("removes a member on their next request, everywhere, and lets members leave", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 2);
    const [removed, leaver] = members as [BuiltUser, BuiltUser];
    const thread = await startThread(ctx, organizer.cookie, circle.id, { title: "Board decks" });
    const event = await json(
      await post(`/api/communities/${circle.id}/events`, organizer.cookie, eventBody()),
    );
    expect((await get(`/api/threads/${thread.id}`, removed.cookie)).status).toBe(200);
    expect((await notificationsOf(removed.id)).length).toBeGreaterThan(0);
    // Mail about the circle still waiting to go out (here: no mail server) ...
    const undelivered = () =>
      ctx.db
        .select({ id: outbox.id, status: outbox.status })
        .from(outbox)
        .where(and(eq(outbox.to, removed.email), eq(outbox.communityId, circle.id)));
    expect((await undelivered()).length).toBeGreaterThan(0);

    const after = await post(`/api/communities/${circle.id}/members/${removed.id}/remove`, organizer.cookie, {
      reason: "Broke the norms",
    });
    expect(after.status).toBe(200);
    for (const path of [
      `/api/threads/${thread.id}`,
      `/api/communities/${circle.id}/threads`,
      `/api/communities/${circle.id}/members`,
      `/api/communities/${circle.id}/events`,
      `/api/events/${event.id}`,
      `/api/events/${event.id}/calendar`,
    ]) {
      expect((await get(path, removed.cookie)).status, path).toBe(404);
    }
    expect((await json(await get(`/api/communities/${circle.id}`, removed.cookie))).inside).toBeNull();
    expect(
      (await post(`/api/threads/${thread.id}/replies`, removed.cookie, { body: "Still here?" })).status,
    ).toBe(404);
    expect((await json(await get("/api/community-search?q=board", removed.cookie))).hits).toEqual([]);
    // Their notifications from the circle went with the membership, and so did its mail not yet sent.
    expect((await notificationsOf(removed.id)).filter((n) => n.communityId === circle.id)).toEqual([]);
    expect(await undelivered()).toEqual([]);
    expect(
      (await post(`/api/communities/${circle.id}/applications`, removed.cookie, { answers: "Again" })).status,
    ).toBe(403);

    expect((await post(`/api/communities/${circle.id}/leave`, leaver.cookie)).status).toBe(200);
    expect((await get(`/api/threads/${thread.id}`, leaver.cookie)).status).toBe(404);
    const alone = await post(`/api/communities/${circle.id}/leave`, organizer.cookie);
    expect(alone.status).toBe(409);
    expect(
      (await json(await get(`/api/communities/${circle.id}`, organizer.cookie))).inside.memberCount,
    ).toBe(1);
  });
});

describe("discussions", () => {
  it("keeps Markdown as written, edits with a history the circle reads, and refuses a stale edit", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 1);
    const [member] = members as [BuiltUser];
    const body = "Use **bold** and <script>alert(1)</script> text";
    const thread = await startThread(ctx, member.cookie, circle.id, { body });
    expect(thread.post.body).toBe(body);
    expect(thread.post.authorName).toBe("Member 0");
    const replied = await json(
      await post(`/api/threads/${thread.id}/replies`, organizer.cookie, { body: "Thanks" }),
    );
    expect(replied.replies).toHaveLength(1);
    expect((await notificationsOf(member.id)).map((n) => n.kind)).toContain("community_reply");

    const edit = (version: number, text: string, cookie = member.cookie) =>
      ctx.request(`/api/posts/${thread.id}`, { method: "PUT", body: { body: text, version }, cookie });
    expect((await edit(thread.post.version, "Second version")).status).toBe(200);
    expect((await edit(thread.post.version, "From a stale tab")).status).toBe(409);
    expect((await edit(thread.post.version + 1, "Not mine", organizer.cookie)).status).toBe(403);
    const history = await json(await get(`/api/posts/${thread.id}/history`, organizer.cookie));
    expect(history.revisions.map((r: { body: string }) => r.body)).toEqual([body]);
    const edited = await json(await get(`/api/threads/${thread.id}`, organizer.cookie));
    expect(edited.post).toMatchObject({ body: "Second version", edited: true });
  });

  it("notifies mentioned members, never a mentioned outsider", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 1);
    const [member] = members as [BuiltUser];
    const outsider = await buildUser(ctx);
    await startThread(ctx, organizer.cookie, circle.id, {
      body: "@Member 0 what do you think?",
      mentions: [member.id, outsider.id],
    });
    expect((await notificationsOf(member.id)).map((n) => n.kind)).toContain("community_mention");
    expect(await notificationsOf(outsider.id)).toEqual([]);
  });

  it("searches with websearch syntax over only what the searcher may read", async () => {
    const tag = randomBytes(3).toString("hex");
    const { organizer, circle, members } = await circleWith(ctx, 1);
    const open = await createCommunity(ctx, organizer.cookie, openBody());
    await startThread(ctx, organizer.cookie, circle.id, {
      title: `Pricing ${tag}`,
      body: "Usage based pricing",
    });
    await startThread(ctx, organizer.cookie, open.id, {
      title: `Pricing ${tag} open`,
      body: "Seat based pricing",
    });
    const search = async (q: string, cookie: string) =>
      (await json(await get(`/api/community-search?q=${encodeURIComponent(q)}`, cookie))).hits.map(
        (h: { communityId: string }) => h.communityId,
      );
    const [member] = members as [BuiltUser];
    expect((await search(`${tag} pricing`, member.cookie)).sort()).toEqual([circle.id, open.id].sort());
    expect(await search(`${tag} pricing -usage`, member.cookie)).toEqual([open.id]);
    const stranger = await buildUser(ctx);
    expect(await search(`${tag} pricing`, stranger.cookie)).toEqual([open.id]);
    expect(await search(`"usage based" ${tag}`, stranger.cookie)).toEqual([]);
  });
});

describe("open communities: channels and moderation", () => {
  it("hides a post after flags from three trusted members, shows it as hidden, and logs it for moderators", async () => {
    const organizer = await buildUser(ctx);
    const open = await createCommunity(ctx, organizer.cookie, openBody());
    expect(open.inside.channels.map((c: { name: string }) => c.name)).toEqual(["General"]);
    const withChannel = await json(
      await post(`/api/communities/${open.id}/channels`, organizer.cookie, { name: "Growth" }),
    );
    const growth = withChannel.inside.channels.find((c: { name: string }) => c.name === "Growth");
    const author = await buildUser(ctx, { name: "Sam Spammer" });
    await post(`/api/communities/${open.id}/join`, author.cookie, { acceptNorms: true });
    const thread = await startThread(ctx, author.cookie, open.id, {
      title: "Buy my course",
      channelId: growth.id,
    });
    const inChannel = await json(
      await get(`/api/communities/${open.id}/threads?channel=${growth.id}`, organizer.cookie),
    );
    expect(inChannel.threads.map((t: { id: string }) => t.id)).toEqual([thread.id]);

    const flaggers: BuiltUser[] = [];
    for (let i = 0; i < 4; i++) {
      const flagger = await buildUser(ctx);
      await post(`/api/communities/${open.id}/join`, flagger.cookie, { acceptNorms: true });
      flaggers.push(flagger);
    }
    // A brand-new member's flag reaches the moderators but does not count toward hiding.
    const fresh = flaggers[3] as BuiltUser;
    expect(await json(await post(`/api/posts/${thread.id}/flag`, fresh.cookie, { reason: "spam" }))).toEqual({
      flagged: true,
      hidden: false,
    });
    const answers = [];
    for (const flagger of flaggers.slice(0, 3)) {
      await ageMembership(open.id, flagger.id, 30);
      await startThread(ctx, flagger.cookie, open.id, { title: "Hello", body: "Hi all" });
      answers.push(
        await json(await post(`/api/posts/${thread.id}/flag`, flagger.cookie, { reason: "spam" })),
      );
    }
    expect(answers.map((a) => a.hidden)).toEqual([false, false, true]);
    const seen = await json(await get(`/api/threads/${thread.id}`, fresh.cookie));
    expect(seen.post).toMatchObject({ hidden: true, hiddenReason: "flags", body: "" });
    const moderator = await json(await get(`/api/threads/${thread.id}`, organizer.cookie));
    expect(moderator.post.body).not.toBe("");
    const log = await json(await get(`/api/communities/${open.id}/moderation-log`, organizer.cookie));
    expect(log.entries[0]).toMatchObject({ action: "auto_hide", postId: thread.id });
    expect((await get(`/api/communities/${open.id}/moderation-log`, fresh.cookie)).status).toBe(404);

    const unhidden = await json(
      await post(`/api/posts/${thread.id}/hide`, organizer.cookie, { hidden: false, reason: "Reviewed" }),
    );
    expect(unhidden.post.hidden).toBe(false);
    expect((await post(`/api/posts/${thread.id}/hide`, fresh.cookie, { hidden: true })).status).toBe(404);
  });

  it("limits a new member's posts more strictly, and keeps a banned member out", async () => {
    const organizer = await buildUser(ctx);
    const open = await createCommunity(ctx, organizer.cookie, openBody());
    const newcomer = await buildUser(ctx);
    await post(`/api/communities/${open.id}/join`, newcomer.cookie, { acceptNorms: true });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await post(`/api/communities/${open.id}/threads`, newcomer.cookie, { title: `T${i}`, body: "x" }))
          .status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    await ageMembership(open.id, newcomer.id, 30);
    expect(
      (await post(`/api/communities/${open.id}/threads`, newcomer.cookie, { title: "T5", body: "x" })).status,
    ).toBe(200);

    await post(`/api/communities/${open.id}/members/${newcomer.id}/remove`, organizer.cookie, {
      ban: true,
      reason: "Spam",
    });
    expect((await get(`/api/communities/${open.id}/threads`, newcomer.cookie)).status).toBe(404);
    expect(
      (await post(`/api/communities/${open.id}/join`, newcomer.cookie, { acceptNorms: true })).status,
    ).toBe(403);
    const log = await json(await get(`/api/communities/${open.id}/moderation-log`, organizer.cookie));
    expect(log.entries[0]).toMatchObject({ action: "ban", reason: "Spam" });
  });
});

describe("events", () => {
  it("shows the organizer's time, waitlists past capacity, and promotes the next person when someone cancels", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 3);
    const [a, b, c] = members as [BuiltUser, BuiltUser, BuiltUser];
    const created = await json(
      await post(
        `/api/communities/${circle.id}/events`,
        organizer.cookie,
        eventBody({ capacity: 1, mode: "in_person", url: "", place: "The Library", city: "London" }),
      ),
    );
    // 18:30 in London in March (GMT) is 18:30 UTC; the page shows it in each viewer's zone.
    expect(created).toMatchObject({
      start: "2030-03-05T18:30:00.000Z",
      timeZone: "Europe/London",
      capacity: 1,
    });
    expect((await json(await post(`/api/events/${created.id}/rsvp`, a.cookie))).myRsvp).toBe("going");
    const waiting = await json(await post(`/api/events/${created.id}/rsvp`, b.cookie));
    expect(waiting).toMatchObject({ myRsvp: "waitlisted", myWaitlistPosition: 1, going: 1 });
    expect((await json(await post(`/api/events/${created.id}/rsvp`, c.cookie))).myWaitlistPosition).toBe(2);
    // RSVPing twice changes nothing.
    expect((await json(await post(`/api/events/${created.id}/rsvp`, a.cookie))).going).toBe(1);

    await ctx.request(`/api/events/${created.id}/rsvp`, { method: "DELETE", cookie: a.cookie });
    const promoted = await json(await get(`/api/events/${created.id}`, b.cookie));
    expect(promoted).toMatchObject({ myRsvp: "going", going: 1, waitlisted: 1 });
    expect((await json(await get(`/api/events/${created.id}`, c.cookie))).myWaitlistPosition).toBe(1);
    const told = (await notificationsOf(b.id)).filter((n) => n.kind === "community_event");
    expect(told.map((n) => n.title)).toContain("A place opened for you: Monthly meeting");

    const cities = await json(await get(`/api/communities/${circle.id}/events?city=london`, b.cookie));
    expect(cities.events.map((e: { id: string }) => e.id)).toEqual([created.id]);
    expect(cities.cities).toEqual(["London"]);
    expect(
      (await json(await get(`/api/communities/${circle.id}/events?city=Paris`, b.cookie))).events,
    ).toEqual([]);
  });

  it.runIf(onPostgres)(
    "gives the last place to exactly one of many racing RSVPs, and each freed place to a different person",
    async () => {
      const { organizer, circle, members } = await circleWith(ctx, 6);
      const event = await json(
        await post(`/api/communities/${circle.id}/events`, organizer.cookie, eventBody({ capacity: 2 })),
      );
      const answers = await Promise.all(members.map((m) => post(`/api/events/${event.id}/rsvp`, m.cookie)));
      const states = await Promise.all(answers.map(async (a) => (await a.json()).myRsvp));
      expect(states.filter((s) => s === "going")).toHaveLength(2);
      expect(states.filter((s) => s === "waitlisted")).toHaveLength(4);
      const going = members.filter((_m, i) => states[i] === "going");
      await Promise.all(
        going.map((m) => ctx.request(`/api/events/${event.id}/rsvp`, { method: "DELETE", cookie: m.cookie })),
      );
      const after = await json(await get(`/api/events/${event.id}`, organizer.cookie));
      expect(after).toMatchObject({ going: 2, waitlisted: 2 });
    },
  );

  it("writes calendar files ical.js reads, repeats circle meetings on the organizer's clock, and reminds once", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 1);
    const [member] = members as [BuiltUser];
    const meeting = await json(
      await post(
        `/api/communities/${circle.id}/events`,
        organizer.cookie,
        eventBody({
          timeZone: "America/New_York",
          start: "2030-03-05T18:00",
          end: "2030-03-05T19:00",
          recurrence: "weekly",
          occurrences: 3,
        }),
      ),
    );
    expect(meeting.recurrence).toBe("FREQ=WEEKLY;INTERVAL=1;COUNT=3");
    // New York moves to summer time on 10 March 2030: the meeting stays at 18:00 there.
    expect(meeting.nextOccurrences.map((o: { start: string }) => o.start)).toEqual([
      "2030-03-05T23:00:00.000Z",
      "2030-03-12T22:00:00.000Z",
      "2030-03-19T22:00:00.000Z",
    ]);
    const file = await get(`/api/events/${meeting.id}/calendar`, member.cookie);
    expect(file.headers.get("content-type")).toMatch(/text\/calendar/);
    const text = await file.text();
    expect(text).toMatch(/METHOD:PUBLISH/);
    const events = parseCalendar(text);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(
      meeting.nextOccurrences.map((o: { start: string }) => o.start),
    );
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
    expect(events[0]?.summary).toBe("Monthly meeting");

    const row = {
      startsAt: new Date(meeting.start),
      endsAt: new Date(meeting.end),
      rrule: meeting.recurrence,
      timeZone: "America/New_York",
    };
    const firstStart = occurrencesOf(row)[0]?.start as Date;
    const now = new Date(firstStart.getTime() - 3 * 3600_000);
    await sendEventReminders(ctx, now);
    await sendEventReminders(ctx, now);
    const reminders = (await notificationsOf(member.id)).filter(
      (n) => n.title === "Tomorrow: Monthly meeting",
    );
    expect(reminders).toHaveLength(1);
  });

  it("serves a private calendar feed at a secret link that can be reset, and drops a removed member's circle at once", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 1);
    const [member] = members as [BuiltUser];
    const meeting = await json(
      await post(
        `/api/communities/${circle.id}/events`,
        organizer.cookie,
        eventBody({ recurrence: "monthly", occurrences: 2 }),
      ),
    );
    const { url } = await json(await get("/api/calendar-feed", member.cookie));
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    const path = new URL(url).pathname;
    const feed = parseCalendar(await (await get(path)).text());
    expect(feed.map((e) => e.summary)).toEqual([meeting.title, meeting.title]);

    const reset = await json(await post("/api/calendar-feed/reset", member.cookie));
    expect(reset.url).not.toBe(url);
    expect((await get(path)).status).toBe(404);
    const newPath = new URL(reset.url).pathname;
    await post(`/api/communities/${circle.id}/members/${member.id}/remove`, organizer.cookie, {});
    const after = await get(newPath);
    expect(after.status).toBe(200);
    expect(parseCalendar(await after.text())).toEqual([]);
  });
});

describe("per-community email choices", () => {
  it("sends a community's notifications as the member chose for it, over their choice for the kind", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 1);
    const [member] = members as [BuiltUser];
    const set = await ctx.request(`/api/communities/${circle.id}/notifications`, {
      method: "PUT",
      body: { delivery: "off" },
      cookie: member.cookie,
    });
    expect((await json(set)).inside.notificationDelivery).toBe("off");
    await startThread(ctx, organizer.cookie, circle.id, { title: "Quiet one", mentions: [member.id] });
    const mentions = (await notificationsOf(member.id)).filter((n) => n.kind === "community_mention");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.email).toBe("none");
    expect((await mailTo(ctx, member.email)).filter((m) => m.subject.includes("Quiet one"))).toEqual([]);
  });
});

type Role = "organizer" | "member" | "applicant" | "removed member" | "non-member" | "instance admin";

describe("the circle's roles on every route", () => {
  it("walks each community route for organizer, member, applicant, removed member, non-member and admin", async () => {
    const { organizer, circle, members } = await circleWith(ctx, 2);
    const [member, removed] = members as [BuiltUser, BuiltUser];
    const applicant = await buildUser(ctx);
    const applied = await json(
      await post(`/api/communities/${circle.id}/applications`, applicant.cookie, { answers: "Me" }),
    );
    const nonMember = await buildUser(ctx);
    const admin = await buildUser(ctx, { role: "admin" });
    const thread = await startThread(ctx, member.cookie, circle.id);
    const event = await json(
      await post(`/api/communities/${circle.id}/events`, organizer.cookie, eventBody()),
    );
    await post(`/api/communities/${circle.id}/members/${removed.id}/remove`, organizer.cookie, {});
    const cookies: Record<Role, string> = {
      organizer: organizer.cookie,
      member: member.cookie,
      applicant: applicant.cookie,
      "removed member": removed.cookie,
      "non-member": nonMember.cookie,
      "instance admin": admin.cookie,
    };
    const c = `/api/communities/${circle.id}`;
    const inside = {
      organizer: 200,
      member: 200,
      applicant: 404,
      "removed member": 404,
      "non-member": 404,
      "instance admin": 404,
    };
    const organizerOnly = { ...inside, member: 404 };
    const everyone = {
      organizer: 200,
      member: 200,
      applicant: 200,
      "removed member": 200,
      "non-member": 200,
      "instance admin": 200,
    };
    const routes: [string, string, unknown, Record<Role, number>][] = [
      ["GET", c, undefined, everyone],
      ["GET", `${c}/members`, undefined, inside],
      ["GET", `${c}/threads`, undefined, inside],
      ["GET", `${c}/events`, undefined, inside],
      ["GET", `${c}/applications`, undefined, organizerOnly],
      ["GET", `${c}/moderation-log`, undefined, organizerOnly],
      ["GET", `/api/threads/${thread.id}`, undefined, inside],
      ["GET", `/api/posts/${thread.id}/history`, undefined, inside],
      ["GET", `/api/events/${event.id}`, undefined, inside],
      ["GET", `/api/events/${event.id}/calendar`, undefined, inside],
      ["POST", `/api/threads/${thread.id}/replies`, { body: "A reply" }, inside],
      ["POST", `/api/posts/${thread.id}/flag`, { reason: "off_topic" }, inside],
      ["POST", `/api/posts/${thread.id}/hide`, { hidden: false }, organizerOnly],
      ["POST", `/api/events/${event.id}/rsvp`, undefined, inside],
      ["DELETE", `/api/events/${event.id}/rsvp`, undefined, inside],
      ["POST", `${c}/threads`, { title: "T", body: "B" }, inside],
      ["POST", `${c}/events`, eventBody(), organizerOnly],
      ["POST", `${c}/channels`, { name: `Channel ${randomBytes(2).toString("hex")}` }, organizerOnly],
      ["PUT", `${c}/notifications`, { delivery: "digest" }, inside],
      ["PUT", `${c}/members/${member.id}/role`, { role: "member" }, organizerOnly],
      [
        "POST",
        `${c}/applications/${applied.myApplication.id}/decision`,
        { decision: "ask", message: "Tell us more" },
        { ...organizerOnly, organizer: 200 },
      ],
    ];
    const failures: string[] = [];
    for (const [method, path, body, expected] of routes) {
      for (const role of Object.keys(cookies) as Role[]) {
        const got = (await ctx.request(path, { method, body, cookie: cookies[role] })).status;
        // The organizer answered the application once; asking again is a conflict, not a refusal.
        const want = path.endsWith("/decision") && role === "organizer" && got === 409 ? 409 : expected[role];
        if (got !== want) failures.push(`${method} ${path} as ${role}: expected ${want}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("the circle canary: nothing from inside reaches anyone outside", () => {
  it("finds the canary in no route, email, calendar file or log line for a non-member or a removed member", async () => {
    const tag = randomBytes(4).toString("hex");
    const canary = {
      thread: `Quillfeather acquisition ${tag}`,
      reply: `Zephyrine layoffs ${tag}`,
      name: `Marisol Canaryfield ${tag}`,
      event: `Lanternfish offsite ${tag}`,
    };
    const organizer = await buildUser(ctx, { name: "Olive Organizer" });
    const circle = await createCommunity(ctx, organizer.cookie, circleBody({ name: `Quiet circle` }));
    const insider = await buildUser(ctx, { name: canary.name });
    await admit(ctx, organizer, circle.id, insider);
    const removed = await buildUser(ctx, { name: "Removed Person" });
    await admit(ctx, organizer, circle.id, removed);
    const outsider = await buildUser(ctx, { name: "Outside Person" });
    const open = await createCommunity(ctx, organizer.cookie, openBody());
    await post(`/api/communities/${open.id}/join`, outsider.cookie, { acceptNorms: true });
    await post(`/api/communities/${open.id}/join`, removed.cookie, { acceptNorms: true });

    // Before the removal: the removed member is still inside and takes part.
    const thread = await startThread(ctx, insider.cookie, circle.id, {
      title: canary.thread,
      body: `We are weighing ${canary.thread}.`,
      mentions: [removed.id, outsider.id],
    });
    const event = await json(
      await post(
        `/api/communities/${circle.id}/events`,
        organizer.cookie,
        eventBody({ title: canary.event, capacity: 1 }),
      ),
    );
    await post(`/api/events/${event.id}/rsvp`, removed.cookie);
    const removedFeed = new URL((await json(await get("/api/calendar-feed", removed.cookie))).url).pathname;
    const outsiderFeed = new URL((await json(await get("/api/calendar-feed", outsider.cookie))).url).pathname;
    await post(`/api/communities/${circle.id}/members/${removed.id}/remove`, organizer.cookie, {
      reason: "Left the company",
    });
    const mailBefore = new Set((await ctx.db.select({ id: outbox.id }).from(outbox)).map((m) => m.id));
    const logsBefore = ctx.logs.length;

    // After: the circle goes on, with a reply that mentions both outsiders and an event they would want.
    await post(`/api/threads/${thread.id}/replies`, insider.cookie, {
      body: `And ${canary.reply}.`,
      mentions: [removed.id, outsider.id],
    });
    await post(`/api/events/${event.id}/rsvp`, insider.cookie);
    await ctx.request(`/api/events/${event.id}/rsvp`, { method: "DELETE", cookie: insider.cookie });
    await post(`/api/posts/${thread.id}/flag`, insider.cookie, { reason: "confidential" });
    await sendEventReminders(ctx, new Date(new Date(event.start).getTime() - 3600_000));

    const seen: { label: string; text: string }[] = [];
    for (const [who, person, feed] of [
      ["outsider", outsider, outsiderFeed],
      ["removed", removed, removedFeed],
    ] as const) {
      const c = `/api/communities/${circle.id}`;
      const paths = [
        "/api/communities",
        c,
        `${c}/members`,
        `${c}/threads`,
        `${c}/events`,
        `${c}/events?city=London`,
        `${c}/applications`,
        `${c}/moderation-log`,
        `/api/communities/${open.id}`,
        `/api/communities/${open.id}/members`,
        `/api/communities/${open.id}/threads`,
        `/api/threads/${thread.id}`,
        `/api/posts/${thread.id}/history`,
        `/api/events/${event.id}`,
        `/api/events/${event.id}/calendar`,
        ...Object.values(canary).flatMap((v) => [`/api/community-search?q=${encodeURIComponent(v)}`]),
        `/api/community-search?q=${tag}`,
        "/api/notifications",
        "/api/notifications/unread-count",
        "/api/home",
        "/api/calendar-feed",
        feed,
      ];
      for (const path of paths) {
        const response = await get(path, path === feed ? undefined : person.cookie);
        seen.push({ label: `${who} GET ${path}`, text: await response.text() });
      }
      for (const [method, path, body] of [
        ["POST", `/api/threads/${thread.id}/replies`, { body: "Me too" }],
        ["POST", `/api/posts/${thread.id}/flag`, { reason: "spam" }],
        ["POST", `/api/events/${event.id}/rsvp`, undefined],
        ["POST", `${c}/join`, { acceptNorms: true }],
        ["POST", `${c}/applications`, { answers: "Let me in" }],
      ] as const) {
        const response = await ctx.request(path, { method, body, cookie: person.cookie });
        seen.push({ label: `${who} ${method} ${path}`, text: await response.text() });
      }
      await ctx.jobs.runDueJobs();
      for (const mail of await mailTo(ctx, person.email)) {
        if (who === "removed" && !mailBefore.has(mail.id))
          seen.push({ label: `email to ${who} after removal`, text: `${mail.subject}\n${mail.text}` });
        if (who === "outsider")
          seen.push({ label: `email to ${who}`, text: `${mail.subject}\n${mail.text}` });
      }
    }
    seen.push({ label: "log lines after the removal", text: ctx.logs.slice(logsBefore).join("\n") });

    const leaks = seen.flatMap(({ label, text }) =>
      Object.entries(canary)
        .filter(([, value]) => text.includes(value) || text.includes(tag))
        .map(([what]) => `${label} shows the ${what}`),
    );
    expect(leaks).toEqual([]);
    // The canary is really there for those inside, so the walk above could have found it.
    const insiderView = await (await get(`/api/threads/${thread.id}`, organizer.cookie)).text();
    expect(insiderView).toContain(canary.thread);
    expect(insiderView).toContain(canary.reply);
    expect(insiderView).toContain(canary.name);
    expect(await (await get(`/api/events/${event.id}`, organizer.cookie)).text()).toContain(canary.event);
    expect(await (await get(`/api/community-search?q=${tag}`, organizer.cookie)).text()).toContain(tag);
  });
});
