import { queryOptions } from "@tanstack/react-query";
import type { MentorSearchQuery } from "../../../shared/mentors.ts";
import { api, call } from "../../api.ts";

export const myMentorProfileQuery = queryOptions({
  queryKey: ["mentors", "me"],
  queryFn: () => call(api.mentors.me.$get()),
});

export const suggestionsQuery = queryOptions({
  queryKey: ["mentors", "suggestions"],
  queryFn: () => call(api.mentors.suggestions.$get()),
});

export type SearchParams = {
  q?: string;
  lanes?: string;
  level?: MentorSearchQuery["level"];
  style?: MentorSearchQuery["style"];
  overlap?: "any" | "some" | "good";
  available?: "true" | "false";
};

export const searchQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ["mentors", "search", params],
    queryFn: () => call(api.mentors.$get({ query: params })),
  });

export const mentorQuery = (id: string) =>
  queryOptions({
    queryKey: ["mentors", "profile", id],
    queryFn: () => call(api.mentors[":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });

export const requestsQuery = queryOptions({
  queryKey: ["mentor-requests"],
  queryFn: () => call(api["mentor-requests"].$get()),
});

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ["mentor-requests", id],
    queryFn: () => call(api["mentor-requests"][":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });

export const mentoringLogQuery = queryOptions({
  queryKey: ["mentoring-log"],
  queryFn: () => call(api["mentoring-log"].$get()),
});
