import { and, asc, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import { formerMemberName } from "../../../shared/account-data-words.ts";
import type { Db } from "../../db/open.ts";
import type { Deps } from "../../http/router.ts";
import { closeMembership, tellPromoted } from "../communities/communities.service.ts";
import {
  communities,
  communityEvents,
  communityMembers,
  communityModerationLog,
  communityPostRevisions,
  communityPosts,
} from "../communities/communities.table.ts";
import {
  engagementReviews,
  engagementSessions,
  engagements,
  planRevisions,
  urgentCalls,
} from "../engagements/engagements.table.ts";
import { outbox } from "../mail/outbox.table.ts";
import { freeSeat } from "../mentors/mentors.repo.ts";
import { mentorRequestMessages, mentorRequests } from "../mentors/mentors.table.ts";
import { notify } from "../notifications/notifications.service.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { shareGrants } from "../sharing/sharing.table.ts";

export type DeletionContext = {
  deps: Pick<Deps, "db" | "mailer" | "config" | "auth">;
  tx: Db;
  /** The account being deleted. */
  userId: string;
  email: string;
  name: string;
  /** The stand-in "A former member" that keeps what other people own pointing somewhere. */
  formerId: string;
  now: Date;
  /** Mail to send once the deletion has committed. */
  later: (send: () => void) => void;
};

/**
 * A module's part in deleting an account: what must stay for other people, moved to the stand-in, and
 * what must end for them with a clear state. Everything else of the member's goes with their account
 * row (foreign keys cascade), in the same transaction, so a module with nothing to keep needs no step.
 */
export type DeletionStep = { module: string; run: (context: DeletionContext) => Promise<void> };

const endedByDeletion = "The other person deleted their Sidecar account.";

export const deletionSteps: DeletionStep[] = [
  {
    // Engagements end for the other side, who keeps the engagement, its plan, its sessions' history,
    // their own notes (private ones too) and the review they wrote; the member's notes and reviews go.
    module: "engagements",
    async run({ deps, tx, userId, formerId, now, later }) {
      const rows = await tx
        .select()
        .from(engagements)
        .where(or(eq(engagements.menteeId, userId), eq(engagements.mentorId, userId)))
        .for("update");
      for (const row of rows) {
        const other = row.menteeId === userId ? row.mentorId : row.menteeId;
        const asMentee = row.menteeId === userId;
        if (row.state !== "closed") {
          const [request] = await tx
            .select({ state: mentorRequests.state })
            .from(mentorRequests)
            .where(eq(mentorRequests.id, row.requestId))
            .for("update");
          if (request?.state === "accepted") {
            if (asMentee) await freeSeat(tx, row.mentorId);
            await tx
              .update(mentorRequests)
              .set({ state: "ended", closedAt: now, updatedAt: now })
              .where(eq(mentorRequests.id, row.requestId));
          }
          later(
            await notify(deps, tx, {
              userId: other,
              kind: "engagement_update",
              title: "Your mentoring has ended",
              body: `${endedByDeletion} Your own notes, the plan and your review stay on the engagement page.`,
              link: `/engagements/${row.id}`,
            }),
          );
        }
        await tx
          .update(engagements)
          .set({
            state: "closed",
            closedAt: row.closedAt ?? now,
            menteeId: asMentee ? formerId : row.menteeId,
            mentorId: asMentee ? row.mentorId : formerId,
            // The intake's answers are the mentee's own words.
            ...(asMentee ? { intakeAnswers: [], intakeShared: [], intakeGranted: [] } : {}),
            version: sql`${engagements.version} + 1`,
            updatedAt: now,
          })
          .where(eq(engagements.id, row.id));
        await tx
          .update(mentorRequests)
          .set(asMentee ? { menteeId: formerId } : { mentorId: formerId })
          .where(eq(mentorRequests.id, row.requestId));
        await tx
          .delete(mentorRequestMessages)
          .where(
            and(
              eq(mentorRequestMessages.requestId, row.requestId),
              eq(mentorRequestMessages.from, asMentee ? "mentee" : "mentor"),
            ),
          );
        await tx
          .update(engagementReviews)
          .set({ mentorId: formerId })
          .where(and(eq(engagementReviews.engagementId, row.id), eq(engagementReviews.mentorId, userId)));
      }
      await tx.update(planRevisions).set({ authorId: formerId }).where(eq(planRevisions.authorId, userId));
      // Sessions still to come are cancelled for the other side; past ones stay in their history.
      await tx
        .update(engagementSessions)
        .set({
          state: "cancelled",
          cancelReason: endedByDeletion,
          sequence: sql`${engagementSessions.sequence} + 1`,
          version: sql`${engagementSessions.version} + 1`,
          updatedAt: now,
        })
        .where(
          and(
            or(eq(engagementSessions.mentorId, userId), eq(engagementSessions.menteeId, userId)),
            eq(engagementSessions.state, "booked"),
            gt(engagementSessions.endsAt, now),
          ),
        );
      await tx
        .update(engagementSessions)
        .set({ mentorId: formerId })
        .where(eq(engagementSessions.mentorId, userId));
      await tx
        .update(engagementSessions)
        .set({ menteeId: formerId })
        .where(eq(engagementSessions.menteeId, userId));
      // A 911 call the member took stays in its caller's history, taken by "a former member".
      await tx.update(urgentCalls).set({ takenBy: formerId }).where(eq(urgentCalls.takenBy, userId));
    },
  },
  {
    // Circles and communities keep their threads: the member's posts stay, by "a former member". Their
    // memberships end as leaving does (places, RSVPs and waitlists move on); a circle never loses its last
    // organizer: the longest-standing active member becomes one.
    module: "communities",
    async run({ deps, tx, userId, formerId, later }) {
      const memberships = await tx
        .select({ communityId: communityMembers.communityId, role: communityMembers.role })
        .from(communityMembers)
        .where(and(eq(communityMembers.userId, userId), eq(communityMembers.state, "active")));
      for (const membership of memberships) {
        if (membership.role === "organizer") {
          const organizers = await tx
            .select({ userId: communityMembers.userId })
            .from(communityMembers)
            .where(
              and(
                eq(communityMembers.communityId, membership.communityId),
                eq(communityMembers.state, "active"),
                eq(communityMembers.role, "organizer"),
                ne(communityMembers.userId, userId),
              ),
            );
          if (organizers.length === 0) {
            const [successor] = await tx
              .select({ userId: communityMembers.userId })
              .from(communityMembers)
              .where(
                and(
                  eq(communityMembers.communityId, membership.communityId),
                  eq(communityMembers.state, "active"),
                  ne(communityMembers.userId, userId),
                ),
              )
              .orderBy(asc(communityMembers.joinedAt))
              .limit(1);
            if (successor) {
              await tx
                .update(communityMembers)
                .set({ role: "organizer" })
                .where(
                  and(
                    eq(communityMembers.communityId, membership.communityId),
                    eq(communityMembers.userId, successor.userId),
                  ),
                );
            }
          }
        }
        const { promoted } = await closeMembership(tx, membership.communityId, userId, "left");
        await tellPromoted(deps, tx, promoted, later);
      }
      await tx.update(communityPosts).set({ authorId: formerId }).where(eq(communityPosts.authorId, userId));
      await tx
        .update(communityPostRevisions)
        .set({ editorId: formerId })
        .where(eq(communityPostRevisions.editorId, userId));
      await tx.update(communities).set({ createdBy: formerId }).where(eq(communities.createdBy, userId));
      await tx
        .update(communityEvents)
        .set({ createdBy: formerId })
        .where(eq(communityEvents.createdBy, userId));
      await tx
        .update(communityModerationLog)
        .set({ actorId: formerId })
        .where(eq(communityModerationLog.actorId, userId));
      await tx
        .update(communityModerationLog)
        .set({ targetUserId: formerId })
        .where(eq(communityModerationLog.targetUserId, userId));
    },
  },
  {
    // Grants name the reader by email: what others shared with the member goes, so a new account with
    // the same address starts with nothing. (The member's own grants go with their account.)
    module: "sharing",
    async run({ tx, email }) {
      await tx.delete(shareGrants).where(sql`lower(${shareGrants.granteeEmail}) = lower(${email})`);
    },
  },
  {
    // Other people's inboxes keep their notifications, but no longer name the member.
    module: "notifications",
    async run({ tx, name, userId }) {
      if (name.trim().length < 2) return;
      const mentions = sql`(strpos(${notifications.title}, ${name}) > 0 or strpos(${notifications.body}, ${name}) > 0)`;
      await tx
        .update(notifications)
        .set({
          title: sql`replace(${notifications.title}, ${name}, ${formerMemberName})`,
          body: sql`replace(${notifications.body}, ${name}, ${formerMemberName})`,
        })
        .where(and(ne(notifications.userId, userId), mentions));
    },
  },
  {
    // Mail to the member that is still waiting, and the record of mail sent to them, go with them.
    module: "mail",
    async run({ tx, email }) {
      await tx.delete(outbox).where(inArray(outbox.to, [email, email.toLowerCase()]));
    },
  },
];
