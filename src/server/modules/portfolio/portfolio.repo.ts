import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { PortfolioRoleInput } from "../../../shared/portfolio.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import type { AppError } from "../../http/errors.ts";
import { portfolioRoles } from "./portfolio.table.ts";

export type PortfolioRoleRow = typeof portfolioRoles.$inferSelect;

export async function insertPortfolioRole(db: Db, userId: string, input: PortfolioRoleInput) {
  const [row] = await db
    .insert(portfolioRoles)
    .values({ id: newId(), userId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Current roles first, then the most recent start. */
export async function listPortfolioRoleRows(db: Db, userId: string) {
  return db
    .select()
    .from(portfolioRoles)
    .where(eq(portfolioRoles.userId, userId))
    .orderBy(
      sql`${portfolioRoles.endsOn} is not null`,
      desc(portfolioRoles.startsOn),
      desc(portfolioRoles.createdAt),
      portfolioRoles.id,
    );
}

export async function findPortfolioRoleRow(db: Db, id: string) {
  const [row] = await db.select().from(portfolioRoles).where(eq(portfolioRoles.id, id));
  return row;
}

export async function updatePortfolioRoleRow(
  db: Db,
  id: string,
  userId: string,
  input: PortfolioRoleInput,
  version: number,
  missing: () => AppError,
) {
  return writeVersioned(db, portfolioRoles, {
    where: and(eq(portfolioRoles.id, id), eq(portfolioRoles.userId, userId)) as SQL,
    version,
    set: { ...input, updatedAt: new Date() },
    what: "role",
    missing,
  });
}

export async function deletePortfolioRoleRow(db: Db, id: string, userId: string) {
  const rows = await db
    .delete(portfolioRoles)
    .where(and(eq(portfolioRoles.id, id), eq(portfolioRoles.userId, userId)))
    .returning({ id: portfolioRoles.id });
  return rows.length > 0;
}
