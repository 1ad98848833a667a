import { queryOptions } from "@tanstack/react-query";
import { api, call, readOncePerVisit } from "../../api.ts";

export const homeQueryKey = ["home"] as const;

export const homeDashboardQuery = queryOptions({
  ...readOncePerVisit,
  queryKey: homeQueryKey,
  queryFn: () => call(api.home.$get()),
});
