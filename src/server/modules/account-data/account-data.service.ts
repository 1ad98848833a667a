import { isAPIError } from "better-auth/api";
import {
  type AccountDataSections,
  accountDataExport,
  accountDataFormat,
  type DeleteAccountInput,
} from "../../../shared/account-data.ts";
import { accountExportKeepDays, formerMemberName } from "../../../shared/account-data-words.ts";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { lanes } from "../../../shared/lane-words.ts";
import { composeRelease, releaseMarkdown } from "../../../shared/story.ts";
import { reserveSignInAttempt, settleSignInAttempt } from "../../auth/sign-in-limiter.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Deps } from "../../http/router.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import { presentProfile } from "../profile/profile.presenter.ts";
import {
  deleteAccountRow,
  deleteOlderExports,
  expireExports,
  findExportRow,
  findExportStatus,
  findLatestExport,
  findMemberForExport,
  insertExport,
  insertFormerMember,
  lockAccount,
  markExportFailed,
  markExportProgress,
  markExportReady,
} from "./account-data.repo.ts";
import { deletionSteps, exportSections } from "./sections.ts";

type MailDeps = Pick<Deps, "db" | "mailer" | "config" | "auth">;

export const accountExportJobKind = "account-data.export";
const dayMs = 24 * 3600 * 1000;

function presentStatus(row: Awaited<ReturnType<typeof findExportStatus>>, now = new Date()) {
  if (!row) return { export: null };
  const expired = row.state === "expired" || (row.state === "ready" && row.expiresAt && row.expiresAt <= now);
  return {
    export: {
      id: row.id,
      state: expired ? ("expired" as const) : row.state,
      sectionsDone: row.sectionsDone,
      sectionsTotal: row.sectionsTotal,
      requestedAt: row.createdAt.toISOString(),
      readyAt: row.readyAt?.toISOString() ?? null,
      expiresAt: row.expiresAt?.toISOString() ?? null,
    },
  };
}

export async function getMyAccountExport(db: Db, viewer: Viewer | null) {
  // Only the member's own export exists for them; there is no id to guess.
  const me = requireSignedIn(viewer);
  return presentStatus(await findExportStatus(db, me.userId));
}

/** Starts building an export, or answers with the one already being built. */
export async function requestAccountExport(db: Db, viewer: Viewer | null) {
  const me = requireSignedIn(viewer);
  await db.transaction(async (tx) => {
    const latest = await findExportStatus(tx, me.userId);
    if (latest && (latest.state === "queued" || latest.state === "running")) return;
    const id = newId();
    await insertExport(tx, { id, userId: me.userId, sectionsTotal: exportSections.length });
    await deleteOlderExports(tx, me.userId, id);
    await enqueueJob(tx, {
      kind: accountExportJobKind,
      payload: { exportId: id },
      key: `${accountExportJobKind}:${id}`,
    });
  });
  return getMyAccountExport(db, viewer);
}

async function readyExport(db: Db, viewer: Viewer | null) {
  const me = requireSignedIn(viewer);
  const row = await findLatestExport(db, me.userId);
  if (row?.state !== "ready" || !row.content || !row.expiresAt || row.expiresAt <= new Date()) {
    throw new AppError("NOT_FOUND", "There is no export ready to download. Start one on the Your data page.");
  }
  return row;
}

export async function downloadMyAccountExport(db: Db, viewer: Viewer | null) {
  const row = await readyExport(db, viewer);
  return { filename: `sidecar-data-${row.createdAt.toISOString().slice(0, 10)}.json`, content: row.content };
}

export async function downloadMyStoryMarkdown(db: Db, viewer: Viewer | null) {
  const row = await readyExport(db, viewer);
  return {
    filename: `sidecar-story-${row.createdAt.toISOString().slice(0, 10)}.md`,
    markdown: row.storyMarkdown ?? "",
  };
}

/** The career story as one Markdown file: the press release, then every entry. */
export function storyMarkdown(sections: AccountDataSections): string {
  const { story, account } = sections;
  const parts = [
    releaseMarkdown(composeRelease(story.pressRelease), account.name).trim(),
    "",
    "# My career story",
    "",
  ];
  if (story.entries.length === 0) parts.push("_No story entries yet._", "");
  for (const entry of story.entries) {
    parts.push(`## ${entry.title}`, "");
    if (entry.portfolioRole) parts.push(`_${entry.portfolioRole.label}_`, "");
    const fields: [string, string][] = [
      ["The problem", entry.problem],
      ["What I did", entry.actions],
      ["Headwinds", entry.headwinds],
      ["How I overcame them", entry.overcome],
      ["The result", entry.result],
    ];
    for (const [label, text] of fields) if (text.trim()) parts.push(`**${label}.** ${text.trim()}`, "");
    if (entry.skills.length)
      parts.push(`**Skills.** ${entry.skills.map((s) => lanes[s].label).join(", ")}`, "");
  }
  return `${parts.join("\n").trim()}\n`;
}

