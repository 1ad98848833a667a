import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const engagementsQuery = queryOptions({
  queryKey: ["engagements"],
  queryFn: () => call(api.engagements.$get()),
});

export const engagementQuery = (id: string) =>
  queryOptions({
    queryKey: ["engagements", id],
    queryFn: () => call(api.engagements[":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });

export const urgentCallsQuery = queryOptions({
  queryKey: ["urgent-calls"],
  queryFn: () => call(api["urgent-calls"].$get()),
});

/** Saves the calendar file of a session as a download, as a calendar app expects it. */
export async function downloadCalendar(sessionId: string) {
  const file = await call(
    api["engagement-sessions"][":id"].calendar.$get({ param: { id: encodeURIComponent(sessionId) } }),
  );
  const url = URL.createObjectURL(new Blob([file.content], { type: "text/calendar" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
