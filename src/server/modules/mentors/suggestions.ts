import { type ExperienceKey, experienceKeys } from "../../../shared/experience.ts";
import { type LaneId, laneIds, lanes } from "../../../shared/lanes.ts";
import type { MentorStyle } from "../../../shared/mentors.ts";
import { type Level, levelLabels } from "../../../shared/profile.ts";
import type { LevelStep } from "../../../shared/target-roles.ts";

/** What a member's own record says they need, read from their lanes, portfolio, level and plan. */
export type MemberNeeds = {
  ratings: Record<LaneId, number> | null;
  worldClassLane: LaneId | null;
  /** Experiences the portfolio has; null when it has no roles yet. */
  covered: ReadonlySet<ExperienceKey> | null;
  level: Level | null;
  step: LevelStep | null;
  skipJob: {
    role: string;
    needs: { text: string; lane: LaneId | null; experience: ExperienceKey | null }[];
  } | null;
};

export type MentorOffer = {
  userId: string;
  lanes: readonly LaneId[];
  levels: readonly Level[];
  style: MentorStyle;
  /** From the mentor's portfolio, when they show it. */
  experiences: ReadonlySet<ExperienceKey>;
};

// How a mentor's experience reads in a reason: "has scaled a fire-to-great company".
const experiencePhrases: Record<ExperienceKey, string> = {
  "stage:pre_pmf": "has worked at a company before product-market fit",
  "stage:smoke_to_fire": "has worked at a smoke-to-fire company",
  "stage:fire_to_great": "has scaled a fire-to-great company",
  "market:consumer": "has built consumer products",
  "market:business": "has built business-to-business products",
  "vantage:inside": "has worked inside the building",
  "vantage:outside": "has worked outside the building, with customers and the market",
  "work:feature": "has done feature work",
  "work:growth": "has done growth work",
  "work:scaling": "has done scaling work",
  "people:managed": "has managed people",
  "logo:well_known": "has worked at a well-known company",
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The lanes a member rated lowest (at most two, rated 3 or under). */
export function weakestLanes(ratings: Record<LaneId, number> | null): LaneId[] {
  if (!ratings) return [];
  return [...laneIds]
    .filter((lane) => ratings[lane] <= 3)
    .sort((a, b) => ratings[a] - ratings[b])
    .slice(0, 2);
}

/** What the suggestions are built from, or what to add so they can be. */
export function describeBasis(needs: MemberNeeds): string[] {
  const basis: string[] = [];
  basis.push(
    needs.ratings
      ? "Your latest lane assessment"
      : "Assess your lanes to be matched with mentors for your weakest ones",
  );
  basis.push(
    needs.covered
      ? "The gaps in your experience portfolio"
      : "Add roles to your portfolio to be matched for its gaps",
  );
  basis.push(
    needs.step
      ? `The hurdles from ${levelLabels[needs.step.from]} to ${levelLabels[needs.step.to]}`
      : "Set your level in your profile to be matched for the next one",
  );
  if (needs.skipJob) basis.push(`What your skip job (${needs.skipJob.role}) needs`);
  return basis;
}

/**
 * Scores one mentor for one member and says why, in words drawn from the member's own record. A
 * mentor with nothing to say for the member scores 0 and is not suggested.
 */
export function suggestMentor(needs: MemberNeeds, mentor: MentorOffer): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const helps = new Set(mentor.lanes);

  const named = new Set<LaneId>();
  for (const lane of weakestLanes(needs.ratings)) {
    if (!helps.has(lane)) continue;
    named.add(lane);
    score += 3;
    reasons.push(
      `Helps with ${lanes[lane].label}, one of your lowest-rated lanes (you rated it ${needs.ratings?.[lane]} of 5)`,
    );
  }
  if (needs.worldClassLane && helps.has(needs.worldClassLane)) {
    named.add(needs.worldClassLane);
    score += 3;
    reasons.push(`Helps with ${lanes[needs.worldClassLane].label}, the lane you want to be world-class in`);
  }

  if (needs.covered) {
    const missing = experienceKeys.filter((key) => !needs.covered?.has(key) && mentor.experiences.has(key));
    // The experiences the next level and the skip job ask for come first.
    const wanted = new Set<ExperienceKey>([
      ...(needs.step?.hurdles.flatMap((h) => h.experiences) ?? []),
      ...(needs.skipJob?.needs.flatMap((n) => (n.experience ? [n.experience] : [])) ?? []),
    ]);
    const ranked = [...missing].sort((a, b) => Number(wanted.has(b)) - Number(wanted.has(a)));
    for (const key of ranked.slice(0, 3)) {
      score += wanted.has(key) ? 3 : 2;
      reasons.push(`${capitalise(experiencePhrases[key])}, which your portfolio lacks`);
    }
  }

  if (needs.level && mentor.levels.includes(needs.level)) {
    score += 2;
    const next = needs.step ? ` on the way to ${levelLabels[needs.step.to]}` : "";
    reasons.push(`Mentors people at your level (${levelLabels[needs.level]})${next}`);
  }
  if (needs.step) {
    // A lane already named above is not named again for a hurdle.
    const fresh = (lane: LaneId) => helps.has(lane) && !named.has(lane);
    const hurdle = needs.step.hurdles.find((h) => h.lanes.some(fresh));
    if (hurdle) {
      score += 1;
      const lane = hurdle.lanes.find(fresh) as LaneId;
      reasons.push(
        `Helps with ${lanes[lane].label}, which your next-level hurdle “${hurdle.title}” draws on`,
      );
    }
  }
  if (needs.skipJob) {
    const need = needs.skipJob.needs.find(
      (n) => (n.lane && helps.has(n.lane)) || (n.experience && mentor.experiences.has(n.experience)),
    );
    if (need) {
      score += 2;
      reasons.push(`Can help with what your skip job (${needs.skipJob.role}) needs: “${need.text}”`);
    }
  }
  return { score, reasons };
}
