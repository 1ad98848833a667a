import { queryOptions } from "@tanstack/react-query";
import { api, call, readOncePerVisit } from "../../api.ts";

export const laneAssessmentsQuery = queryOptions({
  ...readOncePerVisit,
  queryKey: ["lanes", "assessments"],
  queryFn: () => call(api.lanes.assessments.$get()),
});
