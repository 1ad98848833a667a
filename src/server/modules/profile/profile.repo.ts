import { eq } from "drizzle-orm";
import type { ProfileInput } from "../../../shared/profile.ts";
import { users } from "../../auth/auth.table.ts";
import type { Db } from "../../db/open.ts";
import { writeVersioned } from "../../db/versioned-write.ts";
import { profiles } from "./profile.table.ts";

/** What a profile shows, read from the account joined (left) with the profile: see presentProfile. */
export const profileColumns = {
  name: users.name,
  headline: profiles.headline,
  level: profiles.level,
  track: profiles.track,
  company: profiles.company,
  timeZone: profiles.timeZone,
  version: profiles.version,
};

export async function findProfileRow(db: Db, userId: string) {
  const [row] = await db
    .select({ email: users.email, ...profileColumns })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

/** The name lives on the account; the profile's version covers it too, so both move in one transaction. */
export async function saveProfileRow(db: Db, userId: string, input: ProfileInput, version: number) {
  const { name, ...rest } = input;
  await db.transaction(async (tx) => {
    const set = { ...rest, updatedAt: new Date() };
    await writeVersioned(tx, profiles, {
      where: eq(profiles.userId, userId),
      version,
      set,
      insert: { userId, ...set },
      what: "profile",
    });
    await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId));
  });
}
