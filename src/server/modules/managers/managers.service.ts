import { inArray } from "drizzle-orm";
import type { CheckInArea } from "../../../shared/manager-words.ts";
import {
  type AreaInput,
  type CadenceInput,
  type CheckInInput,
  cadenceLabels,
  checkInAreaLabels,
  type InviteReportInput,
} from "../../../shared/managers.ts";
import { composeRelease } from "../../../shared/story.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireLinkAccess } from "../../access/require-access.ts";
import type { LinkFacts } from "../../access/rules.ts";
import type { Db } from "../../db/open.ts";
import { isViolation, runAfterCommit } from "../../db/transaction.ts";
import { staleWriteError } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { presentDecision } from "../decisions/decisions.presenter.ts";
import { findDecisionRow, listRevisitRows } from "../decisions/decisions.repo.ts";
import { decisions } from "../decisions/decisions.table.ts";
import { presentResults } from "../feedback/feedback.presenter.ts";
import { findRequestRow, releasedAnswerRows } from "../feedback/feedback.repo.ts";
import { feedbackRequests } from "../feedback/feedback.table.ts";
import { presentLaneAssessment } from "../lanes/lanes.presenter.ts";
import { listLaneAssessmentRows } from "../lanes/lanes.repo.ts";
import { inertLinks } from "../mail/inert-links.ts";
import type { MailMessage } from "../mail/mailer.ts";
import { type NotifyInput, notify } from "../notifications/notifications.service.ts";
import { memberToday } from "../profile/member-today.ts";
import { presentDiagnosis } from "../promotion-diagnosis/promotion-diagnosis.presenter.ts";
import { findDiagnosisRow } from "../promotion-diagnosis/promotion-diagnosis.repo.ts";
import { promotionDiagnoses } from "../promotion-diagnosis/promotion-diagnosis.table.ts";
import { storyOf } from "../story/story.service.ts";
import { presentTour } from "../tours/tours.presenter.ts";
import { findTourRow, listMilestoneRows } from "../tours/tours.repo.ts";
import { tours } from "../tours/tours.table.ts";
import {
  presentAreaShare,
  presentCheckIn,
  presentDecisionView,
  presentDiagnosisView,
  presentFeedbackView,
  presentLanesView,
  presentLink,
  presentStoryView,
  presentTourView,
  type Side,
  wholeAreaLabel,
} from "./managers.presenter.ts";
import {
  type AreaShareRow,
  countRecentManagerInvitations,
  decideAgendaRow,
  deleteAreaShare,
  deleteAreaSharesOf,
  findAgendaRow,
  findAreaShare,
  findCheckInRow,
  findLinkRow,
  insertAgendaItem,
  insertAreaShare,
  insertCheckIn,
  insertComment,
  insertLink,
  linksDueForReminder,
  listAgendaRows,
  listAreaShareRows,
  listCheckInSummaries,
  listCommentRows,
  listLinksOf,
  listPeople,
  lockManagerInvitationQuota,
  type ManagerLinkRow,
  normalEmail,
  updateCheckInRow,
  updateLinkRow,
} from "./managers.repo.ts";

export const managerJobKinds = { reminder: "managers.check-in-reminder" } as const;

const dayMs = 24 * 3600 * 1000;
const cadenceDays = { weekly: 7, fortnightly: 14, monthly: 30 } as const;

/** Which side of the link the viewer is on right now; the invited address counts only while confirmed. */
export function sideOf(row: ManagerLinkRow, viewer: Viewer): Side | null {
  if (row.managerId === viewer.userId) return "manager";
  if (row.reportId !== null && row.reportId === viewer.userId) return "report";
  if (
    row.state === "invited" &&
    viewer.emailVerified &&
    normalEmail(viewer.email) === row.reportEmail &&
    row.managerId !== viewer.userId
  ) {
    return "invitee";
  }
  return null;
}

function factsOf(row: ManagerLinkRow | undefined, extra: Partial<LinkFacts> = {}) {
  return async (viewer: Viewer): Promise<LinkFacts | undefined> =>
    row ? { side: sideOf(row, viewer), state: row.state, ...extra } : undefined;
}

const missingLink = () => new AppError("NOT_FOUND", "There is no manager link with this id among yours.");

async function peopleOf(db: Db, rows: ManagerLinkRow[]) {
  return listPeople(
    db,
    rows.flatMap((row) => [row.managerId, ...(row.reportId ? [row.reportId] : [])]),
  );
}

