import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const laneAssessmentsQuery = queryOptions({
  queryKey: ["lanes", "assessments"],
  queryFn: () => call(api.lanes.assessments.$get()),
});
