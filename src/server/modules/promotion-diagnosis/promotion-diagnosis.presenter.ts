import { type Diagnosis, diagnosisQuestions } from "../../../shared/promotion-diagnosis.ts";
import type { DiagnosisRow } from "./promotion-diagnosis.repo.ts";

export function presentDiagnosis(row: DiagnosisRow): Diagnosis {
  return {
    id: row.id,
    takenOn: row.takenOn,
    answers: diagnosisQuestions.flatMap((q) => {
      const answer = row.answers[q.id];
      return answer ? [{ question: q.id, answer }] : [];
    }),
    monthsAtLevel: row.monthsAtLevel,
    developmentArea: row.developmentArea,
    notes: row.notes,
    causes: row.causes.map((cause) => ({
      cause: cause.cause,
      label: cause.label,
      verdict: cause.verdict,
      reasons: [...cause.reasons],
      evidence: cause.evidence.map((e) => ({ text: e.text, link: e.link })),
      moves: cause.moves.map((m) => ({ text: m.text, kind: m.kind })),
    })),
    summary: row.summary,
    created: row.created.map((c) => ({ kind: c.kind, id: c.id, label: c.label, createdAt: c.createdAt })),
    createdAt: row.createdAt.toISOString(),
  };
}
