import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

export const instanceQuery = queryOptions({
  queryKey: ["instance"],
  queryFn: () => call(api.instance.$get()),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Whether this server can send mail: undefined until known, so pages never claim a mail was sent. */
export function useMailConfigured(): boolean | undefined {
  return useQuery(instanceQuery).data?.mailConfigured;
}
