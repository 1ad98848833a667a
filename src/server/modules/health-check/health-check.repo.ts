import { and, desc, eq, inArray } from "drizzle-orm";
import type { HealthCheckInput } from "../../../shared/health-check.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import { AppError } from "../../http/errors.ts";
import { decisions } from "../decisions/decisions.table.ts";
import { healthChecks } from "./health-check.table.ts";

export type HealthCheckRow = typeof healthChecks.$inferSelect;

export async function insertHealthCheck(db: Db, userId: string, input: HealthCheckInput) {
  const [row] = await db
    .insert(healthChecks)
    .values({ id: newId(), userId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateHealthCheckRow(db: Db, id: string, input: HealthCheckInput, version: number) {
  return writeVersioned(db, healthChecks, {
    where: eq(healthChecks.id, id),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "health check",
    missing: () => new AppError("NOT_FOUND", "There is no company health check with this id among yours."),
  });
}

export async function deleteHealthCheckRow(db: Db, id: string) {
  await db.delete(healthChecks).where(eq(healthChecks.id, id));
}

export async function findHealthCheckRow(db: Db, id: string) {
  const [row] = await db.select().from(healthChecks).where(eq(healthChecks.id, id));
  return row;
}

export async function listHealthCheckRows(db: Db, userId: string) {
  return db
    .select()
    .from(healthChecks)
    .where(eq(healthChecks.userId, userId))
    .orderBy(desc(healthChecks.updatedAt), desc(healthChecks.id));
}

/** The dilemmas of the member's own decisions among `ids`. */
export async function decisionTitles(db: Db, userId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: decisions.id, dilemma: decisions.dilemma })
    .from(decisions)
    .where(and(eq(decisions.userId, userId), inArray(decisions.id, ids)));
  return new Map(rows.map((row) => [row.id, row.dilemma]));
}
