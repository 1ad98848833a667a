import { z } from "zod";
import { instantOutput } from "./calendar-date-schema.ts";
import { deliveries } from "./notifications.ts";
import { isTimeZone } from "./profile.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export const communityKinds = ["circle", "open"] as const;
export type CommunityKind = (typeof communityKinds)[number];
export const communityKindLabels: Record<CommunityKind, string> = {
  circle: "Vetted circle: people apply, organizers admit",
  open: "Open community: anyone can join",
};

export const memberRoles = ["organizer", "moderator", "member"] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberStates = ["active", "left", "removed", "banned"] as const;
export type MemberState = (typeof memberStates)[number];

export const applicationStates = ["pending", "info_requested", "admitted", "declined", "joined"] as const;
export type ApplicationState = (typeof applicationStates)[number];

/** A circle stays small enough for candour: organizers pick a limit in this range. */
export const circleSizeRange = { min: 2, max: 60 } as const;
/** Flags from this many trusted members hide a post until a moderator looks at it. */
export const autoHideFlags = 3;
/** A member is trusted to flag (counting toward automatic hiding) after this many days with a post. */
export const trustedAfterDays = 7;
/** Posts per hour: stricter during a member's first days. */
export const postLimits = { newMemberDays: 3, newMemberPerHour: 3, perHour: 20 } as const;
export const threadsPageSize = 20;

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses");
export const idParam = z.object({ id });
export const memberParam = z.object({ id, userId: id });
export const applicationParam = z.object({ id, applicationId: id });
export const tokenParam = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,80}(\.ics)?$/, "This calendar link is not valid"),
});

