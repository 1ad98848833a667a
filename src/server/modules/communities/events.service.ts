import { randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { createEvents, type EventAttributes } from "ics";
import rrulePackage from "rrule";
import type { EventInput } from "../../../shared/communities.ts";
import { requireAccess, requireCommunityAccess } from "../../access/require-access.ts";
import type { CommunityFacts } from "../../access/rules.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { runAfterCommit } from "../../db/transaction.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { presentEvent } from "./communities.presenter.ts";
import {
  claimReminder,
  deleteRsvp,
  type EventRow,
  findCommunityRow,
  findEventRow,
  findFeed,
  findFeedByToken,
  freeEventSeat,
  insertEvent,
  insertRsvp,
  listActiveMembers,
  listCities,
  listEventRows,
  listEventsStartingBefore,
  listFeedEventRows,
  listGoing,
  promoteNextWaiting,
  readCommunityFacts,
  rsvpSummaries,
  saveFeedToken,
  takeEventSeat,
} from "./communities.repo.ts";
import { type CommunityDeps, factsOf, notifyMembers, tellPromoted } from "./communities.service.ts";

const { RRule } = rrulePackage;
const hourMs = 3600_000;
const maxOccurrences = 52;

const missingEvent = () =>
  new AppError("NOT_FOUND", "There is no event with this id among the communities you belong to.");

/** A wall-clock time in `timeZone` ("2026-03-05T18:30") as the instant it names there. */
function instantIn(local: string, timeZone: string): Date {
  const [day, time] = local.split("T") as [string, string];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, h, min, timeZone).getTime());
}

const frequencies = {
  weekly: { freq: 2, interval: 1 },
  biweekly: { freq: 2, interval: 2 },
  monthly: { freq: 1, interval: 1 },
} as const;

/**
 * The occurrences of an event as instants. A recurring meeting repeats on the organizer's wall clock
 * (the rule runs over "floating" times), so 18:30 stays 18:30 for them across daylight-saving changes.
 */
export function occurrencesOf(row: Pick<EventRow, "startsAt" | "endsAt" | "rrule" | "timeZone">) {
  if (!row.rrule) return [{ start: row.startsAt, end: row.endsAt }];
  const duration = row.endsAt.getTime() - row.startsAt.getTime();
  const local = new TZDate(row.startsAt.getTime(), row.timeZone);
  const floating = new Date(
    Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes()),
  );
  const rule = new RRule({ ...RRule.parseString(row.rrule), dtstart: floating });
  return rule
    .all((_date, index) => index < maxOccurrences)
    .map((date) => {
      const start = new Date(
        new TZDate(
          date.getUTCFullYear(),
          date.getUTCMonth(),
          date.getUTCDate(),
          date.getUTCHours(),
          date.getUTCMinutes(),
          row.timeZone,
        ).getTime(),
      );
      return { start, end: new Date(start.getTime() + duration) };
    });
}

function upcoming(row: EventRow, now: Date, count = 5) {
  return occurrencesOf(row)
    .filter((o) => o.end >= now)
    .slice(0, count);
}

async function presentEvents(db: Db, rows: EventRow[], userId: string) {
  const summaries = await rsvpSummaries(
    db,
    rows.map((r) => r.id),
    userId,
  );
  const now = new Date();
  return rows.map((row) =>
    presentEvent(
      row,
      upcoming(row, now),
      summaries.get(row.id) ?? { waitlisted: 0, mine: null, position: null },
    ),
  );
}

/** The event once the viewer may `action` on it: a circle's event is nobody else's business. */
async function requireEvent(db: Db, viewer: Viewer | null, eventId: string, action: "read" | "create") {
  const me = requireSignedIn(viewer);
  const event = await findEventRow(db, eventId);
  let facts: CommunityFacts | undefined;
  await requireCommunityAccess(db, me, action, "communityContent", async (v) => {
    facts = event ? await readCommunityFacts(db, event.communityId, v.userId) : undefined;
    return facts;
  });
  return { me, event: event as EventRow };
}

