import { addDays } from "../../../shared/calendar-date.ts";
import { laneIds, lanes } from "../../../shared/lanes.ts";
import type { DiagnosisInput, MoveKind } from "../../../shared/promotion-diagnosis.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { listRequestRows } from "../feedback/feedback.repo.ts";
import { createFeedbackRequest } from "../feedback/requests.service.ts";
import { getMySuperpowers } from "../feedback/superpowers.service.ts";
import { listMyLaneAssessments } from "../lanes/lanes.service.ts";
import { listPortfolioRoleRows } from "../portfolio/portfolio.repo.ts";
import { memberToday } from "../profile/member-today.ts";
import { listStoryEntryRows, listThoughtRows } from "../story/story.repo.ts";
import { getTargetRole } from "../target-role/target-role.service.ts";
import { createTour, listMyTours } from "../tours/tours.service.ts";
import { contextFrom, type DiagnosisFacts, diagnose } from "./diagnose.ts";
import { presentDiagnosis } from "./promotion-diagnosis.presenter.ts";
import {
  addCreatedMove,
  findDiagnosisRow,
  insertDiagnosis,
  listDiagnosisRows,
} from "./promotion-diagnosis.repo.ts";

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** What the member's own records say, read through their own use cases so each keeps its access rule. */
async function gatherFacts(db: Db, me: Viewer): Promise<DiagnosisFacts> {
  const today = await memberToday(db, me.userId);
  const superpowers = await getMySuperpowers(db, me);
  const assessments = await listMyLaneAssessments(db, me);
  const nextLevel = await getTargetRole(db, me);
  const { tours } = await listMyTours(db, me);
  const roles = await listPortfolioRoleRows(db, me.userId);
  const requests = await listRequestRows(db, me.userId);
  const latest = assessments[0];
  const rated = latest
    ? laneIds
        .map((lane) => ({ label: lanes[lane].label, rating: latest.ratings[lane] }))
        .sort((a, b) => a.rating - b.rating)
    : [];
  const activeTour = tours.find((tour) => tour.status === "active");
  const currentRole = roles.find((role) => role.endsOn === null);
  return {
    superpowers: superpowers.chosen.map((s) => ({ label: s.label, shadow: s.shadow })),
    contradictions: superpowers.contradictions.length,
    feedbackRequestsWithResults: requests.filter((row) => row.openedOn !== null).length,
    latestLanes: latest ? { lowest: rated[0] ?? null, highest: rated.at(-1) ?? null } : null,
    worldClassLane: latest?.worldClassLane ? lanes[latest.worldClassLane].label : null,
    nextLevelLabel: nextLevel.nextLevelLabel,
    openHurdles: nextLevel.hurdles
      .filter((h) => h.checks.every((c) => c.checkedOn === null))
      .map((h) => h.title),
    currentTour: activeTour
      ? {
          title: activeTour.title,
          startsOn: activeTour.startsOn,
          monthsIn: monthsBetween(activeTour.startsOn, today),
        }
      : null,
    currentRole: currentRole
      ? {
          label: `${currentRole.title}, ${currentRole.company}`,
          startsOn: currentRole.startsOn,
          monthsIn: monthsBetween(currentRole.startsOn, today),
        }
      : null,
    storyEntries: (await listStoryEntryRows(db, me.userId)).length,
    thoughtItemsLast90Days: (await listThoughtRows(db, me.userId)).filter(
      (t) => t.happenedOn > addDays(today, -90),
    ).length,
  };
}

export async function listMyDiagnoses(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "promotionDiagnosis");
  return {
    context: contextFrom(await gatherFacts(db, me)),
    history: (await listDiagnosisRows(db, me.userId)).map(presentDiagnosis),
  };
}

export async function runDiagnosis(db: Db, viewer: Viewer | null, input: DiagnosisInput) {
  const me = await requireAccess(db, viewer, "create", "promotionDiagnosis");
  const { causes, summary } = diagnose(input, await gatherFacts(db, me));
  const row = await insertDiagnosis(db, {
    userId: me.userId,
    takenOn: await memberToday(db, me.userId),
    answers: input.answers,
    monthsAtLevel: input.monthsAtLevel,
    developmentArea: input.developmentArea,
    notes: input.notes,
    causes,
    summary,
  });
  return presentDiagnosis(row);
}

async function requireDiagnosis(db: Db, me: Viewer, id: string, action: "read" | "create") {
  // Someone else's run answers like a missing one, so its existence does not leak.
  return requireAccess(db, me, action, "promotionDiagnosis", await findDiagnosisRow(db, id));
}

export async function getDiagnosis(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  return presentDiagnosis(await requireDiagnosis(db, me, id, "read"));
}

/** Turns the development-area move into a tour of duty or a feedback request about the area. */
export async function makeMove(db: Db, viewer: Viewer | null, id: string, kind: MoveKind) {
  const me = requireSignedIn(viewer);
  const row = await requireDiagnosis(db, me, id, "create");
  const area = row.developmentArea;
  if (!area) {
    throw new AppError(
      "CONFLICT",
      "Name the development area in the check first: the tour or request is built around it.",
      "developmentArea",
    );
  }
  const today = await memberToday(db, me.userId);
  // The tour or request and the mark on the run are written together, or neither is.
  return db.transaction(async (tx) => {
    const made = kind === "tour" ? await tourFor(tx, me, area, today) : await requestFor(tx, me, area, today);
    const updated = await addCreatedMove(tx, id, { kind, ...made });
    if (!updated)
      throw new AppError("NOT_FOUND", "There is no promotion diagnosis with this id among yours.");
    return presentDiagnosis(updated);
  });
}

async function tourFor(db: Db, me: Viewer, area: string, today: string) {
  const tour = await createTour(db, me, {
    title: `Work on: ${area}`.slice(0, 120),
    mission: `Close the development area feedback keeps naming: ${area}. Agree with my manager what good looks like, and ask for feedback on it again at the end.`,
    startsOn: today,
    endsOn: addDays(today, 365),
    renegotiateOn: null,
    lanes: [],
    experiences: [],
  });
  return { id: tour.id, label: tour.title };
}

async function requestFor(db: Db, me: Viewer, area: string, today: string) {
  const request = await createFeedbackRequest(db, me, {
    purpose: `I am working on ${area}. I would value your honest view of where I stand on it.`.slice(0, 600),
    questions: [
      `Where have you seen me handle ${area} well, or not?`.slice(0, 300),
      "What one thing should I do differently?",
    ],
    lanes: [],
    closesOn: addDays(today, 14),
    minResponses: 3,
  });
  return { id: request.id, label: request.purpose };
}