async function overviewFor(db: Db, me: Viewer) {
  const rows = await listLinksOf(db, me.userId, me.emailVerified ? me.email : null);
  const people = await peopleOf(db, rows);
  const present = (row: ManagerLinkRow) => presentLink(row, sideOf(row, me) ?? "manager", people);
  const mine = rows.find((row) => row.reportId === me.userId && row.state === "active");
  return {
    myManager: mine ? present(mine) : null,
    invitations: rows.filter((row) => sideOf(row, me) === "invitee").map(present),
    myReports: rows.filter((row) => row.managerId === me.userId).map(present),
  };
}

export async function getManagersOverview(db: Db, viewer: Viewer | null) {
  const me = requireSignedIn(viewer);
  return overviewFor(db, me);
}

function invitationEmail(to: string, managerName: string, baseUrl: string): MailMessage {
  const name = inertLinks(managerName);
  return {
    kind: "manager-invitation",
    to,
    subject: `${name} invites you to check-ins on Sidecar`,
    text: [
      `${name} says you report to them, and invites you to hold your check-ins on Sidecar.`,
      "",
      "Check-ins start from your answer to “what can I help you with?”. Your manager sees nothing of yours unless you invite them into it, one area at a time, and you can take it back whenever you like.",
      "",
      `Accept or decline, signed in with this address: ${baseUrl}/managers`,
      "",
      "If you do not know this person, ignore this email: nothing happens unless you accept.",
    ].join("\n"),
  };
}

/**
 * A manager invites a direct report by email. The answer is the same whether or not an account uses the
 * address, so inviting cannot be used to find out who has one. Each member may send so many invitations
 * a day, and the instance so many, counted under one lock so concurrent requests cannot both squeeze past.
 */
export async function inviteReport(deps: Deps, viewer: Viewer | null, input: InviteReportInput) {
  const me = requireSignedIn(viewer);
  const email = normalEmail(input.email);
  if (email === normalEmail(me.email)) {
    throw new AppError(
      "VALIDATION",
      "That is your own email: enter the email of the person who reports to you.",
      "email",
    );
  }
  const limits = deps.config.invitationEmailLimits;
  const managerName = me.profile.name || "A member";
  await runAfterCommit(deps, async (tx, later) => {
    await lockManagerInvitationQuota(tx);
    const sent = await countRecentManagerInvitations(tx, me.userId);
    if (sent.mine >= limits.perMember) {
      throw new AppError(
        "RATE_LIMITED",
        `You can send at most ${limits.perMember} manager invitations in a day. Try again tomorrow.`,
        "email",
        3600,
      );
    }
    if (sent.all >= limits.perInstance) {
      throw new AppError(
        "RATE_LIMITED",
        "This Sidecar has sent as many invitations as it sends in a day. Try again tomorrow.",
        "email",
        3600,
      );
    }
    const row = await insertLink(tx, me.userId, email);
    // Already invited or already their manager: nothing new is sent, and the answer says the same.
    if (row) later(await deps.mailer.enqueue([invitationEmail(email, managerName, deps.config.baseUrl)], tx));
  });
  return {
    ...(await overviewFor(deps.db, me)),
    message: `If ${email} signs in to Sidecar, they can now accept or decline your invitation. They decide what you see.`,
  };
}

async function linkFor(db: Db, id: string, options: { lock?: boolean } = {}) {
  return findLinkRow(db, id, options);
}

function notice(userId: string, title: string, body: string, link: string): NotifyInput {
  return { userId, kind: "manager_link", title, body, link };
}

export async function acceptInvitation(deps: Deps, viewer: Viewer | null, id: string, input: Versioned) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const row = await linkFor(tx, id, { lock: true });
    await requireLinkAccess(tx, me, "create", "managerLink", factsOf(row));
    if (!row) throw missingLink();
    let updated: ManagerLinkRow | undefined;
    try {
      updated = await updateLinkRow(tx, id, input.version, {
        state: "active",
        reportId: me.userId,
        answeredAt: new Date(),
      });
    } catch (error) {
      // The partial unique index: a member has one manager at a time, whichever acceptance came first.
      if (isViolation(error, "23505")) {
        throw new AppError(
          "CONFLICT",
          "You already have a manager in Sidecar. End that link first, then accept this invitation.",
        );
      }
      throw error;
    }
    if (!updated) throw staleWriteError("invitation");
    later(
      await notify(
        deps,
        tx,
        notice(
          row.managerId,
          `${me.profile.name || "Your report"} accepted your invitation`,
          "You can hold check-ins together now. You will see what they invite you into, nothing else.",
          `/managers/${id}`,
        ),
      ),
    );
  });
  return getLinkDetail(deps.db, me, id);
}

