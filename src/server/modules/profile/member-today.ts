import { todayIn } from "../../../shared/calendar-date.ts";
import type { Db } from "../../db/open.ts";
import type { Viewer } from "../../http/viewer.ts";
import { findProfileRow } from "./profile.repo.ts";

/** Today on the member's own calendar: a date that is due in Tokyo may not be due in Berlin yet. */
export async function memberToday(db: Db, userId: string, at?: Date): Promise<string> {
  return todayIn((await findProfileRow(db, userId))?.timeZone, at);
}

/** The same for the person asking, from the profile read with their session: no statement at all. */
export function viewerToday(viewer: Viewer, at?: Date): string {
  return todayIn(viewer.profile.timeZone, at);
}
