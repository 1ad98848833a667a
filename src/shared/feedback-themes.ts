import { type LaneId, laneIds, lanes } from "./lanes.ts";

/**
 * The themes a question's released paragraphs are grouped into on the results page and in the export:
 * the six lanes, a few topics feedback to product people keeps coming back to, and "Other".
 * This vocabulary is meant to be read and argued with; add to it in the same style.
 *
 * Each entry is a word or a phrase, matched as whole words, ignoring case. A plain word also matches
 * its plural with -s or -es ("spec": specs); a word ending in `*` matches every word that starts with
 * it ("priorit*": priority, priorities, prioritise). Hyphens, slashes and colons count as spaces, so
 * "trade off*" matches "trade-offs" and "1 1" matches "1:1". Entries describe a topic, not a
 * judgement: "great specs" and "vague specs" are both about crafting.
 *
 * A paragraph goes to the one theme with the most matches in it, so no paragraph is counted twice.
 * A tie goes to the theme listed first here; a paragraph with no match goes to "Other".
 */
export const themeKeys = [...laneIds, "communication", "decisions", "pace", "other"] as const;
export type ThemeKey = (typeof themeKeys)[number];

export const themeLabels: Record<ThemeKey, string> = {
  ...(Object.fromEntries(laneIds.map((id) => [id, lanes[id].label])) as Record<LaneId, string>),
  communication: "Communication",
  decisions: "Decisions and judgement",
  pace: "Pace and delivery",
  other: "Other",
};

export const themeVocabulary: Record<Exclude<ThemeKey, "other">, readonly string[]> = {
  crafting: [
    "spec",
    "specification*",
    "requirement*",
    "prd",
    "user stor*",
    "acceptance criteria",
    "edge case",
    "detail*",
    "priorit*",
    "backlog",
    "roadmap",
    "scope*",
    "scoping",
    "ship*",
    "launch*",
    "release*",
    "quality",
    "polish*",
    "bug*",
    "craft*",
    "execution",
    "thorough*",
    "ticket*",
    "qa",
    "test plan",
  ],
  market: [
    "customer*",
    "client*",
    "competit*",
    "market*",
    "positioning",
    "pricing",
    "price",
    "sales",
    "segment*",
    "persona*",
    "buyer*",
    "user research",
    "user interview*",
    "user need*",
    "pain point*",
    "discovery",
    "willing to pay",
    "go to market",
    "value proposition*",
    "differentiat*",
    "demand",
  ],
  organizational: [
    "stakeholder*",
    "align*",
    "misalign*",
    "buy in",
    "executive*",
    "exec",
    "leadership team",
    "senior leader*",
    "senior management",
    "vp",
    "ceo",
    "cto",
    "cpo",
    "board",
    "influenc*",
    "politic*",
    "cross team",
    "cross functional*",
    "across teams",
    "other teams",
    "partner team*",
    "across the company",
    "company wide",
    "sponsor*",
    "escalat*",
    "negotiat*",
    "consensus",
    "silo*",
    "dependenc*",
    "organisation*",
    "organization*",
    "manag* up",
  ],
  domain: [
    "domain*",
    "technical*",
    "technolog*",
    "tech",
    "architectur*",
    "infrastructure",
    "expertise",
    "industry",
    "regulat*",
    "complian*",
    "machine learning",
    "ml",
    "ai",
    "llm",
    "data science",
    "payment*",
    "fintech",
    "healthcare",
    "clinical",
    "medical",
    "hardware",
    "firmware",
    "security",
    "privacy",
    "api",
    "specialist*",
    "subject matter",
    "deep knowledge",
  ],
  team: [
    "hire",
    "hiring",
    "hired",
    "recruit*",
    "mentor*",
    "mentee*",
    "coach*",
    "one on one",
    "1 1",
    "morale",
    "culture",
    "direct report*",
    "your reports",
    "delegat*",
    "empower*",
    "micromanag*",
    "team member*",
    "teammate*",
    "team dynamic*",
    "team building",
    "build* the team",
    "build* a team",
    "lead* the team",
    "lead* people",
    "people manag*",
    "grow* people",
    "develop* people",
    "junior*",
    "new joiner*",
    "psychological safety",
    "career*",
  ],
  growth: [
    "growth",
    "acquisition",
    "activation",
    "retention",
    "churn*",
    "monetis*",
    "monetiz*",
    "revenue",
    "conversion*",
    "funnel*",
    "experiment*",
    "a b test*",
    "ab test*",
    "metric*",
    "kpi",
    "north star",
    "engagement",
    "onboarding",
    "sign up*",
    "signup*",
    "analytics",
    "dashboard*",
    "cohort*",
    "upsell*",
    "referral*",
    "adoption",
    "measur*",
    "data driven",
  ],
  communication: [
    "communicat*",
    "explain*",
    "clarity",
    "presentation*",
    "presenting",
    "storytell*",
    "narrative*",
    "writing",
    "written",
    "write up*",
    "doc",
    "document*",
    "note",
    "email*",
    "slack",
    "meeting*",
    "update*",
    "inform*",
    "transparen*",
    "listen*",
    "articulat*",
    "tone",
    "jargon",
    "concise*",
    "verbose",
    "wordy",
    "pitch*",
    "message",
    "demo*",
    "speak*",
    "talk*",
    "conversation*",
  ],
  decisions: [
    "decid*",
    "decision*",
    "decisive*",
    "indecisi*",
    "judgement",
    "judgment",
    "trade off*",
    "make the call",
    "make a call",
    "opinion*",
    "conviction",
    "take a stand",
    "take a side",
    "say no",
    "saying no",
    "push* back",
    "gut",
    "instinct*",
    "on the fence",
    "second guess*",
    "overthink*",
  ],
  pace: [
    "deadline*",
    "on time",
    "late",
    "pace",
    "speed",
    "fast",
    "faster",
    "slow*",
    "velocity",
    "deliver*",
    "momentum",
    "timeline*",
    "estimat*",
    "delay*",
    "rush*",
    "quick*",
    "urgen*",
    "overcommit*",
    "sprint*",
    "cadence",
    "bottleneck*",
    "blocked",
    "blocker*",
    "unblock*",
    "schedule*",
    "follow through",
    "follow up*",
    "responsive*",
    "turnaround",
  ],
};

