import { and, eq, lt } from "drizzle-orm";
import type { Deps } from "../http/router.ts";
import { registerAccountDataJobs } from "../modules/account-data/account-data.service.ts";
import { registerCommunityJobs } from "../modules/communities/events.service.ts";
import { registerEngagementJobs } from "../modules/engagements/engagements.service.ts";
import { registerUrgentCallJobs } from "../modules/engagements/urgent-calls.service.ts";
import { registerFeedbackJobs } from "../modules/feedback/feedback.jobs.ts";
import { deliverMailJob } from "../modules/mail/mailer.ts";
import { registerManagerJobs } from "../modules/managers/managers.service.ts";
import { registerMentorJobs } from "../modules/mentors/mentors.service.ts";
import { sendDueDigests } from "../modules/notifications/notifications.service.ts";
import { registerProgramJobs } from "../modules/programs/programs.jobs.ts";
import { registerStoryJobs } from "../modules/story/story.jobs.ts";
import type { JobRunner } from "./job-runner.ts";
import { jobs } from "./jobs.table.ts";

const day = 24 * 3600 * 1000;

/**
 * Every kind of background work and every periodic tick, in one place. A module adds its handlers
 * here; a periodic task is one `runner.every(kind, cron pattern in UTC, handler)` line.
 */
export function registerJobs(runner: JobRunner, deps: Deps) {
  const { db, mailer } = deps;

  // About eight hours of tries: 30 s, 1 min, 2 min, ... then every hour.
  runner.register(deliverMailJob, (payload) => mailer.deliver(String(payload.outboxId)), {
    maxAttempts: 12,
    backoffSeconds: 30,
    leaseSeconds: 120,
  });
  registerFeedbackJobs(runner, deps);
  registerStoryJobs(runner, deps);
  registerMentorJobs(runner, deps);
  registerEngagementJobs(runner, deps);
  registerUrgentCallJobs(runner, deps);
  registerCommunityJobs(runner, deps);
  registerProgramJobs(runner, deps);
  registerManagerJobs(runner, deps);
  registerAccountDataJobs(runner, deps);

  // Mail whose tries ran out while SMTP was down goes out once it is back, for two days.
  runner.every("mail.requeue", "7 * * * *", async () => {
    await mailer.requeueUndelivered({ createdAfter: new Date(Date.now() - 2 * day) });
  });
  // Each member's digest is due from 08:00 on their own clock; once a day per member, see sendDueDigests.
  runner.every("notifications.digest", "*/15 * * * *", (_payload, { now }) => sendDueDigests(deps, now));
  runner.every("jobs.prune", "23 3 * * *", async () => {
    await db
      .delete(jobs)
      .where(and(eq(jobs.state, "done"), lt(jobs.updatedAt, new Date(Date.now() - 14 * day))));
  });
}
