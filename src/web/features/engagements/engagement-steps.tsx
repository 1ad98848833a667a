import { useQueryClient } from "@tanstack/react-query";
import { sessionMinutes } from "../../../shared/engagement-words.ts";
import type { EngagementOutput } from "../../../shared/engagements.ts";
import { api, call } from "../../api.ts";
import { ConflictNotice } from "../../ui/conflict.tsx";
import type { MergeReport } from "../../ui/form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { engagementQuery, engagementsQuery } from "./engagements-api.ts";

export type E = EngagementOutput;

/** The engagement schemas, loaded by a form on its first submit rather than with the page. */
export const schemas = () => import("../../../shared/engagements.ts");
/** Fetches the schemas when focus first enters a form, so its first submit need not wait for them. */
export const preloadSchemas = () => void schemas();

/** The address part naming the engagement in every step's request. */
export const engagementParam = (engagement: E) => ({ id: encodeURIComponent(engagement.id) });

/** The engagement as stored now, for a form's "Load the latest version". */
export function latestEngagement(id: string) {
  return call(api.engagements[":id"].$get({ param: { id: encodeURIComponent(id) } }));
}

/** Puts the engagement a step answered with into the page, marks the list stale and says what happened. */
export function useEngagementUpdate(engagementId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return (updated: E, done?: string) => {
    queryClient.setQueryData(engagementQuery(engagementId).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: engagementsQuery.queryKey, exact: true });
    if (done) toast({ title: done });
  };
}

type ConflictForm<V> = {
  conflict: string | null;
  merged: MergeReport<V> | null;
  resolveConflict: (latest: { values: V; version: number }) => void;
};

/** The shared conflict notice for a form of this page, loading the latest engagement when asked. */
export function StepConflict<V extends Record<string, unknown>>({
  form,
  engagementId,
  labels,
  latest,
}: {
  form: ConflictForm<V>;
  engagementId: string;
  labels: Partial<Record<keyof V, string>>;
  latest: (e: E) => { values: V; version: number };
}) {
  return (
    <ConflictNotice
      form={form}
      labels={labels}
      loadLatest={async () => latest(await latestEngagement(engagementId))}
    />
  );
}

/** Each side reads a time on their own clock, and the other person's beside it. */
export function clocks(engagement: E) {
  const mentee = engagement.side === "mentee";
  return {
    mine: (s: { menteeClock: string; mentorClock: string }) => (mentee ? s.menteeClock : s.mentorClock),
    theirs: (s: { menteeClock: string; mentorClock: string }) => (mentee ? s.mentorClock : s.menteeClock),
  };
}

/** The free times that hold a session of `minutes`: a shorter one could only be refused. */
export function slotsHolding(slots: E["slots"], minutes: string) {
  const lengthMs = Number(minutes) * 60_000;
  return slots.filter((slot) => Date.parse(slot.end) - Date.parse(slot.start) >= lengthMs);
}

/** The lengths a session may have, as the choices of a select. */
export const minuteOptions = sessionMinutes.map((m) => ({ value: String(m), label: `${m} minutes` }));
