import type { Viewer } from "../../http/viewer.ts";

// The next-level checklist is private to its owner. A mentor's read-only view belongs here, as one more
// condition; ticking goes through the owner's own session only.
export function canReadTargetRole(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}
