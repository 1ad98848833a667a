import { eq } from "drizzle-orm";
import { users } from "../../auth/auth.table.ts";
import type { Db } from "../../db/open.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import { listTourRows } from "../tours/tours.repo.ts";
import {
  insertAgendaItem,
  insertAreaShare,
  insertCheckIn,
  insertComment,
  insertLink,
  updateCheckInRow,
  updateLinkRow,
} from "./managers.repo.ts";
import { managerJobKinds } from "./managers.service.ts";

const dayMs = 24 * 3600 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * dayMs).toISOString().slice(0, 10);

async function userIdOf(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

/**
 * Nadia, Priya's manager at Ledgerline, invited her and she accepted: check-ins every two weeks, her
 * lanes and current tour of duty shared, a past check-in with Nadia's plan and a comment each, and
 * this week's with an agenda (one of Nadia's topics still waiting for Priya's answer).
 */
export async function seedDemoManagers(db: Db) {
  const [nadia, priya] = [await userIdOf(db, "nadia@demo.sidecar"), await userIdOf(db, "priya@demo.sidecar")];
  if (!nadia || !priya) return;
  const invited = await insertLink(db, nadia, "priya@demo.sidecar");
  if (!invited) throw new Error("The demo manager link was not created.");
  const nextReminderAt = new Date(Date.now() + 12 * dayMs);
  const link = await updateLinkRow(db, invited.id, invited.version, {
    state: "active",
    reportId: priya,
    answeredAt: new Date(Date.now() - 69 * dayMs),
    cadence: "fortnightly",
    nextReminderAt,
  });
  if (!link) throw new Error("The demo manager link was not accepted.");
  await enqueueJob(db, {
    kind: managerJobKinds.reminder,
    payload: { linkId: link.id },
    key: `manager-reminder:${link.id}`,
    runAt: nextReminderAt,
  });

  await insertAreaShare(db, link.id, "lanes", "");
  const current = (await listTourRows(db, priya)).find((t) => t.startsOn <= day(0) && t.endsOn >= day(0));
  if (current) await insertAreaShare(db, link.id, "tour", current.id);

  const earlier = await insertCheckIn(
    db,
    link.id,
    day(-16),
    "Hiring the platform team's first engineering manager: I have never hired a manager, and the two finalists are very different.",
  );
  await updateCheckInRow(db, earlier.id, earlier.version, {
    managerPlan:
      "I will sit in on both final interviews as an observer, and send you the scorecard we used for the risk team's manager.",
  });
  await insertAgendaItem(db, earlier.id, "Scorecard for an engineering manager", "report");
  await insertAgendaItem(db, earlier.id, "Reference calls: who should make them", "manager");
  await insertComment(
    db,
    earlier.id,
    "report",
    "The scorecard helped: both panels now ask the same questions.",
  );
  await insertComment(db, earlier.id, "manager", "Good. Write down why you chose, for the next hire.");

  const latest = await insertCheckIn(
    db,
    link.id,
    day(-2),
    "Getting the platform roadmap in front of the executive team, without it turning into a debate about one team's feature.",
  );
  await insertAgendaItem(db, latest.id, "Ten minutes at the next staff meeting", "report");
  await insertAgendaItem(db, latest.id, "Which product teams to bring along first", "manager");
}