export async function declineInvitation(deps: Deps, viewer: Viewer | null, id: string, input: Versioned) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx) => {
    const row = await linkFor(tx, id, { lock: true });
    await requireLinkAccess(tx, me, "create", "managerLink", factsOf(row));
    const updated = await updateLinkRow(tx, id, input.version, { state: "declined", answeredAt: new Date() });
    if (!updated) throw staleWriteError("invitation");
    // The manager is not told who declined or when: the invitation simply stops waiting.
  });
  return overviewFor(deps.db, me);
}

/** Either side ends the link (the manager may also withdraw an unanswered invitation): every share goes with it. */
export async function endLink(deps: Deps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const row = await linkFor(tx, id, { lock: true });
    await requireLinkAccess(tx, me, "delete", "managerLink", factsOf(row));
    if (!row) throw missingLink();
    const updated = await updateLinkRow(tx, id, row.version, {
      state: "ended",
      endedAt: new Date(),
      nextReminderAt: null,
    });
    if (!updated) throw staleWriteError("manager link");
    await deleteAreaSharesOf(tx, id);
    if (row.state === "active" && row.reportId) {
      const other = row.managerId === me.userId ? row.reportId : row.managerId;
      later(
        await notify(
          deps,
          tx,
          notice(
            other,
            `${me.profile.name || "The other person"} ended your manager link in Sidecar`,
            "Check-ins together have stopped, and nothing is shared any more.",
            "/managers",
          ),
        ),
      );
    }
  });
  return overviewFor(deps.db, me);
}

async function scheduleReminder(tx: Db, row: ManagerLinkRow, from: Date) {
  if (!row.cadence) return null;
  const runAt = new Date(from.getTime() + cadenceDays[row.cadence] * dayMs);
  await enqueueJob(tx, {
    kind: managerJobKinds.reminder,
    payload: { linkId: row.id },
    key: `manager-reminder:${row.id}`,
    runAt,
    replace: true,
  });
  return runAt;
}

/** One side proposes a cadence; it holds once the other side agrees (see agreeCadence). */
export async function proposeCadence(deps: Deps, viewer: Viewer | null, id: string, input: CadenceInput) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const row = await linkFor(tx, id, { lock: true });
    await requireLinkAccess(tx, me, "update", "managerLink", factsOf(row));
    if (!row?.reportId) throw missingLink();
    const side = row.managerId === me.userId ? "manager" : "report";
    const updated = await updateLinkRow(tx, id, input.version, {
      proposedCadence: input.cadence,
      proposedBy: side,
    });
    if (!updated) throw staleWriteError("check-in cadence");
    later(
      await notify(
        deps,
        tx,
        notice(
          side === "manager" ? row.reportId : row.managerId,
          `${me.profile.name || "The other person"} proposes check-ins ${cadenceLabels[input.cadence].toLowerCase()}`,
          "Agree to it on your check-ins page, or propose another cadence.",
          `/managers/${id}`,
        ),
      ),
    );
  });
  return getLinkDetail(deps.db, me, id);
}

export async function agreeCadence(deps: Deps, viewer: Viewer | null, id: string, input: Versioned) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const row = await linkFor(tx, id, { lock: true });
    await requireLinkAccess(tx, me, "update", "managerLink", factsOf(row));
    if (!row?.reportId) throw missingLink();
    const side = row.managerId === me.userId ? "manager" : "report";
    if (row.version !== input.version) throw staleWriteError("check-in cadence");
    if (!row.proposedCadence || !row.proposedBy) {
      throw new AppError("CONFLICT", "There is no cadence proposed to agree to.");
    }
    if (row.proposedBy === side) {
      throw new AppError("CONFLICT", "You proposed this cadence: the other person agrees to it.");
    }
    const cadence = row.proposedCadence;
    const runAt = new Date(Date.now() + cadenceDays[cadence] * dayMs);
    const updated = await updateLinkRow(tx, id, input.version, {
      cadence,
      proposedCadence: null,
      proposedBy: null,
      nextReminderAt: runAt,
    });
    if (!updated) throw staleWriteError("check-in cadence");
    await scheduleReminder(tx, updated, new Date());
    later(
      await notify(
        deps,
        tx,
        notice(
          side === "manager" ? row.reportId : row.managerId,
          `Check-ins ${cadenceLabels[cadence].toLowerCase()}: agreed`,
          "Sidecar will remind you both when the next check-in is due.",
          `/managers/${id}`,
        ),
      ),
    );
  });
  return getLinkDetail(deps.db, me, id);
}

