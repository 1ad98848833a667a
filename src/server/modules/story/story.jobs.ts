import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { cadenceLabels, thoughtProgress } from "../../../shared/story.ts";
import type { Deps } from "../../http/router.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { notify } from "../notifications/notifications.service.ts";
import { memberToday } from "../profile/member-today.ts";
import { listCadencedMembers, markReminded } from "./story.repo.ts";

export const cadenceJobKind = "story.cadence-reminders";

/**
 * Reminds each member whose thought-leadership cadence slipped, once per slip: the due day reminded
 * of is recorded in the same transaction as the notification, so later ticks (or another process)
 * skip it. Logging an item or setting a new cadence moves the due day on, so a later slip is new.
 */
export async function remindSlippedCadences(
  deps: Pick<Deps, "db" | "mailer" | "config" | "auth">,
  now: Date,
) {
  let reminded = 0;
  for (const member of await listCadencedMembers(deps.db)) {
    if (!member.cadence) continue;
    const today = await memberToday(deps.db, member.userId, now);
    const progress = thoughtProgress(
      member.cadence,
      member.startedOn,
      member.lastOn ? [member.lastOn] : [],
      today,
    );
    if (!progress.slipped || !progress.nextDueOn || member.remindedForDueOn === progress.nextDueOn) continue;
    const dueOn = progress.nextDueOn;
    const deliver = await deps.db.transaction(async (tx) => {
      if (!(await markReminded(tx, member.userId, dueOn))) return undefined;
      return notify(deps, tx, {
        userId: member.userId,
        kind: "thought_leadership_slipped",
        title: "Your thought-leadership cadence slipped",
        body: `You set ${cadenceLabels[member.cadence as keyof typeof cadenceLabels].toLowerCase()}; the next was due by ${formatCalendarDate(dueOn)}. A short post or an answered question gets you back on track.`,
        link: "/story/thought-leadership",
      });
    });
    if (deliver) {
      deliver();
      reminded++;
    }
  }
  return reminded;
}

export function registerStoryJobs(runner: JobRunner, deps: Deps) {
  // Hourly, so each member is reminded within an hour of their own midnight.
  runner.every(cadenceJobKind, "41 * * * *", async (_payload, { now }) => {
    await remindSlippedCadences(deps, now);
  });
}
