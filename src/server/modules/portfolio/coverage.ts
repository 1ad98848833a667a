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

type Axis<V extends string> = readonly { key: ExperienceKey; label: string; value: V }[];
type GridShape<R extends string, C extends string> = {
  id: CoverageGrid["id"];
  title: string;
  rows: Axis<R>;
  columns: Axis<C>;
  mission: (row: R, column: C) => string;
};

// The two grids, the same for everyone: the member's roles only decide which cells are covered.
const stageWork: GridShape<(typeof companyStages)[number], (typeof workKinds)[number]> = {
  id: "stage-work",
  title: "Company stage and kind of work",
  rows: companyStages.map((value) => ({
    key: `stage:${value}` as const,
    label: companyStageLabels[value],
    value,
  })),
  columns: workKinds.map((value) => ({ key: `work:${value}` as const, label: workKindLabels[value], value })),
  mission: stageWorkMission,
};
const marketVantage: GridShape<(typeof markets)[number], (typeof vantages)[number]> = {
  id: "market-vantage",
  title: "Market and vantage point",
  rows: markets.map((value) => ({ key: `market:${value}` as const, label: marketLabels[value], value })),
  columns: vantages.map((value) => ({
    key: `vantage:${value}` as const,
    label: vantageLabels[value],
    value,
  })),
  mission: marketVantageMission,
};
const singleKeys = Object.keys(singleMissions) as (keyof typeof singleMissions)[];

/** Every combination of experience no role holds, as a mission, in the grids' reading order. */
function gapCandidates(isCovered: (...keys: ExperienceKey[]) => boolean): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (id: string, mission: string, experiences: ExperienceKey[]) =>
    candidates.push({ id, mission, experiences, order: candidates.length });
  const gridGaps = <R extends string, C extends string>(shape: GridShape<R, C>) => {
    for (const row of shape.rows) {
      for (const column of shape.columns) {
        if (!isCovered(row.key, column.key)) {
          add(`${row.key}+${column.key}`, shape.mission(row.value, column.value), [row.key, column.key]);
        }
      }
    }
  };
  gridGaps(stageWork);
  gridGaps(marketVantage);
  for (const key of singleKeys) if (!isCovered(key)) add(key, singleMissions[key], [key]);
  return candidates;
}

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

  const grid = <R extends string, C extends string>(shape: GridShape<R, C>): CoverageGrid => ({
    id: shape.id,
    title: shape.title,
    rows: shape.rows.map(({ key, label }) => ({ key, label })),
    columns: shape.columns.map(({ key, label }) => ({ key, label })),
    cells: shape.rows.flatMap((row) =>
      shape.columns.map((column) => {
        const by = coveredBy(row.key, column.key);
        return { row: row.key, column: column.key, covered: by.length > 0, roles: by };
      }),
    ),
  });
  const grids = [grid(stageWork), grid(marketVantage)];
  const singles: CoverageSingle[] = singleKeys.map((key) => {
    const by = coveredBy(key);
    return { key, label: experienceLabels[key], covered: by.length > 0, roles: by };
  });

  const held = new Set(withKeys.flatMap((role) => [...role.keys]));
  const candidates = gapCandidates((...keys) => coveredBy(...keys).length > 0);
  const gaps = rankGaps(candidates, held, targets, openTours).map(presentGap);
  const totalCount = grids.reduce((sum, g) => sum + g.cells.length, 0) + singles.length;
  return { grids, singles, gaps, coveredCount: totalCount - gaps.length, totalCount };
}

/**
 * The gaps no open tour sets out to close yet, most useful first, without the grids: what home shows
 * (the first, and how many there are), worked out on every visit.
 */
export function openGaps(
  roles: readonly Omit<CoverageRole, "id" | "title" | "company">[],
  targets: readonly CoverageTarget[],
  openTours: readonly OpenTour[],
): { count: number; first: PortfolioGap | null } {
  const keySets = roles.map((role) => new Set(roleExperiences(role)));
  const held = new Set(keySets.flatMap((keys) => [...keys]));
  const candidates = gapCandidates((...keys) => keySets.some((set) => keys.every((key) => set.has(key))));
  const open = rankGaps(candidates, held, targets, openTours).filter((gap) => gap.plannedIn === null);
  const first = open[0];
  return { count: open.length, first: first ? presentGap(first) : null };
}

// Usefulness, most useful first, decided here and only here:
// 1. Gaps no open tour of duty sets out to close yet: a gap already planned is in hand, not a next step.
// 2. Gaps that add an experience a step ahead asks for (the next level, then the skip job's needs).
// 3. Gaps next to what they already hold: the more of a gap's experiences they have in some role (its row
//    and column both partly covered), the smaller and more credible the move for their next tour of duty.
// 4. The grid's own reading order, so the list is stable from one visit to the next.
type RankedGap = {
  candidate: Candidate;
  asked: { target: CoverageTarget; wanted: ExperienceKey[] }[];
  have: ExperienceKey[];
  plannedIn: PortfolioGap["plannedIn"];
};

function rankGaps(
  candidates: readonly Candidate[],
  held: ReadonlySet<ExperienceKey>,
  targets: readonly CoverageTarget[],
  openTours: readonly OpenTour[],
): RankedGap[] {
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
  return scored;
}

function presentGap({ candidate, asked, have, plannedIn }: RankedGap): PortfolioGap {
  return {
    id: candidate.id,
    mission: candidate.mission,
    experiences: candidate.experiences,
    reason: gapReason(asked, have),
    tourPath: tourPath(candidate.mission, candidate.experiences),
    plannedIn,
  };
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
