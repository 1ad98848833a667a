import type { Profile } from "../../../shared/profile.ts";
import type { ViewerProfile } from "../../http/viewer.ts";

type ProfileRow = { name: string } & {
  [K in Exclude<keyof ViewerProfile, "name">]: ViewerProfile[K] | null;
};

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
