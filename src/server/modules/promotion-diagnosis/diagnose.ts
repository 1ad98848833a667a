import {
  causeLabels,
  type DiagnosisContext,
  type DiagnosisInput,
  diagnosisQuestions,
  type Evidence,
  type MoveKind,
  type PromotionCause,
  promotionCauses,
  type Verdict,
} from "../../../shared/promotion-diagnosis.ts";

/** Facts drawn from the member's own records; each is optional, since a new member has few. */
export type DiagnosisFacts = {
  superpowers: { label: string; shadow: string }[];
  contradictions: number;
  feedbackRequestsWithResults: number;
  latestLanes: {
    lowest: { label: string; rating: number } | null;
    highest: { label: string; rating: number } | null;
  } | null;
  worldClassLane: string | null;
  nextLevelLabel: string | null;
  openHurdles: string[];
  currentTour: { title: string; startsOn: string; monthsIn: number } | null;
  currentRole: { label: string; startsOn: string; monthsIn: number } | null;
  storyEntries: number;
  thoughtItemsLast90Days: number;
};

type CauseResult = {
  cause: PromotionCause;
  label: string;
  verdict: Verdict;
  reasons: string[];
  evidence: Evidence[];
  moves: { text: string; kind: MoveKind | null }[];
};

export function contextFrom(facts: DiagnosisFacts): DiagnosisContext {
  const evidence: Record<PromotionCause, Evidence[]> = {
    advocate: [],
    no_role: [],
    impatience: [],
    development_area: [],
  };
  if (facts.superpowers.length > 0) {
    evidence.advocate.push({
      text: `You named your superpowers: ${facts.superpowers.map((s) => s.label).join(", ")}. Does the person who decides know them?`,
      link: "/feedback/superpowers",
    });
  } else {
    evidence.advocate.push({
      text: "You have not named your superpowers yet: an advocate needs to know what your magic is.",
      link: "/feedback/superpowers",
    });
  }
  if (facts.worldClassLane) {
    evidence.advocate.push({
      text: `The lane you mean to be world-class in: ${facts.worldClassLane}.`,
      link: "/lanes",
    });
  }
  evidence.advocate.push(
    facts.storyEntries > 0
      ? {
          text: `Your career story has ${facts.storyEntries} ${facts.storyEntries === 1 ? "entry" : "entries"}: share it with the person who could speak for you.`,
          link: "/story",
        }
      : { text: "Your career story is empty: an advocate repeats a story they have heard.", link: "/story" },
  );
  if (facts.nextLevelLabel) {
    evidence.no_role.push({
      text: `The next level from your profile: ${facts.nextLevelLabel}.`,
      link: "/next-level",
    });
  } else {
    evidence.no_role.push({
      text: "Your profile has no level yet, so Sidecar cannot name the next one.",
      link: "/profile",
    });
  }
  if (facts.currentRole) {
    evidence.impatience.push({
      text: `You have been in ${facts.currentRole.label} for ${facts.currentRole.monthsIn} months (your portfolio).`,
      link: "/portfolio",
    });
  }
  if (facts.currentTour) {
    evidence.impatience.push({
      text: `Your current tour of duty, “${facts.currentTour.title}”, is ${facts.currentTour.monthsIn} months in; a tour runs 12 to 18 months.`,
      link: "/tours",
    });
  }
  if (facts.contradictions > 0) {
    evidence.development_area.push({
      text: `${facts.contradictions} ${facts.contradictions === 1 ? "piece" : "pieces"} of feedback argue with your self-image.`,
      link: "/feedback/superpowers",
    });
  } else if (facts.feedbackRequestsWithResults === 0) {
    evidence.development_area.push({
      text: "No feedback results yet: ask people who see your work, since this cause is the one you cannot see yourself.",
      link: "/feedback",
    });
  }
  for (const power of facts.superpowers) {
    evidence.development_area.push({
      text: `${power.label} has a shadow: ${power.shadow.toLowerCase()}.`,
      link: "/feedback/superpowers",
    });
  }
  if (facts.latestLanes?.lowest) {
    evidence.development_area.push({
      text: `Your lowest lane: ${facts.latestLanes.lowest.label}, rated ${facts.latestLanes.lowest.rating} of 5.`,
      link: "/lanes",
    });
  }
  if (facts.openHurdles.length > 0) {
    evidence.development_area.push({
      text: `Next-level hurdles with nothing ticked yet: ${facts.openHurdles.join("; ")}.`,
      link: "/next-level",
    });
  }
  const suggestedAreas = [
    ...facts.openHurdles,
    ...facts.superpowers.map((s) => s.shadow),
    ...(facts.latestLanes?.lowest && facts.latestLanes.lowest.rating <= 3
      ? [`${facts.latestLanes.lowest.label} lane`]
      : []),
  ];
  return {
    evidence,
    monthsAtLevel: facts.currentRole?.monthsIn ?? null,
    suggestedAreas: [...new Set(suggestedAreas)].slice(0, 8),
  };
}

