import type { ReflectionInput } from "../../../shared/feedback.ts";
import type { Versioned } from "../../../shared/version.ts";
import type { Db } from "../../db/open.ts";
import { requireVersion } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { listMyLaneAssessments } from "../lanes/lanes.service.ts";
import { manageableRequest, readableRequest, requestToday } from "./feedback.access.ts";
import { presentResults, reflectionVersion } from "./feedback.presenter.ts";
import { releasedAnswerRows, updateRequestRow } from "./feedback.repo.ts";

export async function getFeedbackResults(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const row = await readableRequest(db, me, id);
  const [released, assessments] = await Promise.all([
    row.openedOn ? releasedAnswerRows(db, [row.id]) : Promise.resolve([]),
    // The self-assessment beside the results is the owner's own, read through the lanes rules.
    row.userId === me.userId ? listMyLaneAssessments(db, me) : Promise.resolve([]),
  ]);
  return presentResults(row, released, assessments[0]);
}

export async function saveReflection(
  db: Db,
  viewer: Viewer | null,
  id: string,
  questionKey: string,
  input: ReflectionInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  // Locked, so reflections saved at once on two questions both survive the read-merge-write below,
  // and the version compared here is still the stored one when the write lands.
  await db.transaction(async (tx) => {
    const row = await manageableRequest(tx, me, id, { lock: true });
    const known =
      row.questions.some((q) => q.key === questionKey) || row.lanes.some((l) => l === questionKey);
    if (!known) throw new AppError("NOT_FOUND", "This request has no such question.");
    if (!row.openedOn || (row.tallies[questionKey]?.released ?? 0) === 0) {
      throw new AppError("CONFLICT", "There is nothing to read for this question yet.");
    }
    // Repeat-back comes first: marking a theme read needs the receiver's own words about what they heard.
    if (input.read && !input.heard) {
      throw new AppError("VALIDATION", "Write what you heard before marking this read.", "heard");
    }
    const previous = row.reflections[questionKey];
    const version = reflectionVersion(previous);
    requireVersion(version, input.version, "reflection");
    const reflections = {
      ...row.reflections,
      [questionKey]: {
        heard: input.heard,
        readOn: input.read ? (previous?.readOn ?? (await requestToday(tx, row))) : null,
        version: version + 1,
      },
    };
    await updateRequestRow(tx, id, { reflections });
  });
  return getFeedbackResults(db, me, id);
}