export async function createEvent(
  deps: CommunityDeps,
  viewer: Viewer | null,
  communityId: string,
  input: EventInput,
) {
  const me = await requireCommunityAccess(
    deps.db,
    viewer,
    "manage",
    "communityContent",
    factsOf(deps.db, communityId),
  );
  const startsAt = instantIn(input.start, input.timeZone);
  const endsAt = instantIn(input.end, input.timeZone);
  if (endsAt <= startsAt) throw new AppError("VALIDATION", "End after the start", "end");
  const community = await findCommunityRow(deps.db, communityId);
  if (!community) throw missingEvent();
  if (input.recurrence !== "none" && community.kind !== "circle") {
    throw new AppError(
      "VALIDATION",
      "Recurring meetings are for circles; add each meetup on its own",
      "recurrence",
    );
  }
  const rrule =
    input.recurrence === "none"
      ? null
      : RRule.optionsToString({ ...frequencies[input.recurrence], count: input.occurrences }).replace(
          /^RRULE:/,
          "",
        );
  const event = await runAfterCommit(deps, async (tx, later) => {
    const row = await insertEvent(tx, {
      id: newId(),
      communityId,
      createdBy: me.userId,
      title: input.title,
      description: input.description,
      mode: input.mode,
      url: input.mode === "online" ? input.url : "",
      place: input.mode === "in_person" ? input.place : "",
      city: input.mode === "in_person" ? input.city : "",
      timeZone: input.timeZone,
      startsAt,
      endsAt,
      rrule,
      capacity: input.capacity,
    });
    const others = (await listActiveMembers(tx, communityId))
      .map((m) => m.userId)
      .filter((id) => id !== me.userId);
    await notifyMembers(
      deps,
      tx,
      communityId,
      community.kind === "circle" ? others : [],
      {
        kind: "community_event",
        title: `${community.name}: ${input.title}`,
        body: "A new meeting. RSVP to hold your place.",
        link: `/events/${row.id}`,
      },
      later,
    );
    return row;
  });
  return getEvent(deps.db, viewer, event.id);
}

export async function listEvents(
  db: Db,
  viewer: Viewer | null,
  communityId: string,
  query: { city?: string },
) {
  const me = await requireCommunityAccess(db, viewer, "read", "communityContent", factsOf(db, communityId));
  const now = new Date();
  const rows = (await listEventRows(db, communityId, { city: query.city || undefined, from: now })).filter(
    (row) => upcoming(row, now, 1).length > 0,
  );
  return { events: await presentEvents(db, rows, me.userId), cities: await listCities(db, communityId) };
}

export async function getEvent(db: Db, viewer: Viewer | null, eventId: string) {
  const { me, event } = await requireEvent(db, viewer, eventId, "read");
  const [presented] = await presentEvents(db, [event], me.userId);
  return presented as NonNullable<typeof presented>;
}

/**
 * RSVP: a seat if one is free (one conditional write, so a race for the last seat has one winner),
 * the waitlist otherwise, in the order people arrived.
 */
export async function rsvpToEvent(deps: CommunityDeps, viewer: Viewer | null, eventId: string) {
  const { me } = await requireEvent(deps.db, viewer, eventId, "create");
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    const seated = await takeEventSeat(tx, eventId);
    const inserted = await insertRsvp(tx, {
      eventId,
      userId: me.userId,
      status: seated ? "going" : "waitlisted",
      createdAt: now,
    });
    // Already going or waiting: give the seat back rather than count them twice.
    if (!inserted && seated) await freeEventSeat(tx, eventId);
  });
  return getEvent(deps.db, viewer, eventId);
}

/** Cancelling a seat hands it to the first person waiting, who is told; only then is a seat free. */
export async function cancelRsvp(deps: CommunityDeps, viewer: Viewer | null, eventId: string) {
  const { me } = await requireEvent(deps.db, viewer, eventId, "read");
  await runAfterCommit(deps, async (tx, later) => {
    const removed = await deleteRsvp(tx, eventId, me.userId);
    if (removed?.status !== "going") return;
    const next = await promoteNextWaiting(tx, eventId);
    if (next) await tellPromoted(deps, tx, [{ eventId, userId: next.userId }], later);
    else await freeEventSeat(tx, eventId);
  });
  return getEvent(deps.db, viewer, eventId);
}

function utcParts(date: Date): [number, number, number, number, number] {
  return [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
  ];
}

/** Calendar entries for events: UTC times, a stable UID per occurrence, and the event's SEQUENCE. */
function calendarFile(
  rows: { event: EventRow; communityName: string }[],
  baseUrl: string,
  method: "PUBLISH",
  calName: string,
) {
  const entries: EventAttributes[] = rows.flatMap(({ event, communityName }) =>
    occurrencesOf(event).map((o, index) => ({
      uid: event.rrule ? `${event.id}-${index}@sidecar` : `${event.id}@sidecar`,
      sequence: event.sequence,
      start: utcParts(o.start),
      startInputType: "utc" as const,
      startOutputType: "utc" as const,
      end: utcParts(o.end),
      endInputType: "utc" as const,
      endOutputType: "utc" as const,
      title: event.title,
      description: [event.description, `${communityName} on Sidecar: ${baseUrl}/events/${event.id}`]
        .filter(Boolean)
        .join("\n\n"),
      location: event.mode === "online" ? event.url : [event.place, event.city].filter(Boolean).join(", "),
      ...(event.mode === "online" && event.url ? { url: event.url } : {}),
    })),
  );
  if (entries.length === 0) {
    return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nPRODID:sidecar\r\nMETHOD:${method}\r\nX-WR-CALNAME:${calName}\r\nEND:VCALENDAR\r\n`;
  }
  const { error, value } = createEvents(entries, { productId: "sidecar", method, calName });
  if (error || !value) throw error ?? new Error("no calendar produced");
  return value;
}

export async function eventCalendar(
  deps: Pick<Deps, "db" | "config">,
  viewer: Viewer | null,
  eventId: string,
) {
  const { event } = await requireEvent(deps.db, viewer, eventId, "read");
  const community = await findCommunityRow(deps.db, event.communityId);
  return calendarFile(
    [{ event, communityName: community?.name ?? "" }],
    deps.config.baseUrl,
    "PUBLISH",
    event.title,
  );
}

// The private calendar feed

function feedUrl(baseUrl: string, token: string) {
  return `${baseUrl}/api/calendar/${token}.ics`;
}

export async function getMyCalendarFeed(deps: Pick<Deps, "db" | "config">, viewer: Viewer | null) {
  const me = await requireAccess(deps.db, viewer, "read", "calendarFeed");
  let feed = await findFeed(deps.db, me.userId);
  if (!feed) {
    await saveFeedToken(deps.db, me.userId, randomBytes(32).toString("base64url"));
    feed = await findFeed(deps.db, me.userId);
  }
  return { url: feedUrl(deps.config.baseUrl, feed?.token ?? "") };
}

/** A new secret link; the old one stops working at once. */
export async function resetMyCalendarFeed(deps: Pick<Deps, "db" | "config">, viewer: Viewer | null) {
  const me = await requireAccess(deps.db, viewer, "update", "calendarFeed");
  const token = randomBytes(32).toString("base64url");
  await saveFeedToken(deps.db, me.userId, token);
  return { url: feedUrl(deps.config.baseUrl, token) };
}

/**
 * The feed a calendar app fetches by its secret link. The events are read on every fetch, through the
 * member's active memberships only, so a removed member's circle meetings are gone from the next fetch.
 */
export async function calendarFeed(deps: Pick<Deps, "db" | "config">, token: string) {
  const feed = await findFeedByToken(deps.db, token);
  if (!feed) throw new AppError("NOT_FOUND", "This calendar link is not valid: it may have been reset.");
  const rows = await listFeedEventRows(deps.db, feed.userId);
  return calendarFile(rows, deps.config.baseUrl, "PUBLISH", "Sidecar communities");
}

// Reminders

export const communityJobKinds = { reminders: "communities.event-reminders" } as const;

/**
 * Tells everyone going to an occurrence that starts within the next day, once per occurrence however
 * many processes run this: the reminder row is claimed with a unique key first.
 */
export async function sendEventReminders(deps: CommunityDeps, now: Date) {
  const until = new Date(now.getTime() + 24 * hourMs);
  const events = await listEventsStartingBefore(deps.db, until);
  let sent = 0;
  for (const event of events) {
    const due = occurrencesOf(event).find((o) => o.start > now && o.start <= until);
    if (!due) continue;
    sent += await runAfterCommit(deps, async (tx, later) => {
      if (!(await claimReminder(tx, event.id, due.start))) return 0;
      const going = await listGoing(tx, event.id);
      const everyone = event.rrule
        ? (await listActiveMembers(tx, event.communityId)).map((m) => m.userId)
        : going.map((g) => g.userId);
      await notifyMembers(
        deps,
        tx,
        event.communityId,
        everyone,
        {
          kind: "community_event",
          title: `Tomorrow: ${event.title}`,
          body: event.mode === "online" ? "Online; the link is on the event page." : `In ${event.city}.`,
          link: `/events/${event.id}`,
        },
        later,
      );
      return 1;
    });
  }
  return { sent };
}

export function registerCommunityJobs(runner: JobRunner, deps: Deps) {
  runner.every(communityJobKinds.reminders, "*/30 * * * *", (_payload, { now }) =>
    sendEventReminders(deps, now),
  );
}
