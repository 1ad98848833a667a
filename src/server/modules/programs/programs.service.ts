import { and, eq, isNull } from "drizzle-orm";
import {
  type CohortSettings,
  defaultCohortSettings,
  type ImportInput,
  type OverrideInput,
  type Questionnaire,
} from "../../../shared/programs.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { staleWriteError, writeVersioned } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import { countExclusionsInWorker } from "../../matching/solve-in-worker.ts";
import { freeSeat, takeSeat } from "../mentors/mentors.repo.ts";
import { mentorRequests } from "../mentors/mentors.table.ts";
import { type NotifyDeps, notify } from "../notifications/notifications.service.ts";
import { buildCohortInput } from "./cohort-input.ts";
import { readParticipantsCsv } from "./participants-csv.ts";
import { matchJobKind } from "./programs.jobs.ts";
import {
  presentCohort,
  presentHealthCsv,
  presentMyParticipations,
  presentOverride,
  presentPair,
  presentParticipant,
  presentProgram,
  presentRun,
} from "./programs.presenter.ts";
import {
  addProgramAdmin,
  bumpSeatsVersion,
  countParticipants,
  countProgramAdmins,
  findCohort,
  findLiveRun,
  findPair,
  findParticipant,
  findProgram,
  findRun,
  findUserByEmail,
  healthFigures,
  insertCohort,
  insertMeeting,
  insertOverride,
  insertParticipants,
  insertProgram,
  insertRun,
  isProgramAdminOf,
  listAdministeredPrograms,
  listAllParticipants,
  listCohortSummaries,
  listOverrides,
  listPairPage,
  listParticipantPage,
  listParticipationRows,
  listProgramAdmins,
  listPublishedPairsOf,
  listUnmatchedMentees,
  newId,
  participantsByIds,
  publishPairs,
  removeProgramAdmin,
  requestCancel,
  updatePair,
  updateParticipant,
  updateRun,
} from "./programs.repo.ts";
import { programCohorts, programs } from "./programs.table.ts";

export const participantPageSize = 50;
export const pairPageSize = 50;

type ProgramDeps = NotifyDeps & Pick<Deps, "jobs" | "db">;

// ---- Programs

export async function listMyPrograms(db: Db, viewer: Viewer | null) {
  const me = requireSignedIn(viewer);
  return { administered: await listAdministeredPrograms(db, me.userId) };
}

export async function createProgram(
  db: Db,
  viewer: Viewer | null,
  input: { name: string; description: string; publishMode: "introduction" | "mentoring" },
) {
  // Any member may start a program; its creator is its first program admin.
  const me = await requireAccess(db, viewer, "create", "program");
  const row = await db.transaction((tx) =>
    insertProgram(tx, { id: newId(), ...input, createdBy: me.userId }, me.userId),
  );
  return getProgram(db, viewer, row.id);
}

async function requireProgram(
  db: Db,
  viewer: Viewer | null,
  action: "read" | "update" | "manage",
  id: string,
) {
  const program = await findProgram(db, id);
  await requireAccess(db, viewer, action, "program", program?.id);
  return program as NonNullable<typeof program>;
}

export async function getProgram(db: Db, viewer: Viewer | null, id: string) {
  return presentProgramById(db, (await requireProgram(db, viewer, "read", id)).id);
}

/** After an allowed change: the instance admin, who may manage admins without reading the program, sees its admins only. */
async function presentProgramById(db: Db, id: string, options: { adminsOnly?: boolean } = {}) {
  const program = (await findProgram(db, id)) as NonNullable<Awaited<ReturnType<typeof findProgram>>>;
  const [admins, cohorts] = await Promise.all([
    listProgramAdmins(db, id),
    options.adminsOnly ? Promise.resolve([]) : listCohortSummaries(db, id),
  ]);
  return presentProgram(program, admins, cohorts);
}

async function asManager(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const programAdmin = await isProgramAdminOf(db, id, me.userId);
  return presentProgramById(db, id, { adminsOnly: !programAdmin });
}

