import {
  companyStageLabels,
  companyStages,
  type ExperienceKey,
  experienceLabels,
  marketLabels,
  markets,
  vantageLabels,
  vantages,
  workKindLabels,
  workKinds,
} from "../../../shared/experience.ts";
import {
  type CoverageGrid,
  type CoverageSingle,
  type CoveredBy,
  marketVantageMission,
  type PortfolioCoverage,
  type PortfolioGap,
  type PortfolioRoleInput,
  roleExperiences,
  roleLabel,
  singleMissions,
  stageWorkMission,
  tourPath,
} from "../../../shared/portfolio.ts";

export type CoverageRole = Pick<
  PortfolioRoleInput,
  "title" | "company" | "stage" | "market" | "vantage" | "work" | "peopleManaged" | "wellKnownLogo"
> & { id: string };

/** What a step ahead asks for: the next level (src/shared/target-roles.ts) or the skip job's needs. */
export type CoverageTarget = { label: string; experiences: readonly ExperienceKey[] };

/** A tour of duty not yet over, with the experiences it sets out to add. */
export type OpenTour = { id: string; title: string; experiences: readonly ExperienceKey[] };

type Candidate = { id: string; mission: string; experiences: ExperienceKey[]; order: number };

/** Which combinations of experience a member has and lacks, and the gaps as missions, most useful first. */
export function computeCoverage(
  roles: readonly CoverageRole[],
  targets: readonly CoverageTarget[] = [],
  openTours: readonly OpenTour[] = [],
): PortfolioCoverage {
  const withKeys = roles.map((role) => ({
    by: { id: role.id, label: roleLabel(role) } satisfies CoveredBy,
    keys: new Set(roleExperiences(role)),
  }));
  const coveredBy = (...keys: ExperienceKey[]) =>
    withKeys.filter((role) => keys.every((key) => role.keys.has(key))).map((role) => role.by);

  const candidates: Candidate[] = [];
  const grid = <R extends string, C extends string>(
    id: CoverageGrid["id"],
    title: string,
    rows: readonly { key: ExperienceKey; label: string; value: R }[],
    columns: readonly { key: ExperienceKey; label: string; value: C }[],
    mission: (row: R, column: C) => string,
  ): CoverageGrid => {
    const cells = rows.flatMap((row) =>
      columns.map((column) => {
        const by = coveredBy(row.key, column.key);
        if (by.length === 0) {
          candidates.push({
            id: `${row.key}+${column.key}`,
            mission: mission(row.value, column.value),
            experiences: [row.key, column.key],
            order: candidates.length,
          });
        }
        return { row: row.key, column: column.key, covered: by.length > 0, roles: by };
      }),
    );
    return {
      id,
      title,
      rows: rows.map(({ key, label }) => ({ key, label })),
      columns: columns.map(({ key, label }) => ({ key, label })),
      cells,
    };
  };

  const grids = [
    grid(
      "stage-work",
      "Company stage and kind of work",
      companyStages.map((value) => ({
        key: `stage:${value}` as const,
        label: companyStageLabels[value],
        value,
      })),
      workKinds.map((value) => ({ key: `work:${value}` as const, label: workKindLabels[value], value })),
      stageWorkMission,
    ),
    grid(
      "market-vantage",
      "Market and vantage point",
      markets.map((value) => ({ key: `market:${value}` as const, label: marketLabels[value], value })),
      vantages.map((value) => ({ key: `vantage:${value}` as const, label: vantageLabels[value], value })),
      marketVantageMission,
    ),
  ];

  const singles: CoverageSingle[] = (Object.keys(singleMissions) as (keyof typeof singleMissions)[]).map(
    (key) => {
      const by = coveredBy(key);
      if (by.length === 0) {
        candidates.push({
          id: key,
          mission: singleMissions[key],
          experiences: [key],
          order: candidates.length,
        });
      }
      return { key, label: experienceLabels[key], covered: by.length > 0, roles: by };
    },
  );

  const held = new Set(withKeys.flatMap((role) => [...role.keys]));
  const gaps = rankGaps(candidates, held, targets, openTours);
  const totalCount = grids.reduce((sum, g) => sum + g.cells.length, 0) + singles.length;
  return { grids, singles, gaps, coveredCount: totalCount - gaps.length, totalCount };
}

// Usefulness, most useful first, decided here and only here:
// 1. Gaps no open tour of duty sets out to close yet: a gap already planned is in hand, not a next step.
// 2. Gaps that add an experience a step ahead asks for (the next level, then the skip job's needs).
// 3. Gaps next to what they already hold: the more of a gap's experiences they have in some role (its row
//    and column both partly covered), the smaller and more credible the move for their next tour of duty.
// 4. The grid's own reading order, so the list is stable from one visit to the next.
function rankGaps(
  candidates: readonly Candidate[],
  held: ReadonlySet<ExperienceKey>,
  targets: readonly CoverageTarget[],
  openTours: readonly OpenTour[],
): PortfolioGap[] {
  const scored = candidates.map((candidate) => {
    const asked = targets
      .map((target) => ({
        target,
        wanted: candidate.experiences.filter((key) => target.experiences.includes(key)),
      }))
      .filter((t) => t.wanted.length > 0);
    const wantedCount = new Set(asked.flatMap((t) => t.wanted)).size;
    const have = candidate.experiences.filter((key) => held.has(key));
    const tour = openTours.find((t) => candidate.experiences.every((key) => t.experiences.includes(key)));
    return {
      candidate,
      asked,
      wantedCount,
      have,
      plannedIn: tour ? { id: tour.id, title: tour.title } : null,
    };
  });
  scored.sort(
    (a, b) =>
      Number(a.plannedIn !== null) - Number(b.plannedIn !== null) ||
      b.wantedCount - a.wantedCount ||
      b.have.length - a.have.length ||
      a.candidate.order - b.candidate.order,
  );
  return scored.map(({ candidate, asked, have, plannedIn }) => ({
    id: candidate.id,
    mission: candidate.mission,
    experiences: candidate.experiences,
    reason: gapReason(asked, have),
    tourPath: tourPath(candidate.mission, candidate.experiences),
    plannedIn,
  }));
}

function gapReason(
  asked: readonly { target: CoverageTarget; wanted: readonly ExperienceKey[] }[],
  have: readonly ExperienceKey[],
): string {
  const names = (keys: readonly ExperienceKey[]) => keys.map((key) => experienceLabels[key]).join(" and ");
  const first = asked[0];
  if (first) return `${first.target.label} asks for this: ${names(first.wanted)}.`;
  if (have.length > 1) return `You have ${names(have)}, but not yet in one role.`;
  if (have.length === 1) return `Builds on what you have: ${names(have)}.`;
  return "New ground for you.";
}
