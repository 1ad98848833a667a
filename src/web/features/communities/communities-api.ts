import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

const param = (id: string) => ({ id: encodeURIComponent(id) });

export const communitiesQuery = queryOptions({
  queryKey: ["communities"],
  queryFn: () => call(api.communities.$get()),
});

export const communityQuery = (id: string) =>
  queryOptions({
    queryKey: ["communities", id],
    queryFn: () => call(api.communities[":id"].$get({ param: param(id) })),
  });

export const threadsQuery = (id: string, channel?: string) =>
  queryOptions({
    queryKey: ["communities", id, "threads", channel ?? "all"],
    queryFn: () =>
      call(api.communities[":id"].threads.$get({ param: param(id), query: channel ? { channel } : {} })),
  });

export const membersQuery = (id: string) =>
  queryOptions({
    queryKey: ["communities", id, "members"],
    queryFn: () => call(api.communities[":id"].members.$get({ param: param(id) })),
  });

export const applicationsQuery = (id: string) =>
  queryOptions({
    queryKey: ["communities", id, "applications"],
    queryFn: () => call(api.communities[":id"].applications.$get({ param: param(id) })),
  });

export const eventsQuery = (id: string, city?: string) =>
  queryOptions({
    queryKey: ["communities", id, "events", city ?? ""],
    queryFn: () =>
      call(api.communities[":id"].events.$get({ param: param(id), query: city ? { city } : {} })),
  });

export const moderationQuery = (id: string) =>
  queryOptions({
    queryKey: ["communities", id, "moderation"],
    queryFn: () => call(api.communities[":id"]["moderation-log"].$get({ param: param(id) })),
  });

export const threadQuery = (id: string) =>
  queryOptions({
    queryKey: ["threads", id],
    queryFn: () => call(api.threads[":id"].$get({ param: param(id) })),
  });

export const historyQuery = (id: string) =>
  queryOptions({
    queryKey: ["posts", id, "history"],
    queryFn: () => call(api.posts[":id"].history.$get({ param: param(id) })),
  });

export const eventQuery = (id: string) =>
  queryOptions({
    queryKey: ["events", id],
    queryFn: () => call(api.events[":id"].$get({ param: param(id) })),
  });

export const feedQuery = queryOptions({
  queryKey: ["calendar-feed"],
  queryFn: () => call(api["calendar-feed"].$get()),
});

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ["community-search", q],
    queryFn: () => call(api["community-search"].$get({ query: { q } })),
    enabled: q.trim().length > 0,
  });
