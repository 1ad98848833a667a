import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const storyEntriesQuery = queryOptions({
  queryKey: ["story", "entries"],
  queryFn: () => call(api.story.entries.$get()),
});

export const storyEntryQuery = (id: string) =>
  queryOptions({
    queryKey: ["story", "entries", id],
    queryFn: () => call(api.story.entries[":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });

export const pressReleaseQuery = queryOptions({
  queryKey: ["story", "press-release"],
  queryFn: () => call(api.story["press-release"].$get()),
});

export const thoughtLogQuery = queryOptions({
  queryKey: ["story", "thought-leadership"],
  queryFn: () => call(api.story["thought-leadership"].$get()),
});
