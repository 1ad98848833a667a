import { useQueryClient } from "@tanstack/react-query";
import type { FeedbackRequest } from "../../../shared/feedback.ts";
import { feedbackRequestQuery } from "./feedback-api.ts";

/** Puts a request the server answered with into the page, and marks the list of requests stale. */
export function useRequestUpdate(id: string) {
  const queryClient = useQueryClient();
  return (updated: FeedbackRequest) => {
    queryClient.setQueryData(feedbackRequestQuery(id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ["feedback", "requests"], exact: true });
  };
}
