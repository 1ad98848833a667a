import { type ExperienceKey, experienceLabels } from "../../../shared/experience.ts";
import { type LaneId, lanes } from "../../../shared/lanes.ts";
import { roleExperiences, roleLabel } from "../../../shared/portfolio.ts";
import { type Level, levelLabels } from "../../../shared/profile.ts";
import type { LevelStep, TargetRoleView } from "../../../shared/target-roles.ts";
import type { LaneAssessmentRow } from "../lanes/lanes.repo.ts";
import type { PortfolioRoleRow } from "../portfolio/portfolio.repo.ts";
import type { listCheckRows } from "./target-role.repo.ts";

type CheckRow = Awaited<ReturnType<typeof listCheckRows>>[number];

export type MemberEvidence = {
  roles: readonly PortfolioRoleRow[];
  latestLanes: LaneAssessmentRow | undefined;
  checks: readonly CheckRow[];
};

export function presentTargetRole(
  level: Level | null,
  step: LevelStep | null,
  evidence: MemberEvidence,
): TargetRoleView {
  const checkRows = new Map(evidence.checks.map((row) => [row.itemId, row]));
  const withKeys = evidence.roles.map((role) => ({ role, keys: roleExperiences(role) }));
  const experience = (key: ExperienceKey) => {
    const roles = withKeys
      .filter((entry) => entry.keys.includes(key))
      .map(({ role }) => ({ id: role.id, label: roleLabel(role) }));
    return { key, label: experienceLabels[key], covered: roles.length > 0, roles };
  };
  const lane = (id: LaneId) => ({
    id,
    label: lanes[id].label,
    rating: evidence.latestLanes ? evidence.latestLanes[id] : null,
  });
  return {
    level,
    levelLabel: level ? levelLabels[level] : null,
    nextLevel: step?.to ?? null,
    nextLevelLabel: step ? levelLabels[step.to] : null,
    summary: step?.summary ?? null,
    lanesAssessedAt: evidence.latestLanes?.createdAt.toISOString() ?? null,
    hurdles: (step?.hurdles ?? []).map((hurdle) => ({
      id: hurdle.id,
      title: hurdle.title,
      description: hurdle.description,
      actions: [...hurdle.actions],
      checks: hurdle.checks.map((check) => ({
        id: check.id,
        text: check.text,
        checkedOn: checkRows.get(check.id)?.checkedOn ?? null,
        version: checkRows.get(check.id)?.version ?? 0,
      })),
      experiences: hurdle.experiences.map(experience),
      lanes: hurdle.lanes.map(lane),
    })),
  };
}