/** The reminder job: both sides are reminded, and the next reminder is queued while the link lasts. */
export async function remindCheckIn(deps: Deps, linkId: string, now: Date) {
  await runAfterCommit(deps, async (tx, later) => {
    const row = await linksDueForReminder(tx, linkId);
    if (!row?.reportId || !row.cadence) return;
    const next = new Date(now.getTime() + cadenceDays[row.cadence] * dayMs);
    await updateLinkRow(tx, row.id, row.version, { nextReminderAt: next });
    await enqueueJob(tx, {
      kind: managerJobKinds.reminder,
      payload: { linkId: row.id },
      key: `manager-reminder:${row.id}:${next.toISOString().slice(0, 10)}`,
      runAt: next,
    });
    const people = await listPeople(tx, [row.managerId, row.reportId]);
    const managerName = people.get(row.managerId)?.name ?? "your manager";
    const reportName = people.get(row.reportId)?.name ?? "your report";
    later(
      await notify(deps, tx, {
        userId: row.reportId,
        kind: "check_in_reminder",
        title: `A check-in with ${managerName} is due`,
        body: "What can your manager help you with? Start the check-in and set its agenda.",
        link: `/managers/${row.id}`,
      }),
    );
    later(
      await notify(deps, tx, {
        userId: row.managerId,
        kind: "check_in_reminder",
        title: `A check-in with ${reportName} is due`,
        body: "Ask what you can help with; you can suggest topics for the agenda.",
        link: `/managers/${row.id}`,
      }),
    );
  });
}

export function registerManagerJobs(runner: JobRunner, deps: Deps) {
  runner.register(managerJobKinds.reminder, (payload, { now }) =>
    remindCheckIn(deps, String(payload.linkId), now),
  );
}

/** Labels of the shared records, a query per kind of record, never per share. */
async function labelsOf(db: Db, ownerId: string, shares: AreaShareRow[]) {
  const ids = (area: CheckInArea) => shares.filter((s) => s.area === area).map((s) => s.targetId);
  const labels = new Map<string, string>();
  const tourIds = ids("tour");
  const decisionIds = ids("decision");
  const requestIds = ids("feedback_themes");
  const diagnosisIds = ids("promotion_diagnosis");
  const mine = <T extends { userId: string }>(rows: T[]) => rows.filter((r) => r.userId === ownerId);
  if (tourIds.length > 0) {
    for (const row of mine(
      await db
        .select({ id: tours.id, userId: tours.userId, title: tours.title })
        .from(tours)
        .where(inArray(tours.id, tourIds)),
    ))
      labels.set(`tour:${row.id}`, row.title);
  }
  if (decisionIds.length > 0) {
    for (const row of mine(
      await db
        .select({ id: decisions.id, userId: decisions.userId, dilemma: decisions.dilemma })
        .from(decisions)
        .where(inArray(decisions.id, decisionIds)),
    ))
      labels.set(`decision:${row.id}`, row.dilemma.slice(0, 120));
  }
  if (requestIds.length > 0) {
    for (const row of mine(
      await db
        .select({
          id: feedbackRequests.id,
          userId: feedbackRequests.userId,
          title: feedbackRequests.title,
          purpose: feedbackRequests.purpose,
        })
        .from(feedbackRequests)
        .where(inArray(feedbackRequests.id, requestIds)),
    ))
      labels.set(`feedback_themes:${row.id}`, (row.title ?? row.purpose).slice(0, 120));
  }
  if (diagnosisIds.length > 0) {
    for (const row of mine(
      await db
        .select({
          id: promotionDiagnoses.id,
          userId: promotionDiagnoses.userId,
          takenOn: promotionDiagnoses.takenOn,
        })
        .from(promotionDiagnoses)
        .where(inArray(promotionDiagnoses.id, diagnosisIds)),
    ))
      labels.set(`promotion_diagnosis:${row.id}`, `Promotion diagnosis of ${row.takenOn}`);
  }
  return (share: AreaShareRow) =>
    share.area === "lanes" || share.area === "story"
      ? wholeAreaLabel(share.area)
      : labels.get(`${share.area}:${share.targetId}`);
}

