import type { z } from "zod";
import {
  type urgentCallInput,
  urgentCallKindLabels,
  urgentPromiseMinutes,
  type urgentSessionInput,
} from "../../../shared/engagements.ts";
import { isTimeZone } from "../../../shared/profile.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { isViolation, runAfterCommit } from "../../db/transaction.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { expandAvailability } from "../mentors/availability.ts";
import { notify } from "../notifications/notifications.service.ts";
import { presentSession, presentUrgentCall } from "./engagements.presenter.ts";
import {
  countOffers,
  findUrgentCallRow,
  insertOffers,
  insertSession,
  insertUrgentCall,
  isOffered,
  listCallSessionRows,
  listOfferedMentorIds,
  listPeople,
  listUrgentCallsFor,
  listUrgentMentorRows,
  type SessionRow,
  setUrgentCall,
  takeUrgentCall,
  type UrgentCallRow,
} from "./engagements.repo.ts";
import { type NotifyDeps, tellSessionChange } from "./engagements.service.ts";

export const urgentJobKinds = { widen: "urgent-calls.widen" } as const;

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
/** A mentor with free time in the next two days counts as available for a 911 call. */
const availableWithinHours = 48;

const zone = (value: string | null | undefined) => (value && isTimeZone(value) ? value : "UTC");

async function presentCalls(db: Db, viewerId: string, rows: UrgentCallRow[]) {
  const ids = rows.map((r) => r.id);
  const people = await listPeople(
    db,
    rows.flatMap((r) => [r.memberId, ...(r.takenBy ? [r.takenBy] : [])]),
  );
  const names = new Map([...people].map(([id, p]) => [id, p.name]));
  const sessions = await listCallSessionRows(db, ids);
  const offers = await countOffers(
    db,
    rows.filter((r) => r.memberId === viewerId).map((r) => r.id),
  );
  return rows.map((row) => {
    const mentorZone = zone(row.takenBy ? people.get(row.takenBy)?.timeZone : null);
    const own = sessions
      .filter((s) => s.urgentCallId === row.id)
      .map((s) =>
        presentSession(s, { mentee: zone(people.get(row.memberId)?.timeZone), mentor: mentorZone }),
      );
    return presentUrgentCall(row, viewerId, names, own, offers.get(row.id) ?? 0);
  });
}

/** The call, for its member or a mentor it was offered to; anyone else gets the 404 of a missing one. */
async function requireCall(db: Db, me: Viewer, id: string, options: { lock?: boolean } = {}) {
  const row = await findUrgentCallRow(db, id, options);
  const party =
    row &&
    (row.memberId === me.userId || (await isOffered(db, row.id, me.userId)) ? me.userId : row.memberId);
  const found = await requireAccess(db, me, "read", "urgentCall", row && { userId: party as string, row });
  return found.row;
}

export async function getUrgentCall(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const row = await requireCall(db, me, id);
  const [presented] = await presentCalls(db, me.userId, [row]);
  return presented as NonNullable<typeof presented>;
}

export async function listUrgentCalls(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "urgentCall", viewer?.userId);
  const { mine, offered } = await listUrgentCallsFor(db, me.userId);
  return {
    mine: await presentCalls(db, me.userId, mine),
    offered: await presentCalls(db, me.userId, offered),
  };
}

async function candidates(db: Db, call: UrgentCallRow, wave: number, now: Date) {
  const already = new Set(await listOfferedMentorIds(db, call.id));
  const fits = await listUrgentMentorRows(db, call.memberId, wave === 1 ? call.lane : null);
  return fits
    .filter((m) => !already.has(m.userId))
    .filter(
      (m) =>
        wave > 1 ||
        expandAvailability(m.weekly, m.away, m.timeZone, now, 3).some(
          (s) => Date.parse(s.start) < now.getTime() + availableWithinHours * hourMs,
        ),
    )
    .map((m) => m.userId);
}

