import type { Profile } from "../../../shared/profile.ts";
import type { findProfileRow } from "./profile.repo.ts";

type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileRow>>>;

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
