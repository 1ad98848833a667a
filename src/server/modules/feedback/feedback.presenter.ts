import type {
  FeedbackExport,
  FeedbackRequest,
  FeedbackRequestSummary,
  FeedbackResults,
  LaneResult,
  QuestionResult,
} from "../../../shared/feedback.ts";
import { groupByTheme } from "../../../shared/feedback-themes.ts";
import type { LaneAssessment } from "../../../shared/lanes.ts";
import { cryptoShuffle, mean, median, visibleResponseCount } from "./anonymity.ts";
import { isClosed } from "./feedback.policy.ts";
import type { FeedbackAnswerRow, FeedbackRequestRow } from "./feedback.repo.ts";
import type { Reflections } from "./feedback.table.ts";

/** 0 before the first reflection; one written before versions existed counts as the first. */
export function reflectionVersion(reflection: Reflections[string] | undefined): number {
  return reflection ? (reflection.version ?? 1) : 0;
}

export function presentRequestSummary(row: FeedbackRequestRow, today: string): FeedbackRequestSummary {
  const resultsOpen = row.openedOn !== null;
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    status: isClosed(row, today) ? "closed" : "open",
    closesOn: row.closesOn,
    closedOn: row.closedOn,
    createdOn: row.createdAt.toISOString().slice(0, 10),
    minResponses: row.minResponses,
    responses: visibleResponseCount(row.responseCount, row.minResponses, resultsOpen),
    resultsOpen,
  };
}

export function presentRequest(
  row: FeedbackRequestRow,
  invited: (string | null)[],
  today: string,
): FeedbackRequest {
  return {
    ...presentRequestSummary(row, today),
    questions: row.questions.map((q) => ({ key: q.key, prompt: q.prompt })),
    lanes: [...row.lanes],
    openedOn: row.openedOn,
    invitations: {
      emails: invited.filter((email): email is string => email !== null),
      links: invited.filter((email) => email === null).length,
    },
    reminderSentOn: row.reminderSentOn,
    thankedOn: row.thankedOn,
    minResponsesLocked: row.responseCount > 0,
    version: row.version,
  };
}

/**
 * Only released pools are read, and text comes out shuffled afresh on every read. Themes are worked
 * out here, from each paragraph's own words, and never stored.
 */
export function presentResults(
  row: FeedbackRequestRow,
  released: FeedbackAnswerRow[],
  self: LaneAssessment | undefined,
): FeedbackResults {
  const open = row.openedOn !== null;
  const shownKey = (key: string) => open && (row.tallies[key]?.released ?? 0) >= row.minResponses;
  const of = (key: string) => (shownKey(key) ? released.filter((a) => a.questionKey === key) : []);
  const bodies = (answers: FeedbackAnswerRow[]) => answers.flatMap((a) => (a.body ? [a.body] : []));
  const reflection = (key: string) => ({
    heard: row.reflections[key]?.heard ?? "",
    readOn: row.reflections[key]?.readOn ?? null,
    version: reflectionVersion(row.reflections[key]),
  });

  const questions: QuestionResult[] = row.questions.map((q) => ({
    key: q.key,
    prompt: q.prompt,
    shown: shownKey(q.key),
    themes: groupByTheme(cryptoShuffle(bodies(of(q.key)))).map((theme) => ({
      key: theme.key,
      label: theme.label,
      paragraphs: theme.paragraphs,
    })),
    ...reflection(q.key),
  }));

  const lanes: LaneResult[] = row.lanes.map((lane) => {
    const answers = of(lane);
    const ratings = answers.flatMap((a) => (a.rating ? [a.rating] : []));
    const distribution: LaneResult["distribution"] = [0, 0, 0, 0, 0];
    for (const rating of ratings) distribution[rating - 1] = (distribution[rating - 1] ?? 0) + 1;
    return {
      lane,
      shown: shownKey(lane),
      distribution,
      raters: ratings.length,
      median: median(ratings),
      mean: mean(ratings),
      self: self?.ratings[lane] ?? null,
      comments: cryptoShuffle(bodies(answers)),
      ...reflection(lane),
    };
  });

  return {
    open,
    minResponses: row.minResponses,
    questions,
    lanes,
    selfAssessedOn: self ? self.createdAt.slice(0, 10) : null,
  };
}

export function presentExport(
  request: FeedbackRequest,
  results: FeedbackResults,
  today: string,
): FeedbackExport {
  const { invitations, ...rest } = request;
  return {
    exportedOn: today,
    request: { ...rest, invited: invitations.emails.length + invitations.links },
    results,
  };
}
