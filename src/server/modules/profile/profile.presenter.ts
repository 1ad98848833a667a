import type { Profile } from "../../../shared/profile.ts";

/** A row of profileColumns: the profile's own columns are null until the member first saves it. */
type ProfileRow = { name: string } & { [K in Exclude<keyof Profile, "name">]: Profile[K] | null };

export function presentProfile(row: ProfileRow): Profile {
  return {
    name: row.name,
    headline: row.headline ?? "",
    level: row.level ?? null,
    track: row.track ?? null,
    company: row.company ?? "",
    timeZone: row.timeZone ?? null,
    version: row.version ?? 0,
  };
}
