import { queryOptions } from "@tanstack/react-query";
import { api, call, readWithThePage } from "../../api.ts";

export const laneAssessmentsQuery = queryOptions({
  ...readWithThePage,
  queryKey: ["lanes", "assessments"],
  queryFn: () => call(api.lanes.assessments.$get()),
});