async function offerTo(deps: NotifyDeps, tx: Db, call: UrgentCallRow, mentorIds: string[], wave: number) {
  await insertOffers(tx, call.id, mentorIds, wave);
  const sends: (() => void)[] = [];
  for (const mentorId of mentorIds) {
    sends.push(
      await notify(deps, tx, {
        userId: mentorId,
        kind: "urgent_call",
        title: `911 call: ${urgentCallKindLabels[call.kind]}`,
        body: `A member needs counsel within ${call.promiseMinutes / 60} hours. The first mentor to accept takes the call.`,
        link: `/urgent-calls/${call.id}`,
      }),
    );
  }
  return () => {
    for (const send of sends) send();
  };
}

/**
 * Posts a 911 call and offers it, all at once, to the available mentors who take urgent calls and fit
 * its lane. If none fits, it goes straight to every mentor who takes urgent calls, and says so.
 */
export async function postUrgentCall(
  deps: NotifyDeps,
  viewer: Viewer | null,
  input: z.infer<typeof urgentCallInput>,
) {
  const me = await requireAccess(deps.db, viewer, "create", "urgentCall");
  const id = await runAfterCommit(deps, async (tx, later) => {
    const open = (await listUrgentCallsFor(tx, me.userId)).mine.filter((c) => c.state === "open");
    if (open.length > 0) {
      throw new AppError(
        "CONFLICT",
        "You have a 911 call waiting for a mentor: withdraw it before posting another.",
      );
    }
    const now = new Date();
    let call = await insertUrgentCall(tx, {
      memberId: me.userId,
      kind: input.kind,
      lane: input.lane,
      dilemma: input.dilemma,
      decideBy: input.decideBy ? new Date(input.decideBy) : null,
      promiseMinutes: urgentPromiseMinutes,
      createdAt: now,
    });
    let wave = 1;
    let mentors = await candidates(tx, call, 1, now);
    if (mentors.length === 0) {
      wave = 2;
      mentors = await candidates(tx, call, 2, now);
    }
    if (mentors.length === 0) {
      call = await setUrgentCall(tx, call.id, { state: "unanswered" });
      later(
        await notify(deps, tx, {
          userId: me.userId,
          kind: "urgent_call",
          title: "No mentor takes 911 calls just now",
          body: "Nobody could be reached for your call. Ask a mentor directly from your suggestions, or post again later.",
          link: `/urgent-calls/${call.id}`,
        }),
      );
      return call.id;
    }
    call = await setUrgentCall(tx, call.id, { wave });
    later(await offerTo(deps, tx, call, mentors, wave));
    await enqueueJob(tx, {
      kind: urgentJobKinds.widen,
      payload: { callId: call.id, wave },
      key: `${urgentJobKinds.widen}:${call.id}:${wave}`,
      runAt: new Date(now.getTime() + call.promiseMinutes * minuteMs),
    });
    return call.id;
  });
  return getUrgentCall(deps.db, viewer, id);
}

/** When nobody accepted within the promise: widen to every mentor who takes urgent calls, or end honestly. */
export async function widenUrgentCall(deps: NotifyDeps, callId: string, wave: number, now: Date) {
  return runAfterCommit(deps, async (tx, later) => {
    const call = await findUrgentCallRow(tx, callId, { lock: true });
    if (call?.state !== "open" || call.wave !== wave) return;
    const more = wave === 1 ? await candidates(tx, call, 2, now) : [];
    if (more.length > 0) {
      const widened = await setUrgentCall(tx, callId, { wave: 2 });
      later(await offerTo(deps, tx, widened, more, 2));
      later(
        await notify(deps, tx, {
          userId: call.memberId,
          kind: "urgent_call",
          title: "No mentor accepted your 911 call yet: it now reaches more mentors",
          body: `Nobody accepted within ${call.promiseMinutes / 60} hours. Your call now also reaches ${more.length} more mentors who take urgent calls, beyond your topic.`,
          link: `/urgent-calls/${callId}`,
        }),
      );
      await enqueueJob(tx, {
        kind: urgentJobKinds.widen,
        payload: { callId, wave: 2 },
        key: `${urgentJobKinds.widen}:${callId}:2`,
        runAt: new Date(now.getTime() + call.promiseMinutes * minuteMs),
      });
      return;
    }
    await setUrgentCall(tx, callId, { state: "unanswered" });
    later(
      await notify(deps, tx, {
        userId: call.memberId,
        kind: "urgent_call",
        title: "No mentor could take your 911 call",
        body: "Every mentor it reached was busy. Ask a mentor directly from your suggestions, or post again.",
        link: `/urgent-calls/${callId}`,
      }),
    );
  });
}

