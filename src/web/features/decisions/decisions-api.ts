import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { maxPageSize } from "../../../shared/page-size.ts";
import { api, call, readAllPages } from "../../api.ts";

/** The whole journal, for the parts that pick from it (sharing a decision, a health check's link). */
export async function readAllDecisions() {
  const pages = await readAllPages((cursor) =>
    call(api.decisions.$get({ query: { limit: String(maxPageSize), cursor } })),
  );
  return { decisions: pages.flatMap((page) => page.decisions), nextCursor: null };
}

export const decisionsQuery = queryOptions({ queryKey: ["decisions"], queryFn: readAllDecisions });

/** The journal page's list, a page at a time as "Load more" asks. */
export const decisionPagesQuery = infiniteQueryOptions({
  queryKey: ["decisions", { paged: true }],
  queryFn: ({ pageParam }) => call(api.decisions.$get({ query: pageParam ? { cursor: pageParam } : {} })),
  initialPageParam: "",
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

/** After a decision is recorded, changed or deleted, both lists read it again (not every decision's own). */
export function refreshDecisionLists(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: decisionsQuery.queryKey, exact: true }),
    queryClient.invalidateQueries({ queryKey: decisionPagesQuery.queryKey }),
  ]);
}

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: ["decisions", id],
    queryFn: () => call(api.decisions[":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });
