import type { ProfileInput } from "../../../shared/profile.ts";
import type { Versioned } from "../../../shared/version.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import { requireSignedIn, type Viewer } from "../../http/viewer.ts";
import { presentProfile } from "./profile.presenter.ts";
import { findProfileRow, saveProfileRow } from "./profile.repo.ts";

export async function getMyProfile(db: Db, viewer: Viewer | null) {
  // A profile is only ever read by its owner here; sharing goes through its own use cases.
  const me = requireSignedIn(viewer);
  const row = await findProfileRow(db, me.userId);
  if (!row) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  return presentProfile(row);
}

export async function updateMyProfile(
  db: Db,
  viewer: Viewer | null,
  { version, ...input }: ProfileInput & Versioned,
) {
  const me = requireSignedIn(viewer);
  await saveProfileRow(db, me.userId, input, version);
  return getMyProfile(db, me);
}
