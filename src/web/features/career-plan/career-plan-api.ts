import { queryOptions } from "@tanstack/react-query";
import { format, parseISO } from "date-fns";
import { api, call } from "../../api.ts";

export const careerPlanQuery = queryOptions({
  queryKey: ["plan"],
  queryFn: () => call(api.plan.$get()),
});

/** A calendar date as people read it, such as "15 Jan 2026", without shifting it across time zones. */
export function formatDay(isoDate: string): string {
  return format(parseISO(isoDate), "d MMM yyyy");
}

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
