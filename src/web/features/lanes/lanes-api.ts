import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const laneAssessmentsQuery = queryOptions({
  queryKey: ["lanes", "assessments"],
  queryFn: () => call(api.lanes.assessments.$get()),
});

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatAssessmentDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