const movesByCause: Record<PromotionCause, { text: string; kind: MoveKind | null }[]> = {
  advocate: [
    {
      text: "Ask your manager plainly who speaks for you when promotions are decided, and what they say.",
      kind: null,
    },
    {
      text: "Make your magic visible: share your career story and press release with the people who decide.",
      kind: null,
    },
    { text: "If nobody will advocate for you, change project or manager to someone who will.", kind: null },
  ],
  no_role: [
    { text: "Ask whether the next role can exist here, and by when; write down the answer.", kind: null },
    { text: "Change project to a growing part of the company, where new roles appear.", kind: null },
    {
      text: "If the role will not exist, change company: the next level may only be available elsewhere.",
      kind: null,
    },
  ],
  impatience: [
    {
      text: "Patience. Working as intended looks like this: you meet the bar your manager described, your scope is growing, and the promotion comes within a cycle or two.",
      kind: null,
    },
    { text: "Agree with your manager what ready looks like and a date to check it together.", kind: null },
  ],
  development_area: [
    { text: "Work on the area: start a tour of duty built around it.", kind: "tour" },
    { text: "Ask for feedback on the area from people who see your work.", kind: "feedback_request" },
    {
      text: "Tell your manager you have heard it and what you are doing about it: acknowledging it is half the work.",
      kind: null,
    },
  ],
};

function answerScore(input: DiagnosisInput, cause: PromotionCause) {
  let score = 0;
  const reasons: string[] = [];
  for (const question of diagnosisQuestions.filter((q) => q.cause === cause)) {
    const answer = input.answers[question.id];
    if (answer === question.signals) {
      score += 1.5;
      reasons.push(`You answered ${answer} to “${question.text}”`);
    } else if (answer === "unsure") {
      score += 0.5;
      reasons.push(`You are not sure whether: “${question.text}”`);
    }
  }
  return { score, reasons };
}

/**
 * Weighs each cause from the answers and the member's own data, and says which are likely. About half
 * of stalled promotions come from a development area the person has not acknowledged, so that cause is
 * never ruled out on answers alone while feedback argues with the self-image.
 */
export function diagnose(
  input: DiagnosisInput,
  facts: DiagnosisFacts,
): { causes: CauseResult[]; summary: string } {
  const context = contextFrom(facts);
  const causes = promotionCauses.map((cause): CauseResult => {
    const { score: answered, reasons } = answerScore(input, cause);
    let score = answered;
    if (cause === "advocate" && facts.superpowers.length === 0) {
      score += 0.5;
      reasons.push("You have not named your superpowers, so others may not know them either.");
    }
    if (cause === "impatience") {
      const months = input.monthsAtLevel ?? context.monthsAtLevel;
      if (months !== null && months < 12) {
        score += 1.5;
        reasons.push(`${months} months at this level is short: most steps take 18 months or more.`);
      } else if (months !== null && months < 18) {
        score += 0.5;
        reasons.push(`${months} months at this level: still within the usual time for a step.`);
      } else if (months !== null) {
        reasons.push(
          `${months} months at this level: long enough that waiting is unlikely to be the answer.`,
        );
      }
    }
    if (cause === "development_area") {
      if (facts.contradictions > 0) {
        score += 1;
        reasons.push("Feedback you collected argues with how you see yourself.");
      }
      if (facts.feedbackRequestsWithResults === 0 && answered < 1.5) {
        score += 0.5;
        reasons.push(
          "Without feedback results, this cause cannot be ruled out: it is the one people cannot see in themselves.",
        );
      }
    }
    const verdict: Verdict = score >= 2.5 ? "likely" : score >= 1.5 ? "possible" : "unlikely";
    if (reasons.length === 0) reasons.push("Nothing you answered or recorded points here.");
    const area = input.developmentArea;
    const moves = movesByCause[cause].map((move) =>
      move.kind && area ? { ...move, text: move.text.replace("the area", `“${area}”`) } : move,
    );
    return { cause, label: causeLabels[cause], verdict, reasons, evidence: context.evidence[cause], moves };
  });
  const likely = causes.filter((c) => c.verdict === "likely");
  const possible = causes.filter((c) => c.verdict === "possible");
  const names = (list: CauseResult[]) => list.map((c) => c.label.toLowerCase()).join("; ");
  let summary: string;
  if (likely.length > 0) {
    summary = `Most likely: ${names(likely)}.${possible.length ? ` Also possible: ${names(possible)}.` : ""} Start with the moves for ${likely[0]?.label.toLowerCase()}.`;
  } else if (possible.length > 0) {
    summary = `No single cause stands out. Possible: ${names(possible)}. Check these with your manager before acting.`;
  } else {
    summary =
      "Nothing points to a blocker yet. If the promotion still does not come, ask for feedback: about half of the time the cause is a development area nobody has said out loud.";
  }
  return { causes, summary };
}