/**
 * The export job: reads every section as the member, records progress after each, validates the whole
 * against the shared schema (which drops any field not listed), then stores the file and mails the link.
 */
export async function buildAccountExport(deps: MailDeps, exportId: string, now: Date) {
  const { db } = deps;
  const row = await findExportRow(db, exportId);
  if (!row || (row.state !== "queued" && row.state !== "running")) return;
  const member = await findMemberForExport(db, row.userId);
  if (!member) return;
  const me = {
    userId: member.userId,
    sessionId: "",
    role: member.role,
    email: member.email,
    emailVerified: member.emailVerified,
    twoFactorEnabled: member.twoFactorEnabled,
    profile: presentProfile(member),
    createdAt: member.createdAt,
  };
  const sections: Record<string, unknown> = {};
  try {
    for (const [index, section] of exportSections.entries()) {
      sections[section.key] = await section.collect(db, me);
      await markExportProgress(db, exportId, index + 1);
    }
  } catch (error) {
    await markExportFailed(db, exportId);
    throw error;
  }
  const data = accountDataExport.parse({
    format: accountDataFormat,
    exportedAt: now.toISOString(),
    sections,
  });
  const expiresAt = new Date(now.getTime() + accountExportKeepDays * dayMs);
  const link = `${deps.config.baseUrl}/settings/data`;
  const sends = await db.transaction(async (tx) => {
    const ready = await markExportReady(tx, exportId, {
      content: JSON.stringify(data, null, 2),
      storyMarkdown: storyMarkdown(data.sections),
      readyAt: now,
      expiresAt,
      sectionsDone: exportSections.length,
    });
    if (!ready) return () => {};
    return deps.mailer.enqueue(
      [
        {
          kind: "security",
          to: member.email,
          subject: "Your Sidecar data is ready to download",
          text: [
            `Hi ${member.name},`,
            `The export of all your Sidecar data you asked for is ready. Sign in and download it from Your data; it is kept until ${formatCalendarDate(expiresAt.toISOString().slice(0, 10))}, then deleted.`,
            `If you did not ask for it, change your password: someone signed in as you.`,
            `Your data: ${link}`,
            "— Sidecar",
          ].join("\n\n"),
        },
      ],
      tx,
    );
  });
  sends();
}

export async function pruneAccountExports(db: Db, now: Date) {
  await expireExports(db, now);
}

async function checkPassword(deps: MailDeps, me: Viewer, headers: Headers, password: string, ip: string) {
  // A wrong password here counts as a failed sign-in, so this page is no way to guess one.
  await reserveSignInAttempt(deps.db, me.email, ip);
  let outcome: "wrong-password" | "other" = "other";
  try {
    await deps.auth.api.verifyPassword({ body: { password }, headers });
  } catch (error) {
    if (isAPIError(error)) {
      outcome = "wrong-password";
      throw new AppError("VALIDATION", "The password is not right.", "password");
    }
    throw error;
  } finally {
    await settleSignInAttempt(deps.db, me.email, ip, outcome);
  }
}

async function checkCode(deps: MailDeps, headers: Headers, code: string | undefined) {
  if (!code) {
    throw new AppError("VALIDATION", "Enter the six-digit code from your authenticator app.", "code");
  }
  try {
    await deps.auth.api.verifyTOTP({ body: { code }, headers });
  } catch (error) {
    if (isAPIError(error)) throw new AppError("VALIDATION", "The code is not right, or it expired.", "code");
    throw error;
  }
}

/**
 * Deletes the member's account and all their data in one transaction. What other people own stays,
 * moved to a stand-in "A former member" (see deletion-steps.ts); everything else cascades from the
 * account row. Their sessions end with it, and the address is free to sign up again as a new person.
 */
export async function deleteMyAccount(
  deps: MailDeps,
  viewer: Viewer | null,
  input: DeleteAccountInput,
  request: { headers: Headers; ip: string },
) {
  const me = requireSignedIn(viewer);
  await checkPassword(deps, me, request.headers, input.password, request.ip);
  if (me.twoFactorEnabled) await checkCode(deps, request.headers, input.code);
  const sends: (() => void)[] = [];
  await deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, me.userId);
    if (!account) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const formerId = newId();
    await insertFormerMember(tx, formerId, formerMemberName);
    const context = {
      deps,
      tx,
      userId: me.userId,
      email: account.email,
      name: account.name,
      formerId,
      now: new Date(),
      later: (send: () => void) => sends.push(send),
    };
    for (const step of deletionSteps) await step.run(context);
    await deleteAccountRow(tx, me.userId);
  });
  for (const send of sends) send();
  return { deleted: true as const };
}

export function registerAccountDataJobs(runner: JobRunner, deps: Deps) {
  runner.register(
    accountExportJobKind,
    (payload, { now }) => buildAccountExport(deps, String(payload.exportId), now),
    { maxAttempts: 3, leaseSeconds: 600 },
  );
  runner.every("account-data.prune", "17 * * * *", (_payload, { now }) => pruneAccountExports(deps.db, now));
}
