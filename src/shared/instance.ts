import { z } from "zod";

/** What a signed-out page needs to know about this server to tell a newcomer what happens next. */
export const instanceStatusOutput = z
  .object({
    mailConfigured: z.boolean().meta({
      description:
        "Whether this server can send email. Without it no confirmation link leaves the server: an administrator confirms accounts in Admin → Users",
    }),
  })
  .strict()
  .meta({ id: "InstanceStatus" });
export type InstanceStatus = z.infer<typeof instanceStatusOutput>;
