import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

// What a manager may see changes from the report's side (a share revoked, the link ended), so every
// view asks again on each visit, never from a cache.
const fresh = { staleTime: 0, gcTime: 0, retry: false } as const;

export const managersQuery = queryOptions({
  queryKey: ["managers"],
  queryFn: () => call(api.managers.$get()),
  ...fresh,
});

export const managerLinkQuery = (id: string) =>
  queryOptions({
    queryKey: ["manager-links", id],
    queryFn: () => call(api["manager-links"][":id"].$get({ param: { id: encodeURIComponent(id) } })),
    ...fresh,
  });

export const checkInAreaQuery = (id: string, areaId: string) =>
  queryOptions({
    queryKey: ["manager-links", id, "areas", areaId],
    queryFn: () =>
      call(
        api["manager-links"][":id"].areas[":areaId"].$get({
          param: { id: encodeURIComponent(id), areaId: encodeURIComponent(areaId) },
        }),
      ),
    ...fresh,
  });

export const checkInQuery = (id: string) =>
  queryOptions({
    queryKey: ["check-ins", id],
    queryFn: () => call(api["check-ins"][":id"].$get({ param: { id: encodeURIComponent(id) } })),
    ...fresh,
  });