const line = (what: string, max: number) =>
  plainText()
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Keep ${what} under ${max} characters`)
    .refine((value) => !/[\r\n]/.test(value), `Write ${what} on one line`);
const prose = (what: string, max: number, min = 0) =>
  plainText().trim().min(min, `Write ${what}`).max(max, `Keep ${what} under ${max} characters`);

export const communityInput = z
  .object({
    kind: z.enum(communityKinds, { error: "Pick a vetted circle or an open community" }),
    name: line("a name", 100),
    description: prose("a description", 3000, 1),
    admissionCriteria: prose("the admission criteria", 3000).default(""),
    norms: prose("the norms members accept on joining", 3000, 1),
    sizeLimit: z
      .number({ error: "Enter a size limit" })
      .int("Enter a whole number")
      .min(circleSizeRange.min, `Allow at least ${circleSizeRange.min} members`)
      .max(circleSizeRange.max, `Keep a circle to ${circleSizeRange.max} members or fewer`)
      .nullable()
      .default(null),
  })
  .strict()
  .refine((c) => c.kind === "open" || c.admissionCriteria.length > 0, {
    message: "Say whom the circle is for: applicants answer these criteria",
    path: ["admissionCriteria"],
  })
  .refine((c) => c.kind === "open" || c.sizeLimit !== null, {
    message: "Set a size limit for a circle",
    path: ["sizeLimit"],
  });
export type CommunityInput = z.infer<typeof communityInput>;
export const communityUpdateInput = z
  .object({
    name: line("a name", 100),
    description: prose("a description", 3000, 1),
    admissionCriteria: prose("the admission criteria", 3000).default(""),
    norms: prose("the norms members accept on joining", 3000, 1),
    sizeLimit: z
      .number({ error: "Enter a size limit" })
      .int("Enter a whole number")
      .min(circleSizeRange.min, `Allow at least ${circleSizeRange.min} members`)
      .max(circleSizeRange.max, `Keep a circle to ${circleSizeRange.max} members or fewer`)
      .nullable()
      .default(null),
    version: z.number().int().min(0).max(2_147_483_647),
  })
  .strict();
export type CommunityUpdateInput = z.infer<typeof communityUpdateInput>;

export const joinInput = z
  .object({
    acceptNorms: z.literal(true, { error: "Accept the norms to join" }),
  })
  .strict();

export const applicationInput = z
  .object({
    answers: prose("how you meet the criteria", 3000, 1),
  })
  .strict();
export const decisionInput = z
  .object({
    decision: z.enum(["admit", "decline", "ask"], { error: "Admit, decline or ask for more" }),
    message: prose("a message", 2000).default(""),
  })
  .strict()
  .refine((d) => d.decision === "admit" || d.message.length > 0, {
    message: "Say why, or what you need to know: the applicant reads it",
    path: ["message"],
  });
export type DecisionInput = z.infer<typeof decisionInput>;
export const applicationAnswerInput = z.object({ answer: prose("your answer", 3000, 1) }).strict();

export const removeMemberInput = z
  .object({
    ban: z.boolean().default(false),
    reason: prose("a reason", 1000).default(""),
  })
  .strict();
export const roleInput = z.object({ role: z.enum(memberRoles, { error: "Pick a role" }) }).strict();
export const communityNotificationInput = z
  .object({
    delivery: z.enum(["default", ...deliveries], { error: "Pick how this community's emails reach you" }),
  })
  .strict();

export const channelInput = z.object({ name: line("a channel name", 60) }).strict();

export const threadInput = z
  .object({
    title: line("a title", 200),
    body: prose("the post", 20000, 1),
    channelId: id.nullable().default(null),
    mentions: z.array(id).max(20, "Mention at most 20 people in one post").default([]),
  })
  .strict();
export type ThreadInput = z.infer<typeof threadInput>;
export const replyInput = z
  .object({
    body: prose("the reply", 20000, 1),
    mentions: z.array(id).max(20, "Mention at most 20 people in one post").default([]),
  })
  .strict();
export type ReplyInput = z.infer<typeof replyInput>;
export const postUpdateInput = withVersion(
  z
    .object({
      title: line("a title", 200).optional(),
      body: prose("the post", 20000, 1),
    })
    .strict(),
);
export const hideInput = z
  .object({ hidden: z.boolean(), reason: prose("a reason", 500).default("") })
  .strict();
export const flagInput = z
  .object({ reason: z.enum(["off_topic", "inappropriate", "spam", "confidential"]) })
  .strict();

export const threadListQuery = z.object({
  channel: id.optional(),
  before: z.string().datetime({ offset: true }).optional(),
});
export const searchQuery = z.object({
  q: plainText().trim().max(200, "Keep the search under 200 characters").default(""),
});

export const eventModes = ["online", "in_person"] as const;
export type EventMode = (typeof eventModes)[number];
const localDateTime = (message: string) =>
  z.string({ error: message }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message);
export const eventInput = z
  .object({
    title: line("a title", 200),
    description: prose("a description", 5000).default(""),
    mode: z.enum(eventModes, { error: "Pick online or in person" }),
    url: z
      .string()
      .trim()
      .max(500)
      .refine((v) => v === "" || /^https:\/\/\S+$/.test(v), "Enter a link starting with https://")
      .default(""),
    place: prose("the place", 300).default(""),
    city: prose("the city", 100).default(""),
    timeZone: z
      .string({ error: "Pick the time zone" })
      .refine(isTimeZone, "Pick a time zone such as Europe/London"),
    start: localDateTime("Enter the start as a date and time"),
    end: localDateTime("Enter the end as a date and time"),
    capacity: z.number().int().min(1, "Allow at least one place").max(10000).nullable().default(null),
    recurrence: z
      .enum(["none", "weekly", "biweekly", "monthly"], { error: "Pick how often it repeats" })
      .default("none"),
    occurrences: z.number().int().min(2).max(52).default(6),
  })
  .strict()
  .refine((e) => e.end > e.start, { message: "End after the start", path: ["end"] })
  .refine((e) => e.mode === "in_person" || e.url !== "", { message: "Give the link to join", path: ["url"] })
  .refine((e) => e.mode === "online" || e.city !== "", { message: "Name the city", path: ["city"] });
export type EventInput = z.infer<typeof eventInput>;
export const eventListQuery = z.object({ city: z.string().trim().max(100).optional() });

// Outputs

export const communityCardOutput = z
  .object({
    id: z.string(),
    kind: z.enum(communityKinds),
    name: z.string(),
    description: z.string(),
    myState: z
      .enum(["organizer", "moderator", "member", "applied", "admitted", "none", "banned"])
      .meta({ description: "Where the viewer stands; a circle says nothing about anyone else" }),
  })
  .meta({ id: "CommunityCard" });
export type CommunityCard = z.infer<typeof communityCardOutput>;
export const communityListOutput = z.object({ communities: z.array(communityCardOutput) });

export const channelOutput = z.object({ id: z.string(), name: z.string() });
export const applicationMessageOutput = z.object({
  from: z.enum(["applicant", "organizer"]),
  kind: z.enum(["answers", "question", "answer", "decline"]),
  text: z.string(),
  at: instantOutput,
});
export const myApplicationOutput = z.object({
  id: z.string(),
  state: z.enum(applicationStates),
  messages: z.array(applicationMessageOutput),
});
export const communityOutput = communityCardOutput
  .extend({
    admissionCriteria: z.string(),
    norms: z.string(),
    sizeLimit: z.number().int().nullable(),
    myApplication: myApplicationOutput.nullable(),
    /** Members only: null for anyone who may not read inside. */
    inside: z
      .object({
        memberCount: z.number().int(),
        channels: z.array(channelOutput),
        notificationDelivery: z.enum(["default", ...deliveries]),
      })
      .nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Community" });
export type Community = z.infer<typeof communityOutput>;

export const memberOutput = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(memberRoles),
  joinedAt: instantOutput,
});
export const memberListOutput = z.object({ members: z.array(memberOutput) });

export const applicationOutput = z.object({
  id: z.string(),
  applicantId: z.string(),
  name: z.string(),
  state: z.enum(applicationStates),
  messages: z.array(applicationMessageOutput),
  createdAt: instantOutput,
});
export const applicationListOutput = z.object({ applications: z.array(applicationOutput) });

export const postOutput = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  title: z.string().nullable(),
  /** Markdown, rendered by the page with raw HTML refused; empty while hidden from the viewer. */
  body: z.string(),
  hidden: z.boolean(),
  hiddenReason: z.enum(["moderator", "flags"]).nullable(),
  edited: z.boolean(),
  flaggedByMe: z.boolean(),
  createdAt: instantOutput,
  version: z.number().int(),
});
export type Post = z.infer<typeof postOutput>;
export const threadSummaryOutput = z.object({
  id: z.string(),
  title: z.string(),
  authorName: z.string(),
  channelId: z.string().nullable(),
  replies: z.number().int(),
  hidden: z.boolean(),
  lastActivityAt: instantOutput,
});
export const threadListOutput = z.object({
  threads: z.array(threadSummaryOutput),
  nextBefore: z.string().nullable(),
});
export const threadOutput = z
  .object({
    id: z.string(),
    communityId: z.string(),
    channelId: z.string().nullable(),
    post: postOutput,
    replies: z.array(postOutput),
    canModerate: z.boolean(),
  })
  .meta({ id: "Thread" });
export type Thread = z.infer<typeof threadOutput>;
export const revisionOutput = z.object({
  title: z.string().nullable(),
  body: z.string(),
  editorName: z.string(),
  editedAt: instantOutput,
});
export const historyOutput = z.object({ revisions: z.array(revisionOutput) });
export const searchHitOutput = z.object({
  threadId: z.string(),
  postId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  excerpt: z.string(),
});
export const searchOutput = z.object({ hits: z.array(searchHitOutput) });
export const flagOutput = z.object({ flagged: z.boolean(), hidden: z.boolean() });
export const moderationEntryOutput = z.object({
  action: z.enum(["hide", "unhide", "auto_hide", "remove", "ban", "role"]),
  actorName: z.string().nullable(),
  targetName: z.string().nullable(),
  postId: z.string().nullable(),
  reason: z.string(),
  at: instantOutput,
});
export const moderationLogOutput = z.object({ entries: z.array(moderationEntryOutput) });

export const occurrenceOutput = z.object({ start: instantOutput, end: instantOutput });
export const eventOutput = z
  .object({
    id: z.string(),
    communityId: z.string(),
    title: z.string(),
    description: z.string(),
    mode: z.enum(eventModes),
    url: z.string(),
    place: z.string(),
    city: z.string(),
    timeZone: z.string().meta({ description: "The organizer's time zone, in which start and end were set" }),
    start: instantOutput,
    end: instantOutput,
    recurrence: z.string().nullable().meta({ description: "An RFC 5545 RRULE for recurring meetings" }),
    nextOccurrences: z.array(occurrenceOutput),
    capacity: z.number().int().nullable(),
    going: z.number().int(),
    waitlisted: z.number().int(),
    myRsvp: z.enum(["going", "waitlisted"]).nullable(),
    myWaitlistPosition: z.number().int().nullable(),
  })
  .meta({ id: "CommunityEvent" });
export type CommunityEvent = z.infer<typeof eventOutput>;
export const eventListOutput = z.object({ events: z.array(eventOutput), cities: z.array(z.string()) });
export const calendarFeedOutput = z.object({ url: z.string() });
export const deletedOutput = z.object({ id: z.string() });