export async function getLinkDetail(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const row = await linkFor(db, id);
  await requireLinkAccess(db, me, "read", "managerLink", factsOf(row));
  if (!row) throw missingLink();
  const side = sideOf(row, me) ?? "manager";
  const people = await peopleOf(db, [row]);
  const live = row.state === "active" && row.reportId !== null;
  const shares = live ? await listAreaShareRows(db, id) : [];
  const labelOf = row.reportId ? await labelsOf(db, row.reportId, shares) : () => undefined;
  // A record the report deleted since sharing it drops out of the list.
  const areas = shares.flatMap((share) => {
    const label = labelOf(share);
    return label === undefined ? [] : [presentAreaShare(share, label)];
  });
  const checkIns = live && side !== "invitee" ? await listCheckInSummaries(db, id) : [];
  return { link: presentLink(row, side, people), areas, checkIns };
}

async function requireOwnTarget(db: Db, ownerId: string, input: AreaInput) {
  const targetId = input.targetId ?? "";
  const missing = (what: string) =>
    new AppError("VALIDATION", `There is no ${what} with this id among yours.`, "targetId");
  if (input.area === "tour") {
    if ((await findTourRow(db, targetId))?.userId !== ownerId) throw missing("tour of duty");
  } else if (input.area === "decision") {
    if ((await findDecisionRow(db, targetId))?.userId !== ownerId) throw missing("decision");
  } else if (input.area === "feedback_themes") {
    if ((await findRequestRow(db, targetId))?.userId !== ownerId) throw missing("feedback request");
  } else if (input.area === "promotion_diagnosis") {
    if ((await findDiagnosisRow(db, targetId))?.userId !== ownerId) throw missing("promotion diagnosis");
  }
  return targetId;
}

/** The report invites the manager into one area, read-only, until they take it back or the link ends. */
export async function shareArea(db: Db, viewer: Viewer | null, id: string, input: AreaInput) {
  const me = requireSignedIn(viewer);
  const row = await linkFor(db, id);
  await requireLinkAccess(db, me, "manage", "managerLink", factsOf(row));
  const targetId = await requireOwnTarget(db, me.userId, input);
  await insertAreaShare(db, id, input.area, targetId);
  return getLinkDetail(db, me, id);
}

export async function revokeArea(db: Db, viewer: Viewer | null, id: string, areaId: string) {
  const me = requireSignedIn(viewer);
  const row = await linkFor(db, id);
  await requireLinkAccess(db, me, "manage", "managerLink", factsOf(row));
  if (!(await deleteAreaShare(db, id, areaId))) {
    throw new AppError("NOT_FOUND", "There is no shared area with this id on this link.");
  }
  return getLinkDetail(db, me, id);
}

/**
 * One shared area, read-only, built from its module's own presenter and cut down to what a check-in
 * shows. The share, the link and the viewer's side are read now, so a revoke takes effect at once.
 */
export async function getAreaView(db: Db, viewer: Viewer | null, id: string, areaId: string) {
  const me = requireSignedIn(viewer);
  const row = await linkFor(db, id);
  const share = row ? await findAreaShare(db, id, areaId) : undefined;
  await requireLinkAccess(db, me, "read", "checkInArea", factsOf(row, { areaShared: share !== undefined }));
  const gone = () =>
    new AppError("NOT_FOUND", "Nothing is shared with you here: the record may have been deleted.");
  if (!row?.reportId || !share) throw gone();
  const ownerId = row.reportId;
  const owner = (await listPeople(db, [ownerId])).get(ownerId);
  if (!owner) throw gone();
  const base = { id: share.id, owner };
  switch (share.area) {
    case "lanes": {
      const assessments = (await listLaneAssessmentRows(db, ownerId)).map(presentLaneAssessment);
      return presentLanesView({ ...base, label: checkInAreaLabels.lanes }, assessments);
    }
    case "story": {
      const { entries, release } = await storyOf(db, ownerId);
      return presentStoryView({ ...base, label: checkInAreaLabels.story }, entries, composeRelease(release));
    }
    case "tour": {
      const tour = await findTourRow(db, share.targetId);
      if (tour?.userId !== ownerId) throw gone();
      const today = await memberToday(db, ownerId);
      const presented = presentTour(tour, await listMilestoneRows(db, tour.id), [], today);
      return presentTourView({ ...base, label: tour.title }, presented);
    }
    case "decision": {
      const decision = await findDecisionRow(db, share.targetId);
      if (decision?.userId !== ownerId) throw gone();
      const today = await memberToday(db, ownerId);
      const presented = presentDecision(decision, await listRevisitRows(db, [decision.id]), today, []);
      return presentDecisionView({ ...base, label: decision.dilemma.slice(0, 120) }, presented);
    }
    case "feedback_themes": {
      const request = await findRequestRow(db, share.targetId);
      if (request?.userId !== ownerId) throw gone();
      const released = request.openedOn ? await releasedAnswerRows(db, [request.id]) : [];
      const results = presentResults(request, released, undefined);
      return presentFeedbackView(
        { ...base, label: (request.title ?? request.purpose).slice(0, 120) },
        request,
        results,
      );
    }
    case "promotion_diagnosis": {
      const diagnosis = await findDiagnosisRow(db, share.targetId);
      if (diagnosis?.userId !== ownerId) throw gone();
      return presentDiagnosisView(
        { ...base, label: `Promotion diagnosis of ${diagnosis.takenOn}` },
        presentDiagnosis(diagnosis),
      );
    }
  }
}

