import type { Viewer } from "../../http/viewer.ts";

// A career plan is private to its owner. Sharing it read-only with a chosen mentor belongs in
// canReadPlan as one more condition; changing it stays the owner's alone.
export function canReadPlan(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}

export function canChangePlan(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}
