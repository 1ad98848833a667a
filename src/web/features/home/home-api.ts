import { queryOptions } from "@tanstack/react-query";
import { api, call, readWithThePage } from "../../api.ts";

export const homeQueryKey = ["home"] as const;

export const homeDashboardQuery = queryOptions({
  ...readWithThePage,
  queryKey: homeQueryKey,
  queryFn: () => call(api.home.$get()),
});