export async function updateProgram(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: { name: string; description: string; publishMode: "introduction" | "mentoring"; version: number },
) {
  await requireProgram(db, viewer, "update", id);
  const { version, ...set } = input;
  await writeVersioned(db, programs, {
    where: eq(programs.id, id),
    version,
    set: { ...set, updatedAt: new Date() },
    what: "program",
  });
  return getProgram(db, viewer, id);
}

export async function grantProgramAdmin(db: Db, viewer: Viewer | null, id: string, email: string) {
  const me = requireSignedIn(viewer);
  await requireProgram(db, viewer, "manage", id);
  const user = await findUserByEmail(db, email);
  if (!user?.emailVerified) {
    throw new AppError(
      "VALIDATION",
      "No member with a confirmed email uses this address: ask them to join Sidecar first.",
      "email",
    );
  }
  await addProgramAdmin(db, id, user.id, me.userId);
  return asManager(db, viewer, id);
}

export async function revokeProgramAdmin(db: Db, viewer: Viewer | null, id: string, userId: string) {
  await requireProgram(db, viewer, "manage", id);
  if ((await countProgramAdmins(db, id)) <= 1) {
    throw new AppError(
      "CONFLICT",
      "A program keeps at least one admin: grant the role to someone else first.",
    );
  }
  if (!(await removeProgramAdmin(db, id, userId)))
    throw new AppError("NOT_FOUND", "This member is not an admin of the program.");
  return asManager(db, viewer, id);
}

// ---- Cohorts

export async function createCohort(
  db: Db,
  viewer: Viewer | null,
  programId: string,
  input: { name: string; startsOn: string; endsOn: string },
) {
  await requireProgram(db, viewer, "update", programId);
  const row = await insertCohort(db, { id: newId(), programId, ...input, settings: defaultCohortSettings });
  return getCohort(db, viewer, row.id);
}

/** The cohort and its program, for a program admin of it; anyone else gets the missing cohort's 404. */
async function requireCohort(db: Db, viewer: Viewer | null, action: "read" | "update", id: string) {
  const cohort = await findCohort(db, id);
  await requireAccess(db, viewer, action, "program", cohort?.programId);
  const c = cohort as NonNullable<typeof cohort>;
  const program = await findProgram(db, c.programId);
  return { cohort: c, program: program as NonNullable<typeof program> };
}

export async function getCohort(db: Db, viewer: Viewer | null, id: string) {
  const { cohort, program } = await requireCohort(db, viewer, "read", id);
  const [counts, current, live, overrides] = await Promise.all([
    countParticipants(db, id),
    cohort.currentRunId ? findRun(db, cohort.currentRunId) : undefined,
    findLiveRun(db, id),
    listOverrides(db, id),
  ]);
  const names = new Map(
    (
      await participantsByIds(
        db,
        overrides.flatMap((o) => [o.override.menteeId, o.override.mentorId]).filter((x): x is string => !!x),
      )
    ).map((p) => [p.id, p.name]),
  );
  return presentCohort(
    cohort,
    program,
    counts,
    current ?? null,
    live ?? null,
    overrides.map((o) => presentOverride(o.override, o.byName, names)),
  );
}

export async function updateCohortSettings(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: { settings: CohortSettings; version: number },
) {
  await requireCohort(db, viewer, "update", id);
  await writeVersioned(db, programCohorts, {
    where: eq(programCohorts.id, id),
    version: input.version,
    set: { settings: input.settings, updatedAt: new Date() },
    what: "cohort",
  });
  return getCohort(db, viewer, id);
}

export async function listCohortParticipants(db: Db, viewer: Viewer | null, id: string, pageNumber: number) {
  await requireCohort(db, viewer, "read", id);
  const page = { page: pageNumber, pageSize: participantPageSize };
  const { rows, total } = await listParticipantPage(db, id, page);
  return { participants: rows.map(presentParticipant), total, ...page };
}

// ---- Import

