import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const decisionsQuery = queryOptions({
  queryKey: ["decisions"],
  queryFn: () => call(api.decisions.$get({ query: {} })),
});

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: ["decisions", id],
    queryFn: () => call(api.decisions[":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });
