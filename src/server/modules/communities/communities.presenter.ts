import type { CommunityCard, CommunityEvent, Post } from "../../../shared/communities.ts";
import type {
  ApplicationMessageRow,
  ApplicationRow,
  CommunityRow,
  EventRow,
  PostRow,
} from "./communities.repo.ts";

export function presentCard(row: CommunityRow, myState: CommunityCard["myState"]): CommunityCard {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    myState,
  };
}

export function presentMessages(messages: ApplicationMessageRow[]) {
  return messages.map((m) => ({ from: m.from, kind: m.kind, text: m.text, at: m.createdAt.toISOString() }));
}

export function presentApplication(row: ApplicationRow, name: string, messages: ApplicationMessageRow[]) {
  return {
    id: row.id,
    applicantId: row.applicantId,
    name,
    state: row.state,
    messages: presentMessages(messages),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A post as the viewer may see it: a hidden post keeps its place but shows its words only to moderators. */
export function presentPost(
  row: PostRow,
  authorName: string,
  options: { canModerate: boolean; flaggedByMe: boolean },
): Post {
  const hidden = row.hiddenReason !== null;
  return {
    id: row.id,
    authorId: row.authorId,
    authorName,
    title: row.title,
    body: hidden && !options.canModerate ? "" : row.body,
    hidden,
    hiddenReason: row.hiddenReason,
    edited: row.edited,
    flaggedByMe: options.flaggedByMe,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function presentThreadSummary(row: PostRow, authorName: string) {
  return {
    id: row.id,
    title: row.title ?? "",
    authorName,
    channelId: row.channelId,
    replies: row.replyCount,
    hidden: row.hiddenReason !== null,
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

export function presentEvent(
  row: EventRow,
  occurrences: { start: Date; end: Date }[],
  rsvp: { waitlisted: number; mine: { status: "going" | "waitlisted" } | null; position: number | null },
): CommunityEvent {
  return {
    id: row.id,
    communityId: row.communityId,
    title: row.title,
    description: row.description,
    mode: row.mode,
    url: row.url,
    place: row.place,
    city: row.city,
    timeZone: row.timeZone,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    recurrence: row.rrule,
    nextOccurrences: occurrences.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() })),
    capacity: row.capacity,
    going: row.going,
    waitlisted: rsvp.waitlisted,
    myRsvp: rsvp.mine?.status ?? null,
    myWaitlistPosition: rsvp.position,
  };
}
