import { queryOptions } from "@tanstack/react-query";
import type { LaneAssessment } from "../../../shared/lanes.ts";
import { api } from "../../api.ts";

export const laneAssessmentsQuery = queryOptions({
  queryKey: ["lanes", "assessments"],
  queryFn: () => api.get<{ assessments: LaneAssessment[] }>("/api/lanes/assessments"),
});
