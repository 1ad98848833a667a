import { queryOptions } from "@tanstack/react-query";
import type { Decision } from "../../../shared/decisions.ts";
import { api } from "../../api.ts";

export const decisionsQuery = queryOptions({
  queryKey: ["decisions"],
  queryFn: () => api.get<{ decisions: Decision[] }>("/api/decisions"),
});

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: ["decisions", id],
    queryFn: () => api.get<Decision>(`/api/decisions/${encodeURIComponent(id)}`),
  });
