import { queryOptions } from "@tanstack/react-query";
import type { LaneAssessment } from "../../../shared/lanes.ts";
import { api } from "../../api.ts";

export const laneAssessmentsQuery = queryOptions({
  queryKey: ["lanes", "assessments"],
  queryFn: () => api.get<{ assessments: LaneAssessment[] }>("/api/lanes/assessments"),
});

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatAssessmentDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
