import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.ts";
import { readAllTours, toursQuery } from "../tours/tours-api.ts";
import type { E } from "./engagement-steps.tsx";

export type Choice = { value: string; label: string };

/**
 * The mentee's tours of duty and next-level hurdles a goal can link to: the mentee's own, or for the
 * mentor what the mentee shares (the plan, the portfolio); nothing when not shared.
 */
export type GoalLinks = { tours: Choice[]; hurdles: Choice[]; shared: boolean };

export function useGoalLinks(engagement: E): GoalLinks {
  const mentee = engagement.side === "mentee";
  const ownerId = encodeURIComponent(engagement.mentee.userId);
  // The mentee's own tours share the cache of every tour; the mentor reads what the mentee shares.
  const tours = useQuery({
    queryKey: mentee ? toursQuery.queryKey : ["shared", engagement.mentee.userId, "plan"],
    queryFn: async () =>
      mentee
        ? readAllTours()
        : { tours: (await call(api.shared[":ownerId"].plan.$get({ param: { ownerId } }))).tours },
    select: (list): Choice[] => list.tours.map((t) => ({ value: t.id, label: t.title })),
    retry: false,
  });
  const hurdles = useQuery({
    queryKey: mentee ? ["target-role"] : ["shared", engagement.mentee.userId, "portfolio"],
    queryFn: async () =>
      mentee
        ? (await call(api["target-role"].$get())).hurdles.map((h) => ({ value: h.title, label: h.title }))
        : (await call(api.shared[":ownerId"].portfolio.$get({ param: { ownerId } }))).nextLevel.hurdles.map(
            (h) => ({ value: h.title, label: h.title }),
          ),
    retry: false,
  });
  return {
    tours: tours.data ?? [],
    hurdles: hurdles.data ?? [],
    shared: mentee || tours.isSuccess || hurdles.isSuccess,
  };
}
