import { z } from "zod";
import { withVersion } from "./version.ts";

export const deliveries = ["each", "digest", "off"] as const;
export type Delivery = (typeof deliveries)[number];

export const deliveryLabels: Record<Delivery, string> = {
  each: "Email me each time",
  digest: "Once a day, in a digest",
  off: "No email",
};

type KindDefinition = {
  label: string;
  description: string;
  defaultDelivery: Delivery;
  /** Essential mail is always sent and cannot be turned off; it does not go through notify(). */
  essential: boolean;
  /** Shown and stored no finer than a day, where a finer time could tell something about someone else. */
  dayPrecision: boolean;
};

// Every kind of notification, declared once. Later modules add theirs here.
export const notificationKinds = {
  feedback_results_ready: {
    label: "Feedback results are ready",
    description: "When enough people have answered one of your feedback requests to show the results.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: true,
  },
  mentor_request_received: {
    label: "A request waits for your answer",
    description:
      "When a member asks you to mentor them, or answers your question about their request. Someone waits for your reply, so these are always sent.",
    defaultDelivery: "each",
    essential: true,
    dayPrecision: false,
  },
  mentor_info_requested: {
    label: "A mentor asked you for more information",
    description:
      "When a mentor you asked needs to know more before answering. The mentor waits for your reply, so these are always sent.",
    defaultDelivery: "each",
    essential: true,
    dayPrecision: false,
  },
  mentor_request_answered: {
    label: "A mentor answered your request",
    description: "When a mentor accepts or declines your request.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  mentor_request_expired: {
    label: "A mentoring request expired",
    description: "When a request went unanswered for 48 hours, with other mentors to ask instead.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  mentor_request_closed: {
    label: "A request was withdrawn or a mentoring ended",
    description: "When a member withdraws a request to you, or the other person ends a mentoring.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  mentor_paused: {
    label: "Your mentor profile was paused or resumed",
    description: "When Sidecar pauses your mentor profile because requests expired unanswered, and why.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  thought_leadership_slipped: {
    label: "Thought-leadership cadence slipped",
    description: "When the cadence you set for posts, talks or answered questions has slipped.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  engagement_update: {
    label: "Your mentoring: agreement, intake, plan and notes",
    description:
      "When the other person in a mentoring proposes or accepts the agreement, answers the intake, revises the plan, shares a note, or starts the close-out.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  decision_comment: {
    label: "Comments on decisions you shared",
    description: "When your mentor comments on a decision from your journal you shared in a mentoring.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  engagement_session: {
    label: "Mentoring sessions booked, moved or cancelled",
    description:
      "Each booking, change and cancellation of a mentoring session, with its calendar file. Your calendar needs them, so these are always sent.",
    defaultDelivery: "each",
    essential: true,
    dayPrecision: false,
  },
  engagement_stalled: {
    label: "A mentoring has no session booked",
    description: "When three weeks pass in a mentoring without a session booked.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  action_item_due: {
    label: "An action item is due",
    description: "On the day an action you committed to in a mentoring is due.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  engagement_reviews: {
    label: "Mentoring reviews",
    description: "When the reviews of a mentoring you closed are revealed.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  urgent_call: {
    label: "911 calls",
    description:
      "A member's urgent dilemma offered to you as a mentor, and what happens to a call you posted. Someone waits, so these are always sent.",
    defaultDelivery: "each",
    essential: true,
    dayPrecision: false,
  },
  community_application: {
    label: "Circle applications",
    description:
      "As an organizer, when someone applies to your circle or answers your question; as an applicant, when organizers admit you, decline or ask for more.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  community_thread: {
    label: "New threads in your communities",
    description: "When a member starts a discussion in a circle or community you belong to.",
    defaultDelivery: "digest",
    essential: false,
    dayPrecision: false,
  },
  community_reply: {
    label: "Replies to your threads",
    description: "When someone replies in a thread you started.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  community_mention: {
    label: "Mentions",
    description: "When a member mentions you in a post.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  community_event: {
    label: "Events and meetings",
    description:
      "New events in your communities, reminders the day before, and a place opening up for you from a waitlist.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  program_matched: {
    label: "A program matched you",
    description:
      "When a mentoring program you joined publishes its matches: who you are matched with, and why.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  manager_link: {
    label: "Your manager or reports",
    description:
      "When someone accepts your invitation to be your report, ends a manager link, or proposes or agrees a check-in cadence.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  check_in_update: {
    label: "Check-ins",
    description:
      "When a check-in starts, the other person comments, your manager suggests a topic or writes what they will do.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  check_in_reminder: {
    label: "Check-in reminders",
    description: "When a check-in is due, at the cadence you and your manager or report agreed.",
    defaultDelivery: "each",
    essential: false,
    dayPrecision: false,
  },
  account_security: {
    label: "Account and security",
    description:
      "Confirming your email, resetting your password and other security messages. These are always sent.",
    defaultDelivery: "each",
    essential: true,
    dayPrecision: false,
  },
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof notificationKinds;
export const allKinds = Object.keys(notificationKinds) as NotificationKind[];

type EssentialKey<K extends NotificationKind> = (typeof notificationKinds)[K]["essential"] extends true
  ? never
  : K;
/** The kinds a member can choose the delivery of, and that notify() accepts. */
export type OptionalKind = { [K in NotificationKind]: EssentialKey<K> }[NotificationKind];
export const optionalKinds = allKinds.filter((kind) => !notificationKinds[kind].essential) as OptionalKind[];

export function isOptionalKind(value: string): value is OptionalKind {
  return (optionalKinds as string[]).includes(value);
}

const deliveryInput = z.enum(deliveries, {
  error: "Choose email each time, a daily digest, or no email",
});

export const preferencesInput = z
  .object({
    deliveries: z
      .record(z.string(), deliveryInput, { error: "deliveries must map each kind to a choice" })
      .superRefine((value, ctx) => {
        for (const kind of Object.keys(value)) {
          if (isOptionalKind(kind)) continue;
          const known = kind in notificationKinds;
          ctx.addIssue({
            code: "custom",
            path: [kind],
            message: known
              ? `${notificationKinds[kind as NotificationKind].label} emails are essential and cannot be turned off`
              : "There is no kind of notification with this name",
          });
        }
      }),
  })
  .strict();
export type PreferencesInput = z.infer<typeof preferencesInput>;
export const preferencesUpdateInput = withVersion(preferencesInput);

export const notificationsPageQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number" }).int().min(1).max(100_000).default(1),
});