/**
 * Reads a participants file: csv-parse for the format, zod for each row. Every error names the file's
 * line and the column at fault. With `apply`, valid rows are saved by email: the same file twice changes
 * nothing, a changed row updates its participant, and new participants are invited by email.
 */
export async function importParticipants(
  deps: ProgramDeps,
  viewer: Viewer | null,
  id: string,
  input: ImportInput,
) {
  const { cohort, program } = await requireCohort(deps.db, viewer, "update", id);
  const { records, headers, mapping, valid, errors } = readParticipantsCsv(input.csv, input.mapping ?? {});
  const emails = new Set(valid.map((r) => r.email));
  const reportingLines = valid.filter((r) => r.managerEmail && emails.has(r.managerEmail)).length;
  const outcome = {
    rows: records.length,
    valid: valid.length,
    headers,
    mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)),
    errors: errors.slice(0, 200),
    created: 0,
    updated: 0,
    unchanged: 0,
    reportingLines,
    invited: 0,
  };
  const existing = new Map((await listAllParticipants(deps.db, id)).map((p) => [p.email, p]));
  const changes = valid.filter((r) => existing.has(r.email));
  for (const r of changes) {
    const p = existing.get(r.email);
    const same =
      p &&
      p.name === r.name &&
      p.role === r.role &&
      p.managerEmail === r.managerEmail &&
      p.capacity === (r.role === "mentor" ? r.capacity : 0);
    if (same) outcome.unchanged++;
    else outcome.updated++;
  }
  const fresh = valid.filter((r) => !existing.has(r.email));
  outcome.created = fresh.length;
  if (!input.apply || errors.length > 0) return { applied: false, ...outcome };
  const later: (() => void)[] = [];
  await deps.db.transaction(async (tx) => {
    for (const r of changes) {
      const p = existing.get(r.email);
      if (!p) continue;
      const capacity = r.role === "mentor" ? r.capacity : 0;
      if (
        p.name === r.name &&
        p.role === r.role &&
        p.managerEmail === r.managerEmail &&
        p.capacity === capacity
      )
        continue;
      await updateParticipant(
        tx,
        p.id,
        { name: r.name, role: r.role, managerEmail: r.managerEmail, capacity, importedLine: r.line },
        { seatsChanged: true },
      );
    }
    await insertParticipants(
      tx,
      fresh.map((r) => ({
        id: newId(),
        cohortId: id,
        email: r.email,
        name: r.name,
        role: r.role,
        managerEmail: r.managerEmail,
        capacity: r.role === "mentor" ? r.capacity : 0,
        importedLine: r.line,
      })),
    );
    if (fresh.length > 0) {
      const link = `${deps.config.baseUrl}/programs/mine`;
      later.push(
        await deps.mailer.enqueue(
          fresh.map((r) => ({
            kind: "other" as const,
            to: r.email,
            subject: `You are invited to ${program.name}`,
            text: `Hello ${r.name},\n\nYou are invited to take part in ${program.name} (${cohort.name}) as a ${r.role}.\n\nSign in to Sidecar with this email address, or create an account with it, then answer a few questions so the program can match you:\n${link}\n`,
          })),
          tx,
        ),
      );
    }
  });
  for (const send of later) send();
  return { applied: true, ...outcome, invited: fresh.length };
}

// ---- Rules preview

const previewTimeoutMs = 20_000;

/** How many pairs each hard rule removes with the saved settings, each counted on its own. */
export async function previewRules(db: Db, viewer: Viewer | null, id: string) {
  const { cohort, program } = await requireCohort(db, viewer, "read", id);
  const built = await buildCohortInput(db, cohort, program.publishMode === "mentoring");
  // Counting every pair of a large cohort takes a while: it runs on the preview worker, never on the
  // request's thread, and a cohort too large to count in time gets an answer saying so.
  const counted = await countExclusionsInWorker(built.input, {
    signal: AbortSignal.timeout(previewTimeoutMs),
  }).catch((error: unknown) => {
    if (error instanceof DOMException && error.name === "TimeoutError")
      throw new AppError(
        "UNAVAILABLE",
        "This cohort is too large to preview the rules quickly; run matching to see what each rule removes.",
      );
    throw error;
  });
  const mentees = built.mentees.length;
  const mentors = built.mentors.length;
  return {
    mentees,
    mentors,
    notReady: built.notReady,
    allPairs: mentees * mentors,
    feasiblePairs: counted.feasiblePairs,
    seats: [...built.capacity.values()].reduce((a, b) => a + b, 0),
    removedBy: counted.excludedBy,
  };
}

