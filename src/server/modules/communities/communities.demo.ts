import { inArray } from "drizzle-orm";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import {
  bumpThread,
  insertApplication,
  insertApplicationMessage,
  insertChannel,
  insertCommunity,
  insertEvent,
  insertFlag,
  insertModeration,
  insertPost,
  insertRsvp,
  setHidden,
  takeEventSeat,
  upsertActiveMember,
} from "./communities.repo.ts";
import { communities } from "./communities.table.ts";

const day = 24 * 3600_000;
const at = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * day);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};

/**
 * A circle of CPOs with a candid discussion and a monthly meeting, an open community with channels, a
 * post hidden after flags, and city meetups, one of them full with a waitlist.
 */
export async function seedDemoCommunities(db: Db) {
  const emails = [
    "priya@demo.sidecar",
    "jonas@demo.sidecar",
    "amara@demo.sidecar",
    "diego@demo.sidecar",
    "mei@demo.sidecar",
    "arjun@demo.sidecar",
    "lena@demo.sidecar",
    "tom@demo.sidecar",
  ];
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const id = (email: string) => {
    const found = rows.find((r) => r.email === email);
    if (!found) throw new Error(`no demo account ${email}`);
    return found.id;
  };
  const [priya, jonas, amara, diego, mei, arjun, lena, tom] = emails.map(id) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const joined = new Date(Date.now() - 60 * day);

  await db.transaction(async (tx) => {
    const circle = newId();
    await insertCommunity(tx, {
      id: circle,
      kind: "circle",
      name: "CPO Circle",
      description:
        "Product leaders at mid to late-stage companies, candid about what the job is really like: boards, reorganisations, hiring and firing.",
      admissionCriteria:
        "You lead product (CPO, VP or Head of Product) at a company past Series B, and you can make the monthly meeting most months.",
      norms:
        "Chatham House: use what you hear, never say who said it or where they work. Nothing leaves the circle, not even a screenshot.",
      sizeLimit: 30,
      memberCount: 4,
      createdBy: amara,
    });
    for (const [userId, role] of [
      [amara, "organizer"],
      [mei, "organizer"],
      [priya, "member"],
      [jonas, "member"],
    ] as const) {
      await upsertActiveMember(tx, circle, userId, role, joined);
    }
    const application = await insertApplication(tx, { id: newId(), communityId: circle, applicantId: diego });
    await insertApplicationMessage(
      tx,
      application.id,
      "applicant",
      "answers",
      "VP Product at a Series C logistics company; I lead four PM teams.",
    );
    const thread = await insertPost(tx, {
      id: newId(),
      communityId: circle,
      authorId: priya,
      title: "Presenting a missed quarter to the board",
      body: "Our activation target slipped by a third. How do you open that board slide?\n\n- Lead with the number\n- Or with what you learned?",
      createdAt: new Date(Date.now() - 3 * day),
      lastActivityAt: new Date(Date.now() - 3 * day),
    });
    await insertPost(tx, {
      id: newId(),
      communityId: circle,
      threadId: thread.id,
      authorId: mei,
      body: "Lead with the number, **then** the one decision you are asking them to make. Boards forgive misses; they do not forgive surprises.",
      createdAt: new Date(Date.now() - 2 * day),
    });
    await bumpThread(tx, thread.id, new Date(Date.now() - 2 * day));
    const start = at(9, 17);
    await insertEvent(tx, {
      id: newId(),
      communityId: circle,
      createdBy: amara,
      title: "Monthly circle meeting",
      description:
        "One member brings a live problem; the rest of us ask questions before anyone gives advice.",
      mode: "online",
      url: "https://meet.example.org/cpo-circle",
      timeZone: "Europe/London",
      startsAt: start,
      endsAt: new Date(start.getTime() + 90 * 60_000),
      rrule: "FREQ=MONTHLY;INTERVAL=1;COUNT=6",
    });

    const open = newId();
    await insertCommunity(tx, {
      id: open,
      kind: "open",
      name: "Product People",
      description:
        "Everyone who builds products, at every level: questions, meetups in many cities, and help.",
      norms: "Be kind, stay on topic, no selling. Flag what breaks these; moderators look at every flag.",
      memberCount: 0,
      createdBy: jonas,
    });
    const channels = [];
    for (const name of ["General", "Discovery", "Growth"]) channels.push(await insertChannel(tx, open, name));
    for (const [userId, role] of [
      [jonas, "organizer"],
      [lena, "moderator"],
      [priya, "member"],
      [arjun, "member"],
      [tom, "member"],
      [diego, "member"],
      [amara, "member"],
    ] as const) {
      await upsertActiveMember(tx, open, userId, role, joined);
    }
    await tx
      .update(communities)
      .set({ memberCount: 7 })
      .where(inArray(communities.id, [open]));
    const discovery = channels[1]?.id ?? null;
    const good = await insertPost(tx, {
      id: newId(),
      communityId: open,
      channelId: discovery,
      authorId: arjun,
      title: "How many customer interviews before you trust a pattern?",
      body: "I stop at five when the same pain comes up unprompted. Too few?",
    });
    await insertPost(tx, {
      id: newId(),
      communityId: open,
      channelId: discovery,
      threadId: good.id,
      authorId: lena,
      body: "Five is fine for a pattern, not for sizing it. Then go quantitative.",
    });
    await bumpThread(tx, good.id, new Date());
    const spam = await insertPost(tx, {
      id: newId(),
      communityId: open,
      channelId: channels[2]?.id ?? null,
      authorId: tom,
      title: "10x your growth with my course",
      body: "Limited seats, use code GROWTH for a discount.",
    });
    for (const flagger of [priya, arjun, amara]) {
      await insertFlag(tx, { postId: spam.id, userId: flagger, reason: "spam", trusted: true });
    }
    await setHidden(tx, spam.id, "flags");
    await insertModeration(tx, {
      communityId: open,
      action: "auto_hide",
      postId: spam.id,
      reason: "Flagged by 3 trusted members",
    });

    const london = at(14, 18);
    const full = await insertEvent(tx, {
      id: newId(),
      communityId: open,
      createdBy: jonas,
      title: "London product meetup",
      description: "Lightning talks on discovery, then drinks.",
      mode: "in_person",
      place: "The Library, 112 Shoreditch High St",
      city: "London",
      timeZone: "Europe/London",
      startsAt: london,
      endsAt: new Date(london.getTime() + 2.5 * 3600_000),
      capacity: 2,
    });
    for (const [index, userId] of [priya, arjun, tom].entries()) {
      const seated = await takeEventSeat(tx, full.id);
      await insertRsvp(tx, {
        eventId: full.id,
        userId,
        status: seated ? "going" : "waitlisted",
        createdAt: new Date(Date.now() - (10 - index) * 60_000),
      });
    }
    const berlin = at(21, 17);
    await insertEvent(tx, {
      id: newId(),
      communityId: open,
      createdBy: lena,
      title: "Berlin product breakfast",
      mode: "in_person",
      place: "Café Kranzler",
      city: "Berlin",
      timeZone: "Europe/Berlin",
      startsAt: berlin,
      endsAt: new Date(berlin.getTime() + 2 * 3600_000),
      capacity: 20,
    });
  });
}