export const notificationOutput = z
  .object({
    id: z.string(),
    kind: z.enum(allKinds as [NotificationKind, ...NotificationKind[]]),
    title: z.string(),
    body: z.string(),
    /** A path inside Sidecar, such as /feedback/abc. */
    link: z.string().nullable(),
    read: z.boolean(),
    /** The calendar day (UTC) it arrived: never finer, so no notification dates anyone else's action. */
    createdOn: z.string(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof notificationOutput>;

export const notificationListOutput = z
  .object({
    notifications: z.array(notificationOutput),
    total: z.number().int(),
    unread: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "NotificationList" });
export type NotificationList = z.infer<typeof notificationListOutput>;

export const unreadCountOutput = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountOutput>;

export const preferenceOutput = z.object({
  kind: z.enum(allKinds as [NotificationKind, ...NotificationKind[]]),
  label: z.string(),
  description: z.string(),
  essential: z.boolean(),
  delivery: z.enum(deliveries),
});
export const preferencesOutput = z
  .object({ preferences: z.array(preferenceOutput), version: z.number().int() })
  .meta({ id: "NotificationPreferences" });
export type Preferences = z.infer<typeof preferencesOutput>;

export const unsubscribeScopes: [string, ...string[]] = ["digest", ...optionalKinds];
export const unsubscribeOutput = z
  .object({
    /** One kind of notification email, or the whole daily digest. */
    scope: z.enum(unsubscribeScopes),
    label: z.string(),
    /** The member's choice for this kind now: "off" once unsubscribed. */
    delivery: z.enum(deliveries),
  })
  .meta({ id: "Unsubscribe" });
export type Unsubscribe = z.infer<typeof unsubscribeOutput>;
