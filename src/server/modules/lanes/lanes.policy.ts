import type { Viewer } from "../../http/viewer.ts";

// A self-assessment is private to its owner. Sharing it read-only with a chosen mentor belongs here,
// as one more condition, so every use case that reads an assessment follows the same rule.
export function canReadAssessment(viewer: Viewer, ownerId: string): boolean {
  return viewer.userId === ownerId;
}
