import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const homeQueryKey = ["home"] as const;

export const homeDashboardQuery = queryOptions({
  queryKey: homeQueryKey,
  queryFn: () => call(api.home.$get()),
});