// ---- Runs

export async function startRun(deps: ProgramDeps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const { cohort } = await requireCohort(deps.db, viewer, "update", id);
  if (cohort.publishedAt) throw new AppError("CONFLICT", "This cohort is published: its pairs are final.");
  const runId = newId();
  // The partial unique index lets one queued or running run per cohort in, whichever process asks.
  const created = await deps.db.transaction(async (tx) => {
    const row = await insertRun(tx, {
      id: runId,
      cohortId: id,
      requestedBy: me.userId,
      previousRunId: cohort.currentRunId,
    });
    if (row)
      await enqueueJob(tx, { kind: matchJobKind, key: `${matchJobKind}:${runId}`, payload: { runId } });
    return row;
  });
  if (!created)
    throw new AppError(
      "CONFLICT",
      "A matching run is already under way for this cohort: wait for it or cancel it.",
    );
  deps.jobs.wake();
  return presentRun(created);
}

async function requireRun(db: Db, viewer: Viewer | null, action: "read" | "update", runId: string) {
  const run = await findRun(db, runId);
  const cohort = run && (await findCohort(db, run.cohortId));
  await requireAccess(db, viewer, action, "program", cohort?.programId);
  return { run: run as NonNullable<typeof run>, cohort: cohort as NonNullable<typeof cohort> };
}

export async function getRunResult(db: Db, viewer: Viewer | null, runId: string, pageNumber: number) {
  const { run, cohort } = await requireRun(db, viewer, "read", runId);
  const page = { page: pageNumber, pageSize: pairPageSize };
  const [{ rows, total }, unmatched] = await Promise.all([
    listPairPage(db, runId, page),
    run.state === "done" ? listUnmatchedMentees(db, cohort.id, runId) : Promise.resolve([]),
  ]);
  return { run: presentRun(run), pairs: rows.map(presentPair), unmatched, total, ...page };
}

/** A run's progress alone, read often while the run is under way: one row, no pairs. */
export async function getRunProgress(db: Db, viewer: Viewer | null, runId: string) {
  const { run } = await requireRun(db, viewer, "read", runId);
  return presentRun(run);
}

export async function cancelRun(db: Db, viewer: Viewer | null, runId: string) {
  await requireRun(db, viewer, "update", runId);
  // A queued run is cancelled at once; a running one stops at its next progress check, in whichever process runs it.
  const [queued] = await db.transaction(async (tx) => {
    const rows = await updateRunIfQueued(tx, runId);
    return rows;
  });
  const row = queued ?? (await requestCancel(db, runId));
  if (!row) throw new AppError("CONFLICT", "This run has already finished.");
  return presentRun(row);
}

async function updateRunIfQueued(db: Db, runId: string) {
  const run = await findRun(db, runId);
  if (run?.state !== "queued") return [];
  const row = await updateRun(db, runId, {
    state: "cancelled",
    cancelRequested: true,
    phase: "done",
    finishedAt: new Date(),
  });
  return row ? [row] : [];
}

// ---- Overrides

