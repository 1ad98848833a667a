import { Cron } from "croner";
import type { Deps } from "../../http/router.ts";
import { describeFailure } from "../../logger.ts";
import { sendDueDigests } from "./notifications.service.ts";

/**
 * Every 15 minutes, sends the daily digests that are due. Each digest goes out once across all app
 * processes (see sendDueDigests), so every process may run this tick. Returns how to stop it.
 */
export function startDigestTick(deps: Pick<Deps, "db" | "mailer" | "config" | "auth" | "logger">) {
  let running: Promise<unknown> = Promise.resolve();
  const job = new Cron(
    "*/15 * * * *",
    {
      name: "daily-digest",
      protect: true,
      catch: (error) => deps.logger.error("daily digest failed", describeFailure(error)),
    },
    async () => {
      running = sendDueDigests(deps, new Date());
      await running;
    },
  );
  return async () => {
    job.stop();
    await running.catch(() => {});
  };
}
