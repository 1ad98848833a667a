import type { Viewer } from "../../http/viewer.ts";

// A portfolio is private to its owner. Sharing it read-only with a chosen mentor belongs here, as one
// more condition for reading; changing a role stays the owner's alone.
export function canReadPortfolio(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}

export function canChangePortfolio(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}
