import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

const param = (id: string) => ({ id: encodeURIComponent(id) });

export const myProgramsQuery = queryOptions({
  queryKey: ["programs"],
  queryFn: () => call(api.programs.$get()),
});

export const programQuery = (id: string) =>
  queryOptions({
    queryKey: ["programs", id],
    queryFn: () => call(api.programs[":id"].$get({ param: param(id) })),
  });

export const cohortQuery = (id: string) =>
  queryOptions({
    queryKey: ["cohorts", id],
    queryFn: () => call(api.cohorts[":id"].$get({ param: param(id) })),
  });

export const participantsQuery = (id: string, page: number) =>
  queryOptions({
    queryKey: ["cohorts", id, "participants", page],
    queryFn: () =>
      call(api.cohorts[":id"].participants.$get({ param: param(id), query: { page: String(page) } })),
  });

export const previewQuery = (id: string) =>
  queryOptions({
    queryKey: ["cohorts", id, "preview"],
    queryFn: () => call(api.cohorts[":id"].preview.$get({ param: param(id) })),
  });

export const runQuery = (id: string, page: number) =>
  queryOptions({
    queryKey: ["runs", id, page],
    queryFn: () => call(api.runs[":id"].$get({ param: param(id), query: { page: String(page) } })),
  });

export const runProgressQuery = (id: string) =>
  queryOptions({
    queryKey: ["run-progress", id],
    queryFn: () => call(api.runs[":id"].progress.$get({ param: param(id) })),
  });

export const healthQuery = (id: string) =>
  queryOptions({
    queryKey: ["cohorts", id, "health"],
    queryFn: () => call(api.cohorts[":id"].health.$get({ param: param(id) })),
  });

export const myPlacesQuery = queryOptions({
  queryKey: ["my-programs"],
  queryFn: () => call(api["my-programs"].$get()),
});

export { param };
