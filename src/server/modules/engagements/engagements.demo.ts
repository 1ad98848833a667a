import { eq, sql } from "drizzle-orm";
import { urgentCallKindLabels, urgentPromiseMinutes } from "../../../shared/engagements.ts";
import { users } from "../../auth/auth.table.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { expandAvailability } from "../mentors/availability.ts";
import { findMentorRow, insertMessage, insertRequest } from "../mentors/mentors.repo.ts";
import { mentorProfiles } from "../mentors/mentors.table.ts";
import { insertNotification } from "../notifications/notifications.repo.ts";
import { insertShareGrants } from "../sharing/sharing.repo.ts";
import {
  insertActionItem,
  insertEngagement,
  insertNote,
  insertOffers,
  insertPlanRevision,
  insertReview,
  insertSession,
  insertUrgentCall,
  takeUrgentCall,
} from "./engagements.repo.ts";

const day = 24 * 3600 * 1000;
const hour = 3600 * 1000;

async function userIdOf(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

const agreement = {
  goals: "Move from leading a product area to leading other PMs within a year, without doing their work.",
  cadence: "fortnightly" as const,
  lengthWeeks: 16,
  confidentiality:
    "What we say in sessions stays between us. Either of us may share what we learned, never what the other said, without asking first.",
};

/**
 * Jonas's mentorings: one in progress with Amara (sessions held and booked, notes of both kinds,
 * actions and a revised plan) and one with Diego closed, its reviews revealed.
 */
export async function seedDemoEngagements(db: Db) {
  const [jonas, amara, diego] = [
    await userIdOf(db, "jonas@demo.sidecar"),
    await userIdOf(db, "amara@demo.sidecar"),
    await userIdOf(db, "diego@demo.sidecar"),
  ];
  if (!jonas || !amara || !diego) return;
  const now = Date.now();

  // In progress, with Amara.
  const started = new Date(now - 40 * day);
  const request = await insertRequest(db, {
    id: newId(),
    menteeId: jonas,
    mentorId: amara,
    state: "accepted",
    reachedMentorAt: null,
    createdAt: new Date(started.getTime() - 2 * day),
  });
  await insertMessage(
    db,
    request.id,
    "mentee",
    "request",
    "I lead the data platform and will soon lead two PMs. I want help letting go of the work.",
    started,
  );
  await db
    .update(mentorProfiles)
    .set({ activeMentees: sql`${mentorProfiles.activeMentees} + 1` })
    .where(eq(mentorProfiles.userId, amara));
  await insertShareGrants(db, jonas, "amara@demo.sidecar", ["lanes", "portfolio"]);
  // Later, from his sharing page, he let her read his plan and his story as well.
  await insertShareGrants(db, jonas, "amara@demo.sidecar", ["plan", "story"]);
  const active = await insertEngagement(db, {
    id: newId(),
    requestId: request.id,
    menteeId: jonas,
    mentorId: amara,
    state: "active",
    ...agreement,
    menteeAcceptedAt: started,
    mentorAcceptedAt: started,
    intakeQuestions: [
      "What would make this year a success?",
      "What do you keep doing that someone else should?",
    ],
    intakeAnswers: [
      "Two PMs who own their areas, and me out of the weeds.",
      "Writing the specs for the ingestion team.",
    ],
    intakeShared: ["lanes", "portfolio"],
    intakeGranted: ["lanes", "portfolio"],
    intakeAnsweredAt: started,
    lastBookedAt: new Date(now - 10 * day),
    createdAt: started,
  });
  await insertPlanRevision(db, {
    engagementId: active.id,
    number: 1,
    goals: [
      {
        text: "Hire and onboard the first PM for ingestion",
        measure: "Signed offer by week 8",
        lane: "team",
        tourId: null,
        hurdle: "Leading a team through others",
      },
      {
        text: "Stop writing ingestion specs",
        measure: "Zero specs by me after week 6",
        lane: "team",
        tourId: null,
        hurdle: null,
      },
    ],
    reason: "",
    authorId: amara,
    createdAt: new Date(started.getTime() + day),
  });
  await insertPlanRevision(db, {
    engagementId: active.id,
    number: 2,
    goals: [
      {
        text: "Hire and onboard the first PM for ingestion",
        measure: "Signed offer by week 8",
        lane: "team",
        tourId: null,
        hurdle: "Leading a team through others",
      },
      {
        text: "Present the platform strategy to the executive team",
        measure: "Presented and a decision taken by week 14",
        lane: "organizational",
        tourId: null,
        hurdle: "Influencing executives",
      },
    ],
    reason: "The specs goal is met early; visibility with the executives is the gap now.",
    authorId: jonas,
    createdAt: new Date(now - 12 * day),
  });
  const held = await insertSession(db, {
    engagementId: active.id,
    mentorId: amara,
    menteeId: jonas,
    startsAt: new Date(now - 10 * day),
    endsAt: new Date(now - 10 * day + hour),
    agenda: "Interview loop for the first PM",
  });
  const mentor = await findMentorRow(db, amara);
  const [next] = mentor
    ? expandAvailability(
        mentor.profile.weekly,
        mentor.profile.away,
        mentor.profile.timeZone,
        new Date(now + day),
        14,
      )
    : [];
  if (next) {
    await insertSession(db, {
      engagementId: active.id,
      mentorId: amara,
      menteeId: jonas,
      startsAt: new Date(next.start),
      endsAt: new Date(Date.parse(next.start) + hour),
      agenda: "Drafting the executive presentation",
    });
  }
  await insertNote(db, {
    engagementId: active.id,
    sessionId: held.id,
    authorId: jonas,
    body: "I still rewrite the specs at night. Nobody asked me to.",
    shared: false,
  });
  await insertNote(db, {
    engagementId: active.id,
    sessionId: held.id,
    authorId: jonas,
    body: "Agreed: the hiring panel is Sam, Rui and me; I write the take-home prompt this week.",
    shared: true,
  });
  await insertNote(db, {
    engagementId: active.id,
    sessionId: held.id,
    authorId: amara,
    body: "Read before next time: Julie Zhuo, The Making of a Manager, chapter 4 on delegation.",
    shared: true,
  });
  await insertNote(db, {
    engagementId: active.id,
    sessionId: held.id,
    authorId: amara,
    body: "Jonas lights up on architecture and goes quiet on hiring. Ask about that.",
    shared: false,
  });
  const due = (days: number) => new Date(now + days * day).toISOString().slice(0, 10);
  await insertActionItem(db, {
    engagementId: active.id,
    text: "Write the take-home prompt for PM candidates",
    dueOn: due(3),
    state: "committed",
    suggestedBy: "mentee",
  });
  await insertActionItem(db, {
    engagementId: active.id,
    text: "Hand the ingestion specs to Sam",
    dueOn: due(-5),
    state: "done",
    suggestedBy: "mentee",
    doneAt: new Date(now - 6 * day),
  });
  await insertActionItem(db, {
    engagementId: active.id,
    text: "Ask your VP for ten minutes at the next staff meeting",
    dueOn: null,
    state: "suggested",
    suggestedBy: "mentor",
  });

  // Closed, with Diego: both reviews in, so both are revealed.
  const closedAt = new Date(now - 20 * day);
  const earlier = await insertRequest(db, {
    id: newId(),
    menteeId: jonas,
    mentorId: diego,
    state: "ended",
    reachedMentorAt: null,
    closedAt,
    createdAt: new Date(now - 140 * day),
  });
  await insertMessage(
    db,
    earlier.id,
    "mentee",
    "request",
    "I want to sharpen how I size platform bets.",
    new Date(now - 140 * day),
  );
  const closed = await insertEngagement(db, {
    id: newId(),
    requestId: earlier.id,
    menteeId: jonas,
    mentorId: diego,
    state: "closed",
    ...agreement,
    goals: "Size platform bets in money, not in effort.",
    cadence: "monthly",
    lengthWeeks: 12,
    menteeAcceptedAt: new Date(now - 138 * day),
    mentorAcceptedAt: new Date(now - 138 * day),
    lastBookedAt: new Date(now - 60 * day),
    closeStartedAt: new Date(now - 25 * day),
    closedAt,
    createdAt: new Date(now - 139 * day),
  });
  await insertPlanRevision(db, {
    engagementId: closed.id,
    number: 1,
    goals: [
      {
        text: "A sizing model for the next platform bet",
        measure: "Used in the Q3 planning review",
        lane: "market",
        tourId: null,
        hurdle: null,
      },
    ],
    reason: "",
    authorId: diego,
    createdAt: new Date(now - 137 * day),
  });
  await insertReview(db, {
    engagementId: closed.id,
    mentorId: diego,
    side: "mentee",
    authorId: jonas,
    rating: 5,
    text: "Diego made me put a number on every bet. The Q3 review went through on the first pass.",
    quoteAllowed: true,
    createdAt: new Date(now - 24 * day),
  });
  await insertReview(db, {
    engagementId: closed.id,
    mentorId: diego,
    side: "mentor",
    authorId: diego,
    rating: 5,
    text: "Jonas did the homework every time and pushed back with data.",
    quoteAllowed: false,
    createdAt: new Date(now - 21 * day),
  });
}

/**
 * Jonas's 911 call about an offer: it reached both mentors who take urgent calls, Arjun took it within
 * two hours, and they talked the next day, before the offer's deadline.
 */
export async function seedDemoUrgentCall(db: Db) {
  const [jonas, arjun, amara] = [
    await userIdOf(db, "jonas@demo.sidecar"),
    await userIdOf(db, "arjun@demo.sidecar"),
    await userIdOf(db, "amara@demo.sidecar"),
  ];
  if (!jonas || !arjun || !amara) return;
  const posted = new Date(Date.now() - 6 * day);
  posted.setUTCHours(9, 0, 0, 0);
  const call = await insertUrgentCall(db, {
    memberId: jonas,
    kind: "offer",
    lane: null,
    dilemma:
      "A fintech start-up offers me a PM role with an area of my own and 20% more pay, and wants an answer within three days. Fieldnote is about to give me two PMs to lead. Do I leave a year into my first product job?",
    decideBy: new Date(posted.getTime() + 3 * day),
    promiseMinutes: urgentPromiseMinutes,
    createdAt: posted,
  });
  await insertOffers(db, call.id, [arjun, amara], 1);
  await takeUrgentCall(db, call.id, arjun, new Date(posted.getTime() + 2 * hour));
  const talk = new Date(posted.getTime() + day + 4 * hour);
  // Mentors talk on working days.
  while (talk.getUTCDay() === 0 || talk.getUTCDay() === 6) talk.setTime(talk.getTime() + day);
  await insertSession(db, {
    urgentCallId: call.id,
    mentorId: arjun,
    menteeId: jonas,
    startsAt: talk,
    endsAt: new Date(talk.getTime() + 45 * 60_000),
    agenda: `911 call: ${urgentCallKindLabels.offer}`,
  });
  await insertNotification(db, {
    userId: jonas,
    kind: "urgent_call",
    title: "Arjun Mehta took your 911 call",
    body: "Book a time to talk from the call's page.",
    link: `/urgent-calls/${call.id}`,
    email: "sent",
    readAt: new Date(posted.getTime() + 3 * hour),
    createdAt: new Date(posted.getTime() + 2 * hour),
  });
}
