import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../api.ts";

/** The member's next-level view: its page and the goal pickers of an engagement read it through here. */
export const targetRoleQuery = queryOptions({
  queryKey: ["target-role"],
  queryFn: () => call(api["target-role"].$get()),
});
