import { z } from "zod";
import { levels, tracks } from "./levels.ts";
import { personName, plainText } from "./text.ts";
import { isTimeZone } from "./time-zone.ts";
import { withVersion } from "./version.ts";

export * from "./levels.ts";
export { isTimeZone };

export const profileInput = z.object({
  name: personName(),
  headline: plainText().trim().max(160, "Keep the headline under 160 characters").default(""),
  level: z.enum(levels, { error: "Pick your current level from the list" }).nullable().default(null),
  track: z.enum(tracks, { error: "Pick individual contributor or manager" }).nullable().default(null),
  company: plainText().trim().max(120, "Keep the company name under 120 characters").default(""),
  timeZone: z.string().refine(isTimeZone, "Pick a time zone from the list, such as Europe/Berlin"),
});
export type ProfileInput = z.infer<typeof profileInput>;
/** The profile's `version` is 0 until its first save. */
export const profileUpdateInput = withVersion(profileInput.strict());

export const profileOutput = z
  .object({
    name: z.string(),
    headline: z.string(),
    level: z.enum(levels).nullable(),
    track: z.enum(tracks).nullable(),
    company: z.string(),
    timeZone: z.string().nullable(),
    version: z
      .number()
      .int()
      .meta({ description: "0 until the profile's first save; send it back to change it" }),
  })
  .meta({ id: "Profile" });
export type Profile = z.infer<typeof profileOutput>;

export const meOutput = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(["member", "admin"]),
      emailVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
    }),
    profile: profileOutput,
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meOutput>;
