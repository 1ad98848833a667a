import type { Decision } from "../../../shared/decisions.ts";
import type { FeedbackResults } from "../../../shared/feedback.ts";
import type { LaneAssessment } from "../../../shared/lanes.ts";
import {
  type AgendaItem,
  type CheckIn,
  type CheckInAreaShare,
  type CheckInAreaView,
  checkInAreaLabels,
  type ManagerLink,
} from "../../../shared/managers.ts";
import type { Diagnosis } from "../../../shared/promotion-diagnosis.ts";
import type { ComposedRelease, StoryEntry } from "../../../shared/story.ts";
import type { Tour } from "../../../shared/tours.ts";
import { presentSharedLanes, presentSharedStory } from "../sharing/sharing.presenter.ts";
import type {
  AgendaItemRow,
  AreaShareRow,
  CheckInRow,
  CommentRow,
  ManagerLinkRow,
  Person,
} from "./managers.repo.ts";

// Every field that leaves the server is listed here. A manager's views of the report's records start
// from each module's own presenter and keep only what the report shares: a field added to a module
// later stays private until someone decides it belongs in a check-in.

export type Side = "manager" | "report" | "invitee";

const personOf = (person: Person): Person => ({ id: person.id, name: person.name, email: person.email });
const unknownPerson = (id: string, email = ""): Person => ({ id, name: "A former member", email });

export function presentLink(row: ManagerLinkRow, side: Side, people: Map<string, Person>): ManagerLink {
  const manager = people.get(row.managerId) ?? unknownPerson(row.managerId);
  const report = row.reportId ? (people.get(row.reportId) ?? unknownPerson(row.reportId)) : null;
  return {
    id: row.id,
    state: row.state,
    side,
    manager: personOf(manager),
    report: report ? personOf(report) : null,
    reportEmail: row.reportEmail,
    cadence: row.cadence,
    proposedCadence: row.proposedCadence,
    proposedBy: row.proposedBy,
    nextReminderAt: row.nextReminderAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function presentAreaShare(row: AreaShareRow, label: string): CheckInAreaShare {
  return {
    id: row.id,
    area: row.area,
    targetId: row.targetId === "" ? null : row.targetId,
    label,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id,
    text: row.text,
    state: row.state,
    suggestedBy: row.suggestedBy,
    version: row.version,
  };
}

export function presentCheckIn(
  row: CheckInRow,
  link: ManagerLinkRow,
  side: "manager" | "report",
  people: Map<string, Person>,
  agenda: AgendaItemRow[],
  comments: CommentRow[],
): CheckIn {
  return {
    id: row.id,
    linkId: row.linkId,
    side,
    manager: personOf(people.get(link.managerId) ?? unknownPerson(link.managerId)),
    report: personOf(people.get(link.reportId ?? "") ?? unknownPerson(link.reportId ?? "")),
    open: link.state === "active",
    heldOn: row.heldOn,
    helpWith: row.helpWith,
    managerPlan: row.managerPlan,
    // A topic the report declined stays visible to the report only; the manager sees what is on it.
    agenda: agenda.filter((item) => side === "report" || item.state !== "declined").map(presentAgendaItem),
    comments: comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      author: comment.author,
      createdAt: comment.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

type ViewBase = { id: string; label: string; owner: Person };

export function presentLanesView(base: ViewBase, assessments: LaneAssessment[]): CheckInAreaView {
  return {
    ...base,
    owner: personOf(base.owner),
    area: "lanes",
    lanes: presentSharedLanes(base.owner, assessments).assessments,
  };
}

export function presentStoryView(
  base: ViewBase,
  entries: StoryEntry[],
  release: ComposedRelease,
): CheckInAreaView {
  const story = presentSharedStory(base.owner, entries, release);
  return {
    ...base,
    owner: personOf(base.owner),
    area: "story",
    entries: story.entries,
    release: story.release,
  };
}

export function presentTourView(base: ViewBase, tour: Tour): CheckInAreaView {
  return {
    ...base,
    owner: personOf(base.owner),
    area: "tour",
    // Why a tour ended early and the form's warnings stay the report's.
    tour: {
      id: tour.id,
      position: tour.position,
      title: tour.title,
      mission: tour.mission,
      startsOn: tour.startsOn,
      endsOn: tour.endsOn,
      renegotiateOn: tour.renegotiateOn,
      lanes: [...tour.lanes],
      experiences: [...tour.experiences],
      status: tour.status,
      endedOn: tour.endedOn,
      milestones: tour.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueOn: m.dueOn,
        status: m.status,
        doneOn: m.doneOn,
      })),
    },
  };
}

export function presentDecisionView(base: ViewBase, decision: Decision): CheckInAreaView {
  return {
    ...base,
    owner: personOf(base.owner),
    area: "decision",
    decision: {
      id: decision.id,
      dilemma: decision.dilemma,
      options: decision.options.map((o) => ({ label: o.label, servesSkipJob: o.servesSkipJob })),
      decision: decision.decision,
      reason: decision.reason,
      decidedOn: decision.decidedOn,
      revisits: decision.revisits.map((r) => ({ revisitedOn: r.revisitedOn, outcome: r.outcome })),
    },
  };
}

/** Themes and how many paragraphs each holds, with what the report heard: never an answer's words. */
export function presentFeedbackView(
  base: ViewBase,
  request: { id: string; purpose: string },
  results: FeedbackResults,
): CheckInAreaView {
  return {
    ...base,
    owner: personOf(base.owner),
    area: "feedback_themes",
    feedback: {
      id: request.id,
      purpose: request.purpose,
      open: results.open,
      questions: results.questions.map((q) => ({
        prompt: q.prompt,
        shown: q.shown,
        themes: q.themes.map((t) => ({ label: t.label, paragraphs: t.paragraphs.length })),
        heard: q.heard,
      })),
    },
  };
}

export function presentDiagnosisView(base: ViewBase, diagnosis: Diagnosis): CheckInAreaView {
  return {
    ...base,
    owner: personOf(base.owner),
    area: "promotion_diagnosis",
    // The report's notes, evidence links and what they created from it stay theirs.
    diagnosis: {
      id: diagnosis.id,
      takenOn: diagnosis.takenOn,
      developmentArea: diagnosis.developmentArea,
      summary: diagnosis.summary,
      causes: diagnosis.causes.map((c) => ({
        label: c.label,
        verdict: c.verdict,
        reasons: [...c.reasons],
        moves: c.moves.map((m) => m.text),
      })),
    },
  };
}

export const wholeAreaLabel = (area: "lanes" | "story") => checkInAreaLabels[area];