function entryPattern(entry: string): string {
  return entry
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => {
      const stem = word.endsWith("*");
      const escaped = (stem ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return stem ? `${escaped}[\\p{L}\\p{N}]*` : `${escaped}(?:e?s)?`;
    })
    .join("[\\s/:\\-\\u2010-\\u2015]+");
}

const matchers = themeKeys
  .filter((key): key is Exclude<ThemeKey, "other"> => key !== "other")
  .map((key) => ({
    key,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${themeVocabulary[key].map(entryPattern).join("|")})(?![\\p{L}\\p{N}])`,
      "giu",
    ),
  }));

/** The one theme a paragraph is about, by the words it uses. */
export function themeOf(paragraph: string): ThemeKey {
  // "The team's culture" is about team culture: possessives do not block a phrase.
  const text = paragraph.replace(/['\u2019]s(?![\p{L}\p{N}])/gu, "");
  let best: ThemeKey = "other";
  let most = 0;
  for (const { key, pattern } of matchers) {
    const count = [...text.matchAll(pattern)].length;
    if (count > most) {
      best = key;
      most = count;
    }
  }
  return best;
}

export type ParagraphTheme = { key: ThemeKey; label: string; paragraphs: string[] };

/**
 * Groups paragraphs into themes, biggest first and "Other" last, keeping the order they came in
 * within each theme. Each paragraph is placed by its own words only, never by the paragraphs beside it.
 */
export function groupByTheme(paragraphs: readonly string[]): ParagraphTheme[] {
  const groups = new Map<ThemeKey, string[]>(themeKeys.map((key) => [key, []]));
  for (const paragraph of paragraphs) groups.get(themeOf(paragraph))?.push(paragraph);
  return themeKeys
    .map((key) => ({ key, label: themeLabels[key], paragraphs: groups.get(key) ?? [] }))
    .filter((theme) => theme.paragraphs.length > 0)
    .sort(
      (a, b) =>
        Number(a.key === "other") - Number(b.key === "other") || b.paragraphs.length - a.paragraphs.length,
    );
}
