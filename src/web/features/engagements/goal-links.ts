import { useQuery } from "@tanstack/react-query";
import { sharedPlanQuery, sharedPortfolioQuery } from "../sharing/sharing-api.ts";
import { targetRoleQuery } from "../target-role/target-role-api.ts";
import { toursQuery } from "../tours/tours-api.ts";
import type { E } from "./engagement-steps.tsx";

export type Choice = { value: string; label: string };

/**
 * The mentee's tours of duty and next-level hurdles a goal can link to: the mentee's own, or for the
 * mentor what the mentee shares (the plan, the portfolio); nothing when not shared.
 */
export type GoalLinks = { tours: Choice[]; hurdles: Choice[]; shared: boolean };

const tourChoices = (list: { tours: { id: string; title: string }[] }): Choice[] =>
  list.tours.map((t) => ({ value: t.id, label: t.title }));
const hurdleChoices = (hurdles: { title: string }[]): Choice[] =>
  hurdles.map((h) => ({ value: h.title, label: h.title }));

export function useGoalLinks(engagement: E): GoalLinks {
  const mentee = engagement.side === "mentee";
  const ownerId = engagement.mentee.userId;
  // Each read goes through the query that owns its key, so the pages behind those keys (tours, next
  // level, the shared views) find their own answer in the cache, and only the pickers' cut is chosen here.
  const ownTours = useQuery({ ...toursQuery, select: tourChoices, enabled: mentee });
  const sharedTours = useQuery({ ...sharedPlanQuery(ownerId), select: tourChoices, enabled: !mentee });
  const ownHurdles = useQuery({
    ...targetRoleQuery,
    select: (view) => hurdleChoices(view.hurdles),
    enabled: mentee,
  });
  const sharedHurdles = useQuery({
    ...sharedPortfolioQuery(ownerId),
    select: (portfolio) => hurdleChoices(portfolio.nextLevel.hurdles),
    enabled: !mentee,
  });
  const tours = mentee ? ownTours : sharedTours;
  const hurdles = mentee ? ownHurdles : sharedHurdles;
  return {
    tours: tours.data ?? [],
    hurdles: hurdles.data ?? [],
    shared: mentee || tours.isSuccess || hurdles.isSuccess,
  };
}
