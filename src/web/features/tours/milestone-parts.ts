import { useMutation, useQueryClient } from "@tanstack/react-query";
import { milestoneStatuses, milestoneStatusLabels } from "../../../shared/tour-words.ts";
import type { MilestoneInput, Tour } from "../../../shared/tours.ts";
import { api, call } from "../../api.ts";
import { rememberTour } from "./tours-api.ts";

export const statusOptions = milestoneStatuses.map((status) => ({
  value: status,
  label: milestoneStatusLabels[status],
}));

/** Adds a milestone, or saves one with the version the caller gives. */
export function useSaveMilestone(tour: Tour, milestoneId?: string, version?: () => number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MilestoneInput) =>
      milestoneId
        ? call(
            api.tours[":id"].milestones[":milestoneId"].$put({
              param: { id: encodeURIComponent(tour.id), milestoneId: encodeURIComponent(milestoneId) },
              json: { ...input, version: version?.() ?? 0 },
            }),
          )
        : call(
            api.tours[":id"].milestones.$post({ param: { id: encodeURIComponent(tour.id) }, json: input }),
          ),
    onSuccess: (saved) => rememberTour(queryClient, saved),
  });
}
