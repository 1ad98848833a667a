import { eq } from "drizzle-orm";
import type { ProfileInput } from "../../../shared/profile.ts";
import { users } from "../../auth/auth.table.ts";
import type { Db } from "../../db/open.ts";
import { profiles } from "./profile.table.ts";

export async function findProfileRow(db: Db, userId: string) {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      headline: profiles.headline,
      level: profiles.level,
      track: profiles.track,
      company: profiles.company,
      timeZone: profiles.timeZone,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

export async function saveProfileRow(db: Db, userId: string, input: ProfileInput) {
  const { name, ...rest } = input;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId));
    await tx
      .insert(profiles)
      .values({ userId, ...rest, updatedAt: new Date() })
      .onConflictDoUpdate({ target: profiles.userId, set: { ...rest, updatedAt: new Date() } });
  });
}
