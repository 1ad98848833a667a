import type { Viewer } from "../../http/viewer.ts";

// Tours of duty are private to their owner. Sharing them read-only with a chosen mentor belongs in
// canReadTours, as one more condition; changing them stays with the owner alone.
export function canReadTours(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}

export function canChangeTours(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}
