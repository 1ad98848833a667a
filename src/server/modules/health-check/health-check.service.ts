import type { HealthCheckInput } from "../../../shared/health-check.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { presentHealthCheck } from "./health-check.presenter.ts";
import {
  decisionTitles,
  deleteHealthCheckRow,
  findHealthCheckRow,
  type HealthCheckRow,
  insertHealthCheck,
  listHealthCheckRows,
  updateHealthCheckRow,
} from "./health-check.repo.ts";

async function presentAll(db: Db, userId: string, rows: HealthCheckRow[]) {
  const titles = await decisionTitles(
    db,
    userId,
    rows.flatMap((row) => (row.decisionId ? [row.decisionId] : [])),
  );
  return rows.map((row) => presentHealthCheck(row, row.decisionId ? titles.get(row.decisionId) : undefined));
}

async function presentOne(db: Db, row: HealthCheckRow) {
  const [check] = await presentAll(db, row.userId, [row]);
  if (!check) throw new Error("presenting returned no check");
  return check;
}

/** A check may link one of the member's own decisions, and no one else's. */
async function checkDecision(db: Db, userId: string, decisionId: string | null) {
  if (decisionId === null) return;
  if (!(await decisionTitles(db, userId, [decisionId])).has(decisionId)) {
    throw new AppError("VALIDATION", "Pick one of the decisions in your journal, or none", "decisionId");
  }
}

async function requireCheck(db: Db, me: Viewer, id: string, action: "read" | "update" | "delete") {
  // Someone else's check answers like a missing one, so its existence does not leak.
  return requireAccess(db, me, action, "healthCheck", await findHealthCheckRow(db, id));
}

export async function listMyHealthChecks(db: Db, viewer: Viewer | null) {
  const me = await requireAccess(db, viewer, "read", "healthCheck");
  return { checks: await presentAll(db, me.userId, await listHealthCheckRows(db, me.userId)) };
}

export async function createHealthCheck(db: Db, viewer: Viewer | null, input: HealthCheckInput) {
  const me = await requireAccess(db, viewer, "create", "healthCheck");
  await checkDecision(db, me.userId, input.decisionId);
  return presentOne(db, await insertHealthCheck(db, me.userId, input));
}

export async function getHealthCheck(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  return presentOne(db, await requireCheck(db, me, id, "read"));
}

export async function editHealthCheck(
  db: Db,
  viewer: Viewer | null,
  id: string,
  { version, ...input }: HealthCheckInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  await requireCheck(db, me, id, "update");
  await checkDecision(db, me.userId, input.decisionId);
  return presentOne(db, await updateHealthCheckRow(db, id, input, version));
}

export async function removeHealthCheck(db: Db, viewer: Viewer | null, id: string) {
  const me = requireSignedIn(viewer);
  await requireCheck(db, me, id, "delete");
  await deleteHealthCheckRow(db, id);
  return { id };
}