/** The report starts a check-in from their answer to "what can I help you with?". */
export async function startCheckIn(deps: Deps, viewer: Viewer | null, id: string, input: CheckInInput) {
  const me = requireSignedIn(viewer);
  const created = await runAfterCommit(deps, async (tx, later) => {
    const row = await linkFor(tx, id);
    await requireLinkAccess(tx, me, "manage", "managerLink", factsOf(row));
    if (!row) throw missingLink();
    const checkIn = await insertCheckIn(tx, id, input.heldOn, input.helpWith);
    later(
      await notify(deps, tx, {
        userId: row.managerId,
        kind: "check_in_update",
        title: `${me.profile.name || "Your report"} started a check-in`,
        body: "Open it to see what they would like your help with, and suggest topics for its agenda.",
        link: `/check-ins/${checkIn.id}`,
      }),
    );
    return checkIn;
  });
  return getCheckIn(deps.db, me, created.id);
}

async function checkInWithLink(db: Db, checkInId: string) {
  const checkIn = await findCheckInRow(db, checkInId);
  const link = checkIn ? await findLinkRow(db, checkIn.linkId) : undefined;
  return { checkIn, link };
}

const missingCheckIn = () => new AppError("NOT_FOUND", "There is no check-in with this id among yours.");

async function presentCheckInFor(db: Db, me: Viewer, checkInId: string) {
  const { checkIn, link } = await checkInWithLink(db, checkInId);
  if (!checkIn || !link) throw missingCheckIn();
  const side = link.managerId === me.userId ? "manager" : "report";
  const [people, agenda, comments] = await Promise.all([
    peopleOf(db, [link]),
    listAgendaRows(db, checkIn.id),
    listCommentRows(db, checkIn.id),
  ]);
  return presentCheckIn(checkIn, link, side, people, agenda, comments);
}

/** A check-in's facts: the link's, but an invitee (or anyone else) has none, and an ended link only its report. */
function checkInFacts(link: ManagerLinkRow | undefined) {
  return async (viewer: Viewer): Promise<LinkFacts | undefined> => {
    if (!link) return undefined;
    const side = sideOf(link, viewer);
    return { side: side === "invitee" ? null : side, state: link.state };
  };
}

export async function getCheckIn(db: Db, viewer: Viewer | null, checkInId: string) {
  const me = requireSignedIn(viewer);
  const { link } = await checkInWithLink(db, checkInId);
  await requireLinkAccess(db, me, "read", "managerLink", checkInFacts(link)).catch(() => {
    throw missingCheckIn();
  });
  // An invited or ended link's check-ins are not the manager's to read.
  if (link && link.state !== "active") throw missingCheckIn();
  return presentCheckInFor(db, me, checkInId);
}

export async function updateCheckIn(
  db: Db,
  viewer: Viewer | null,
  checkInId: string,
  { version, ...input }: CheckInInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  const { link } = await checkInWithLink(db, checkInId);
  await requireLinkAccess(db, me, "manage", "managerLink", checkInFacts(link)).catch(() => {
    throw missingCheckIn();
  });
  const updated = await updateCheckInRow(db, checkInId, version, input);
  if (!updated) throw staleWriteError("check-in");
  return presentCheckInFor(db, me, checkInId);
}