/** The first mentor to accept takes the call; the conditional update lets exactly one through. */
export async function acceptUrgentCall(deps: NotifyDeps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const call = await requireCall(tx, me, id);
    if (call.memberId === me.userId)
      throw new AppError("FORBIDDEN", "Only a mentor it was offered to can take a call.");
    const taken = await takeUrgentCall(tx, id, me.userId, new Date());
    if (!taken) {
      throw new AppError(
        "CONFLICT",
        call.state === "withdrawn"
          ? "The member withdrew this call."
          : call.state === "unanswered"
            ? "This call has ended: nobody could take it in time, and the member was told."
            : "Another mentor took this call first.",
      );
    }
    const name = (await listPeople(tx, [me.userId])).get(me.userId)?.name ?? "A mentor";
    later(
      await notify(deps, tx, {
        userId: call.memberId,
        kind: "urgent_call",
        title: `${name} took your 911 call`,
        body: "Book a time to talk from the call's page.",
        link: `/urgent-calls/${id}`,
      }),
    );
  });
  return getUrgentCall(deps.db, viewer, id);
}

export async function withdrawUrgentCall(deps: NotifyDeps, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  const call = await requireCall(deps.db, me, id);
  if (call.memberId !== me.userId)
    throw new AppError("FORBIDDEN", "Only the member who posted the call can withdraw it.");
  if (call.state !== "open")
    throw new AppError("CONFLICT", "Only a call still waiting for a mentor can be withdrawn.");
  await setUrgentCall(deps.db, id, { state: "withdrawn" });
  return getUrgentCall(deps.db, viewer, id);
}

/** The member or the mentor who took the call books the talk, within the week; no double booking. */
export async function bookUrgentSession(
  deps: NotifyDeps,
  viewer: Viewer | null,
  id: string,
  input: z.infer<typeof urgentSessionInput>,
) {
  const me = requireSignedIn(viewer);
  await runAfterCommit(deps, async (tx, later) => {
    const call = await requireCall(tx, me, id, { lock: true });
    if (call.state !== "taken" || !call.takenBy)
      throw new AppError("CONFLICT", "A mentor must take the call first.");
    if (me.userId !== call.memberId && me.userId !== call.takenBy) {
      throw new AppError("FORBIDDEN", "Another mentor took this call.");
    }
    const now = new Date();
    const start = new Date(input.startsAt);
    if (start.getTime() <= now.getTime() || start.getTime() > now.getTime() + 7 * 24 * hourMs) {
      throw new AppError("VALIDATION", "Pick a time within the next seven days.", "startsAt");
    }
    let session: SessionRow;
    try {
      session = await tx.transaction((inner) =>
        insertSession(inner, {
          urgentCallId: id,
          mentorId: call.takenBy as string,
          menteeId: call.memberId,
          startsAt: start,
          endsAt: new Date(start.getTime() + input.minutes * minuteMs),
          agenda: `911 call: ${urgentCallKindLabels[call.kind]}`,
        }),
      );
    } catch (error) {
      if (isViolation(error, "23P01")) {
        throw new AppError("CONFLICT", "One of you has another session then: pick another time.", "startsAt");
      }
      throw error;
    }
    later(await tellSessionChange(deps, tx, session, "booked", ""));
  });
  return getUrgentCall(deps.db, viewer, id);
}

export function registerUrgentCallJobs(runner: JobRunner, deps: Deps) {
  runner.register(urgentJobKinds.widen, (payload, { now }) =>
    widenUrgentCall(deps, String(payload.callId), Number(payload.wave), now),
  );
}