export async function addOverride(db: Db, viewer: Viewer | null, id: string, input: OverrideInput) {
  const me = requireSignedIn(viewer);
  const { cohort } = await requireCohort(db, viewer, "update", id);
  if (cohort.publishedAt) throw new AppError("CONFLICT", "This cohort is published: its pairs are final.");
  const people = await participantsByIds(
    db,
    [input.kind === "capacity" ? undefined : input.menteeId, input.mentorId].filter((x): x is string => !!x),
  );
  const inCohort = (pid: string) => people.some((p) => p.id === pid && p.cohortId === id);
  if (input.kind !== "capacity" && !inCohort(input.menteeId))
    throw new AppError("VALIDATION", "This mentee is not in the cohort.", "menteeId");
  if (!inCohort(input.mentorId))
    throw new AppError("VALIDATION", "This mentor is not in the cohort.", "mentorId");
  if (people.find((p) => p.id === input.mentorId)?.role !== "mentor")
    throw new AppError("VALIDATION", "This participant takes part as a mentee, not a mentor.", "mentorId");
  await db.transaction(async (tx) => {
    // A seat change is made from the seats the admin read: a change made meanwhile (another admin, a re-import) wins and this one is refused.
    if (input.kind === "capacity" && !(await bumpSeatsVersion(tx, id, input.mentorId, input.version)))
      throw staleWriteError("mentor's seats");
    await insertOverride(tx, {
      id: newId(),
      cohortId: id,
      kind: input.kind,
      menteeId: input.kind === "capacity" ? null : input.menteeId,
      mentorId: input.mentorId,
      capacity: input.kind === "capacity" ? input.capacity : null,
      reason: input.reason,
      createdBy: me.userId,
    });
  });
  return getCohort(db, viewer, id);
}

// ---- Publish

export async function publishCohort(deps: ProgramDeps, viewer: Viewer | null, id: string) {
  const { cohort, program } = await requireCohort(deps.db, viewer, "update", id);
  if (!cohort.currentRunId)
    throw new AppError("CONFLICT", "Run matching first: there are no pairs to publish.");
  const runId = cohort.currentRunId;
  const later: (() => void)[] = [];
  const outcome = await deps.db.transaction(async (tx) => {
    // Published once: the conditional write lets exactly one publish through.
    const [claimed] = await tx
      .update(programCohorts)
      .set({ publishedAt: new Date() })
      .where(and(eq(programCohorts.id, id), isNull(programCohorts.publishedAt)))
      .returning();
    if (!claimed) throw new AppError("CONFLICT", "This cohort is already published.");
    const pairs = await publishPairs(tx, runId, claimed.publishedAt as Date);
    const people = new Map((await listAllParticipants(tx, id)).map((p) => [p.id, p]));
    let requests = 0;
    let skipped = 0;
    for (const pair of pairs) {
      const mentee = people.get(pair.menteeId);
      const mentor = people.get(pair.mentorId);
      if (!mentee?.userId || !mentor?.userId) {
        skipped++;
        continue;
      }
      if (program.publishMode === "mentoring") {
        // The mentor's own seat count holds: a seat taken since the run leaves the pair an introduction.
        if (await takeSeat(tx, mentor.userId)) {
          const [request] = await tx
            .insert(mentorRequests)
            .values({
              id: newId(),
              menteeId: mentee.userId,
              mentorId: mentor.userId,
              state: "accepted",
              reachedMentorAt: null,
              programCohortId: id,
            })
            .onConflictDoNothing()
            .returning({ id: mentorRequests.id });
          if (request) {
            requests++;
            await updatePair(tx, pair.id, { mentorRequestId: request.id });
          } else await freeSeat(tx, mentor.userId);
        }
      }
      const why = pair.explanation.criteria
        .filter((c) => c.points > 0)
        .sort((a, b) => b.points - a.points)
        .slice(0, 3)
        .map((c) => `- ${c.text}`)
        .join("\n");
      for (const [me, other] of [
        [mentee, mentor],
        [mentor, mentee],
      ] as const) {
        later.push(
          await notify(deps, tx, {
            userId: me.userId as string,
            kind: "program_matched",
            title: `${program.name}: you are matched with ${other.name}`,
            body: `${other.name} is your ${other.role} in ${cohort.name}. Why this match:\n${why}`,
            link: "/programs/mine",
          }),
        );
      }
    }
    return { published: pairs.length, requests, skipped };
  });
  for (const send of later) send();
  return outcome;
}

