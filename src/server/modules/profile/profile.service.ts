import type { ProfileInput } from "../../../shared/profile.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Viewer } from "../../http/viewer.ts";
import { presentProfile } from "./profile.presenter.ts";
import { findProfileRow, saveProfileRow } from "./profile.repo.ts";

export async function getMyProfile(db: Db, viewer: Viewer | null) {
  // A profile is only ever read by its owner here; sharing goes through its own use cases.
  const me = await requireAccess(db, viewer, "read", "profile");
  // Read with the session, in the same statement, at the start of this request.
  return me.profile;
}

export async function updateMyProfile(
  db: Db,
  viewer: Viewer | null,
  { version, ...input }: ProfileInput & Versioned,
) {
  const me = await requireAccess(db, viewer, "update", "profile");
  await saveProfileRow(db, me.userId, input, version);
  const row = await findProfileRow(db, me.userId);
  if (!row) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  return presentProfile(row);
}
