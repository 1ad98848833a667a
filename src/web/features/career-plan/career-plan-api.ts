import { queryOptions } from "@tanstack/react-query";
import { api, call, readOncePerVisit } from "../../api.ts";

/**
 * The member's plan, the one reader of it every page shares (the plan page, the roadmap, decisions).
 * A plan never saved reads as empty (every part null, version 0), never as missing.
 */
export const careerPlanQuery = queryOptions({
  ...readOncePerVisit,
  queryKey: ["plan"],
  queryFn: () => call(api.plan.$get()),
});

let rowSequence = 0;
/** A stable React key for a row added to an editable list. */
export function newRowKey(): string {
  rowSequence += 1;
  return `row-${rowSequence}`;
}

/** "" stays empty (no year); anything else goes to the schema, which names what is wrong with it. */
export function yearFromField(value: string): number | null | string {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Where the plan form keeps what was typed until it is saved or the edit is cancelled. */
export const planDraftKey = (userId: string) => `sidecar:draft:${userId}:plan`;