// ---- Health

function todayUtc(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

export async function getCohortHealth(db: Db, viewer: Viewer | null, id: string) {
  await requireCohort(db, viewer, "read", id);
  return healthFigures(db, id, new Date());
}

export async function exportCohortHealth(db: Db, viewer: Viewer | null, id: string) {
  const { cohort } = await requireCohort(db, viewer, "read", id);
  const figures = await healthFigures(db, id, new Date());
  return {
    csv: presentHealthCsv(figures),
    fileName: `${cohort.name.replace(/[^A-Za-z0-9-]+/g, "-").toLowerCase() || "cohort"}-health.csv`,
  };
}

// ---- A participant's own view

export async function listMyParticipations(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "programParticipation");
  const rows = await listParticipationRows(db, me.userId, me.email, me.emailVerified);
  const pairs = await listPublishedPairsOf(
    db,
    rows.filter((r) => r.participant.userId === me.userId).map((r) => r.participant.id),
  );
  return { participations: presentMyParticipations(rows, pairs, me.userId) };
}

/** A place is the viewer's once joined, or before that when it names their confirmed email. */
async function requirePlace(db: Db, viewer: Viewer | null, id: string, action: "read" | "update") {
  const me = requireSignedIn(viewer);
  const row = await findParticipant(db, id);
  const mine =
    row &&
    (row.userId === me.userId || (!row.userId && me.emailVerified && row.email === me.email.toLowerCase()));
  return requireAccess(
    db,
    viewer,
    action,
    "programParticipation",
    mine ? { ...row, userId: me.userId } : undefined,
  );
}

export async function joinCohort(db: Db, viewer: Viewer | null, id: string, questionnaire: Questionnaire) {
  const me = requireSignedIn(viewer);
  const place = await requirePlace(db, viewer, id, "update");
  await updateParticipant(db, place.id, {
    userId: me.userId,
    questionnaire,
    joinedAt: place.joinedAt ?? new Date(),
  });
  return listMyParticipations(db, viewer);
}

async function requireMyPair(db: Db, viewer: Viewer | null, pairId: string) {
  const me = requireSignedIn(viewer);
  const pair = await findPair(db, pairId);
  const [mentee, mentor] = pair?.publishedAt
    ? await Promise.all([findParticipant(db, pair.menteeId), findParticipant(db, pair.mentorId)])
    : [undefined, undefined];
  const side = mentee?.userId === me.userId ? "mentee" : mentor?.userId === me.userId ? "mentor" : null;
  await requireAccess(
    db,
    viewer,
    "update",
    "programParticipation",
    side && pair ? { userId: me.userId } : undefined,
  );
  return { pair: pair as NonNullable<typeof pair>, side: side as "mentee" | "mentor" };
}

export async function acceptMatch(db: Db, viewer: Viewer | null, pairId: string) {
  const { pair, side } = await requireMyPair(db, viewer, pairId);
  const at = new Date();
  await updatePair(
    db,
    pair.id,
    side === "mentee"
      ? { menteeAcceptedAt: pair.menteeAcceptedAt ?? at }
      : { mentorAcceptedAt: pair.mentorAcceptedAt ?? at },
  );
  return listMyParticipations(db, viewer);
}

export async function recordMeeting(db: Db, viewer: Viewer | null, pairId: string, metOn: string) {
  const me = requireSignedIn(viewer);
  const { pair } = await requireMyPair(db, viewer, pairId);
  if (metOn > todayUtc(new Date(Date.now() + 14 * 3600_000)))
    throw new AppError("VALIDATION", "Record a meeting on or after the day it happened", "metOn");
  await insertMeeting(db, {
    id: newId(),
    pairId: pair.id,
    cohortId: pair.cohortId,
    metOn,
    recordedBy: me.userId,
  });
  return listMyParticipations(db, viewer);
}