type CheckInChange = {
  tx: Db;
  later: (send: () => void) => void;
  link: ManagerLinkRow & { reportId: string };
  side: "manager" | "report";
};

/**
 * A write on a check-in by either side of its link, with the notice it sends, in one transaction;
 * access is checked inside it, and the answer is the check-in as it now is.
 */
async function changeCheckIn(
  deps: Deps,
  me: Viewer,
  checkInId: string,
  change: (c: CheckInChange) => Promise<void>,
) {
  await runAfterCommit(deps, async (tx, later) => {
    const { link } = await checkInWithLink(tx, checkInId);
    await requireLinkAccess(tx, me, "update", "managerLink", checkInFacts(link)).catch(() => {
      throw missingCheckIn();
    });
    if (!link?.reportId) throw missingCheckIn();
    const side = link.managerId === me.userId ? "manager" : "report";
    await change({ tx, later, link: { ...link, reportId: link.reportId }, side });
  });
  return presentCheckInFor(deps.db, me, checkInId);
}

/** The manager records what they will do; only the manager writes it, on the check-in's version. */
export async function recordManagerPlan(
  deps: Deps,
  viewer: Viewer | null,
  checkInId: string,
  input: { managerPlan: string } & Versioned,
) {
  const me = requireSignedIn(viewer);
  return changeCheckIn(deps, me, checkInId, async ({ tx, later, link }) => {
    if (link.managerId !== me.userId) {
      throw new AppError("FORBIDDEN", "Only your manager records what they will do.");
    }
    const updated = await updateCheckInRow(tx, checkInId, input.version, { managerPlan: input.managerPlan });
    if (!updated) throw staleWriteError("check-in");
    later(
      await notify(deps, tx, {
        userId: link.reportId,
        kind: "check_in_update",
        title: `${me.profile.name || "Your manager"} wrote what they will do`,
        body: "Open the check-in to read it.",
        link: `/check-ins/${checkInId}`,
      }),
    );
  });
}

export async function addComment(
  deps: Deps,
  viewer: Viewer | null,
  checkInId: string,
  input: { body: string },
) {
  const me = requireSignedIn(viewer);
  return changeCheckIn(deps, me, checkInId, async ({ tx, later, link, side }) => {
    await insertComment(tx, checkInId, side, input.body);
    // The comment's words stay on the page: the notice only says there is one.
    later(
      await notify(deps, tx, {
        userId: side === "manager" ? link.reportId : link.managerId,
        kind: "check_in_update",
        title: `${me.profile.name || "The other person"} commented on your check-in`,
        body: "Open the check-in to read it.",
        link: `/check-ins/${checkInId}`,
      }),
    );
  });
}

/** The report adds a topic to their agenda; the manager suggests one, which waits for the report's answer. */
export async function addAgendaTopic(
  deps: Deps,
  viewer: Viewer | null,
  checkInId: string,
  input: { text: string },
) {
  const me = requireSignedIn(viewer);
  return changeCheckIn(deps, me, checkInId, async ({ tx, later, link, side }) => {
    await insertAgendaItem(tx, checkInId, input.text, side);
    if (side === "manager") {
      later(
        await notify(deps, tx, {
          userId: link.reportId,
          kind: "check_in_update",
          title: `${me.profile.name || "Your manager"} suggested a topic for your check-in`,
          body: "It is your agenda: accept or decline the topic on the check-in.",
          link: `/check-ins/${checkInId}`,
        }),
      );
    }
  });
}

export async function decideAgendaTopic(
  db: Db,
  viewer: Viewer | null,
  itemId: string,
  input: { decision: "accepted" | "declined" } & Versioned,
) {
  const me = requireSignedIn(viewer);
  const item = await findAgendaRow(db, itemId);
  const { link } = item ? await checkInWithLink(db, item.checkInId) : { link: undefined };
  await requireLinkAccess(db, me, "manage", "managerLink", checkInFacts(link)).catch(() => {
    throw new AppError("NOT_FOUND", "There is no agenda topic with this id among yours.");
  });
  if (!item) throw new AppError("NOT_FOUND", "There is no agenda topic with this id among yours.");
  const updated = await decideAgendaRow(db, itemId, input.version, input.decision);
  if (!updated) throw staleWriteError("agenda topic");
  return presentCheckInFor(db, me, item.checkInId);
}
