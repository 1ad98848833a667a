import type { Viewer } from "../../http/viewer.ts";

// A decision journal is private to its owner. Sharing entries read-only with a chosen mentor
// belongs in canReadDecision as one more condition; changing them stays the owner's alone.
export function canReadDecision(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}

export function canChangeDecision(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}
