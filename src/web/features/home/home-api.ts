import { queryOptions } from "@tanstack/react-query";
import type { HomeDashboard } from "../../../shared/home.ts";
import { api } from "../../api.ts";

export const homeQueryKey = ["home"] as const;

export const homeDashboardQuery = queryOptions({
  queryKey: homeQueryKey,
  queryFn: () => api.get<HomeDashboard>("/api/home"),
});
